import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../platform/errors.ts';
import type { AccountsService, Authenticated } from '../modules/accounts/service.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../platform/http/route-kit.ts';
import { sha256Hex } from '../modules/accounts/secrets.ts';


const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Authenticates every request: a bearer API token (`Authorization: Bearer comity_pat_…`) or the browser session
 * cookie. Session requests that change state must echo the CSRF token (double-submit: the readable `comity_csrf`
 * cookie, checked against the hash kept with the session). Routes are private unless their config says `public`.
 */
export function installAuth(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('auth', null);
  // onRequest, before the body is read or validated: an unauthenticated client learns nothing about a route's
  // schema and cannot make the node parse bodies, and the CSRF check comes before any input is looked at.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const cfg = req.routeOptions.config ?? {};
    if (req.is404) return;
    const header = req.headers.authorization;
    let auth: Authenticated | null = null;
    if (typeof header === 'string' && header.length > 0) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      auth = m?.[1] ? await accounts.authenticateToken(m[1]) : null;
      if (!auth && !cfg.public) throw new AppError('unauthenticated', 'the API token is invalid, expired or revoked');
    } else {
      const cookie = req.cookies?.[SESSION_COOKIE];
      if (typeof cookie === 'string' && cookie.length > 0) {
        auth = await accounts.authenticateSession(cookie);
        if (!auth) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    req.auth = auth;
    if (cfg.public) return;
    if (!auth) throw new AppError('unauthenticated', 'log in or send an API token');
    const { actor } = auth;
    if (actor.roles.length === 0 && (actor.scopes ?? []).length > 0 && !cfg.allowScopeOnly && !(cfg.scopes ?? []).some((sc) => actor.scopes?.includes(sc)))
      throw new AppError('forbidden', `this API token carries only the scopes ${(actor.scopes ?? []).join(', ')} and no role: it cannot be used here`);
    if (auth.session) {
      if (!SAFE_METHODS.has(req.method)) {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqualHex(sha256Hex(sent), auth.session.csrfHash))
          throw new AppError('csrf_failed', `send the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie`);
      }
      if (auth.session.stage === 'enroll_totp' && !cfg.allowDuringEnrollment)
        throw new AppError('totp_enrollment_required', 'your roles require a one-time code generator: enrol it before continuing');
    }
  });
}
