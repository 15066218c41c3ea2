import type { Actor } from '../platform/actor.ts';
import { ACCOUNT_ACTIONS, can as canAccounts } from '../modules/accounts/policy.ts';
import { can as canCases } from '../modules/cases/index.ts';
import { requestNodeAbilities } from '../modules/requests/index.ts';
import { LEDGER_ACTIONS, canLedger } from '../platform/ledger/policy.ts';

/**
 * Node-wide abilities of an actor, from every module's policy: what the UI may offer (menus, "new case"). Per-
 * resource abilities come with each resource (e.g. a case's `abilities`). The server still checks everything.
 */
export function nodeAbilities(actor: Actor): string[] {
  const out: string[] = ACCOUNT_ACTIONS.filter((a) => canAccounts(actor, a));
  if (canCases(actor, 'case.create')) out.push('case.create');
  out.push(...requestNodeAbilities(actor));
  out.push(...LEDGER_ACTIONS.filter((a) => canLedger(actor, a)));
  return out;
}
