import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PG_ADMIN_URL, PG_REQUIRED, REQUESTED } from './dialects.ts';

/** Probes PostgreSQL once per run. In CI (TEST_DIALECTS names postgres) an unreachable server fails the run. */
export default async function setup(project: TestProject): Promise<void> {
  let ok = false;
  if (REQUESTED.includes('postgres')) {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('select 1');
      ok = true;
    } catch (e) {
      if (PG_REQUIRED) {
        throw new Error(`TEST_DIALECTS requires PostgreSQL but ${PG_ADMIN_URL} is not reachable: ${(e as Error).message}`);
      }
      console.warn(`\n*** PostgreSQL is not reachable at ${PG_ADMIN_URL}: the PostgreSQL suite is SKIPPED (SQLite only). ***\n`);
    } finally {
      await c.end().catch(() => {});
    }
  }
  project.provide('pgAvailable', ok);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAvailable: boolean;
  }
}
