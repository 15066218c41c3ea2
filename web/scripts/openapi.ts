import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config/load.ts';
import { migrateToLatest, openDatabase } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';

/** Where the generated types live (committed; `npm run gen:api` rewrites it, a test checks it is current). */
export const SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const HEADER = [
  '/**',
  ' * The node API as TypeScript types, generated from its OpenAPI document by openapi-typescript.',
  ' * Do not edit: run `npm run gen:api` after changing a route schema (test/e2e/api-schema.test.ts checks it).',
  ' */',
  '',
].join('\n');

/** Builds the real app in-process (a throw-away SQLite database, test settings) and returns its OpenAPI document. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-openapi-'));
  const config = loadConfig({ flags: { dataDir, state: 'XA', logLevel: 'silent', argon2MemoryKib: 8192, argon2Passes: 1 }, env: {} });
  const database = openDatabase({ url: config.databaseUrl });
  try {
    await migrateToLatest(database);
    const { app } = await buildApp({ config, database, clock: systemClock, logger: createLogger('silent') });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}`);
      return res.json() as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The text of web/src/api/schema.d.ts for the current routes. */
export async function generateSchemaTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { alphabetize: true });
  return HEADER + astToString(ast);
}
