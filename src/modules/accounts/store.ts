import { sql } from 'kysely';
import { fromJson, toBool, toDate, toDateOrNull, toInt, toJson } from '../../platform/db/codec.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { Role } from '../../platform/config/schema.ts';

/** A user as the accounts service sees it (never leaves the module with its secrets: see presenters). */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: bigint | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  roles: Role[];
}

export interface SessionRecord {
  id: string;
  userId: string;
  csrfHash: string;
  stage: 'full' | 'enroll_totp';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface TokenRecord {
  id: string;
  userId: string;
  username: string;
  name: string;
  prefix: string;
  roles: Role[];
  /** Narrow permissions that are not roles (see scopes.ts). */
  scopes: string[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: unknown;
  totp_last_step: unknown;
  disabled: unknown;
  failed_logins: number;
  locked_until: unknown;
  password_changed_at: unknown;
  created_at: unknown;
  updated_at: unknown;
};

function toUser(r: UserRow, roles: Role[]): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpEnabled: toBool(r.totp_enabled),
    totpLastStep: r.totp_last_step === null || r.totp_last_step === undefined ? null : BigInt(toInt(r.totp_last_step)),
    disabled: toBool(r.disabled),
    failedLogins: toInt(r.failed_logins),
    lockedUntil: toDateOrNull(r.locked_until),
    passwordChangedAt: toDate(r.password_changed_at),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    roles,
  };
}

async function rolesOf(ex: Executor, userIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await ex.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push(r.role as Role);
    map.set(r.user_id, list);
  }
  return map;
}

export async function findUserById(ex: Executor, id: string): Promise<UserRecord | undefined> {
  const r = await ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return toUser(r, (await rolesOf(ex, [r.id])).get(r.id) ?? []);
}

/** Several users at once (two queries whatever their number), keyed by id; unknown ids are absent. */
export async function findUsersByIds(ex: Executor, ids: readonly string[]): Promise<Map<string, UserRecord>> {
  const out = new Map<string, UserRecord>();
  if (ids.length === 0) return out;
  const rows = await ex.selectFrom('users').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  const roles = await rolesOf(ex, rows.map((r) => r.id));
  for (const r of rows) out.set(r.id, toUser(r, roles.get(r.id) ?? []));
  return out;
}

export async function findUserByUsername(ex: Executor, username: string): Promise<UserRecord | undefined> {
  const r = await ex.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!r) return undefined;
  return toUser(r, (await rolesOf(ex, [r.id])).get(r.id) ?? []);
}

export interface UserFilter {
  role?: Role;
  disabled?: boolean;
  /** Keyset pagination: return users with username greater than this. */
  after?: string;
  limit: number;
}

export async function listUsers(ex: Executor, f: UserFilter): Promise<UserRecord[]> {
  let q = ex.selectFrom('users').selectAll('users');
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('user_roles').select('user_roles.role').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', '=', role)),
    );
  }
  if (f.disabled !== undefined) q = q.where('disabled', '=', f.disabled);
  if (f.after) q = q.where('username', '>', f.after);
  const rows = await q.orderBy('username').limit(f.limit).execute();
  const roles = await rolesOf(ex, rows.map((r) => r.id));
  return rows.map((r) => toUser(r, roles.get(r.id) ?? []));
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  roles: Role[];
  at: Date;
}

export async function insertUser(ex: Executor, u: NewUser): Promise<void> {
  await ex
    .insertInto('users')
    .values({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      email: u.email,
      password_hash: u.passwordHash,
      totp_secret: null,
      totp_enabled: false,
      totp_last_step: null,
      disabled: false,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: u.at,
      created_at: u.at,
      updated_at: u.at,
    })
    .execute();
  await replaceRoles(ex, u.id, u.roles);
}

export async function replaceRoles(ex: Executor, userId: string, roles: Role[]): Promise<void> {
  await ex.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await ex.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  }
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  passwordHash?: string;
  passwordChangedAt?: Date;
  totpSecret?: string | null;
  totpEnabled?: boolean;
  totpLastStep?: bigint | null;
  disabled?: boolean;
  failedLogins?: number;
  lockedUntil?: Date | null;
}

export async function updateUser(ex: Executor, id: string, p: UserPatch, at: Date): Promise<void> {
  const v: Record<string, unknown> = { updated_at: at };
  if (p.displayName !== undefined) v.display_name = p.displayName;
  if (p.email !== undefined) v.email = p.email;
  if (p.passwordHash !== undefined) v.password_hash = p.passwordHash;
  if (p.passwordChangedAt !== undefined) v.password_changed_at = p.passwordChangedAt;
  if (p.totpSecret !== undefined) v.totp_secret = p.totpSecret;
  if (p.totpEnabled !== undefined) v.totp_enabled = p.totpEnabled;
  if (p.totpLastStep !== undefined) v.totp_last_step = p.totpLastStep === null ? null : Number(p.totpLastStep);
  if (p.disabled !== undefined) v.disabled = p.disabled;
  if (p.failedLogins !== undefined) v.failed_logins = p.failedLogins;
  if (p.lockedUntil !== undefined) v.locked_until = p.lockedUntil;
  await ex.updateTable('users').set(v).where('id', '=', id).execute();
}

/** Counts a failed login atomically and returns the new count. */
export async function incrementFailedLogins(ex: Executor, id: string, at: Date): Promise<number> {
  await ex
    .updateTable('users')
    .set({ failed_logins: sql`failed_logins + 1`, updated_at: at })
    .where('id', '=', id)
    .execute();
  const r = await ex.selectFrom('users').select('failed_logins').where('id', '=', id).executeTakeFirstOrThrow();
  return toInt(r.failed_logins);
}

export async function countAdmins(ex: Executor): Promise<number> {
  const r = await ex
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('user_roles.role', '=', 'admin')
    .where('users.disabled', '=', false)
    .executeTakeFirstOrThrow();
  return toInt(r.n);
}

// ── sessions ──────────────────────────────────────────────────────────────────────────────────────────────

type SessionRow = {
  id: string;
  user_id: string;
  csrf_hash: string;
  stage: string;
  created_at: unknown;
  last_seen_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
};

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  csrfHash: r.csrf_hash,
  stage: r.stage === 'enroll_totp' ? 'enroll_totp' : 'full',
  createdAt: toDate(r.created_at),
  lastSeenAt: toDate(r.last_seen_at),
  expiresAt: toDate(r.expires_at),
  revokedAt: toDateOrNull(r.revoked_at),
});

export async function insertSession(
  ex: Executor,
  s: { id: string; userId: string; tokenHash: string; csrfHash: string; stage: string; at: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await ex
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      token_hash: s.tokenHash,
      csrf_hash: s.csrfHash,
      stage: s.stage,
      created_at: s.at,
      last_seen_at: s.at,
      expires_at: s.expiresAt,
      revoked_at: null,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function findSessionByTokenHash(ex: Executor, tokenHash: string): Promise<SessionRecord | undefined> {
  const r = await ex
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_hash', 'stage', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r ? toSession(r) : undefined;
}

export async function touchSession(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function setSessionStage(ex: Executor, id: string, stage: string): Promise<void> {
  await ex.updateTable('sessions').set({ stage }).where('id', '=', id).execute();
}

/** Revokes a live session; returns its user's id, or undefined when it was already revoked (or does not exist). */
export async function revokeSession(ex: Executor, id: string, at: Date): Promise<string | undefined> {
  const r = await ex
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return r?.user_id;
}

/** Revokes every live session of a user; returns how many. */
export async function revokeUserSessions(ex: Executor, userId: string, at: Date): Promise<number> {
  const r = await ex.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ── API tokens ────────────────────────────────────────────────────────────────────────────────────────────

type TokenRow = {
  id: string;
  user_id: string;
  username: string;
  name: string;
  prefix: string;
  roles: unknown;
  scopes: unknown;
  created_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
  last_used_at: unknown;
};

const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  userId: r.user_id,
  username: r.username,
  name: r.name,
  prefix: r.prefix,
  roles: fromJson<Role[]>(r.roles),
  scopes: fromJson<string[]>(r.scopes),
  createdAt: toDate(r.created_at),
  expiresAt: toDate(r.expires_at),
  revokedAt: toDateOrNull(r.revoked_at),
  lastUsedAt: toDateOrNull(r.last_used_at),
});

export async function insertToken(
  ex: Executor,
  t: { id: string; userId: string; name: string; prefix: string; tokenHash: string; roles: Role[]; scopes?: string[]; at: Date; expiresAt: Date },
): Promise<void> {
  await ex
    .insertInto('api_tokens')
    .values({
      id: t.id,
      user_id: t.userId,
      name: t.name,
      prefix: t.prefix,
      token_hash: t.tokenHash,
      roles: toJson(t.roles),
      scopes: toJson(t.scopes ?? []),
      created_at: t.at,
      expires_at: t.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
}

function tokenQuery(ex: Executor) {
  return ex
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'users.username',
      'api_tokens.name',
      'api_tokens.prefix',
      'api_tokens.roles',
      'api_tokens.scopes',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ]);
}

export async function findTokenByHash(ex: Executor, hash: string): Promise<TokenRecord | undefined> {
  const r = await tokenQuery(ex).where('api_tokens.token_hash', '=', hash).executeTakeFirst();
  return r ? toToken(r) : undefined;
}

export async function findTokenById(ex: Executor, id: string): Promise<TokenRecord | undefined> {
  const r = await tokenQuery(ex).where('api_tokens.id', '=', id).executeTakeFirst();
  return r ? toToken(r) : undefined;
}

/** Tokens of one user, or of everyone when `userId` is undefined; newest first. */
export async function listTokens(ex: Executor, userId: string | undefined, includeRevoked: boolean): Promise<TokenRecord[]> {
  let q = tokenQuery(ex);
  if (userId) q = q.where('api_tokens.user_id', '=', userId);
  if (!includeRevoked) q = q.where('api_tokens.revoked_at', 'is', null);
  return (await q.orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').execute()).map(toToken);
}

/** Revokes a live token; false when it was already revoked (or does not exist). */
export async function revokeToken(ex: Executor, id: string, at: Date): Promise<boolean> {
  const r = await ex.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function touchToken(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
