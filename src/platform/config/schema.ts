/**
 * Every configuration key of a node: its type, default, limits and whether its value is secret. One table, so
 * the loader, the docs (docs/operations.md) and `comity start --help` agree.
 */
export const ROLES = [
  'admin',
  'central_authority',
  'duty_officer',
  'investigator',
  'prosecutor',
  'authorizer',
  'oversight',
  'secretariat',
] as const;
export type Role = (typeof ROLES)[number];

export interface Config {
  /** Absolute path of the data folder (database, keys, blobs). */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** `postgres://…` or a SQLite file path; defaults to `<dataDir>/comity.db`. */
  readonly databaseUrl: string;
  readonly dbPoolSize: number;
  /** ISO 3166-1 alpha-2 code of the State this node belongs to (demos: XA, XB, XC). */
  readonly state: string;
  readonly nodeName: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimitBytes: number;
  readonly trustProxy: boolean;
  readonly cookieSecure: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly totpRequiredRoles: readonly Role[];
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
  readonly argon2MemoryKib: number;
  readonly argon2Passes: number;
  readonly argon2Parallelism: number;
  readonly checkpointIntervalSeconds: number;
  readonly ledgerDetailsRetentionDays: number;
}

type Kind =
  | { type: 'int'; min: number; max: number }
  | { type: 'string'; pattern?: RegExp; hint?: string }
  | { type: 'bool' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'roles' };

export interface KeySpec {
  key: Exclude<keyof Config, 'dataDir'>;
  kind: Kind;
  /** Default, or a function of the data folder. Undefined = required. */
  default: unknown;
  secret?: boolean;
  doc: string;
}

export const KEYS: readonly KeySpec[] = [
  { key: 'host', kind: { type: 'string' }, default: '127.0.0.1', doc: 'Address to listen on.' },
  { key: 'port', kind: { type: 'int', min: 0, max: 65535 }, default: 8080, doc: 'TCP port (0 = any free port).' },
  {
    key: 'databaseUrl',
    kind: { type: 'string' },
    default: (dataDir: string) => `${dataDir}/comity.db`,
    secret: true,
    doc: 'postgres://user:pass@host/db for PostgreSQL, otherwise the SQLite file (default <data>/comity.db).',
  },
  { key: 'dbPoolSize', kind: { type: 'int', min: 1, max: 200 }, default: 10, doc: 'PostgreSQL connection pool size.' },
  {
    key: 'state',
    kind: { type: 'string', pattern: /^[A-Z]{2}$/, hint: 'an ISO 3166-1 alpha-2 code such as XA' },
    default: 'XX',
    doc: 'ISO 3166-1 alpha-2 code of this node\'s State (XX = not yet set).',
  },
  { key: 'nodeName', kind: { type: 'string' }, default: 'Comity node', doc: 'Human-readable name of this node.' },
  {
    key: 'logLevel',
    kind: { type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    default: 'info',
    doc: 'Log level.',
  },
  {
    key: 'bodyLimitBytes',
    kind: { type: 'int', min: 1024, max: 64 * 1024 * 1024 },
    default: 1024 * 1024,
    doc: 'Largest accepted request body in bytes.',
  },
  { key: 'trustProxy', kind: { type: 'bool' }, default: false, doc: 'Trust X-Forwarded-* from a reverse proxy.' },
  {
    key: 'cookieSecure',
    kind: { type: 'bool' },
    default: false,
    doc: 'Mark session cookies Secure (set true whenever the node is reached over HTTPS).',
  },
  {
    key: 'sessionIdleMinutes',
    kind: { type: 'int', min: 1, max: 24 * 60 },
    default: 30,
    doc: 'A browser session ends after this many minutes without a request.',
  },
  {
    key: 'sessionAbsoluteHours',
    kind: { type: 'int', min: 1, max: 24 * 30 },
    default: 12,
    doc: 'A browser session ends this many hours after login, whatever its activity.',
  },
  {
    key: 'totpRequiredRoles',
    kind: { type: 'roles' },
    default: ['admin', 'authorizer'],
    doc: 'Roles whose holders must use a TOTP second factor (comma-separated in the environment).',
  },
  {
    key: 'loginMaxFailures',
    kind: { type: 'int', min: 1, max: 100 },
    default: 5,
    doc: 'Failed logins in a row before an account is locked.',
  },
  {
    key: 'loginLockoutMinutes',
    kind: { type: 'int', min: 1, max: 24 * 60 },
    default: 15,
    doc: 'How long a locked account stays locked.',
  },
  {
    key: 'argon2MemoryKib',
    kind: { type: 'int', min: 8 * 1024, max: 4 * 1024 * 1024 },
    default: 19 * 1024,
    doc: 'argon2id memory cost for new password hashes (OWASP minimum: 19 MiB).',
  },
  { key: 'argon2Passes', kind: { type: 'int', min: 1, max: 20 }, default: 2, doc: 'argon2id time cost.' },
  { key: 'argon2Parallelism', kind: { type: 'int', min: 1, max: 16 }, default: 1, doc: 'argon2id lanes.' },
  {
    key: 'checkpointIntervalSeconds',
    kind: { type: 'int', min: 1, max: 24 * 3600 },
    default: 60,
    doc: 'How often the node signs a ledger checkpoint when the log grew.',
  },
  {
    key: 'ledgerDetailsRetentionDays',
    kind: { type: 'int', min: 0, max: 100 * 366 },
    default: 0,
    doc: 'Erase ledger entry details (which may hold personal data) older than this many days; 0 keeps them. Entries and proofs are never affected.',
  },
];

/** `databaseUrl` → `COMITY_DATABASE_URL`. */
export function envName(key: string): string {
  return `COMITY_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
