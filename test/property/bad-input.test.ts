import { createHash } from 'node:crypto';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES } from '../../src/platform/config/schema.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, loginSession, tokenFor, type TestNode } from '../kit/node.ts';
import { STACK_LINE } from '../http/problems.ts';
import { servedRoutes } from '../http/routes.ts';

/**
 * Bad input, thrown at every route of the OpenAPI document (so routes added later are covered without touching
 * this file). Each generated request carries at least one defect that the node must refuse before any handler
 * runs — a path parameter that is not a canonical UUID, a query string its schema refuses, or a body that is not
 * JSON, is not sent as JSON, is too large, is missing or breaks its schema — plus noise: random headers and random
 * credentials (none, forged, or a real bearer token or browser session of a user holding every role). The answer
 * must be a 4xx problem+json with a request id, never a 5xx, and the database must be unchanged (every table's
 * rows, fingerprinted) after every single request.
 *
 * Routes that take no input at all (GET without parameters) cannot be sent a defect; they get noise only and must
 * still answer without a 5xx and without changing the database.
 *
 * Replay a failure with COMITY_FUZZ_SEED=<seed printed in the error>; widen a run with COMITY_FUZZ_RUNS=<total>.
 */

const TOTAL_RUNS = Number(process.env.COMITY_FUZZ_RUNS ?? 300);
const BASE_SEED = Number(process.env.COMITY_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** A small body limit (the least the configuration allows is 1024), so that too-large bodies are cheap to make. */
const BODY_LIMIT = 4096;
const TABLES_AT_LEAST = ['users', 'user_roles', 'sessions', 'api_tokens', 'cases', 'case_offences', 'case_members', 'case_subjects', 'reference_counters'];

// ── an oracle that validates like the node (src/http/validation.ts): strict bodies, coerced query and path ─────

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function ajv(coerce: boolean): Ajv {
  const opts: Options = { allErrors: true, useDefaults: true, strict: false, coerceTypes: coerce ? 'array' : false };
  const a = new Ajv(opts);
  addFormats(a);
  a.addFormat('uuid', CANONICAL_UUID);
  return a;
}
const strictAjv = ajv(false);
const coercingAjv = ajv(true);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = Record<string, unknown>;

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Schema;
}

/** One route of the document with validators for each part of a request. */
interface Op {
  key: string;
  method: Method;
  path: string;
  pathParams: string[];
  validParams: ValidateFunction;
  queryNames: string[];
  validQuery: ValidateFunction | null;
  bodyProps: string[];
  validBody: ValidateFunction | null;
}

function objectSchema(params: OpenApiParameter[], components: Schema | undefined): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
    required: params.filter((p) => p.required).map((p) => p.name),
    // "Unknown fields are refused everywhere" (src/http/validation.ts): the oracle holds every query to that.
    additionalProperties: false,
    components,
  };
}

function operations(doc: OpenApiDoc): Op[] {
  const ops: Op[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(item)) {
      const method = m.toUpperCase() as Method;
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const query = params.filter((p) => p.in === 'query');
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        key: `${method} ${path}`,
        method,
        path,
        pathParams: pathParams.map((p) => p.name),
        validParams: coercingAjv.compile(objectSchema(pathParams, doc.components)),
        queryNames: query.map((p) => p.name),
        validQuery: query.length > 0 ? coercingAjv.compile(objectSchema(query, doc.components)) : null,
        bodyProps: Object.keys((body?.properties as Schema | undefined) ?? {}),
        validBody: body ? strictAjv.compile({ ...body, components: doc.components }) : null,
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}

const clone = <T>(v: T): T => structuredClone(v);

/**
 * Whether the node would accept `text` as a JSON body: Fastify's parser (secure-json-parse) strips a leading BOM and
 * refuses `__proto__` keys and `constructor.prototype`.
 */
function parsesAsJson(text: string): boolean {
  let poisoned = false;
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''), function (this: unknown, key: string, value: unknown) {
      if (key === '__proto__' || (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value)) poisoned = true;
      return value;
    });
    return !poisoned;
  } catch {
    return false;
  }
}

// ── requests ──────────────────────────────────────────────────────────────────────────────────────────────────

type Auth = 'none' | 'bearer' | 'session' | 'session-no-csrf' | 'forged-bearer' | 'forged-cookie';

interface FuzzRequest {
  /** The defects this request carries (empty only for routes that take no input). */
  defects: string[];
  params: Record<string, string>;
  query: Array<[string, string]>;
  contentType: string | undefined;
  body: string | undefined;
  auth: Auth;
  headers: Array<[string, string]>;
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8'];
const OTHER_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'text/html',
  'text/csv',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'image/png',
  'application/problem+json',
  'application/merge-patch+json',
];
const printable = fc.string({ unit: fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))), maxLength: 60 });
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.constantFrom('', ' ', 'null', 'true', 'false', '0', '-1', '1e309', 'NaN', '[]', '{}', '%00', '\u0000', '💥', 'ǅ', 'ｔｒｕｅ'),
  fc.nat({ max: 12 }).map((n) => '9'.repeat(n * 4 + 1)),
  fc.integer({ min: 101, max: 3000 }).map((n) => 'x'.repeat(n)),
);

const badParam = fc
  .oneof(
    anyText,
    fc.uuid().map((u) => u.toUpperCase()),
    fc.uuid().map((u) => `urn:uuid:${u}`),
    fc.uuid().map((u) => `{${u}}`),
    fc.uuid().map((u) => u.replaceAll('-', '')),
    fc.uuid().map((u) => ` ${u}`),
    fc.uuid().map((u) => `${u}0`),
    fc.uuid().map((u) => u.slice(0, -1)),
  )
  .filter((s) => s.length > 0 && s !== '.' && s !== '..' && !CANONICAL_UUID.test(s) && encodeURIComponent(s).length <= 200);

const headerName = fc.oneof(
  fc.constantFrom(
    'accept',
    'accept-language',
    'accept-encoding',
    'accept-version',
    'cache-control',
    'content-encoding',
    'content-language',
    'forwarded',
    'if-none-match',
    'if-modified-since',
    'origin',
    'range',
    'referer',
    'user-agent',
    'x-csrf-token',
    'x-forwarded-for',
    'x-forwarded-host',
    'x-forwarded-proto',
    'x-http-method-override',
    'x-request-id',
  ),
  fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
);
const headerValue = fc.oneof(
  printable,
  fc.constantFrom('gzip', 'deflate', 'DELETE', '*/*', 'bytes=0-1', '999999999999'),
  fc.nat({ max: 4000 }).map((n) => 'v'.repeat(n)),
);

// Mostly real credentials, so that most requests get past authentication to parsing and validation.
const authArb: fc.Arbitrary<Auth> = fc.oneof(
  { arbitrary: fc.constant<Auth>('bearer'), weight: 4 },
  { arbitrary: fc.constant<Auth>('session'), weight: 3 },
  { arbitrary: fc.constantFrom<Auth>('none', 'session-no-csrf', 'forged-bearer', 'forged-cookie'), weight: 3 },
);

/** Candidate bodies that look like the route's own (its field names, random values) or like nothing at all. */
function jsonValueFor(op: Op): fc.Arbitrary<unknown> {
  const key = op.bodyProps.length > 0 ? fc.oneof(fc.constantFrom(...op.bodyProps), fc.string({ maxLength: 12 })) : fc.string({ maxLength: 12 });
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyText);
  return fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(key, value, { maxKeys: 6 }));
}

/** What a request of this route can be broken by; empty for routes that take no input. */
type DefectKind = 'path' | 'query' | 'body';

function defectArbs(op: Op): Array<{ kind: DefectKind; arb: fc.Arbitrary<Defect> }> {
  const out: Array<{ kind: DefectKind; arb: fc.Arbitrary<Defect> }> = [];
  const add = (kind: DefectKind, arb: fc.Arbitrary<Defect>): void => void out.push({ kind, arb });
  const takesBody = op.method !== 'GET';
  if (op.pathParams.length > 0) {
    add(
      'path',
      fc.record({ name: fc.constantFrom(...op.pathParams), value: badParam }).map(({ name, value }) => ({ defects: [`path ${name}`], params: { [name]: value } })),
    );
  }
  if (op.validQuery) {
    const validQuery = op.validQuery;
    const unknownKey = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((k) => !op.queryNames.includes(k));
    const pair = fc.oneof(fc.tuple(unknownKey, anyText), fc.tuple(fc.constantFrom(...op.queryNames), anyText));
    add(
      'query',
      fc
        .array(pair, { minLength: 1, maxLength: 4 })
        .filter((pairs) => !validQuery(parseQuery(pairs)))
        .map((pairs) => ({ defects: ['query'], query: pairs })),
    );
  }
  if (takesBody) {
    // Not JSON at all, whatever the content type says (a body that is empty, truncated, binary or plain text).
    const unparseable = fc
      .oneof(
        anyText,
        fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('latin1')),
        jsonValueFor(op).map((v) => JSON.stringify(v).slice(0, -1)),
        fc.constantFrom('{', '[', '{"a":}', "{'a':1}", 'undefined', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
      )
      .filter((s) => !parsesAsJson(s));
    const anyType = fc.oneof(fc.constantFrom(...JSON_TYPES, ...OTHER_TYPES), printable.filter((s) => s.trim().length > 0));
    add(
      'body',
      fc
        .record({ body: unparseable, contentType: fc.option(anyType, { nil: undefined }) })
        // Without a content type, an empty body (or any DELETE body) is not read at all: then a type is required.
        .filter((r) => r.contentType !== undefined || (r.body.length > 0 && op.method !== 'DELETE'))
        .map((r) => ({ defects: ['body: not JSON'], ...r })),
    );
    // Larger than the node accepts, JSON or not.
    add(
      'body',
      fc
        .record({
          body: fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 2 }).map((n) => JSON.stringify({ pad: 'x'.repeat(n) })),
          contentType: fc.option(anyType, { nil: undefined }),
        })
        .filter((r) => r.contentType !== undefined || op.method !== 'DELETE')
        .map((r) => ({ defects: ['body: too large'], ...r })),
    );
    // Valid JSON, even a valid request, sent as something other than JSON.
    add(
      'body',
      fc
        .record({ value: jsonValueFor(op), contentType: fc.constantFrom(...OTHER_TYPES) })
        .map(({ value, contentType }) => ({ defects: [`body: sent as ${contentType}`], body: JSON.stringify(value), contentType })),
    );
  }
  if (op.validBody) {
    const validBody = op.validBody;
    add(
      'body',
      fc
        .record({ value: jsonValueFor(op), contentType: fc.constantFrom(...JSON_TYPES) })
        .filter(({ value }) => !validBody(clone(value)))
        .map(({ value, contentType }) => ({ defects: ['body: schema'], body: JSON.stringify(value), contentType })),
    );
    if (op.method !== 'DELETE') add('body', fc.constant({ defects: ['body: missing'], body: undefined, contentType: undefined }));
  }
  return out;
}

/** The query object the node sees (null prototype, like Fastify's parser: keys such as "toString" are data). */
function parseQuery(pairs: Array<[string, string]>): Record<string, string | string[]> {
  const q = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of pairs) {
    const prev = q[k];
    q[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return q;
}

type Defect = Partial<FuzzRequest> & { defects: string[] };

function requestArb(op: Op): fc.Arbitrary<FuzzRequest> {
  const tagged = defectArbs(op);
  const defects = tagged.map((t) => t.arb);
  const kinds = tagged.map((t) => t.kind);
  // Routes without query parameters ignore the query string: noise there; with parameters, only the defect.
  const noiseQuery = op.validQuery
    ? fc.constant<Array<[string, string]>>([])
    : fc.array(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), anyText), { maxLength: 3 });
  const base = fc.record({
    params: fc.record(Object.fromEntries(op.pathParams.map((p) => [p, fc.uuid()]))) as fc.Arbitrary<Record<string, string>>,
    query: noiseQuery,
    auth: authArb,
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 3 }),
  });
  // One defect, or two of different kinds (path, query, body); none only for routes that take no input. (No `chain`: it shrinks badly.)
  const combos: Array<fc.Arbitrary<Defect[]>> = defects.map((d) => d.map((x) => [x]));
  for (let i = 0; i < defects.length; i++) {
    for (let j = i + 1; j < defects.length; j++) {
      if (kinds[i] !== kinds[j]) combos.push(fc.tuple(defects[i] as fc.Arbitrary<Defect>, defects[j] as fc.Arbitrary<Defect>));
    }
  }
  const chosen: fc.Arbitrary<Defect[]> = combos.length === 0 ? fc.constant([]) : fc.oneof(...combos);
  return fc.tuple(base, chosen).map(([b, parts]) => {
    const r: FuzzRequest = { defects: [], contentType: undefined, body: undefined, ...b, params: { ...b.params }, query: [...b.query] };
    for (const p of parts) {
      r.defects.push(...p.defects);
      if (p.params) Object.assign(r.params, p.params);
      if (p.query) r.query.push(...p.query);
      if ('body' in p) {
        r.body = p.body;
        r.contentType = p.contentType;
      }
    }
    return r;
  });
}

// ── the database, as a fingerprint per table ────────────────────────────────────────────────────────────────

async function tablesOf(database: Database): Promise<string[]> {
  const q =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await q.execute(database.db)).rows.map((r) => r.name);
}

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return x.toString();
    if (x instanceof Uint8Array) return Buffer.from(x).toString('base64');
    if (x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)) {
      return Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return x;
  });

async function fingerprint(database: Database, tables: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(database.db)).rows.map(stable).sort();
    out[t] = `${rows.length} rows ${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

// ── the property ────────────────────────────────────────────────────────────────────────────────────────────

describeEachDialect('bad input: always a 4xx problem, never a 5xx, never a change', (get) => {
  let node: TestNode;
  let ops: Op[];
  let tables: string[];
  let credentials: Record<Auth, Record<string, string>>;

  beforeAll(async () => {
    node = await buildTestNode(get(), { bodyLimitBytes: BODY_LIMIT });
    const everything = await createUser(node, [...ROLES], { totp: true });
    const token = await tokenFor(node, everything);
    const session = (await loginSession(node, everything)).headers;
    credentials = {
      none: {},
      bearer: bearer(token),
      session,
      'session-no-csrf': { cookie: session.cookie ?? '' },
      'forged-bearer': bearer(`comity_pat_${'A'.repeat(43)}`),
      'forged-cookie': { cookie: 'comity_session=comity_ses_forged; comity_csrf=forged', 'x-csrf-token': 'forged' },
    };
    // First uses record last_used_at / last_seen_at; with the clock standing still they are not written again.
    for (const h of [credentials.bearer, credentials.session]) expect((await node.app.inject({ url: '/api/v1/auth/session', headers: h })).statusCode).toBe(200);
    const doc = (await node.app.inject({ url: '/api/v1/openapi.json' })).json<OpenApiDoc>();
    ops = operations(doc);
    // The document is the list of targets: it must name every route the node serves.
    expect(ops.map((o) => o.key).sort()).toEqual([...servedRoutes(node.app)].sort());
    tables = await tablesOf(get());
    expect(tables).toEqual(expect.arrayContaining(TABLES_AT_LEAST));
    // The fingerprint sees a change to a single column of a single row.
    const before = await fingerprint(get(), tables);
    await get().db.updateTable('users').set({ display_name: 'fingerprint check' }).where('id', '=', everything.id).execute();
    const after = await fingerprint(get(), tables);
    expect(tables.filter((t) => before[t] !== after[t])).toEqual(['users']);
  });
  afterAll(() => node.close());

  async function send(op: Op, r: FuzzRequest): Promise<LightMyRequestResponse> {
    let url = op.path;
    for (const [name, value] of Object.entries(r.params)) url = url.replace(`{${name}}`, encodeURIComponent(value));
    if (r.query.length > 0) url += `?${r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
    const headers: Record<string, string> = {};
    for (const [k, v] of r.headers) headers[k] = v;
    Object.assign(headers, credentials[r.auth]);
    if (r.contentType !== undefined) headers['content-type'] = r.contentType;
    return node.app.inject({ method: op.method, url, headers, ...(r.body === undefined ? {} : { payload: r.body }) });
  }

  it(`answers ${TOTAL_RUNS} malformed requests spread over every documented route (seed ${BASE_SEED})`, async () => {
    const start = await fingerprint(get(), tables);
    let last = start;
    const numRuns = Math.max(8, Math.ceil(TOTAL_RUNS / ops.length));
    const seen = new Map<string, Set<number>>();
    for (const [i, op] of ops.entries()) {
      const seed = BASE_SEED + i;
      try {
        await fc.assert(
          fc.asyncProperty(requestArb(op), async (r) => {
            const res = await send(op, r);
            const status = res.statusCode;
            const statuses = seen.get(op.key) ?? new Set<number>();
            statuses.add(status);
            seen.set(op.key, statuses);
            expect(status, `5xx: ${res.body}`).toBeLessThan(500);
            if (r.defects.length > 0) expect(status, `accepted a request with ${r.defects.join(', ')}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
            if (status >= 400) {
              expect(res.headers['content-type'], res.body.slice(0, 300)).toMatch(/^application\/problem\+json/);
              const p = res.json<{ code?: unknown; requestId?: unknown; status?: unknown; type?: unknown }>();
              expect(typeof p.code).toBe('string');
              expect(p.type).toBe(`urn:comity:problem:${String(p.code)}`);
              expect(p.status).toBe(status);
              expect(p.requestId).toBe(res.headers['x-request-id']);
              expect(res.body).not.toMatch(STACK_LINE);
            }
            const now = await fingerprint(get(), tables);
            const changed = tables.filter((t) => now[t] !== last[t]).map((t) => `${t}: ${last[t]} → ${now[t]}`);
            last = now;
            expect(changed, 'the database changed').toEqual([]);
          }),
          { numRuns, seed },
        );
      } catch (e) {
        throw new Error(`${op.key}: replay with COMITY_FUZZ_SEED=${BASE_SEED} (route seed ${seed})\n${(e as Error).message}`, { cause: e });
      }
    }
    expect(await fingerprint(get(), tables)).toEqual(start);
    // Every route with input was actually refused, not merely "not 5xx".
    for (const op of ops) expect(seen.get(op.key)?.size ?? 0, op.key).toBeGreaterThan(0);
  }, 60_000);
});
