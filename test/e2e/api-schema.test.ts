import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, generateSchemaTypes } from '../../web/scripts/openapi.ts';

/** The web client's types are generated from the node's OpenAPI document: the committed file must be current. */
describe('generated API types (web/src/api/schema.d.ts)', () => {
  it('match the routes; run `npm run gen:api` after changing a route schema', async () => {
    const fresh = await generateSchemaTypes();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run `npm run gen:api`').toBe(true);
  });
});
