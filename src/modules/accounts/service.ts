import type { Actor } from '../../platform/actor.ts';
import { ROLES, type Role } from '../../platform/config/schema.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../../platform/db/executor.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { actorRef } from '../../platform/ledger/ledger.ts';
import type { ServiceContext } from '../context.ts';
import { ANONYMOUS, NOT_A_USERNAME, SYSTEM, tokenObject, userObject, type AccountEntry, type LoginFailure } from './audit.ts';
import { dummyHash, hashPassword, needsRehash, passwordProblem, verifyPassword, type Argon2Params } from './password.ts';
import { can, type AccountAction } from './policy.ts';
import { SCOPE_HOLDERS, TOKEN_SCOPES, isTokenScope, mayHoldScope, type TokenScope } from './scopes.ts';
import { SESSION_PREFIX, TOKEN_PREFIX, newSecret, sha256Hex } from './secrets.ts';
import * as store from './store.ts';
import { LoginThrottle } from './throttle.ts';
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp.ts';

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{1,62}$/;
export const TOKEN_MAX_DAYS = 366;

/** The local operator: whoever runs the CLI against the data folder, and so already holds the node's files. */
export const LOCAL_OPERATOR: Actor = Object.freeze({
  userId: '00000000-0000-7000-8000-000000000000',
  username: 'local-operator',
  roles: ['admin'] as Role[],
  via: 'cli',
});

export interface NewUserInput {
  username: string;
  displayName?: string;
  email?: string | null;
  password: string;
  roles: readonly string[];
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  session: store.SessionRecord;
  user: store.UserRecord;
}

export interface Authenticated {
  actor: Actor;
  session?: store.SessionRecord;
}

function checkRoles(roles: readonly string[], field = 'roles'): Role[] {
  const bad = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad !== undefined) throw invalid(field, `unknown role "${bad}"; roles are ${ROLES.join(', ')}`);
  return [...new Set(roles)] as Role[];
}

export function normaliseUsername(u: string): string {
  return u.trim().toLowerCase();
}

function checkScopes(scopes: readonly string[]): TokenScope[] {
  const bad = scopes.find((s) => !isTokenScope(s));
  if (bad !== undefined) throw invalid('scopes', `unknown scope "${bad}"; scopes are ${TOKEN_SCOPES.join(', ')}`);
  return [...new Set(scopes)] as TokenScope[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The object of a failed login under a name no account has (see `NOT_A_USERNAME`). */
function attemptedUsername(normalised: string): AccountEntry['object'] {
  return { type: 'username', id: USERNAME_RE.test(normalised) ? normalised : NOT_A_USERNAME };
}

/**
 * Accounts, sessions, second factor and API tokens. Every method that changes state runs in one transaction that
 * also appends its ledger entry (audit.ts), so the change and its record commit together or not at all. Session
 * activity, token last-use times and the end of idle sessions are bookkeeping and are not recorded.
 * Throws `AppError` with codes invalid_credentials, totp_required, totp_invalid, account_locked,
 * account_disabled, too_many_requests, forbidden, not_found, conflict, validation_failed.
 */
export class AccountsService {
  private readonly ctx: ServiceContext;
  private readonly throttle = new LoginThrottle();

  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
  }

  private get argon(): Argon2Params {
    const c = this.ctx.config;
    return { memoryKiB: c.argon2MemoryKib, passes: c.argon2Passes, parallelism: c.argon2Parallelism };
  }

  /** Appends entries to the ledger inside `trx`: if that fails, so does the change. */
  private async record(trx: Executor, entries: AccountEntry | AccountEntry[]): Promise<void> {
    await this.ctx.ledger.append(trx, entries);
  }

  private authorize(actor: Actor, action: AccountAction): void {
    if (!can(actor, action)) throw new AppError('forbidden', `your roles do not allow ${action}`);
  }

  /** Whether the roles oblige their holder to use a second factor. */
  totpRequiredFor(roles: readonly Role[]): boolean {
    return roles.some((r) => this.ctx.config.totpRequiredRoles.includes(r));
  }

  // ── users ───────────────────────────────────────────────────────────────────────────────────────────────

  async createUser(actor: Actor, input: NewUserInput): Promise<store.UserRecord> {
    this.authorize(actor, 'users.create');
    const username = normaliseUsername(input.username);
    if (!USERNAME_RE.test(username))
      throw invalid('username', '2–63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');
    const pw = passwordProblem(input.password);
    if (pw) throw invalid('password', pw);
    const roles = checkRoles(input.roles);
    const passwordHash = await hashPassword(input.password, this.argon);
    const id = newId();
    const at = this.ctx.clock.now();
    const displayName = input.displayName?.trim() || username;
    const email = input.email ?? null;
    try {
      await inTransaction(this.ctx.db, async (trx) => {
        await store.insertUser(trx, { id, username, displayName, email, passwordHash, roles, at });
        await this.record(trx, { actor: actorRef(actor), action: 'user.create', object: userObject(id), details: { username, displayName, email, roles } });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('conflict', `a user named "${username}" already exists`);
      throw e;
    }
    return this.getUserRecord(id);
  }

  private async getUserRecord(id: string): Promise<store.UserRecord> {
    const u = await store.findUserById(this.ctx.db, id);
    if (!u) throw notFound('user');
    return u;
  }

  async getUser(actor: Actor, id: string): Promise<store.UserRecord> {
    if (id !== actor.userId) this.authorize(actor, 'users.read');
    return this.getUserRecord(id);
  }

  async findByUsername(actor: Actor, username: string): Promise<store.UserRecord> {
    const u = await store.findUserByUsername(this.ctx.db, normaliseUsername(username));
    if (!u) throw notFound(`user "${username}"`);
    if (u.id !== actor.userId) this.authorize(actor, 'users.read');
    return u;
  }

  async listUsers(actor: Actor, f: store.UserFilter): Promise<store.UserRecord[]> {
    this.authorize(actor, 'users.list');
    return store.listUsers(this.ctx.db, f);
  }

  async updateUser(
    actor: Actor,
    id: string,
    patch: { displayName?: string; email?: string | null; roles?: readonly string[]; disabled?: boolean },
  ): Promise<store.UserRecord> {
    this.authorize(actor, 'users.update');
    if (patch.roles !== undefined) this.authorize(actor, 'users.roles');
    if (patch.disabled !== undefined) this.authorize(actor, 'users.disable');
    const roles = patch.roles === undefined ? undefined : checkRoles(patch.roles);
    const at = this.ctx.clock.now();
    await inTransaction(this.ctx.db, async (trx) => {
      const u = await store.findUserById(trx, id);
      if (!u) throw notFound('user');
      const losesAdmin =
        u.roles.includes('admin') && !u.disabled && ((roles && !roles.includes('admin')) || patch.disabled === true);
      if (losesAdmin && (await store.countAdmins(trx)) <= 1)
        throw new AppError('conflict', 'this is the last enabled administrator; appoint another one first');
      // Only what actually changes is written and recorded: a patch that changes nothing changes nothing.
      const p: store.UserPatch = {};
      const changes: Record<string, { from: string | null; to: string | null }> = {};
      if (patch.displayName !== undefined) {
        const displayName = patch.displayName.trim() || u.username;
        if (displayName !== u.displayName) {
          p.displayName = displayName;
          changes.displayName = { from: u.displayName, to: displayName };
        }
      }
      if (patch.email !== undefined && patch.email !== u.email) {
        p.email = patch.email;
        changes.email = { from: u.email, to: patch.email };
      }
      const disabled = patch.disabled !== undefined && patch.disabled !== u.disabled ? patch.disabled : undefined;
      if (disabled !== undefined) p.disabled = disabled;
      const newRoles = roles && !sameSet(roles, u.roles) ? [...roles].sort() : undefined;
      if (Object.keys(p).length === 0 && !newRoles) return;
      await store.updateUser(trx, id, p, at);
      if (newRoles) await store.replaceRoles(trx, id, newRoles);
      // A disabled account, or one whose roles changed, starts again from a fresh login.
      const sessionsEnded = disabled === true || newRoles ? await store.revokeUserSessions(trx, id, at) : 0;
      const by = actorRef(actor);
      const entries: AccountEntry[] = [];
      if (Object.keys(changes).length > 0) entries.push({ actor: by, action: 'user.update', object: userObject(id), details: { changes } });
      // The sessions ended are counted once: on the disable entry when the account is also disabled.
      if (newRoles)
        entries.push({ actor: by, action: 'user.roles', object: userObject(id), details: { from: u.roles, to: newRoles, ...(disabled === true ? {} : { sessionsEnded }) } });
      if (disabled === true) entries.push({ actor: by, action: 'user.disable', object: userObject(id), details: { sessionsEnded } });
      if (disabled === false) entries.push({ actor: by, action: 'user.enable', object: userObject(id), details: {} });
      await this.record(trx, entries);
    });
    return this.getUserRecord(id);
  }

  /** Sets a new password (administrator reset); unlocks the account and ends its sessions. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    this.authorize(actor, 'users.reset_password');
    const pw = passwordProblem(password);
    if (pw) throw invalid('password', pw);
    const hash = await hashPassword(password, this.argon);
    const at = this.ctx.clock.now();
    await inTransaction(this.ctx.db, async (trx) => {
      const u = await store.findUserById(trx, id);
      if (!u) throw notFound('user');
      await store.updateUser(trx, id, { passwordHash: hash, passwordChangedAt: at, failedLogins: 0, lockedUntil: null }, at);
      const sessionsEnded = await store.revokeUserSessions(trx, id, at);
      const wasLocked = u.lockedUntil !== null && u.lockedUntil > at;
      await this.record(trx, { actor: actorRef(actor), action: 'user.password_reset', object: userObject(id), details: { sessionsEnded, wasLocked } });
    });
  }

  /** The user changes their own password; other sessions end. */
  async changeOwnPassword(actor: Actor, current: string, next: string): Promise<void> {
    const u = await this.getUserRecord(actor.userId);
    if (!(await verifyPassword(current, u.passwordHash))) throw new AppError('invalid_credentials', 'the current password is not correct');
    const pw = passwordProblem(next);
    if (pw) throw invalid('newPassword', pw);
    const hash = await hashPassword(next, this.argon);
    const at = this.ctx.clock.now();
    await inTransaction(this.ctx.db, async (trx) => {
      await store.updateUser(trx, u.id, { passwordHash: hash, passwordChangedAt: at }, at);
      const sessionsEnded = await store.revokeUserSessions(trx, u.id, at);
      await this.record(trx, { actor: actorRef(actor), action: 'user.password_change', object: userObject(u.id), details: { sessionsEnded } });
    });
  }

  // ── login and sessions ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Logs in. Every outcome a person caused is recorded: the login (`auth.login`), and each failure
   * (`auth.login_failed`: unknown name, wrong password or code, locked or disabled account) together with the
   * failure count and any lockout it triggers (`auth.account_locked`), in one transaction. Two outcomes are not:
   * a request refused by the per-address throttle (else one address could grow the ledger without bound), and
   * `totp_required` (the first step of a two-step login, not a failure).
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const now = this.ctx.clock.now();
    const cfg = this.ctx.config;
    const ipKey = input.ip ?? 'unknown';
    const wait = this.throttle.retryAfter(ipKey, now.getTime());
    if (wait > 0)
      throw new AppError('too_many_requests', `too many failed logins from this address; try again in ${wait} s`, { retryAfter: wait });
    const username = normaliseUsername(input.username);
    const failed = (object: AccountEntry['object'], reason: LoginFailure, extra: Record<string, unknown> = {}): AccountEntry => ({
      actor: ANONYMOUS,
      action: 'auth.login_failed',
      object,
      details: { reason, ip: input.ip, ...extra },
    });
    /** Counts the failure against the address and records it; the error is thrown once the record is committed. */
    const refuse = async (entry: AccountEntry, error: AppError): Promise<never> => {
      this.throttle.fail(ipKey, now.getTime());
      await inTransaction(this.ctx.db, (trx) => this.record(trx, entry));
      throw error;
    };
    const user = await store.findUserByUsername(this.ctx.db, username);
    if (!user) {
      await verifyPassword(input.password, await dummyHash(this.argon));
      return refuse(failed(attemptedUsername(username), 'unknown_username'), new AppError('invalid_credentials', 'the username or password is not correct'));
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      const retryAfter = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
      return refuse(
        failed(userObject(user.id), 'account_locked'),
        new AppError('account_locked', `too many failed logins; this account is locked for ${retryAfter} s`, { retryAfter }),
      );
    }
    const fail = async (reason: 'wrong_password' | 'wrong_totp', error: AppError): Promise<never> => {
      this.throttle.fail(ipKey, now.getTime());
      // The count, the lock it may trigger and their entries commit together.
      const locked = await inTransaction(this.ctx.db, async (trx) => {
        const failures = await store.incrementFailedLogins(trx, user.id, now);
        const entries = [failed(userObject(user.id), reason, { failures })];
        const lock = failures >= cfg.loginMaxFailures;
        if (lock) {
          const until = new Date(now.getTime() + cfg.loginLockoutMinutes * 60_000);
          await store.updateUser(trx, user.id, { failedLogins: 0, lockedUntil: until }, now);
          entries.push({ actor: SYSTEM, action: 'auth.account_locked', object: userObject(user.id), details: { until: until.toISOString(), failures, ip: input.ip } });
        }
        await this.record(trx, entries);
        return lock;
      });
      if (locked)
        throw new AppError('account_locked', `too many failed logins; this account is locked for ${cfg.loginLockoutMinutes} min`, {
          retryAfter: cfg.loginLockoutMinutes * 60,
        });
      throw error;
    };
    if (!(await verifyPassword(input.password, user.passwordHash)))
      return fail('wrong_password', new AppError('invalid_credentials', 'the username or password is not correct'));
    if (user.disabled)
      return refuse(failed(userObject(user.id), 'account_disabled'), new AppError('account_disabled', 'this account is disabled; contact the node administrator'));

    let stage: store.SessionRecord['stage'] = 'full';
    let totpStep: bigint | null = null;
    if (user.totpEnabled && user.totpSecret) {
      if (!input.totp) throw new AppError('totp_required', 'enter the 6-digit code from your authenticator app');
      totpStep = verifyTotp(user.totpSecret, input.totp, now, user.totpLastStep);
      if (totpStep === null) return fail('wrong_totp', new AppError('totp_invalid', 'the one-time code is not valid (or was already used)'));
    } else if (this.totpRequiredFor(user.roles)) {
      stage = 'enroll_totp';
    }

    const sessionToken = newSecret(SESSION_PREFIX);
    const csrfToken = newSecret('');
    const id = newId();
    const expiresAt = new Date(now.getTime() + cfg.sessionAbsoluteHours * 3_600_000);
    const rehash = needsRehash(user.passwordHash, this.argon) ? await hashPassword(input.password, this.argon) : undefined;
    const userAgent = input.userAgent?.slice(0, 512) ?? null;
    await inTransaction(this.ctx.db, async (trx) => {
      const p: store.UserPatch = { failedLogins: 0, lockedUntil: null };
      if (totpStep !== null) p.totpLastStep = totpStep;
      if (rehash) p.passwordHash = rehash;
      await store.updateUser(trx, user.id, p, now);
      await store.insertSession(trx, {
        id,
        userId: user.id,
        tokenHash: sha256Hex(sessionToken),
        csrfHash: sha256Hex(csrfToken),
        stage,
        at: now,
        expiresAt,
        ip: input.ip,
        userAgent,
      });
      await this.record(trx, {
        actor: actorRef({ userId: user.id, username: user.username, roles: user.roles, via: 'session' }),
        action: 'auth.login',
        object: userObject(user.id),
        details: { sessionId: id, ip: input.ip, userAgent, stage },
      });
    });
    const session: store.SessionRecord = { id, userId: user.id, csrfHash: sha256Hex(csrfToken), stage, createdAt: now, lastSeenAt: now, expiresAt, revokedAt: null };
    return { sessionToken, csrfToken, session, user };
  }

  /** Resolves a session cookie; null when it is unknown, revoked, idle too long or past its absolute expiry. */
  async authenticateSession(token: string): Promise<Authenticated | null> {
    if (!token.startsWith(SESSION_PREFIX)) return null;
    const now = this.ctx.clock.now();
    const s = await store.findSessionByTokenHash(this.ctx.db, sha256Hex(token));
    if (!s || s.revokedAt || s.expiresAt <= now) return null;
    const idleMs = this.ctx.config.sessionIdleMinutes * 60_000;
    if (now.getTime() - s.lastSeenAt.getTime() > idleMs) {
      await store.revokeSession(this.ctx.db, s.id, now);
      return null;
    }
    const u = await store.findUserById(this.ctx.db, s.userId);
    if (!u || u.disabled) return null;
    // Record activity at most every 15 s, to keep reads from turning into writes.
    if (now.getTime() - s.lastSeenAt.getTime() > 15_000) await store.touchSession(this.ctx.db, s.id, now);
    return { actor: { userId: u.id, username: u.username, roles: u.roles, via: 'session', sessionId: s.id }, session: s };
  }

  /** Resolves a bearer API token; null when unknown, revoked, expired or its user is disabled. */
  async authenticateToken(token: string): Promise<Authenticated | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const now = this.ctx.clock.now();
    const t = await store.findTokenByHash(this.ctx.db, sha256Hex(token));
    if (!t || t.revokedAt || t.expiresAt <= now) return null;
    const u = await store.findUserById(this.ctx.db, t.userId);
    if (!u || u.disabled) return null;
    // A token never carries more than its user holds now: roles they still hold, scopes their roles still allow.
    const roles = t.roles.filter((r) => u.roles.includes(r));
    const scopes = t.scopes.filter((s) => isTokenScope(s) && mayHoldScope(u.roles, s));
    if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) await store.touchToken(this.ctx.db, t.id, now);
    return { actor: { userId: u.id, username: u.username, roles, scopes, via: 'token', tokenId: t.id } };
  }

  /** Ends one session (recorded as its user's `auth.logout`); nothing happens when it has already ended. */
  async logout(sessionId: string): Promise<void> {
    await inTransaction(this.ctx.db, async (trx) => {
      const userId = await store.revokeSession(trx, sessionId, this.ctx.clock.now());
      if (userId === undefined) return;
      await this.record(trx, { actor: `user:${userId}`, action: 'auth.logout', object: userObject(userId), details: { sessionId } });
    });
  }

  /** Ends every session of the actor (all browsers and devices). API tokens are separate and stay. */
  async logoutEverywhere(actor: Actor): Promise<number> {
    return inTransaction(this.ctx.db, async (trx) => {
      const sessionsEnded = await store.revokeUserSessions(trx, actor.userId, this.ctx.clock.now());
      if (sessionsEnded > 0)
        await this.record(trx, { actor: actorRef(actor), action: 'auth.logout', object: userObject(actor.userId), details: { everywhere: true, sessionsEnded } });
      return sessionsEnded;
    });
  }

  // ── second factor ──────────────────────────────────────────────────────────────────────────────────────

  /** Starts TOTP enrolment: a new secret, pending until confirmed with a code. */
  async beginTotpEnrollment(actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
    const u = await this.getUserRecord(actor.userId);
    if (u.totpEnabled) throw new AppError('conflict', 'a one-time code generator is already enrolled; ask an administrator to reset it');
    const secret = generateTotpSecret();
    await store.updateUser(this.ctx.db, u.id, { totpSecret: secret, totpEnabled: false, totpLastStep: null }, this.ctx.clock.now());
    return { secret, otpauthUri: otpauthUri(`Comity ${this.ctx.config.state}`, u.username, secret) };
  }

  /** Confirms enrolment with a first code; the current session becomes a full session. */
  async confirmTotp(actor: Actor, code: string, sessionId?: string): Promise<void> {
    const now = this.ctx.clock.now();
    const u = await this.getUserRecord(actor.userId);
    if (u.totpEnabled) throw new AppError('conflict', 'a one-time code generator is already enrolled');
    if (!u.totpSecret) throw new AppError('conflict', 'start enrolment first');
    const step = verifyTotp(u.totpSecret, code, now, null);
    if (step === null) throw new AppError('totp_invalid', 'the one-time code is not valid; check the device clock and try again');
    await inTransaction(this.ctx.db, async (trx) => {
      await store.updateUser(trx, u.id, { totpEnabled: true, totpLastStep: step }, now);
      if (sessionId) await store.setSessionStage(trx, sessionId, 'full');
      await this.record(trx, { actor: actorRef(actor), action: 'user.totp_enrolled', object: userObject(u.id), details: { sessionId: sessionId ?? null } });
    });
  }

  /** Administrator reset of a lost device: the user enrols again at next login; their sessions end. */
  async resetTotp(actor: Actor, id: string): Promise<void> {
    this.authorize(actor, 'users.reset_totp');
    const at = this.ctx.clock.now();
    await inTransaction(this.ctx.db, async (trx) => {
      const u = await store.findUserById(trx, id);
      if (!u) throw notFound('user');
      await store.updateUser(trx, id, { totpSecret: null, totpEnabled: false, totpLastStep: null }, at);
      const sessionsEnded = await store.revokeUserSessions(trx, id, at);
      await this.record(trx, { actor: actorRef(actor), action: 'user.totp_reset', object: userObject(id), details: { sessionsEnded, wasEnrolled: u.totpEnabled } });
    });
  }

  // ── API tokens ─────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Creates an API token for `userId` carrying `roles` (a subset of the user's roles) and `scopes` (narrow
   * permissions, scopes.ts; both the creator and the user must hold a role that allows each). At least one role or
   * scope. The secret is returned once and stored only as a hash.
   */
  async createToken(
    actor: Actor,
    userId: string,
    input: { name: string; roles: readonly string[]; scopes?: readonly string[]; expiresInDays: number },
  ): Promise<{ token: string; record: store.TokenRecord }> {
    if (userId !== actor.userId) this.authorize(actor, 'tokens.create_for_other');
    const u = await this.getUserRecord(userId);
    if (u.disabled) throw new AppError('conflict', 'the account is disabled');
    const roles = checkRoles(input.roles);
    const scopes = checkScopes(input.scopes ?? []);
    if (roles.length === 0 && scopes.length === 0) throw invalid('roles', 'name at least one role (or a scope)');
    const extra = roles.find((r) => !u.roles.includes(r));
    if (extra) throw invalid('roles', `the user does not hold the role "${extra}"`);
    for (const scope of scopes) {
      if (!mayHoldScope(actor.roles, scope) || !mayHoldScope(u.roles, scope))
        throw invalid('scopes', `granting "${scope}" needs the ${SCOPE_HOLDERS[scope].join(' or ')} role, held by both you and the token's user`);
    }
    if (actor.via === 'token') throw new AppError('forbidden', 'an API token cannot create further tokens; log in or use the CLI');
    if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > TOKEN_MAX_DAYS)
      throw invalid('expiresInDays', `must be a whole number of days from 1 to ${TOKEN_MAX_DAYS}`);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100) throw invalid('name', 'must be 1–100 characters');
    const token = newSecret(TOKEN_PREFIX);
    const id = newId();
    const at = this.ctx.clock.now();
    const expiresAt = new Date(at.getTime() + input.expiresInDays * 86_400_000);
    await inTransaction(this.ctx.db, async (trx) => {
      await store.insertToken(trx, {
        id,
        userId,
        name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: sha256Hex(token),
        roles,
        scopes,
        at,
        expiresAt,
      });
      // Never the token, its hash or its prefix: what it is for, not how to use it.
      await this.record(trx, {
        actor: actorRef(actor),
        action: 'token.create',
        object: tokenObject(id),
        details: { userId, username: u.username, name, roles, scopes, expiresAt: expiresAt.toISOString() },
      });
    });
    const record = await store.findTokenById(this.ctx.db, id);
    if (!record) throw new AppError('internal', 'token not stored');
    return { token, record };
  }

  /** The actor's own tokens, or everyone's (`all`, for admin and oversight). */
  async listTokens(actor: Actor, opts: { all?: boolean; userId?: string; includeRevoked?: boolean } = {}): Promise<store.TokenRecord[]> {
    let userId: string | undefined = actor.userId;
    if (opts.all || (opts.userId && opts.userId !== actor.userId)) {
      this.authorize(actor, 'tokens.list_all');
      userId = opts.userId;
    }
    return store.listTokens(this.ctx.db, userId, opts.includeRevoked ?? false);
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    const t = await store.findTokenById(this.ctx.db, id);
    if (!t) throw notFound('token');
    if (t.userId !== actor.userId) {
      // Someone else's token: hide its existence from those who may not even list it.
      if (!can(actor, 'tokens.list_all')) throw notFound('token');
      this.authorize(actor, 'tokens.revoke_any');
    }
    if (t.revokedAt) return;
    await inTransaction(this.ctx.db, async (trx) => {
      // Revoked concurrently: already recorded by whoever did it.
      if (!(await store.revokeToken(trx, id, this.ctx.clock.now()))) return;
      await this.record(trx, { actor: actorRef(actor), action: 'token.revoke', object: tokenObject(id), details: { userId: t.userId, username: t.username, name: t.name } });
    });
  }
}
