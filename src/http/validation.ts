import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

// ajv-formats is CommonJS with a default export; under ESM its callable sits on `.default`.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * ajv-formats' `uuid` also accepts upper case and a `urn:uuid:` prefix. Identifiers are stored in canonical
 * lower-case form: PostgreSQL's `uuid` type would reject the prefix (a 500) and SQLite's text comparison would miss
 * upper case (so the two engines would disagree). Only the canonical form is a valid id.
 */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Two validators: bodies are checked strictly (no type coercion: `"true"` is not a boolean), while query strings,
 * path parameters and headers — which are text by nature — are coerced to their declared types. Unknown fields
 * are refused everywhere (`additionalProperties: false` on our schemas is enforced, never silently stripped).
 * Bodies are JSON only: anything else is refused as an unsupported media type.
 */
export function installValidation(app: FastifyInstance): void {
  const strict = new Ajv({ ...base, coerceTypes: false });
  const coercing = new Ajv({ ...base, coerceTypes: 'array' });
  for (const ajv of [strict, coercing]) {
    addFormats(ajv);
    ajv.addFormat('uuid', CANONICAL_UUID);
  }
  // Fastify parses text/plain bodies by default; the API speaks JSON only, so any other body is a 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema as object),
  );
}
