import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { ProblemSchema } from './problem.ts';

/** The Fastify instance every module's routes plugin receives, typed by TypeBox schemas. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** Per-route options read by the auth hook. */
export interface RouteAuthConfig {
  /** No authentication needed (login, health, the OpenAPI document). */
  public?: boolean;
  /** Reachable with a session that must still enrol TOTP. */
  allowDuringEnrollment?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAuthConfig {}
}

/** Adds the problem+json responses every route may give, for the OpenAPI document. */
export function responses<T extends Record<number | string, TSchema>>(ok: T): T & { '4XX': typeof ProblemSchema; '5XX': typeof ProblemSchema } {
  return { ...ok, '4XX': ProblemSchema, '5XX': ProblemSchema };
}

export const NoContent = Type.Null({ description: 'No content' });
