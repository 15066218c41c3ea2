import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode, type RunningNode } from '../../src/http/server.ts';
import { loadConfig } from '../../src/platform/config/load.ts';
import type { Config } from '../../src/platform/config/schema.ts';
import type { Dialect } from '../../src/platform/db/database.ts';
import { DirectoryAuthority } from '../../src/platform/federation/authority.ts';
import { verifyNodeCard } from '../../src/platform/federation/node-card.ts';
import { Transport } from '../../src/platform/federation/transport.ts';
import type { ReceivedMessage } from '../../src/platform/federation/federation.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createScratch, type ScratchDatabase } from '../kit/dialects.ts';

/**
 * Real nodes for federation tests: each with its own data folder and database (SQLite or a scratch PostgreSQL
 * database), listening on 127.0.0.1 with a free port, joined by a directory that a real authority workspace signs
 * and publishes to a file every node reads. Nothing is mocked: messages cross real HTTP.
 */
/** The system clock, plus an offset a test can move (to make a node live in the future). */
export class OffsetClock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export interface FedNode {
  name: string;
  clock: OffsetClock;
  state: string;
  config: Config;
  node: RunningNode;
  scratch: ScratchDatabase;
  readonly id: string;
}

export interface Federation3 {
  authority: DirectoryAuthority;
  directoryFile: string;
  nodes: FedNode[];
  byName(name: string): FedNode;
  /** Re-publishes the draft and makes every running node read it. */
  publish(): Promise<number>;
  /** Stops one node (its data stays) and starts it again later with `restart`. */
  stop(name: string): Promise<void>;
  restart(name: string): Promise<FedNode>;
  /** Drives every running node's loops until `done()` or the timeout. */
  until(done: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FedOptions {
  dialect: Dialect;
  /** Message handlers registered on every node before its loops start (test message types). */
  handlers?: Record<string, (node: string, msg: ReceivedMessage) => Promise<void> | void>;
  states?: string[];
  config?: Partial<Record<keyof Config, unknown>>;
}

function nodeConfig(dataDir: string, url: string, state: string, directoryFile: string, authorityKey: string, extra: Partial<Record<keyof Config, unknown>>): Config {
  return loadConfig({
    flags: {
      dataDir,
      databaseUrl: url,
      host: '127.0.0.1',
      port: 0,
      state,
      nodeName: `Test node ${state}`,
      logLevel: 'silent',
      argon2MemoryKib: 8192,
      argon2Passes: 1,
      directorySource: directoryFile,
      directoryAuthorityKey: authorityKey,
      witnessIntervalSeconds: 0,
      checkpointIntervalSeconds: 3600,
      federationRetryMaxSeconds: 1,
      federationRequestTimeoutSeconds: 2,
      nodeRoles: ['central_authority', 'contact_point_24_7'],
      ...extra,
    },
    env: {},
  });
}

async function fetchCard(address: string, c: Config): Promise<string> {
  // Through the node's own HTTP client, so that an HTTPS node with a private CA (and mutual TLS) works too.
  const t = new Transport({ caFile: c.federationCaFile || undefined, clientCertFile: c.federationClientCertFile || undefined, clientKeyFile: c.federationClientKeyFile || undefined });
  try {
    const res = await t.request('GET', `${address}/federation/v1/node`);
    if (res.status !== 200) throw new Error(`node card: HTTP ${res.status}`);
    return res.body;
  } finally {
    t.close();
  }
}

export async function startFederation(opts: FedOptions): Promise<Federation3> {
  const states = opts.states ?? ['XA', 'XB', 'XC'];
  const root = mkdtempSync(join(tmpdir(), 'comity-fed-'));
  const authority = DirectoryAuthority.init(join(root, 'authority'), { name: 'test-directory-authority' });
  const directoryFile = join(authority.dir, 'directory.jws');
  const authorityKey = JSON.stringify(authority.info.publicJwk);
  const logger = createLogger('silent');
  const nodes: FedNode[] = [];

  const launch = async (name: string, state: string, dataDir: string, scratch: ScratchDatabase, config?: Config, clock = new OffsetClock()): Promise<FedNode> => {
    const cfg = config ?? nodeConfig(dataDir, scratch.url, state, directoryFile, authorityKey, opts.config ?? {});
    const node = await startNode(cfg, {
      logger,
      clock,
      federationPollMs: 50,
      beforeFederationStart: (rt) => {
        for (const [type, h] of Object.entries(opts.handlers ?? {})) rt.federation.on(type, async (_trx, msg) => h(name, msg));
      },
    });
    return { name, state, clock, config: cfg, node, scratch, get id() { return node.federation.keys.nodeId; } };
  };

  for (const state of states) {
    const scratch = await createScratch(opts.dialect);
    nodes.push(await launch(state, state, join(root, state), scratch));
  }
  for (const n of nodes) authority.addNode(await verifyNodeCard(await fetchCard(n.node.address, n.config)));

  const publish = async (): Promise<number> => {
    const { version } = await authority.publish();
    for (const n of nodes) {
      const r = await n.node.federation.refreshDirectory();
      if (r.outcome === 'refused') throw new Error(`${n.name} refused the directory: ${r.reason}`);
    }
    return version;
  };
  await publish();

  const stopped = new Set<string>();
  const fed: Federation3 = {
    authority,
    directoryFile,
    nodes,
    byName: (name) => {
      const n = nodes.find((x) => x.name === name);
      if (!n) throw new Error(`no node ${name}`);
      return n;
    },
    publish,
    stop: async (name) => {
      const n = fed.byName(name);
      await n.node.close();
      stopped.add(name);
    },
    restart: async (name) => {
      const n = fed.byName(name);
      // Same data folder, same database, same port: the directory lists its endpoint.
      const port = Number(new URL(n.node.address).port);
      const cfg = loadConfig({ flags: { ...n.config, port }, env: {} });
      const again = await launch(n.name, n.state, n.config.dataDir, n.scratch, cfg, n.clock);
      nodes[nodes.indexOf(n)] = again;
      stopped.delete(name);
      return again;
    },
    until: async (done, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (await done()) return;
        if (Date.now() > deadline) throw new Error('timed out waiting for the federation to settle');
        for (const n of nodes) {
          if (stopped.has(n.name)) continue;
          n.node.federation.federation.wake();
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      for (const n of nodes) if (!stopped.has(n.name)) await n.node.close().catch(() => {});
      for (const n of nodes) await n.scratch.drop().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
  return fed;
}
