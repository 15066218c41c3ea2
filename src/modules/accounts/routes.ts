import { Type } from 'typebox';
import type { Actor } from '../../platform/actor.ts';
import type { Config } from '../../platform/config/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { CSRF_COOKIE, NoContent, SESSION_COOKIE, actorOf, responses, type App } from '../../platform/http/route-kit.ts';
import {
  CreatedToken,
  IdParams,
  LoginBody,
  NewTokenBody,
  NewUserBody,
  PasswordChangeBody,
  PasswordResetBody,
  SessionInfoSchema,
  TokenListQuery,
  TokenSchema,
  TotpCodeBody,
  TotpEnrollment,
  UserListQuery,
  UserPatchBody,
  UserSchema,
  presentToken,
  presentUser,
  sessionExpiry,
} from './schema.ts';
import type { AccountsService } from './service.ts';

const auth = ['auth'];
const admin = ['users'];

/** Login, sessions, TOTP, password, user administration and API tokens under /api/v1. */
export interface AccountsRoutesDeps {
  accounts: AccountsService;
  config: Config;
  /** Node-wide abilities of an actor, composed from every module's policy by the app. */
  abilities: (actor: Actor) => string[];
}

export async function accountsRoutes(app: App, deps: AccountsRoutesDeps): Promise<void> {
  const { accounts, config, abilities } = deps;
  const cookieBase = { path: '/', sameSite: 'strict' as const, secure: config.cookieSecure };

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: auth,
        summary: 'Log in with username, password and (when enrolled) a TOTP code',
        description:
          'Sets an HTTP-only session cookie and a readable CSRF cookie whose value must be sent back in the x-csrf-token header on every state-changing request.',
        body: LoginBody,
        response: responses({ 200: SessionInfoSchema }),
      },
    },
    async (req, reply) => {
      const r = await accounts.login({
        username: req.body.username,
        password: req.body.password,
        totp: req.body.totp,
        ip: req.ip ?? null,
        userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
      });
      const maxAge = Math.floor((r.session.expiresAt.getTime() - r.session.createdAt.getTime()) / 1000);
      reply.setCookie(SESSION_COOKIE, r.sessionToken, { ...cookieBase, httpOnly: true, maxAge });
      reply.setCookie(CSRF_COOKIE, r.csrfToken, { ...cookieBase, httpOnly: false, maxAge });
      const actor: Actor = { userId: r.user.id, username: r.user.username, roles: r.user.roles, via: 'session', sessionId: r.session.id };
      return {
        user: presentUser(r.user),
        roles: r.user.roles,
        via: 'session' as const,
        stage: r.session.stage,
        expiresAt: sessionExpiry(r.session),
        totpRequired: accounts.totpRequiredFor(r.user.roles),
        node: { state: config.state, name: config.nodeName },
        abilities: r.session.stage === 'full' ? abilities(actor) : [],
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { allowDuringEnrollment: true, allowScopeOnly: true }, schema: { tags: auth, summary: 'End this session', response: responses({ 204: NoContent }) } },
    async (req, reply) => {
      if (req.auth?.session) await accounts.logout(req.auth.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      config: { allowDuringEnrollment: true },
      schema: { tags: auth, summary: 'End every session of the current user, on every device', response: responses({ 200: Type.Object({ ended: Type.Integer() }) }) },
    },
    async (req, reply) => {
      const ended = await accounts.logoutEverywhere(actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ended };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { allowDuringEnrollment: true, allowScopeOnly: true },
      schema: { tags: auth, summary: 'Who am I: the current user, roles in force and session state', response: responses({ 200: SessionInfoSchema }) },
    },
    async (req) => {
      const actor = actorOf(req);
      const user = await accounts.getUser(actor, actor.userId);
      return {
        user: presentUser(user),
        roles: [...actor.roles],
        via: actor.via,
        stage: req.auth?.session?.stage ?? ('full' as const),
        expiresAt: sessionExpiry(req.auth?.session),
        totpRequired: accounts.totpRequiredFor(user.roles),
        node: { state: config.state, name: config.nodeName },
        abilities: req.auth?.session?.stage === 'enroll_totp' ? [] : abilities(actor),
      };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: { tags: auth, summary: 'Change my password (ends my other sessions)', body: PasswordChangeBody, response: responses({ 204: NoContent }) },
    },
    async (req, reply) => {
      await accounts.changeOwnPassword(actorOf(req), req.body.currentPassword, req.body.newPassword);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/totp/enroll',
    {
      config: { allowDuringEnrollment: true },
      schema: {
        tags: auth,
        summary: 'Start TOTP enrolment: returns the secret and otpauth URI to scan',
        response: responses({ 200: TotpEnrollment }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (actor.via !== 'session') throw new AppError('forbidden', 'enrol a second factor from a logged-in browser session');
      return accounts.beginTotpEnrollment(actor);
    },
  );

  app.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { allowDuringEnrollment: true },
      schema: { tags: auth, summary: 'Confirm TOTP enrolment with a first code', body: TotpCodeBody, response: responses({ 204: NoContent }) },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.via !== 'session') throw new AppError('forbidden', 'enrol a second factor from a logged-in browser session');
      await accounts.confirmTotp(actor, req.body.code, req.auth?.session?.id);
      return reply.code(204).send(null);
    },
  );

  // ── user administration ────────────────────────────────────────────────────────────────────────────────

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: admin,
        summary: 'List users (admin, oversight)',
        querystring: UserListQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(UserSchema), next: Type.Union([Type.String(), Type.Null()]) }) }),
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await accounts.listUsers(actorOf(req), { role: req.query.role, disabled: req.query.disabled, after: req.query.after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return { items: page.map(presentUser), next: rows.length > limit ? (page.at(-1)?.username ?? null) : null };
    },
  );

  app.post(
    '/api/v1/users',
    { schema: { tags: admin, summary: 'Create a user (admin)', body: NewUserBody, response: responses({ 201: UserSchema }) } },
    async (req, reply) => {
      const u = await accounts.createUser(actorOf(req), req.body);
      return reply.code(201).send(presentUser(u));
    },
  );

  app.get(
    '/api/v1/users/:id',
    { schema: { tags: admin, summary: 'Read a user (admin, oversight, or oneself)', params: IdParams, response: responses({ 200: UserSchema }) } },
    async (req) => presentUser(await accounts.getUser(actorOf(req), req.params.id)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: admin,
        summary: 'Change a user: display name, e-mail, roles, disabled (admin)',
        params: IdParams,
        body: UserPatchBody,
        response: responses({ 200: UserSchema }),
      },
    },
    async (req) => presentUser(await accounts.updateUser(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      schema: { tags: admin, summary: 'Set a new password and unlock (admin)', params: IdParams, body: PasswordResetBody, response: responses({ 204: NoContent }) },
    },
    async (req, reply) => {
      await accounts.resetPassword(actorOf(req), req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/users/:id/reset-totp',
    { schema: { tags: admin, summary: 'Remove a lost TOTP device; the user enrols again (admin)', params: IdParams, response: responses({ 204: NoContent }) } },
    async (req, reply) => {
      await accounts.resetTotp(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ── API tokens ─────────────────────────────────────────────────────────────────────────────────────────

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'My API tokens (or everyone\'s with all=true: admin, oversight)',
        querystring: TokenListQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(TokenSchema) }) }),
      },
    },
    async (req) => ({
      items: (await accounts.listTokens(actorOf(req), { all: req.query.all, includeRevoked: req.query.includeRevoked })).map(presentToken),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token for myself, carrying some of my roles and/or scopes; the secret is shown once',
        body: NewTokenBody,
        response: responses({ 201: CreatedToken }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const r = await accounts.createToken(actor, actor.userId, {
        name: req.body.name,
        roles: req.body.roles ?? [],
        scopes: req.body.scopes ?? [],
        expiresInDays: req.body.expiresInDays ?? 30,
      });
      return reply.code(201).send({ token: r.token, record: presentToken(r.record) });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke an API token', params: IdParams, response: responses({ 204: NoContent }) } },
    async (req, reply) => {
      await accounts.revokeToken(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
