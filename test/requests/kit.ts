import type { Actor } from '../../src/platform/actor.ts';
import type { Role } from '../../src/platform/config/schema.ts';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import type { FieldDefinition, RequestTypeDefinition } from '../../src/modules/requests/model.ts';
import type { RequestView } from '../../src/modules/requests/views.ts';
import type { FedNode } from '../federation/kit.ts';

let n = 0;

/** A user of a node holding `roles`, as the actor of its calls (the services are called directly). */
export async function userOn(node: FedNode, roles: Role[], email?: string): Promise<Actor> {
  n += 1;
  const username = `${node.name.toLowerCase()}-${roles.join('-')}-${n}`;
  const u = await node.node.services.accounts.createUser(LOCAL_OPERATOR, { username, password: `correct horse battery staple ${n}`, roles, ...(email ? { email } : {}) });
  return { userId: u.id, username, roles, via: 'session' };
}

/** A plausible value of a field's kind, for the fields a test does not care about. */
export function sampleValue(f: FieldDefinition): unknown {
  switch (f.kind) {
    case 'text':
      return `${f.id} (test value)`;
    case 'longtext':
      return `${f.id}: a statement long enough to be read by the requested State.`;
    case 'date':
      return '2026-03-10';
    case 'datetime':
      return '2026-03-14T02:10:00Z';
    case 'period':
      return { from: '2026-03-01', to: '2026-03-14' };
    case 'integer':
      return f.id === 'preservationDays' ? 90 : 1;
    case 'boolean':
      return f.id === 'mlaWillFollow';
    case 'choice':
      return f.options?.[0] ?? 'x';
    case 'choices':
      return f.options && f.options.length > 0 ? [f.options[0]] : ['x'];
    case 'list':
      return ['203.0.113.7'];
    case 'timezone':
      return 'Europe/Paris';
    case 'email':
      return 'duty@ca.xa.example';
    case 'phone':
      return '+33 1 23 45 67 89';
    case 'offences':
      return ['illegal_access', 'data_interference'];
    case 'persons':
      return [{ name: 'Unknown operator of pay-portal.example', role: 'suspect' }];
    case 'assets':
      return [{ type: 'virtual_asset', description: 'BTC wallet bc1q…', value: 12000, currency: 'EUR' }];
  }
}

/** `content` with every field that is required now (given `content`) filled by `sampleValue`, keeping what is set. */
export function completed(def: RequestTypeDefinition, content: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...content };
  for (let pass = 0; pass < 3; pass += 1) {
    for (const f of def.fields) {
      if (out[f.id] !== undefined) continue;
      const w = f.requiredWhen;
      const conditional =
        w !== undefined &&
        (('equals' in w && out[w.field] === w.equals) || ('includes' in w && Array.isArray(out[w.field]) && (out[w.field] as unknown[]).includes(w.includes)) || ('present' in w && out[w.field] !== undefined));
      if (f.required || conditional) out[f.id] = sampleValue(f);
    }
  }
  return out;
}

export const ledgerActions = async (node: FedNode, objectId: string): Promise<string[]> =>
  (await node.node.database.db.selectFrom('ledger_entries').select(['action', 'idx']).where('object_id', '=', objectId).orderBy('idx').execute()).map((r) => r.action);

export const stateOf = (v: RequestView): string => v.record.state;
