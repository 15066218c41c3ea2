import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import type { Actor } from '../actor.ts';
import { AppError } from '../errors.ts';

/**
 * What a module's routes need from the HTTP layer, and nothing more: the typed app, route auth options, the
 * problem schema, and the authenticated actor. Modules import this (platform), never `src/http/` (an entry point),
 * so the dependency rule holds: entry points → modules → platform.
 */

/** The Fastify instance every module's routes function receives, typed by TypeBox schemas. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** Per-route options read by the auth hook (src/http/auth.ts). */
export interface RouteAuthConfig {
  /** No authentication needed (login, health, the OpenAPI document). */
  public?: boolean;
  /** Reachable with a session that must still enrol TOTP. */
  allowDuringEnrollment?: boolean;
  /**
   * Token scopes (e.g. `ledger:read`) that grant this route. An API token that carries scopes but no role reaches
   * only routes naming one of its scopes here, or marked `allowScopeOnly` (who am I, logout): default deny.
   */
  scopes?: readonly string[];
  allowScopeOnly?: boolean;
}

/** What the auth hook established for this request. */
export interface RequestAuth {
  actor: Actor;
  /** Present for browser sessions (absent for API tokens). */
  session?: { id: string; stage: 'full' | 'enroll_totp'; csrfHash: string; expiresAt: Date };
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAuthConfig {}
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

export const SESSION_COOKIE = 'comity_session';
export const CSRF_COOKIE = 'comity_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const PROBLEM_TYPE_BASE = 'urn:comity:problem:';

export const FieldErrorSchema = Type.Object({
  in: Type.Union([Type.Literal('body'), Type.Literal('query'), Type.Literal('path'), Type.Literal('header')]),
  pointer: Type.String({ description: 'JSON Pointer (RFC 6901) to the offending field' }),
  detail: Type.String(),
});

/** RFC 9457 problem details, with Comity's extension members. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: `${PROBLEM_TYPE_BASE}<code>` }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    retryAfter: Type.Optional(Type.Integer()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof ProblemSchema>;

/** Adds the problem+json responses every route may give, for the OpenAPI document. */
export function responses<T extends Record<number | string, TSchema>>(ok: T): T & { '4XX': typeof ProblemSchema; '5XX': typeof ProblemSchema } {
  return { ...ok, '4XX': ProblemSchema, '5XX': ProblemSchema };
}

export const NoContent = Type.Null({ description: 'No content' });

/** The authenticated actor of a private route (the auth hook guarantees one). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw new AppError('unauthenticated', 'log in or send an API token');
  return req.auth.actor;
}
