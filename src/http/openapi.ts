import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { responses, type App } from '../platform/http/route-kit.ts';

/** OpenAPI 3.1, generated from the route schemas, at /api/v1/openapi.json; interactive docs at /api/docs. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Comity node API',
        version,
        description:
          'The HTTP API of one Comity node. Errors are application/problem+json (RFC 9457) with a request id and, for invalid input, per-field `errors`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (comity_pat_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'comity_session', description: 'Browser session; send x-csrf-token on unsafe methods' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    // Shared schemas appear under their $id (User, Case, Problem…) so generated clients get readable type names.
    refResolver: {
      buildLocalReference: (json: Record<string, unknown>, _base: unknown, _fragment: unknown, i: number) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    // Public routes say so: no credentials needed.
    transform: ({ schema, url, route }) => {
      const isPublic = (route.config as { public?: boolean } | undefined)?.public === true;
      return { schema: isPublic ? { ...schema, security: [] } : schema, url } as never;
    },
  });
  // The documentation pages are public, like the document they render.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await scope.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { url: '/api/v1/openapi.json' } as never, staticCSP: true });
  });
}

export async function openApiRoute(app: App): Promise<void> {
  app.get(
    '/api/v1/openapi.json',
    {
      config: { public: true },
      schema: { tags: ['operations'], summary: 'This document', response: responses({ 200: Type.Object({}, { additionalProperties: true }) }) },
    },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
}
