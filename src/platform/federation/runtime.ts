import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config/schema.ts';
import type { Dialect } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { NodeKeys } from '../keys/keyset.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { encodeVerifierKey } from '../ledger/note.ts';
import { parseAuthorityKey } from './directory.ts';
import { DirectoryKeeper, type RefreshOutcome } from './directory-keeper.ts';
import { Federation, type FederationMetrics } from './federation.ts';
import { signNodeCard, type NodeCard } from './node-card.ts';
import { Pinger } from './ping.ts';
import { Transport } from './transport.ts';
import { Witness } from './witness.ts';
import * as store from './store.ts';
import { newId } from '../ids.ts';

export interface FederationRuntimeDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  config: Config;
  ledger: Ledger;
  keys: NodeKeys;
  logger: Logger;
  version: string;
  metrics?: FederationMetrics;
  /** Allow plain http:// to other nodes beyond loopback (the node's --insecure-http). */
  allowInsecureHttp?: boolean;
  /** Settings overrides for tests (poll interval, lease). */
  pollMs?: number;
}

/**
 * Everything federation in one node, wired from the configuration: the HTTP client, the directory keeper, the
 * message service, pings and witnessing, the node card, and the jobs that keep them going (directory refresh,
 * delivery and processing loops, periodic witnessing).
 */
export class FederationRuntime {
  readonly federation: Federation;
  readonly directory: DirectoryKeeper;
  readonly pinger: Pinger;
  readonly witness: Witness;
  readonly transport: Transport;
  readonly keys: NodeKeys;
  private readonly deps: FederationRuntimeDeps;
  private endpointUrl: string;
  private timers: NodeJS.Timeout[] = [];
  private lastRefusal: string | null = null;
  private witnessing: Promise<unknown> = Promise.resolve();

  constructor(deps: FederationRuntimeDeps) {
    this.deps = deps;
    const { config } = deps;
    this.keys = deps.keys;
    this.transport = new Transport({
      caFile: config.federationCaFile || undefined,
      clientCertFile: config.federationClientCertFile || undefined,
      clientKeyFile: config.federationClientKeyFile || undefined,
      allowInsecureHttp: deps.allowInsecureHttp ?? false,
      maxResponseBytes: Math.max(config.federationMaxMessageBytes, 1024 * 1024),
      timeoutMs: config.federationRequestTimeoutSeconds * 1000,
      // One connection per delivery in flight to a node.
      maxSockets: config.federationConcurrencyPerPeer,
    });
    const authority = config.directoryAuthorityKey ? parseAuthorityKey(config.directoryAuthorityKey) : null;
    this.directory = new DirectoryKeeper({ db: deps.db, ledger: deps.ledger, clock: deps.clock, transport: this.transport, authority, source: config.directorySource });
    this.federation = new Federation({
      db: deps.db,
      dialect: deps.dialect,
      clock: deps.clock,
      ledger: deps.ledger,
      keys: deps.keys,
      directory: this.directory,
      transport: this.transport,
      logger: deps.logger,
      metrics: deps.metrics,
      settings: {
        maxMessageBytes: config.federationMaxMessageBytes,
        messageTtlHours: config.federationMessageTtlHours,
        concurrencyPerPeer: config.federationConcurrencyPerPeer,
        retryMaxSeconds: config.federationRetryMaxSeconds,
        leaseMs: (config.federationRequestTimeoutSeconds + 5) * 1000,
        ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
      },
    });
    this.pinger = new Pinger({ db: deps.db, clock: deps.clock, federation: this.federation });
    this.witness = new Witness({ db: deps.db, clock: deps.clock, ledger: deps.ledger, identity: deps.keys.ledger, federation: this.federation, logger: deps.logger });
    this.endpointUrl = config.publicUrl || `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  }

  /** The node's database (for status queries). */
  get db(): Kysely<DB> {
    return this.deps.db;
  }

  /** The URL published in the node card (the configured publicUrl, else the address the node listens on). */
  get endpoint(): string {
    return this.endpointUrl;
  }

  /** Called once the node listens, with its real address (when `publicUrl` is not configured). */
  setListenAddress(address: string): void {
    if (!this.deps.config.publicUrl) this.endpointUrl = address;
  }

  /** The node's self-description, as served at `GET /federation/v1/node`. */
  card(): NodeCard {
    const { config, keys } = this.deps;
    const now = this.deps.clock.now();
    return {
      v: 1,
      nodeId: keys.nodeId,
      state: config.state,
      name: config.nodeName,
      roles: [...config.nodeRoles],
      endpoint: this.endpointUrl.replace(/\/+$/, ''),
      keys: keys.publicJwks(now),
      ledger: { origin: keys.ledger.origin, vkey: encodeVerifierKey(keys.ledger.origin, keys.ledger.publicKeyRaw) },
      version: this.deps.version,
      issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    };
  }

  /** The node card signed with the node's active signing key (compact JWS). */
  signedCard(): Promise<string> {
    return signNodeCard(this.card(), this.keys.signing);
  }

  /** Loads the stored directory; then reads the source once (a failure is logged, never fatal). */
  async init(): Promise<void> {
    await this.directory.load();
    if (this.deps.config.directorySource) await this.refreshDirectory();
  }

  /** Reads the directory source now; logs what happened, and an alert-level line for a refused directory. */
  async refreshDirectory(): Promise<RefreshOutcome> {
    const r = await this.directory.refresh();
    const log = this.deps.logger;
    if (r.outcome === 'accepted') {
      this.lastRefusal = null;
      log.info({ version: r.version, previous: r.previous }, 'federation directory accepted');
    } else if (r.outcome === 'refused') {
      const key = `${r.code}:${r.reason}`;
      if (key !== this.lastRefusal) {
        if (r.code === 'unreachable') log.warn({ reason: r.reason }, 'federation directory source unreachable; keeping the current directory');
        else {
          log.error({ alert: 'directory_refused', code: r.code, reason: r.reason }, 'ALERT: federation directory refused');
          // Once per distinct refusal: an operator must look (a rollback or a wrong signature may be an attack).
          await store.insertAlert(this.deps.db, {
            id: newId(),
            kind: 'directory_refused',
            peer: null,
            summary: `the directory from ${this.deps.config.directorySource} was refused: ${r.reason}`,
            details: { code: r.code, reason: r.reason, source: this.deps.config.directorySource },
            createdAt: this.deps.clock.now(),
          });
        }
      }
      this.lastRefusal = key;
    }
    return r;
  }

  /** Sends this node's latest checkpoint to the nodes that have not cosigned it (see `Witness.requestAll`). */
  requestWitnessing(): Promise<string[]> {
    const run = this.witnessing.then(() => (this.directory.get() ? this.witness.requestAll() : []));
    this.witnessing = run.catch(() => undefined);
    return run;
  }

  /** Starts the loops and timers (the node calls this once it listens). */
  start(): void {
    const { config, logger } = this.deps;
    this.federation.start();
    if (config.directorySource) {
      this.timers.push(setInterval(() => void this.refreshDirectory().catch((e) => logger.error({ err: e }, 'directory refresh failed')), config.directoryRefreshSeconds * 1000));
    }
    if (config.witnessIntervalSeconds > 0) {
      this.timers.push(
        setInterval(() => void this.requestWitnessing().catch((e) => logger.error({ err: e }, 'witnessing round failed')), config.witnessIntervalSeconds * 1000),
      );
    }
    for (const t of this.timers) t.unref();
  }

  /** Stops the timers and loops, and closes the HTTP client's connections. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.federation.stop();
    await this.witnessing;
    this.transport.close();
  }
}
