import type { Actor } from '../actor.ts';

export const LEDGER_ACTIONS = ['ledger.read', 'ledger.checkpoint'] as const;
export type LedgerAction = (typeof LEDGER_ACTIONS)[number];

/**
 * Who may read the ledger (entries, proofs, checkpoints, receipts) and ask for a checkpoint now. Oversight and
 * the administrator read it; so does an API token with the `ledger:read` scope (an auditor's or witness's script
 * that needs nothing else). Entries hold no personal data — only commitments — so reading them reveals metadata
 * (who did what to which object, when), never content. Default deny.
 */
export function canLedger(actor: Pick<Actor, 'roles' | 'scopes'>, action: LedgerAction): boolean {
  const reader = actor.roles.includes('oversight') || actor.roles.includes('admin') || (actor.scopes ?? []).includes('ledger:read');
  switch (action) {
    case 'ledger.read':
      return reader;
    case 'ledger.checkpoint':
      return actor.roles.includes('admin') || actor.roles.includes('oversight');
  }
}
