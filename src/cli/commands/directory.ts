import { InvalidArgumentError, Option, type Command } from 'commander';
import type { DirectoryAuthority } from '../../platform/federation/authority.ts';
import type { DirectoryDocument, DirectoryState } from '../../platform/federation/directory.ts';
import type { NodeCard } from '../../platform/federation/node-card.ts';
import { CliError, examples, formatTable, printJson, shortTime, type Runtime } from '../output.ts';
import { parseNodeUrl, type RemoteFlags, type ServedDirectory } from '../remote.ts';
import { usageError } from '../target.ts';

interface DirFlag {
  dir: string;
}

interface JsonFlag {
  json?: boolean;
}

const DEFAULT_DIR = './authority';
const CARD_PATH = 'federation/v1/node';

function dirOption(cmd: Command): Command {
  return cmd.option('--dir <dir>', 'the directory authority\'s workspace folder', DEFAULT_DIR);
}

/** The authority key's passphrase: COMITY_KEY_PASSPHRASE, as for a node's keys. */
function passphrase(rt: Runtime): string | undefined {
  return rt.env.COMITY_KEY_PASSPHRASE || undefined;
}

async function resolveDir(rt: Runtime, dir: string): Promise<string> {
  const { resolve } = await import('node:path');
  return resolve(rt.cwd, dir);
}

/** Runs an authority operation; its errors (and a sealed key without the passphrase) become one line. */
async function authorityCall<T>(dir: string, fn: () => T | Promise<T>): Promise<T> {
  const { AuthorityError } = await import('../../platform/federation/authority.ts');
  const { FederationError } = await import('../../platform/federation/errors.ts');
  const { isKeyError } = await import('../../platform/keys/errors.ts');
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AuthorityError) throw new CliError(e.message);
    if (isKeyError(e, 'passphrase_required')) throw new CliError(`the authority key in ${dir} is sealed with a passphrase: set COMITY_KEY_PASSPHRASE to it`);
    if (isKeyError(e, 'passphrase_wrong')) throw new CliError(`COMITY_KEY_PASSPHRASE does not open the authority key in ${dir}`);
    if (isKeyError(e)) throw new CliError(`cannot use the authority key in ${dir}: ${e.message}`);
    if (e instanceof FederationError) throw new CliError(e.message);
    throw e;
  }
}

async function openAuthority(rt: Runtime, dir: string): Promise<DirectoryAuthority> {
  const abs = await resolveDir(rt, dir);
  const { DirectoryAuthority } = await import('../../platform/federation/authority.ts');
  return authorityCall(abs, () => DirectoryAuthority.open(abs, { passphrase: passphrase(rt) }));
}

/** The line to put in every node's environment to pin this authority. */
function pinLine(publicJwk: object): string {
  return `COMITY_DIRECTORY_AUTHORITY_KEY='${JSON.stringify(publicJwk)}'`;
}

/** `https://node.example` or `…/federation/v1/node` → the card URL. */
function cardUrl(raw: string): URL {
  const u = new URL(raw);
  if (!u.pathname.replace(/\/+$/, '').endsWith(`/${CARD_PATH}`)) u.pathname = `${u.pathname.replace(/\/+$/, '')}/${CARD_PATH}`;
  return u;
}

/** Reads a node card: fetched from a node URL, read from a file, or `-` for stdin. */
async function readCard(rt: Runtime, source: string): Promise<{ jws: string; from: string }> {
  if (/^https?:\/\//i.test(source)) {
    const { nodeUrlProblem } = await import('../api-client.ts');
    const problem = nodeUrlProblem(source);
    if (problem) throw new CliError(`--card ${problem}`);
    const url = cardUrl(source);
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: 'application/jose' }, redirect: 'error', signal: AbortSignal.timeout(15_000) });
    } catch (e) {
      const cause = (e as Error).cause as { code?: string; message?: string } | undefined;
      const why = (e as Error).name === 'TimeoutError' ? 'no answer in time' : cause?.code === 'ECONNREFUSED' ? 'connection refused (is the node running?)' : (cause?.message ?? (e as Error).message);
      throw new CliError(`cannot fetch the node card from ${url.toString()}: ${why}`);
    }
    const text = (await res.text()).trim();
    if (res.status !== 200) throw new CliError(`cannot fetch the node card from ${url.toString()}: HTTP ${res.status}`);
    return { jws: text, from: url.toString() };
  }
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const c of rt.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return { jws: Buffer.concat(chunks).toString('utf8').trim(), from: 'stdin' };
  }
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  try {
    return { jws: readFileSync(resolve(rt.cwd, source), 'utf8').trim(), from: source };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read the node card ${source}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

function parseList(what: string): (value: string) => string[] {
  return (value: string) => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (new Set(items).size !== items.length) throw new InvalidArgumentError(`Expected comma-separated ${what} without repeats.`);
    return items;
  };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseFlag(value: string, previous: Record<string, boolean> | undefined): Record<string, boolean> {
  const m = /^([a-z][a-z0-9_]{0,63})=(true|false)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('Expected name=true or name=false, e.g. preservation_requires_dual_criminality=true.');
  return { ...(previous ?? {}), [m[1] as string]: m[2] === 'true' };
}

/** `TEXT`, or `ARTICLE::TEXT` to name the article the statement is made under. */
function statement(value: string): { article?: string; text: string } {
  const i = value.indexOf('::');
  if (i < 0) return { text: value.trim() };
  return { article: value.slice(0, i).trim(), text: value.slice(i + 2).trim() };
}

/** A node id, or `none` to clear the field. */
function nodeOrNone(value: string): string | null {
  const v = value.trim();
  return v === 'none' ? null : v;
}

function stateRows(states: Record<string, DirectoryState>): string[][] {
  return Object.entries(states)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, s]) => [
      code,
      s.name,
      s.centralAuthority ?? '-',
      s.contactPoint247 ?? '-',
      s.languages.join(',') || '-',
      Object.entries(s.flags)
        .map(([k, v]) => `${k}=${v}`)
        .join(',') || '-',
    ]);
}

function statements(states: Record<string, DirectoryState>): string {
  const out: string[] = [];
  for (const [code, s] of Object.entries(states).sort(([a], [b]) => a.localeCompare(b))) {
    if (s.channels.length > 0) out.push(`${code} channels: ${s.channels.join(', ')}`);
    for (const d of s.declarations) out.push(`${code} declaration${d.article ? ` (${d.article})` : ''}: ${d.text}`);
    for (const r of s.reservations) out.push(`${code} reservation${r.article ? ` (${r.article})` : ''}: ${r.text}`);
  }
  return out.length > 0 ? `\n${out.join('\n')}\n` : '';
}

interface NodeLine {
  nodeId: string;
  state: string;
  name: string;
  roles: readonly string[];
  endpoint: string;
}

function nodeRows(nodes: readonly NodeLine[]): string[][] {
  return [...nodes].sort((a, b) => a.state.localeCompare(b.state) || a.nodeId.localeCompare(b.nodeId)).map((n) => [n.nodeId, n.state, n.endpoint, n.roles.join(','), n.name]);
}

function printDirectoryTables(rt: Runtime, nodes: readonly NodeLine[], states: Record<string, DirectoryState>): void {
  if (nodes.length === 0) rt.out('no nodes\n');
  else rt.out(`\n${formatTable(['NODE', 'STATE', 'ENDPOINT', 'ROLES', 'NAME'], nodeRows(nodes))}`);
  if (Object.keys(states).length > 0) rt.out(`\n${formatTable(['STATE', 'NAME', 'CENTRAL AUTHORITY', '24/7 CONTACT POINT', 'LANGUAGES', 'FLAGS'], stateRows(states))}`);
  rt.out(statements(states));
}

function describeCard(card: NodeCard): string {
  const rows = [
    ['endpoint', card.endpoint],
    ['roles', card.roles.join(', ')],
    ['version', card.version],
    ['ledger', card.ledger.vkey],
    ...card.keys.map((k) => [`key ${k.use}`, `${k.kid}  ${k.alg}${k.exp !== undefined ? `  retired, valid until ${new Date(k.exp * 1000).toISOString()}` : ''}`]),
  ];
  return rows.map(([k, v]) => `  ${(k ?? '').padEnd(9)} ${v ?? ''}`).join('\n');
}

export function registerDirectory(program: Command, rt: Runtime): void {
  const directory = program
    .command('directory')
    .description(
      'Run a directory authority: keep the signed federation directory (member nodes, their endpoints and keys, each ' +
        'State\'s contact points and declarations) in a workspace folder (--dir), and publish new versions of it',
    )
    .addHelpText(
      'after',
      examples(
        'comity directory init --dir ./authority --name example-directory-authority',
        'comity directory add-node --dir ./authority --card https://ca.xa.example',
        'comity directory set-state XA --dir ./authority --name "State A" --languages en,fr',
        'comity directory publish --dir ./authority',
        'comity directory show --url https://ca.xa.example   # what a node accepted',
      ) +
        '\nThe workspace holds the authority\'s private key (sealed when COMITY_KEY_PASSPHRASE is set at init), the draft\n' +
        'and every published version; directory.jws in it is what nodes read (their COMITY_DIRECTORY_SOURCE: serve it\n' +
        'over HTTPS, or copy it). See docs/operations.md, "Federation in practice".\n',
    );

  dirOption(
    directory
      .command('init')
      .description('Create a directory authority workspace: a new Ed25519 authority key and an empty draft; prints the public key every node must pin')
      .requiredOption('--name <name>', 'the authority\'s name, shown in the directory (visible ASCII, no spaces or "+"), e.g. comity-directory-authority')
      .option('--json', 'print {dir, name, kid, publicJwk, pin} as JSON'),
  )
    .addHelpText(
      'after',
      examples('comity directory init --dir ./authority --name example-directory-authority', 'COMITY_KEY_PASSPHRASE=… comity directory init --dir /srv/authority --name ca-federation'),
    )
    .action(async (opts: DirFlag & JsonFlag & { name: string }) => {
      const abs = await resolveDir(rt, opts.dir);
      const { DirectoryAuthority } = await import('../../platform/federation/authority.ts');
      const sealed = passphrase(rt) !== undefined;
      const a = await authorityCall(abs, () => DirectoryAuthority.init(abs, { name: opts.name, passphrase: passphrase(rt) }));
      if (opts.json) {
        printJson(rt, { dir: a.dir, name: a.info.name, kid: a.info.kid, publicJwk: a.info.publicJwk, sealed, pin: pinLine(a.info.publicJwk) });
        return;
      }
      rt.out(
        `created the directory authority ${a.info.name} in ${a.dir} (key ${a.info.kid}${sealed ? ', sealed with COMITY_KEY_PASSPHRASE' : ''})\n` +
          `public key (pin it on every node):\n${JSON.stringify(a.info.publicJwk)}\n` +
          `${pinLine(a.info.publicJwk)}\n`,
      );
      rt.err(
        'next: add each node from its card, set each State\'s entry, then publish:\n' +
          `  comity directory add-node --dir ${opts.dir} --card https://<node>\n` +
          `  comity directory publish --dir ${opts.dir}\n`,
      );
    });

  dirOption(
    directory
      .command('add-node')
      .description(
        'Add a node to the draft (or replace it, same node id) from its self-signed node card, fetched from the node ' +
          '(<url>/federation/v1/node) or read from a file; prints its keys\' fingerprints to confirm with its operator out of band',
      )
      .requiredOption('--card <url|file>', 'the node\'s URL (or the card\'s full URL), or a file holding the card (compact JWS; - for stdin)')
      .option('--state-name <name>', 'the name of the node\'s State in the directory (default: kept, or the State code for a new State)')
      .option('--json', 'print the verified card as JSON'),
  )
    .addHelpText(
      'after',
      examples(
        'comity directory add-node --dir ./authority --card https://ca.xa.example --state-name "State A"',
        'curl -s https://ca.xb.example/federation/v1/node > xb.card && comity directory add-node --card xb.card',
      ) +
        '\nThe card proves only that the node holds the keys it lists: compare the printed kids with what the node\'s\n' +
        'operator reads from "comity keys show" (by phone, in person) before you publish.\n',
    )
    .action(async (opts: DirFlag & JsonFlag & { card: string; stateName?: string }) => {
      const a = await openAuthority(rt, opts.dir);
      const { verifyNodeCard } = await import('../../platform/federation/node-card.ts');
      const { FederationError } = await import('../../platform/federation/errors.ts');
      const { jws, from } = await readCard(rt, opts.card);
      let card: NodeCard;
      try {
        card = await verifyNodeCard(jws, { now: new Date() });
      } catch (e) {
        if (e instanceof FederationError) throw new CliError(`the node card from ${from} is refused: ${e.message.replace(/^node card: /, '')}`);
        throw e;
      }
      const { replaced } = await authorityCall(a.dir, () => a.addNode(card, { stateName: opts.stateName }));
      if (opts.json) {
        printJson(rt, { replaced, card });
        return;
      }
      rt.out(`${replaced ? 'replaced' : 'added'} node ${card.nodeId} of ${card.state} ("${card.name}") in the draft\n${describeCard(card)}\n`);
      rt.err('confirm these key ids with the node\'s operator out of band ("comity keys show" on the node), then publish\n');
    });

  dirOption(directory.command('remove-node').argument('<node-id>', 'the node id (see "comity directory show")').description('Remove a node from the draft (its State goes too when it was the last node of it)'))
    .addHelpText('after', examples('comity directory remove-node 0197f3a2-6c1d-7a4e-9b2f-3c4d5e6f7a8b --dir ./authority'))
    .action(async (nodeId: string, opts: DirFlag) => {
      const a = await openAuthority(rt, opts.dir);
      await authorityCall(a.dir, () => a.removeNode(nodeId));
      rt.out(`removed node ${nodeId} from the draft; publish to make it official\n`);
    });

  dirOption(
    directory
      .command('set-state')
      .argument('<code>', 'the State code (ISO 3166-1 alpha-2, or XA–XZ), with at least one node in the draft')
      .description(
        'Change a State\'s entry in the draft: name, central authority and 24/7 contact point (node ids of that State), ' +
          'languages, channels, declarations, reservations and flags. Only the given fields change; repeated ' +
          '--declaration/--reservation replace that whole list.',
      )
      .option('--name <name>', 'the State\'s name')
      .option('--central-authority <node>', 'node id of the State\'s central authority (none to clear)', nodeOrNone)
      .option('--contact-point <node>', 'node id of the State\'s 24/7 contact point (none to clear)', nodeOrNone)
      .option('--languages <list>', 'comma-separated ISO 639-1 codes of the languages requests are accepted in, e.g. en,fr', parseList('language codes'))
      .option('--channels <list>', 'comma-separated channels requests are accepted through, e.g. comity,diplomatic', parseList('channels'))
      .option('--declaration <text>', 'a declaration, as TEXT or ARTICLE::TEXT (repeatable)', collect)
      .option('--reservation <text>', 'a reservation, as TEXT or ARTICLE::TEXT (repeatable)', collect)
      .addOption(new Option('--flag <name=bool>', 'a yes/no position, e.g. preservation_requires_dual_criminality=true (repeatable)').argParser(parseFlag))
      .option('--json', 'print the State\'s new entry as JSON'),
  )
    .addHelpText(
      'after',
      examples(
        'comity directory set-state XA --dir ./authority --name "State A" --languages en,fr --channels comity',
        'comity directory set-state XC --flag preservation_requires_dual_criminality=true --declaration "Art. 29::Preservation requires dual criminality"',
      ),
    )
    .action(
      async (
        rawCode: string,
        opts: DirFlag &
          JsonFlag & {
            name?: string;
            centralAuthority?: string | null;
            contactPoint?: string | null;
            languages?: string[];
            channels?: string[];
            declaration?: string[];
            reservation?: string[];
            flag?: Record<string, boolean>;
          },
        cmd: Command,
      ) => {
        const code = rawCode.trim().toUpperCase();
        const patch: Partial<DirectoryState> = {};
        if (opts.name !== undefined) patch.name = opts.name;
        if (opts.centralAuthority !== undefined) patch.centralAuthority = opts.centralAuthority;
        if (opts.contactPoint !== undefined) patch.contactPoint247 = opts.contactPoint;
        if (opts.languages !== undefined) patch.languages = opts.languages;
        if (opts.channels !== undefined) patch.channels = opts.channels;
        if (opts.declaration !== undefined) patch.declarations = opts.declaration.map(statement);
        if (opts.reservation !== undefined) patch.reservations = opts.reservation.map(statement);
        if (opts.flag !== undefined) patch.flags = opts.flag;
        if (Object.keys(patch).length === 0) usageError(cmd, 'nothing to change: give at least one of --name, --central-authority, --contact-point, --languages, --channels, --declaration, --reservation, --flag');
        const a = await openAuthority(rt, opts.dir);
        const { parseDirectoryDocument } = await import('../../platform/federation/directory.ts');
        const { FederationError } = await import('../../platform/federation/errors.ts');
        const draft = await authorityCall(a.dir, () => a.draft());
        const current = draft.states[code];
        if (!current) throw new CliError(`State ${code} has no node in the draft (add one of its nodes first)`);
        // Checked as the nodes would check it, before anything is saved: a draft that cannot be published is refused now.
        const candidate = { ...current, ...patch, flags: { ...current.flags, ...(patch.flags ?? {}) } };
        try {
          parseDirectoryDocument({
            v: 1,
            version: 1,
            issuedAt: '2000-01-01T00:00:00Z',
            authority: { name: a.info.name, kid: a.info.kid },
            nodes: structuredClone(draft.nodes),
            states: { ...structuredClone(draft.states), [code]: candidate },
          });
        } catch (e) {
          if (e instanceof FederationError) throw new CliError(`nothing changed: ${e.message.replace(/^directory: /, '')}`);
          throw e;
        }
        const next = await authorityCall(a.dir, () => a.setState(code, patch));
        if (opts.json) printJson(rt, { code, ...next });
        else rt.out(`updated State ${code} in the draft; publish to make it official\n${formatTable(['STATE', 'NAME', 'CENTRAL AUTHORITY', '24/7 CONTACT POINT', 'LANGUAGES', 'FLAGS'], stateRows({ [code]: next }))}${statements({ [code]: next })}`);
      },
    );

  dirOption(directory.command('publish').description('Sign the draft as the next directory version (checked first: nodes would refuse a bad one) and make it directory.jws').option('--json', 'print {version, path, nodes, states} as JSON'))
    .addHelpText('after', examples('comity directory publish --dir ./authority', 'comity directory publish --dir ./authority && rsync ./authority/directory.jws web:/srv/directory/'))
    .action(async (opts: DirFlag & JsonFlag) => {
      const a = await openAuthority(rt, opts.dir);
      const r = await authorityCall(a.dir, () => a.publish());
      if (opts.json) {
        printJson(rt, { version: r.version, path: r.path, issuedAt: r.doc.issuedAt, nodes: r.doc.nodes.length, states: Object.keys(r.doc.states).sort() });
        return;
      }
      rt.out(`published directory version ${r.version} (${r.doc.nodes.length} node${r.doc.nodes.length === 1 ? '' : 's'}; States ${Object.keys(r.doc.states).sort().join(', ') || '-'}): ${r.path}\n`);
      rt.err(
        'nodes read it from their COMITY_DIRECTORY_SOURCE every directoryRefreshSeconds; to make one read it now:\n' +
          '  comity federation refresh --url https://<node>   (with an admin token in COMITY_TOKEN)\n',
      );
    });

  dirOption(
    directory
      .command('show')
      .description('Show the authority\'s draft and latest published version; or, with --url, the directory a running node accepted')
      .option('--url <url>', 'show the directory the node at this URL accepted (GET /api/v1/directory) instead', parseNodeUrl)
      .option('--token <token>', 'API token for --url (prefer COMITY_TOKEN: command lines are visible to other users)')
      .option('--json', 'print it as JSON'),
  )
    .addHelpText('after', examples('comity directory show --dir ./authority', 'COMITY_TOKEN=… comity directory show --url https://ca.xa.example --json'))
    .action(async (opts: DirFlag & JsonFlag & RemoteFlags, cmd: Command) => {
      if (opts.url !== undefined || (opts.token !== undefined && rt.env.COMITY_URL)) return showRemote(rt, cmd, opts);
      if (opts.token !== undefined) usageError(cmd, '--token is only used with --url');
      return showLocal(rt, opts);
    });
}

async function showLocal(rt: Runtime, opts: DirFlag & JsonFlag): Promise<void> {
  const a = await openAuthority(rt, opts.dir);
  const { verifyDirectory } = await import('../../platform/federation/directory.ts');
  const { canonicalJson } = await import('../../platform/ledger/entry.ts');
  const draft = await authorityCall(a.dir, () => a.draft());
  const jws = a.latest();
  let published: DirectoryDocument | null = null;
  if (jws !== null) published = (await authorityCall(a.dir, () => verifyDirectory(jws, a.info.publicJwk))).doc;
  const unpublished = published === null ? draft.nodes.length > 0 : canonicalJson({ nodes: draft.nodes, states: draft.states }) !== canonicalJson({ nodes: published.nodes, states: published.states });
  if (opts.json) {
    printJson(rt, {
      dir: a.dir,
      authority: { name: a.info.name, kid: a.info.kid, publicJwk: a.info.publicJwk },
      published: published && { version: published.version, issuedAt: published.issuedAt, path: `${a.dir}/directory.jws`, document: published },
      draft,
      unpublishedChanges: unpublished,
    });
    return;
  }
  rt.out(`authority  ${a.info.name} (key ${a.info.kid}) in ${a.dir}\n`);
  rt.out(published ? `published  version ${published.version}, issued ${published.issuedAt}: ${a.dir}/directory.jws\n` : 'published  nothing yet\n');
  rt.out(`draft      ${draft.nodes.length} node${draft.nodes.length === 1 ? '' : 's'}, ${Object.keys(draft.states).length} State${Object.keys(draft.states).length === 1 ? '' : 's'}${unpublished ? ' (changes not published yet)' : published ? ` (same as version ${published.version})` : ''}\n`);
  printDirectoryTables(rt, draft.nodes, draft.states);
}

async function showRemote(rt: Runtime, cmd: Command, opts: JsonFlag & RemoteFlags): Promise<void> {
  const { remoteClient } = await import('../remote.ts');
  const api = await remoteClient(rt, cmd, opts, 'directory show --url');
  const d = await api.request<ServedDirectory>('GET', 'api/v1/directory');
  if (opts.json) {
    printJson(rt, d);
    return;
  }
  rt.out(`directory version ${d.version} issued ${d.issuedAt} by ${d.authority.name} (key ${d.authority.kid})\n`);
  rt.out(`accepted by node ${d.self} at ${api.where} on ${shortTime(d.acceptedAt)} UTC, from ${d.source}\n`);
  printDirectoryTables(rt, d.nodes, d.states);
}
