import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, toApiError } from './problem.ts';
import type { components, paths } from './schema.d.ts';

/**
 * The typed API client: openapi-fetch over the types generated from the node's OpenAPI document
 * (web/src/api/schema.d.ts, `npm run gen:api`). Every call goes through one middleware that
 * - sends the session cookie (same origin) and, on state-changing methods, the CSRF double-submit header;
 * - reports a 401 (except from the login call itself) so the application returns to the login screen.
 * `call()` turns a failed response into an `ApiError` carrying the problem+json, field errors included.
 */

export const CSRF_COOKIE = 'comity_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever the node answers 401 to a call other than the login itself (the session ended or expired). */
export function onUnauthenticated(fn: Listener): () => void {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
}

const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method)) {
      const csrf = readCookie(CSRF_COOKIE);
      if (csrf) request.headers.set(CSRF_HEADER, csrf);
    }
    request.headers.set('accept', 'application/json, application/problem+json, text/plain');
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    // The login call answers 401 for a wrong password; the session probe answers 401 when nobody is logged in.
    if (response.status === 401 && !path.endsWith('/auth/login') && !path.endsWith('/auth/session')) for (const fn of unauthenticatedListeners) fn();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });
api.use(session);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError (problem+json, or a network error as
 * status 0, code `network`).
 */
export async function call<T>(request: Promise<Outcome<T>>): Promise<T> {
  let r: Outcome<T>;
  try {
    r = await request;
  } catch (e) {
    throw toApiError(0, e instanceof Error ? e.message : String(e));
  }
  if (!r.response.ok || r.error !== undefined) throw toApiError(r.response.status, r.error);
  return r.data as T;
}

export { ApiError };

// ── shapes used across screens, named from the generated types ─────────────────────────────────────────────
type Json<P extends keyof paths, M extends 'get' | 'post' | 'patch', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type User = components['schemas']['User'];
export type ApiToken = components['schemas']['ApiToken'];
export type Case = components['schemas']['Case'];
export type CaseMetadata = components['schemas']['CaseMetadata'];
export type CaseListItem = components['schemas']['CaseListItem'];
export type CaseMember = components['schemas']['CaseMember'];
export type CaseSubject = components['schemas']['CaseSubject'];
export type Offence = components['schemas']['Offence'];
export type SessionInfo = Json<'/api/v1/auth/session', 'get', 200>;
export type Role = User['roles'][number];
export type CaseDetail = Json<'/api/v1/cases/{id}', 'get', 200>;
export type NewSubject = NonNullable<paths['/api/v1/cases/{id}/subjects']['post']['requestBody']>['content']['application/json'];
export type CaseAbility = Case['abilities'][number];
export type Receipt = Json<'/api/v1/ledger/receipts/{index}', 'get', 200>;

// ── cooperation requests (src/modules/requests/schema.ts) ──────────────────────────────────────────────────
export type RequestType = components['schemas']['RequestType'];
export type FieldDefinition = RequestType['fields'][number];
export type RequestDetail = Json<'/api/v1/requests/{id}', 'get', 200>;
export type RequestCheck = components['schemas']['RequestCheck'];
export type RequestList = Json<'/api/v1/requests', 'get', 200>;
export type RequestListItem = RequestList['items'][number];
export type RequestListQuery = NonNullable<paths['/api/v1/requests']['get']['parameters']['query']>;
export type RequestEventBody = NonNullable<paths['/api/v1/requests/{id}/events']['post']['requestBody']>['content']['application/json'];
export type NewRequestBody = NonNullable<paths['/api/v1/requests']['post']['requestBody']>['content']['application/json'];
export type DraftPatchBody = NonNullable<paths['/api/v1/requests/{id}']['patch']['requestBody']>['content']['application/json'];
export type Notification = Json<'/api/v1/notifications', 'get', 200>['items'][number];
export type AccessLogEntry = Json<'/api/v1/requests/{id}/access-log', 'get', 200>['items'][number];
export type Directory = Json<'/api/v1/directory', 'get', 200>;
export type DirectoryState = Directory['states'][string];
export type DirectoryNode = Directory['nodes'][number];
