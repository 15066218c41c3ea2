import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config/schema.ts';
import type { Dialect } from '../platform/db/database.ts';
import type { DB } from '../platform/db/schema.ts';
import type { Ledger } from '../platform/ledger/ledger.ts';

/**
 * What every module service is given: the database, the clock, the frozen configuration, and the ledger every
 * state change is appended to (inside the same transaction).
 */
export interface ServiceContext {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  readonly clock: Clock;
  readonly config: Config;
  readonly ledger: Ledger;
}
