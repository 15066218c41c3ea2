import { Type, type Static } from 'typebox';
import { ROLES } from '../../platform/config/schema.ts';
import { TOKEN_SCOPES, type TokenScope } from './scopes.ts';
import type { SessionRecord, TokenRecord, UserRecord } from './store.ts';

export const RoleSchema = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('central_authority'),
    Type.Literal('duty_officer'),
    Type.Literal('investigator'),
    Type.Literal('prosecutor'),
    Type.Literal('authorizer'),
    Type.Literal('oversight'),
    Type.Literal('secretariat'),
  ],
  { description: 'A role of DESIGN §7' },
);
// The literal list above must name exactly the configured roles.
const _sameRoles: (typeof ROLES)[number] extends Static<typeof RoleSchema> ? true : never = true;
void _sameRoles;
/** A token scope: one of the allow-list in scopes.ts (an `enum`, so a bad value is one field error). */
export const ScopeSchema = Type.Unsafe<TokenScope>({
  type: 'string',
  enum: [...TOKEN_SCOPES],
  description: 'A token scope: a narrow permission that is not a role (ledger:read: read the ledger; for oversight or admin users)',
});
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

export const UserSchema = Type.Object(
  {
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(RoleSchema),
    disabled: Type.Boolean(),
    totpEnabled: Type.Boolean(),
    lockedUntil: Type.Union([DateTime, Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'User' },
);
export type UserView = Static<typeof UserSchema>;

export const TokenSchema = Type.Object(
  {
    id: Uuid,
    userId: Uuid,
    username: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
    roles: Type.Array(RoleSchema),
    scopes: Type.Array(Type.String(), { description: 'Narrow permissions that are not roles (e.g. ledger:read)' }),
    createdAt: DateTime,
    expiresAt: DateTime,
    revokedAt: Type.Union([DateTime, Type.Null()]),
    lastUsedAt: Type.Union([DateTime, Type.Null()]),
  },
  { $id: 'ApiToken' },
);

export const SessionInfoSchema = Type.Object(
  {
    user: UserSchema,
    roles: Type.Array(RoleSchema, { description: 'Roles in force for this request (a token may carry fewer)' }),
    via: Type.Union([Type.Literal('session'), Type.Literal('token'), Type.Literal('cli')]),
    stage: Type.Union([Type.Literal('full'), Type.Literal('enroll_totp')]),
    expiresAt: Type.Union([DateTime, Type.Null()]),
    totpRequired: Type.Boolean(),
    node: Type.Object({ state: Type.String(), name: Type.String() }),
    abilities: Type.Array(Type.String(), {
      description: 'Node-wide actions the roles in force allow (e.g. users.create, case.create); the UI shows only these',
    }),
  },
  { $id: 'SessionInfo' },
);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: '6-digit code, when TOTP is enrolled' })),
  },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const TotpCodeBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export const TotpEnrollment = Type.Object({ secret: Type.String(), otpauthUri: Type.String() });

export const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 63 }),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    roles: Type.Array(RoleSchema, { maxItems: ROLES.length }),
  },
  { additionalProperties: false },
);

export const UserPatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
    roles: Type.Optional(Type.Array(RoleSchema, { maxItems: ROLES.length })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PasswordResetBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });

export const UserListQuery = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean()),
    after: Type.Optional(Type.String({ maxLength: 100, description: 'Cursor: the last username of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const NewTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    roles: Type.Optional(
      Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length, description: 'Some of my roles; omit for a token that carries scopes only' }),
    ),
    scopes: Type.Optional(
      Type.Array(ScopeSchema, {
        minItems: 1,
        maxItems: TOKEN_SCOPES.length,
        description: 'Narrow permissions; ledger:read needs the oversight or admin role. A token needs at least one role or scope.',
      }),
    ),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })),
  },
  { additionalProperties: false },
);

export const TokenListQuery = Type.Object(
  { all: Type.Optional(Type.Boolean()), includeRevoked: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const CreatedToken = Type.Object({ token: Type.String({ description: 'Shown once; store it safely' }), record: TokenSchema });

// ── presenters: the only way account data leaves the module ─────────────────────────────────────────────

export function presentUser(u: UserRecord): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roles: u.roles,
    disabled: u.disabled,
    totpEnabled: u.totpEnabled,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function presentToken(t: TokenRecord): Static<typeof TokenSchema> {
  return {
    id: t.id,
    userId: t.userId,
    username: t.username,
    name: t.name,
    prefix: t.prefix,
    roles: t.roles,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

export function sessionExpiry(s: Pick<SessionRecord, 'expiresAt'> | undefined): string | null {
  return s ? s.expiresAt.toISOString() : null;
}
