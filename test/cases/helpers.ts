import type { Actor } from '../../src/platform/actor.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import type { Config, Role } from '../../src/platform/config/schema.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { AppError } from '../../src/platform/errors.ts';
import { AccountsService, LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import type { ServiceContext } from '../../src/modules/context.ts';
import { openLedger } from '../../src/platform/ledger/open.ts';
import { CasesService } from '../../src/modules/cases/service.ts';
import { testConfig } from '../kit/node.ts';

/** The cases service on a real database, with the accounts service to make users and a clock tests can move. */
export interface CasesHarness {
  ctx: ServiceContext;
  cases: CasesService;
  accounts: AccountsService;
  clock: ManualClock;
  config: Config;
  /** A new enabled user holding `roles`, as the actor of its requests. */
  user(roles: Role[]): Promise<Actor>;
  disable(actor: Actor): Promise<void>;
}

let n = 0;

export function casesHarness(database: Database, start = '2026-03-14T02:10:00.000Z'): CasesHarness {
  const config = testConfig({ databaseUrl: 'unused' });
  const clock = new ManualClock(start);
  const { ledger } = openLedger({ db: database.db, clock, dataDir: config.dataDir });
  const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock, config, ledger };
  const accounts = new AccountsService(ctx);
  return {
    ctx,
    cases: new CasesService(ctx),
    accounts,
    clock,
    config,
    async user(roles) {
      n += 1;
      const username = `case-user-${n}-${Math.random().toString(36).slice(2, 8)}`;
      const u = await accounts.createUser(LOCAL_OPERATOR, { username, password: `correct horse battery ${n}`, roles });
      return { userId: u.id, username, roles, via: 'session' };
    },
    async disable(actor) {
      await accounts.updateUser(LOCAL_OPERATOR, actor.userId, { disabled: true });
    },
  };
}

/** Awaits a promise expected to fail with an AppError and returns it (fails the test otherwise). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

/** The JSON Pointers an AppError names. */
export function pointers(e: AppError): string[] {
  return (e.errors ?? []).map((f) => f.pointer);
}
