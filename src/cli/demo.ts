import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startNode, type RunningNode } from '../http/server.ts';
import { ransomwareStory } from './demo-story.ts';
import { LOCAL_OPERATOR } from '../modules/accounts/service.ts';
import { totpAt } from '../modules/accounts/totp.ts';
import type { Actor } from '../platform/actor.ts';
import { loadConfig } from '../platform/config/load.ts';
import type { Config, Role } from '../platform/config/schema.ts';
import { openDatabase } from '../platform/db/database.ts';
import { toInt } from '../platform/db/codec.ts';
import { DirectoryAuthority } from '../platform/federation/authority.ts';
import type { DirectoryState } from '../platform/federation/directory.ts';
import { verifyNodeCard } from '../platform/federation/node-card.ts';
import { actorRef } from '../platform/ledger/ledger.ts';
import { verifyLedger } from '../platform/ledger/verify.ts';
import { createLogger } from '../platform/logger.ts';
import { initialiseDataFolder } from './data-folder.ts';
import { CliError, formatTable, type Runtime } from './output.ts';

/**
 * `comity demo`: a whole federation on this machine — a directory authority and three nodes of the demo States
 * XA, XB and XC on 127.0.0.1, each with its own data folder and SQLite database, started in this process with the
 * node's own code (`startNode`), joined by a directory the authority signs and publishes, with demo accounts.
 * `--once` then runs a scripted exchange (pings, a witnessing round) and checks that everything arrived, was
 * receipted, was cosigned, and that every ledger verifies.
 */

export interface DemoOptions {
  /** The folder to build the demo in (must be missing or empty); default: a new temporary folder. */
  dir?: string;
  /** First of three consecutive ports; 0 = free ports. */
  basePort: number;
  once: boolean;
  /** Seconds the scripted exchange may take (`--once`). */
  timeoutSeconds: number;
  /** Keep a temporary folder at the end. */
  keep: boolean;
}

interface DemoUser {
  username: string;
  roles: Role[];
  password: string;
  otpauthUri: string | null;
}

interface DemoNode {
  code: string;
  stateName: string;
  config: Config;
  node: RunningNode;
  log: WriteStream;
  users: DemoUser[];
  admin: Actor;
  /** Every demo account of the node, by username. */
  actors: Map<string, Actor>;
  token: string;
  readonly id: string;
}

const STATES: ReadonlyArray<{ code: string; name: string; patch: Partial<DirectoryState> }> = [
  {
    code: 'XA',
    name: 'Demo State A',
    patch: {
      languages: ['en', 'fr'],
      channels: ['comity'],
      declarations: [{ text: 'Requests for mutual legal assistance are accepted in English or French.' }],
      flags: { preservation_requires_dual_criminality: false },
    },
  },
  {
    code: 'XB',
    name: 'Demo State B',
    patch: {
      languages: ['en', 'es'],
      channels: ['comity'],
      declarations: [{ text: 'The 24/7 point of contact accepts preservation requests at any hour.' }],
      flags: { preservation_requires_dual_criminality: false },
    },
  },
  {
    code: 'XC',
    name: 'Demo State C',
    patch: {
      languages: ['en', 'de'],
      channels: ['comity'],
      declarations: [{ text: 'Requests are accepted in English or German.' }],
      reservations: [{ text: 'Expedited preservation of stored data is granted only where the conduct is an offence in both States.' }],
      flags: { preservation_requires_dual_criminality: true },
    },
  },
];

const ACCOUNTS: ReadonlyArray<{ username: string; roles: Role[]; label: string }> = [
  { username: 'admin', roles: ['admin'], label: 'administrator' },
  { username: 'officer', roles: ['central_authority'], label: 'central authority officer' },
  { username: 'authorizer', roles: ['authorizer'], label: 'authorizer' },
  { username: 'oversight', roles: ['oversight'], label: 'oversight officer' },
  { username: 'investigator', roles: ['investigator'], label: 'investigator' },
  { username: 'prosecutor', roles: ['prosecutor'], label: 'prosecutor' },
  { username: 'duty', roles: ['duty_officer'], label: '24/7 duty officer' },
];

/** Only these COMITY_* variables reach the demo nodes: cost of password hashing and the key passphrase. */
const PASSED_ENV = ['COMITY_ARGON2_MEMORY_KIB', 'COMITY_ARGON2_PASSES', 'COMITY_ARGON2_PARALLELISM', 'COMITY_KEY_PASSPHRASE'];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function demoFolder(rt: Runtime, dir: string | undefined): { root: string; temporary: boolean } {
  if (dir === undefined) return { root: mkdtempSync(join(tmpdir(), 'comity-demo-')), temporary: true };
  const root = resolve(rt.cwd, dir);
  let empty = true;
  try {
    if (!statSync(root).isDirectory()) throw new CliError(`${root} is not a folder; give --dir a new or empty folder`);
    empty = readdirSync(root).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (!empty) throw new CliError(`${root} is not empty; give --dir a new or empty folder`);
  return { root, temporary: false };
}

async function fetchCard(address: string): Promise<string> {
  const res = await fetch(`${address}/federation/v1/node`, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new CliError(`the node at ${address} did not serve its card (HTTP ${res.status})`);
  return (await res.text()).trim();
}

/** Creates the demo accounts through the accounts service; TOTP is enrolled the real way for those who need it. */
async function createAccounts(node: RunningNode, code: string): Promise<{ users: DemoUser[]; admin: Actor; actors: Map<string, Actor>; token: string }> {
  const accounts = node.services.accounts;
  const users: DemoUser[] = [];
  const actors = new Map<string, Actor>();
  let admin: Actor | undefined;
  let adminId = '';
  for (const a of ACCOUNTS) {
    const password = randomBytes(15).toString('base64url');
    const u = await accounts.createUser(LOCAL_OPERATOR, { username: a.username, password, roles: a.roles, displayName: `Demo ${a.label} of ${code}` });
    const actor: Actor = { userId: u.id, username: u.username, roles: a.roles, via: 'session' };
    actors.set(a.username, actor);
    let otpauthUri: string | null = null;
    if (accounts.totpRequiredFor(a.roles)) {
      const enrol = await accounts.beginTotpEnrollment(actor);
      await accounts.confirmTotp(actor, totpAt(enrol.secret, new Date()));
      otpauthUri = enrol.otpauthUri;
    }
    if (a.roles.includes('admin')) {
      admin = actor;
      adminId = u.id;
    }
    users.push({ username: u.username, roles: a.roles, password, otpauthUri });
  }
  if (!admin) throw new Error('no demo administrator');
  const { token } = await accounts.createToken(LOCAL_OPERATOR, adminId, { name: 'demo', roles: ['admin'], expiresInDays: 1 });
  return { users, admin, actors, token };
}

interface NodeCounts {
  sent: number;
  pending: number;
  dead: number;
  receipted: number;
  deliveredWithoutReceipt: number;
  received: number;
  unprocessed: number;
  failed: number;
  /** Sizes of this node's checkpoints with the witnesses that cosigned each. */
  cosigned: Map<number, Set<string>>;
}

async function counts(n: DemoNode): Promise<NodeCounts> {
  const db = n.node.database.db;
  const out = await db.selectFrom('federation_outbox').select(['state', 'receipt']).execute();
  const inbox = await db.selectFrom('federation_inbox').select(['state']).execute();
  const cos = await db.selectFrom('ledger_cosignatures').select(['size', 'witness']).execute();
  const cosigned = new Map<number, Set<string>>();
  for (const c of cos) {
    const size = toInt(c.size);
    cosigned.set(size, (cosigned.get(size) ?? new Set()).add(c.witness));
  }
  return {
    sent: out.length,
    pending: out.filter((r) => r.state === 'pending').length,
    dead: out.filter((r) => r.state === 'dead').length,
    receipted: out.filter((r) => r.state === 'delivered' && r.receipt !== null && r.receipt !== '').length,
    deliveredWithoutReceipt: out.filter((r) => r.state === 'delivered' && (r.receipt === null || r.receipt === '')).length,
    received: inbox.length,
    unprocessed: inbox.filter((r) => r.state === 'received').length,
    failed: inbox.filter((r) => r.state === 'failed').length,
    cosigned,
  };
}

/** The largest checkpoint size of `n` cosigned by every other node, or null. */
function fullyCosigned(c: NodeCounts, others: readonly string[]): number | null {
  const sizes = [...c.cosigned.entries()].filter(([, w]) => others.every((o) => w.has(o))).map(([s]) => s);
  return sizes.length > 0 ? Math.max(...sizes) : null;
}

export async function runDemo(rt: Runtime, opts: DemoOptions): Promise<void> {
  const { root, temporary } = demoFolder(rt, opts.dir);
  const say = (s: string): void => rt.err(`${s}\n`);
  const env: Record<string, string> = {};
  for (const k of PASSED_ENV) if (rt.env[k]) env[k] = rt.env[k] as string;
  const passphrase = env.COMITY_KEY_PASSPHRASE;
  const nodes: DemoNode[] = [];
  let ok = false;
  const stopAll = async (): Promise<void> => {
    for (const n of nodes.splice(0).reverse()) {
      await n.node.close().catch(() => {});
      await new Promise<void>((r) => n.log.end(() => r()));
    }
  };
  say(`comity demo: building a federation of three nodes in ${root}`);
  try {
    const authority = DirectoryAuthority.init(join(root, 'authority'), { name: 'comity-demo-authority', passphrase });
    const directoryFile = join(authority.dir, 'directory.jws');
    const authorityKey = JSON.stringify(authority.info.publicJwk);

    for (const [i, st] of STATES.entries()) {
      const dataDir = join(root, st.code);
      const config = loadConfig({
        flags: {
          dataDir,
          host: '127.0.0.1',
          port: opts.basePort > 0 ? opts.basePort + i : 0,
          state: st.code,
          nodeName: `Central authority of ${st.name}`,
          logLevel: 'info',
          nodeRoles: ['central_authority', 'contact_point_24_7'],
          directorySource: directoryFile,
          directoryAuthorityKey: authorityKey,
          directoryRefreshSeconds: 30,
          witnessIntervalSeconds: 10,
          checkpointIntervalSeconds: 10,
          federationRetryMaxSeconds: 2,
        },
        env,
        cwd: rt.cwd,
      });
      await initialiseDataFolder(config, { state: st.code, nodeName: config.nodeName });
      const log = createWriteStream(join(dataDir, 'node.log'), { flags: 'a', mode: 0o600 });
      const node = await startNode(config, { logger: createLogger('info', log), federationPollMs: 100 });
      const acc = await createAccounts(node, st.code);
      nodes.push({ code: st.code, stateName: st.name, config, node, log, ...acc, get id() { return node.federation.keys.nodeId; } });
      say(`  ${st.code}: node ${node.federation.keys.nodeId} listening on ${node.address}`);
    }

    for (const n of nodes) {
      const st = STATES.find((s) => s.code === n.code);
      const card = await verifyNodeCard(await fetchCard(n.node.address), { now: new Date() });
      authority.addNode(card, { stateName: n.stateName });
      if (st) authority.setState(n.code, st.patch);
    }
    const { version } = await authority.publish();
    for (const n of nodes) {
      const r = await n.node.federation.refreshDirectory();
      if (r.outcome === 'refused') throw new CliError(`node ${n.code} refused the demo directory: ${r.reason}`);
    }
    say(`  directory version ${version} signed by ${authority.info.name} and accepted by every node`);

    printNodes(rt, root, nodes, version);
    printAccounts(rt, nodes);

    const [xa, xb] = nodes as [DemoNode, DemoNode];
    say('  story: ransomware at the XA university hospital — an expedited preservation request XA→XB');
    const story = await ransomwareStory(xa, xb, { complete: opts.once, timeoutSeconds: opts.timeoutSeconds });
    rt.out(
      `\nRequest ${story.reference} (expedited preservation, XA→XB): ${opts.once ? `${story.stateXA} on XA, ${story.stateXB ?? '?'} on XB (their reference ${story.theirReference ?? '-'})` : `transmitted by XA and waiting on XB's desk: log in to XB as "duty" to acknowledge it`}\n`,
    );

    if (!opts.once) {
      const first = nodes[0] as DemoNode;
      rt.out(
        `\nTry it (the admin token of ${first.code} below is valid for one day):\n` +
          `  export COMITY_URL=${first.node.address} COMITY_TOKEN=${first.token}\n` +
          '  comity federation ping XB\n  comity federation status\n  comity directory show --url "$COMITY_URL"\n' +
          `\nNode logs: ${root}/<State>/node.log. The demo runs until Ctrl-C${temporary && !opts.keep ? `; then ${root} is removed (--keep keeps it)` : ''}.\n`,
      );
      await untilSignal();
      say('comity demo: stopping the nodes');
      await stopAll();
      ok = true;
      return;
    }

    await exchange(rt, nodes, opts.timeoutSeconds, root);
    ok = true;
  } finally {
    await stopAll();
    const remove = temporary && !opts.keep && ok;
    if (remove) rmSync(root, { recursive: true, force: true });
    else if (opts.once || opts.keep || !temporary) say(`comity demo: the demo folder is kept: ${root}`);
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolveSignal) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function printNodes(rt: Runtime, root: string, nodes: readonly DemoNode[], version: number): void {
  rt.out(`Comity demo federation in ${root} (directory version ${version}, authority in ${root}/authority)\n\n`);
  rt.out(
    formatTable(
      ['STATE', 'NAME', 'NODE ID', 'WEB UI', 'API DOCS'],
      nodes.map((n) => [n.code, n.stateName, n.id, `${n.node.address}/`, `${n.node.address}/api/docs`]),
    ),
  );
}

function printAccounts(rt: Runtime, nodes: readonly DemoNode[]): void {
  rt.out('\nDemo accounts (passwords and second-factor secrets are shown only this once):\n');
  rt.out(
    formatTable(
      ['STATE', 'USERNAME', 'ROLES', 'PASSWORD', 'TOTP SECRET (otpauth URI)'],
      nodes.flatMap((n) => n.users.map((u) => [n.code, u.username, u.roles.join(','), u.password, u.otpauthUri ?? '-'])),
    ),
  );
  rt.out('(The first one-time code of each TOTP secret was used to enrol it: log in with the next one.)\n');
}

/**
 * The scripted exchange of `--once`: pings XA→XB, XB→XC, XC→XA and a witnessing round, then waits until every
 * message is delivered and receipted, every inbox is processed, every pong has arrived and every node holds
 * cosignatures from the two others; then stops the nodes and verifies every ledger.
 */
async function exchange(rt: Runtime, nodes: DemoNode[], timeoutSeconds: number, root: string): Promise<void> {
  const say = (s: string): void => rt.err(`${s}\n`);
  const by = (code: string): DemoNode => nodes.find((n) => n.code === code) as DemoNode;
  const routes: Array<[string, string]> = [
    ['XA', 'XB'],
    ['XB', 'XC'],
    ['XC', 'XA'],
  ];
  const pings: Array<{ from: DemoNode; to: DemoNode; id: string }> = [];
  for (const [a, b] of routes) {
    const from = by(a);
    const to = by(b);
    pings.push({ from, to, id: await from.node.federation.pinger.ping(to.id, actorRef(from.admin)) });
  }
  for (const n of nodes) {
    await n.node.ledger.issueCheckpoint();
    await n.node.federation.requestWitnessing();
  }
  say(`  sent ${pings.length} pings and asked every node to witness the others' checkpoints; waiting (up to ${timeoutSeconds} s)`);

  const deadline = Date.now() + timeoutSeconds * 1000;
  let missing: string[] = [];
  for (;;) {
    missing = [];
    for (const p of pings) if ((await p.from.node.federation.pinger.get(p.id)).pongAt === null) missing.push(`no pong yet ${p.from.code}→${p.to.code}`);
    for (const n of nodes) {
      const c = await counts(n);
      if (c.pending > 0) missing.push(`${n.code} has ${c.pending} message(s) not delivered`);
      if (c.dead > 0) missing.push(`${n.code} dead-lettered ${c.dead} message(s)`);
      if (c.deliveredWithoutReceipt > 0) missing.push(`${n.code} has ${c.deliveredWithoutReceipt} delivered message(s) without a receipt`);
      if (c.unprocessed > 0) missing.push(`${n.code} has ${c.unprocessed} received message(s) not processed`);
      if (c.failed > 0) missing.push(`${n.code} failed to handle ${c.failed} message(s)`);
      const others = nodes.filter((o) => o !== n);
      if (fullyCosigned(c, others.map((o) => o.id)) === null) missing.push(`${n.code} holds no checkpoint cosigned by both ${others.map((o) => o.code).join(' and ')}`);
    }
    if (missing.length === 0 || Date.now() > deadline) break;
    for (const n of nodes) n.node.federation.federation.wake();
    await sleep(100);
  }
  if (missing.length > 0) {
    throw new CliError(`the demo exchange did not complete within ${timeoutSeconds} s: ${missing.join('; ')} (node logs: ${root}/<State>/node.log)`);
  }

  // The figures, while the nodes run; then the nodes stop (a last checkpoint each) and every ledger is verified
  // at rest, entry by entry and checkpoint by checkpoint.
  const rows: string[][] = [];
  const figures: Array<{ n: DemoNode; c: NodeCounts; rtt: string; cosignedAt: number | null }> = [];
  for (const n of nodes) {
    const c = await counts(n);
    const mine = pings.filter((p) => p.from === n);
    const rtts = await Promise.all(mine.map(async (p) => `${p.to.code} ${(await n.node.federation.pinger.get(p.id)).roundTripMs ?? '?'} ms`));
    figures.push({ n, c, rtt: rtts.join(', ') || '-', cosignedAt: fullyCosigned(c, nodes.filter((o) => o !== n).map((o) => o.id)) });
  }
  const verified = new Map<string, string>();
  for (const n of nodes) {
    const vkey = n.node.ledger.vkey;
    await n.node.close();
    const database = openDatabase({ url: n.config.databaseUrl, poolSize: 1 });
    try {
      const r = await verifyLedger(database.db, vkey);
      if (!r.ok) throw new CliError(`the ledger of ${n.code} does not verify${r.index !== null ? ` at entry ${r.index}` : ''}: ${r.reason}`);
      verified.set(n.code, `ok (${r.size} entries, ${r.checkpoints} checkpoints)`);
    } finally {
      await database.close();
    }
  }
  for (const { n, c, rtt, cosignedAt } of figures) {
    const others = nodes.filter((o) => o !== n).map((o) => o.code);
    rows.push([n.code, String(c.sent), String(c.received), String(c.receipted), rtt, `${others.join(', ')} at size ${cosignedAt ?? '?'}`, verified.get(n.code) ?? '-']);
  }
  rt.out(`\nScripted exchange:\n${formatTable(['STATE', 'SENT', 'RECEIVED', 'RECEIPTED', 'ROUND TRIPS', 'CHECKPOINT COSIGNED BY', 'LEDGER'], rows)}`);
  const totalCos = figures.reduce((s, f) => s + (f.cosignedAt === null ? 0 : (f.c.cosigned.get(f.cosignedAt)?.size ?? 0)), 0);
  rt.out(`\ndemo complete: ${pings.length} round trips, every message delivered and receipted, ${totalCos} cosignatures, ${nodes.length} ledgers verified\n`);
}
