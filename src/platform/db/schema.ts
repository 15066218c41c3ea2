import type { ColumnType, Generated } from 'kysely';

/**
 * The node's tables as Kysely sees them. Columns whose JS type differs between the engines are typed as the
 * union of what either returns; stores read them through `codec.ts`. Writes always pass `Date`, `boolean` and
 * JSON text, which both engines accept (see `sqlite-adapter.ts`).
 */
export type Ts = ColumnType<Date | string, Date, Date>;
export type Bool = ColumnType<boolean | number, boolean, boolean>;
export type JsonText<T> = ColumnType<T | string, string, string>;
export type BigIntCol = ColumnType<number | string, number, number>;

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Bool;
  totp_last_step: BigIntCol | null;
  disabled: Bool;
  failed_logins: number;
  locked_until: Ts | null;
  password_changed_at: Ts;
  created_at: Ts;
  updated_at: Ts;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_hash: string;
  stage: string;
  created_at: Ts;
  last_seen_at: Ts;
  expires_at: Ts;
  revoked_at: Ts | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  roles: JsonText<string[]>;
  /** Narrow permissions that are not roles (e.g. `ledger:read`); the database defaults it to `[]`. */
  scopes: ColumnType<string[] | string, string | undefined, string>;
  created_at: Ts;
  expires_at: Ts;
  revoked_at: Ts | null;
  last_used_at: Ts | null;
}

export interface CasesTable {
  id: string;
  reference: string;
  title: string;
  summary: string;
  status: string;
  version: number;
  created_by: string;
  created_at: Ts;
  updated_at: Ts;
  closed_at: Ts | null;
  closed_by: string | null;
  closure_reason: string | null;
}

export interface CaseOffencesTable {
  case_id: string;
  offence_id: string;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  case_role: string;
  added_at: Ts;
  added_by: string;
}

export interface CaseSubjectsTable {
  id: string;
  case_id: string;
  kind: string;
  name: string;
  identifiers: JsonText<Array<{ type: string; value: string }>>;
  nationality: string | null;
  date_of_birth: string | null;
  role: string;
  participation: string | null;
  notes: string;
  created_at: Ts;
  updated_at: Ts;
}

export interface ReferenceCountersTable {
  scope: string;
  value: number;
}

export interface LedgerStateTable {
  id: number;
  size: BigIntCol;
  /** JSON array of hex hashes: the complete subtrees on the right edge of the tree, largest first. */
  frontier: string;
  /** Digest of the last configuration recorded in the ledger. */
  config_digest: string | null;
  updated_at: Ts;
}

export interface LedgerEntriesTable {
  idx: BigIntCol;
  /** The leaf: RFC 8785 canonical JSON text; its UTF-8 bytes are what is hashed. */
  leaf: string;
  leaf_hash: string;
  action: string;
  object_type: string;
  object_id: string;
}

export interface LedgerNodesTable {
  level: number;
  idx: BigIntCol;
  hash: string;
}

export interface LedgerDetailsTable {
  idx: BigIntCol;
  salt: string | null;
  details: string | null;
  erased_at: Ts | null;
}

export interface LedgerCheckpointsTable {
  size: BigIntCol;
  root_hash: string;
  note: string;
  created_at: Ts;
}

export interface FederationDirectoryTable {
  version: BigIntCol;
  /** base64url SHA-256 of the JWS text. */
  digest: string;
  jws: string;
  /** The file or URL it came from. */
  source: string;
  accepted_at: Ts;
}

/** One outgoing message. `payload` is the JSON of the signed payload; `jwe` is sealed once and sent as is. */
export interface FederationOutboxTable {
  id: string;
  peer: string;
  conversation: string;
  seq: number;
  type: string;
  payload: string;
  jwe: string | null;
  digest: string | null;
  /** `pending` | `delivered` | `dead`. */
  state: string;
  attempts: number;
  next_attempt_at: Ts;
  lease_until: Ts | null;
  last_error: string | null;
  created_at: Ts;
  expires_at: Ts;
  delivered_at: Ts | null;
  receipt: string | null;
  /** JSON array of the digests of earlier sealings of this message (re-sealed when a dead letter is retried). */
  prior_digests: ColumnType<string, string | undefined, string>;
}

/** One incoming message, stored before its receipt is returned. */
export interface FederationInboxTable {
  id: string;
  sender: string;
  conversation: string;
  seq: number;
  type: string;
  payload: string;
  digest: string;
  bytes: number;
  receipt: string;
  /** `received` | `processed` | `failed`. */
  state: string;
  attempts: number;
  next_attempt_at: Ts;
  last_error: string | null;
  received_at: Ts;
  processed_at: Ts | null;
}

export interface FederationPingsTable {
  id: string;
  peer: string;
  sent_at: Ts;
  delivered_at: Ts | null;
  pong_at: Ts | null;
  round_trip_ms: number | null;
}

/** A checkpoint of another node's ledger that this node checked and cosigned (as a witness). */
export interface WitnessCheckpointsTable {
  origin: string;
  size: BigIntCol;
  peer: string;
  root_hash: string;
  note: string;
  cosignature: string;
  witnessed_at: Ts;
}

/** A witness's cosignature (C2SP tlog-cosignature line) on one of this node's checkpoints. */
export interface LedgerCosignaturesTable {
  size: BigIntCol;
  witness: string;
  witness_name: string;
  signature: string;
  timestamp: BigIntCol;
  received_at: Ts;
}

export interface FederationAlertsTable {
  id: string;
  /** `dead_letter` | `witness_inconsistency` | `handler_failed` | `directory_refused`. */
  kind: string;
  peer: string | null;
  summary: string;
  details: string;
  created_at: Ts;
  acknowledged_at: Ts | null;
}

export interface RequestsTable {
  id: string;
  side: string;
  case_id: string | null;
  type_id: string;
  type_version: number;
  state: string;
  facts: JsonText<unknown>;
  reference: string;
  their_reference: string | null;
  requesting_state: string;
  requested_state: string;
  counterpart_node: string | null;
  conversation: string | null;
  remote_id: string | null;
  drafting_language: string;
  title: string;
  content: JsonText<unknown>;
  linked_request_id: string | null;
  linked_reference: string | null;
  created_by: string | null;
  submitted_by: string | null;
  authorized_by: string | null;
  authorization: JsonText<unknown> | null;
  decision: JsonText<unknown> | null;
  version: number;
  created_at: Ts;
  updated_at: Ts;
  transmitted_at: Ts | null;
  closed_at: Ts | null;
}

export interface RequestEventsTable {
  request_id: string;
  seq: number;
  at: Ts;
  event: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  origin: string;
  details: JsonText<unknown>;
  ledger_index: BigIntCol | null;
  message_id: string | null;
}

export interface RequestResultsTable {
  id: string;
  request_id: string;
  seq: number;
  at: Ts;
  final: Bool;
  summary: string;
  items: JsonText<unknown>;
  use_limitation: string;
  confidentiality: string;
  conditions: JsonText<unknown>;
  preserved_until: string | null;
  sent_by: string;
}

export interface RequestOnwardTransfersTable {
  id: string;
  request_id: string;
  remote_id: string | null;
  third_state: string;
  recipient: string;
  purpose: string;
  status: string;
  reasons: string | null;
  requested_at: Ts;
  requested_by: string;
  decided_at: Ts | null;
  decided_by: string | null;
  transferred_at: Ts | null;
  transferred_by: string | null;
}

export interface RequestAccessLogTable {
  id: string;
  request_id: string;
  case_id: string | null;
  user_id: string;
  username: string;
  action: string;
  at: Ts;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  request_id: string | null;
  dedupe_key: string;
  title: string;
  body: string;
  due_at: Ts | null;
  created_at: Ts;
  read_at: Ts | null;
  emailed_at: Ts | null;
}

export interface DB {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  cases: CasesTable;
  case_offences: CaseOffencesTable;
  case_members: CaseMembersTable;
  case_subjects: CaseSubjectsTable;
  reference_counters: ReferenceCountersTable;
  ledger_state: LedgerStateTable;
  ledger_entries: LedgerEntriesTable;
  ledger_nodes: LedgerNodesTable;
  ledger_details: LedgerDetailsTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  federation_directory: FederationDirectoryTable;
  federation_outbox: FederationOutboxTable;
  federation_inbox: FederationInboxTable;
  federation_pings: FederationPingsTable;
  witness_checkpoints: WitnessCheckpointsTable;
  ledger_cosignatures: LedgerCosignaturesTable;
  federation_alerts: FederationAlertsTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  request_results: RequestResultsTable;
  request_onward_transfers: RequestOnwardTransfersTable;
  request_access_log: RequestAccessLogTable;
  notifications: NotificationsTable;
}

/** Silences "unused" for `Generated`, kept exported for modules that add serial columns later. */
export type { Generated };
