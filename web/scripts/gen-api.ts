import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, generateSchemaTypes } from './openapi.ts';

/** `npm run gen:api`: regenerates web/src/api/schema.d.ts from the routes' schemas. */
writeFileSync(SCHEMA_FILE, await generateSchemaTypes());
console.log(`wrote ${SCHEMA_FILE}`);
