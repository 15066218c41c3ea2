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

/** What a node does in the federation, as published in its node card and the directory. */
export const NODE_ROLES = ['central_authority', 'contact_point_24_7', 'prosecution', 'police', 'judicial', 'other'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

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
  /** The URL other nodes reach this node at; empty = `http://<host>:<port>` (loopback deployments and tests). */
  readonly publicUrl: string;
  readonly nodeRoles: readonly NodeRole[];
  /** The federation directory: a file path or an https:// URL of the signed directory (JWS); empty = none yet. */
  readonly directorySource: string;
  /** The directory authority's pinned public key: a public Ed25519 JWK (JSON) or its raw 32 bytes in base64url. */
  readonly directoryAuthorityKey: string;
  readonly directoryRefreshSeconds: number;
  readonly tlsCertFile: string;
  readonly tlsKeyFile: string;
  readonly tlsClientCaFile: string;
  readonly tlsRequireClientCert: boolean;
  readonly federationCaFile: string;
  readonly federationClientCertFile: string;
  readonly federationClientKeyFile: string;
  readonly federationMaxMessageBytes: number;
  readonly federationMessageTtlHours: number;
  readonly federationConcurrencyPerPeer: number;
  readonly federationRetryMaxSeconds: number;
  readonly federationRequestTimeoutSeconds: number;
  readonly witnessIntervalSeconds: number;
  readonly keyPassphrase: string;
  readonly keyRotationOverlapDays: number;
  /** Folder of `<STATE>.json` legislation profiles; empty = the profiles shipped for the demo States. */
  readonly legislationProfilesDir: string;
  /** SMTP server for reminders, `smtp://` or `smtps://` (user and password may be in the URL); empty = in-app only. */
  readonly smtpUrl: string;
  readonly smtpFrom: string;
  /** How often legal clocks are checked for reminders; 0 = never. */
  readonly reminderIntervalSeconds: number;
  /** Extra folder searched for the fonts of formal letters (Arabic, Chinese, Cyrillic). */
  readonly letterFontsDir: string;
}

type Kind =
  | { type: 'int'; min: number; max: number }
  | { type: 'string'; pattern?: RegExp; hint?: string }
  | { type: 'bool' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'roles' }
  | { type: 'list'; values: readonly string[] }
  | { type: 'optional-string' };

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
  {
    key: 'publicUrl',
    kind: { type: 'optional-string' },
    default: '',
    doc: 'The URL other nodes reach this node at (published in its node card); empty = http://<host>:<port>.',
  },
  {
    key: 'nodeRoles',
    kind: { type: 'list', values: NODE_ROLES },
    default: Object.freeze(['central_authority']),
    doc: `What this node does in the federation (comma-separated in the environment): ${NODE_ROLES.join(', ')}.`,
  },
  {
    key: 'directorySource',
    kind: { type: 'optional-string' },
    default: '',
    doc: 'Where the signed federation directory is read from: a file path or an https:// URL; empty = no federation yet.',
  },
  {
    key: 'directoryAuthorityKey',
    kind: { type: 'optional-string' },
    default: '',
    doc: "The directory authority's pinned public key: an Ed25519 public JWK (JSON) or its 32 raw bytes in base64url.",
  },
  {
    key: 'directoryRefreshSeconds',
    kind: { type: 'int', min: 5, max: 7 * 24 * 3600 },
    default: 300,
    doc: 'How often the node reads the directory again from its source.',
  },
  { key: 'tlsCertFile', kind: { type: 'optional-string' }, default: '', doc: 'PEM certificate chain: the node serves HTTPS when set (with tlsKeyFile).' },
  { key: 'tlsKeyFile', kind: { type: 'optional-string' }, default: '', doc: 'PEM private key of tlsCertFile.' },
  {
    key: 'tlsClientCaFile',
    kind: { type: 'optional-string' },
    default: '',
    doc: 'PEM CA certificates for client certificates (mutual TLS); requested when set.',
  },
  {
    key: 'tlsRequireClientCert',
    kind: { type: 'bool' },
    default: false,
    doc: 'With tlsClientCaFile: refuse TLS connections without a client certificate signed by that CA.',
  },
  {
    key: 'federationCaFile',
    kind: { type: 'optional-string' },
    default: '',
    doc: "PEM CA certificates trusted for other nodes' HTTPS endpoints, in addition to the system's.",
  },
  {
    key: 'federationClientCertFile',
    kind: { type: 'optional-string' },
    default: '',
    doc: 'PEM client certificate this node presents to other nodes (mutual TLS).',
  },
  { key: 'federationClientKeyFile', kind: { type: 'optional-string' }, default: '', doc: 'PEM private key of federationClientCertFile.' },
  {
    key: 'federationMaxMessageBytes',
    kind: { type: 'int', min: 4096, max: 64 * 1024 * 1024 },
    default: 1024 * 1024,
    doc: 'Largest message envelope the inbox accepts (bytes of the JWE); larger ones are refused with 413.',
  },
  {
    key: 'federationMessageTtlHours',
    kind: { type: 'int', min: 1, max: 60 * 24 },
    default: 72,
    doc: "A message's lifetime: its `exp`, and how long the outbox retries before it dead-letters it with an alert.",
  },
  {
    key: 'federationConcurrencyPerPeer',
    kind: { type: 'int', min: 1, max: 256 },
    default: 64,
    doc: 'Deliveries in flight to one node at a time (and keep-alive connections to it). The receiver restores the order of a conversation, so deliveries overlap freely.',
  },
  {
    key: 'federationRetryMaxSeconds',
    kind: { type: 'int', min: 1, max: 24 * 3600 },
    default: 300,
    doc: 'Longest wait between two delivery attempts (exponential back-off with full jitter up to this).',
  },
  {
    key: 'federationRequestTimeoutSeconds',
    kind: { type: 'int', min: 1, max: 600 },
    default: 15,
    doc: 'How long one delivery waits for the other node to answer. A message being delivered is leased for this long plus 5 s, so a crashed sender re-sends it after at most that (the receiver recognises the duplicate).',
  },
  {
    key: 'witnessIntervalSeconds',
    kind: { type: 'int', min: 0, max: 7 * 24 * 3600 },
    default: 300,
    doc: "How often the node sends its latest checkpoint to the other nodes to be witnessed (when it grew); 0 = never.",
  },
  {
    key: 'keyPassphrase',
    kind: { type: 'optional-string' },
    default: '',
    secret: true,
    doc: "Passphrase that seals the node's private keys (COMITY_KEY_PASSPHRASE); needed at every start once set at init.",
  },
  {
    key: 'keyRotationOverlapDays',
    kind: { type: 'int', min: 1, max: 3660 },
    default: 30,
    doc: '`comity keys rotate`: how long the previous keys stay valid for verification and decryption.',
  },
  {
    key: 'legislationProfilesDir',
    kind: { type: 'optional-string' },
    default: '',
    doc: 'Folder of legislation profiles (`<STATE>.json`) used for tailoring and dual criminality; empty = the profiles shipped for the demo States XA, XB, XC.',
  },
  {
    key: 'smtpUrl',
    kind: { type: 'optional-string' },
    default: '',
    secret: true,
    doc: 'SMTP server for reminder e-mails, `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465`; empty = reminders in the application only.',
  },
  {
    key: 'smtpFrom',
    kind: { type: 'optional-string' },
    default: '',
    doc: 'Sender address of reminder e-mails (e.g. `Comity XA <comity@ca.xa.example>`); required when smtpUrl is set.',
  },
  {
    key: 'reminderIntervalSeconds',
    kind: { type: 'int', min: 0, max: 24 * 3600 },
    default: 60,
    doc: 'How often the legal clocks of open requests are checked and reminders sent; 0 = never.',
  },
  {
    key: 'letterFontsDir',
    kind: { type: 'optional-string' },
    default: '',
    doc: 'Extra folder searched first for the fonts of formal letters (PDF) in Arabic, Chinese and Russian.',
  },
];

/** `databaseUrl` → `COMITY_DATABASE_URL`. */
export function envName(key: string): string {
  return `COMITY_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
