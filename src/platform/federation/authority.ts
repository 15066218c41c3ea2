import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writePrivateFile } from '../keys/files.ts';
import { keyFileExists, readPrivateKey, writePrivateKey } from '../keys/private-key-file.ts';
import { parseDirectoryDocument, signDirectory, type DirectoryDocument, type DirectoryNode, type DirectoryState } from './directory.ts';
import { publicJwkOf, type PublicOkpJwk } from './jwk.ts';
import type { NodeCard } from './node-card.ts';

/**
 * A directory authority's workspace (`comity directory …`): its Ed25519 key, the working draft of the directory
 * (member nodes and per-State entries) and every version it published. Layout of the folder:
 *
 *   authority.json                    name, kid, public JWK, creation time
 *   authority-ed25519.jwk.json|.jwe   the private key (0600; sealed with a passphrase when one is given)
 *   draft.json                        the next version's content: { nodes, states }
 *   published/directory-v<N>.jws      every published version (compact JWS), never rewritten
 *   directory.jws                     the latest published version: what nodes read (directorySource)
 */
export interface AuthorityInfo {
  name: string;
  kid: string;
  publicJwk: PublicOkpJwk;
  createdAt: string;
}

export interface Draft {
  nodes: DirectoryNode[];
  states: Record<string, DirectoryState>;
}

const KEY_BASE = 'authority-ed25519';
const INFO = 'authority.json';
const DRAFT = 'draft.json';
const LATEST = 'directory.jws';
const PUBLISHED = 'published';

export class AuthorityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthorityError';
  }
}

const writeJson = (path: string, value: unknown): void => writePrivateFile(path, `${JSON.stringify(value, null, 2)}\n`);

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new AuthorityError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** An empty entry for a State, to be completed with `setState`. */
export function emptyState(name: string): DirectoryState {
  return { name, centralAuthority: null, contactPoint247: null, languages: [], channels: [], declarations: [], reservations: [], flags: {} };
}

export class DirectoryAuthority {
  readonly dir: string;
  readonly info: AuthorityInfo;
  private readonly passphrase: string | undefined;

  private constructor(dir: string, info: AuthorityInfo, passphrase: string | undefined) {
    this.dir = dir;
    this.info = info;
    this.passphrase = passphrase;
  }

  /** Creates a new authority workspace (the folder must not hold one already). */
  static init(dir: string, opts: { name: string; passphrase?: string; now?: Date }): DirectoryAuthority {
    const abs = resolve(dir);
    if (existsSync(join(abs, INFO))) throw new AuthorityError(`${abs} already holds a directory authority`);
    if (!/^[\x21-\x7e]{1,128}$/.test(opts.name) || opts.name.includes('+')) throw new AuthorityError('the authority name must be 1–128 visible ASCII characters without "+"');
    mkdirSync(join(abs, PUBLISHED), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicJwk = publicJwkOf(privateKey);
    writePrivateKey(abs, KEY_BASE, privateKey, { kid: publicJwk.kid, alg: 'EdDSA', use: 'sig' }, opts.passphrase);
    const info: AuthorityInfo = { name: opts.name, kid: publicJwk.kid, publicJwk, createdAt: (opts.now ?? new Date()).toISOString() };
    writeJson(join(abs, DRAFT), { nodes: [], states: {} } satisfies Draft);
    writeJson(join(abs, INFO), info);
    return new DirectoryAuthority(abs, info, opts.passphrase);
  }

  static open(dir: string, opts: { passphrase?: string } = {}): DirectoryAuthority {
    const abs = resolve(dir);
    if (!existsSync(join(abs, INFO)) || !keyFileExists(abs, KEY_BASE)) throw new AuthorityError(`${abs} holds no directory authority (run comity directory init)`);
    return new DirectoryAuthority(abs, readJson<AuthorityInfo>(join(abs, INFO)), opts.passphrase);
  }

  private privateKey(): KeyObject {
    return readPrivateKey(this.dir, KEY_BASE, this.passphrase, 'ed25519');
  }

  draft(): Draft {
    return readJson<Draft>(join(this.dir, DRAFT));
  }

  private saveDraft(d: Draft): void {
    writeJson(join(this.dir, DRAFT), d);
  }

  /** Adds (or replaces, same node id) a member from its verified node card. The State entry is created if new. */
  addNode(card: NodeCard, opts: { stateName?: string } = {}): { replaced: boolean } {
    const d = this.draft();
    const node: DirectoryNode = {
      nodeId: card.nodeId,
      state: card.state,
      name: card.name,
      roles: [...card.roles],
      endpoint: card.endpoint,
      keys: card.keys,
      ledger: card.ledger,
    };
    const i = d.nodes.findIndex((n) => n.nodeId === card.nodeId);
    const previous = i >= 0 ? d.nodes[i] : undefined;
    if (i >= 0) d.nodes[i] = node;
    else d.nodes.push(node);
    // A node that moved to another State no longer serves the old one: clear what named it, drop an emptied State.
    if (previous && previous.state !== card.state) {
      const old = d.states[previous.state];
      if (old) {
        if (old.centralAuthority === card.nodeId) old.centralAuthority = null;
        if (old.contactPoint247 === card.nodeId) old.contactPoint247 = null;
        if (!d.nodes.some((n) => n.state === previous.state)) delete d.states[previous.state];
      }
    }
    const st = d.states[card.state] ?? emptyState(opts.stateName ?? card.state);
    if (opts.stateName) st.name = opts.stateName;
    if (st.centralAuthority === null && card.roles.includes('central_authority')) st.centralAuthority = card.nodeId;
    if (st.contactPoint247 === null && card.roles.includes('contact_point_24_7')) st.contactPoint247 = card.nodeId;
    d.states[card.state] = st;
    this.saveDraft(d);
    return { replaced: i >= 0 };
  }

  /** Removes a member; its State's contact points that named it are cleared, an emptied State is dropped. */
  removeNode(nodeId: string): void {
    const d = this.draft();
    const node = d.nodes.find((n) => n.nodeId === nodeId);
    if (!node) throw new AuthorityError(`node ${nodeId} is not in the draft`);
    d.nodes = d.nodes.filter((n) => n.nodeId !== nodeId);
    const st = d.states[node.state];
    if (st) {
      if (st.centralAuthority === nodeId) st.centralAuthority = null;
      if (st.contactPoint247 === nodeId) st.contactPoint247 = null;
      if (!d.nodes.some((n) => n.state === node.state)) delete d.states[node.state];
    }
    this.saveDraft(d);
  }

  /** Changes a State's entry (name, contact points, languages, channels, declarations, reservations, flags). */
  setState(code: string, patch: Partial<DirectoryState>): DirectoryState {
    const d = this.draft();
    const st = d.states[code];
    if (!st) throw new AuthorityError(`State ${code} has no node in the draft (add one of its nodes first)`);
    const next = { ...st, ...patch, flags: { ...st.flags, ...(patch.flags ?? {}) } };
    d.states[code] = next;
    this.saveDraft(d);
    return next;
  }

  /** The newest published version number (0 before the first). */
  latestVersion(): number {
    const dir = join(this.dir, PUBLISHED);
    if (!existsSync(dir)) return 0;
    let max = 0;
    for (const f of readdirSync(dir)) {
      const m = /^directory-v(\d+)\.jws$/.exec(f);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return max;
  }

  /** The latest published directory (JWS text), or null. */
  latest(): string | null {
    const p = join(this.dir, LATEST);
    return existsSync(p) ? readFileSync(p, 'utf8').trim() : null;
  }

  /**
   * Signs the draft as the next version (validated first: a draft the nodes would refuse is never published),
   * keeps it under `published/` and makes it `directory.jws`.
   */
  async publish(now: Date = new Date()): Promise<{ version: number; jws: string; path: string; doc: DirectoryDocument }> {
    const d = this.draft();
    const version = this.latestVersion() + 1;
    const doc: DirectoryDocument = {
      v: 1,
      version,
      issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      authority: { name: this.info.name, kid: this.info.kid },
      nodes: d.nodes,
      states: d.states,
    };
    parseDirectoryDocument(structuredClone(doc));
    const jws = await signDirectory(doc, this.privateKey(), this.info.kid);
    const path = join(this.dir, PUBLISHED, `directory-v${version}.jws`);
    if (existsSync(path)) throw new AuthorityError(`${path} exists already`);
    writePrivateFile(path, `${jws}\n`);
    writePrivateFile(join(this.dir, LATEST), `${jws}\n`);
    return { version, jws, path: join(this.dir, LATEST), doc };
  }
}
