import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { ApiClient } from '../api-client.ts';
import { CliError, examples, formatTable, printJson, shortTime, type Runtime } from '../output.ts';
import { addUrlOptions, type RemoteFlags } from '../remote.ts';

/**
 * `comity request list|show|export`: cooperation requests through a running node's API (so the node's policy
 * applies and every read of a request's content lands in its access log).
 */

interface ListItem {
  id: string;
  side: string;
  reference: string;
  theirReference: string | null;
  typeId: string;
  state: string;
  requestingState: string;
  requestedState: string;
  outcome: string | null;
  title: string | null;
  createdAt: string;
  transmittedAt: string | null;
}

interface Detail extends ListItem {
  view: 'full' | 'metadata';
  version: number;
  content: Record<string, unknown> | null;
  history: Array<{ seq: number; at: string; event: string; from: string | null; to: string; actor: string; origin: string; ledgerIndex: number | null }>;
  clocks: Array<{ kind: string; owner: string; dueAt: string | null; stoppedAt: string | null; status: string }>;
  results: Array<{ at: string; final: boolean; summary: string; useLimitation: string }>;
  commands: string[];
  decision: { outcome: string; grounds: string[]; reasons: string; conditions: string[] } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseId(v: string): string {
  if (!UUID.test(v.trim())) throw new InvalidArgumentError('Expected a request id (a UUID, as "comity request list" prints).');
  return v.trim().toLowerCase();
}

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('Expected a whole number from 1 to 10000.');
  return n;
}

async function client(rt: Runtime, cmd: Command, flags: RemoteFlags): Promise<ApiClient> {
  const { remoteClient } = await import('../remote.ts');
  return remoteClient(rt, cmd, flags, `request ${cmd.name()}`);
}

export function registerRequest(program: Command, rt: Runtime): void {
  const request = program
    .command('request')
    .description('Cooperation requests of a running node, through its API (--url, with a token in COMITY_TOKEN): list, show, export the formal letter or the full record')
    .addHelpText('after', examples('COMITY_URL=http://127.0.0.1:8080 COMITY_TOKEN=… comity request list --side requested --open', 'comity request show 0197f3a2-6c1d-7a4e-9b2f-3c4d5e6f7a8b', 'comity request export 0197f3a2-… --out letter.pdf'));

  addUrlOptions(
    request
      .command('list')
      .description('List the requests the token\'s user may see, newest first')
      .option('--side <side>', 'requesting (outgoing) or requested (incoming)')
      .option('--state <state>', 'only requests in this state (e.g. draft, transmitted, executing)')
      .option('--type <type>', 'only this request type (e.g. preservation)')
      .option('--case <id>', 'only the requests of this case')
      .option('--open', 'only requests that are not closed, withdrawn or no longer required')
      .option('-q, --query <text>', 'text in the reference or title')
      .option('--limit <n>', 'how many at most (pages through the API)', parseLimit, 100)
      .option('--json', 'print the items as JSON'),
  ).action(async (opts: RemoteFlags & { side?: string; state?: string; type?: string; case?: string; open?: boolean; query?: string; limit: number; json?: boolean }, cmd: Command) => {
    if (opts.side !== undefined && opts.side !== 'requesting' && opts.side !== 'requested') cmd.error('--side must be requesting or requested', { exitCode: 2, code: 'comity.usage' });
    const api = await client(rt, cmd, opts);
    const items: ListItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.request<{ items: ListItem[]; next: string | null }>('GET', 'api/v1/requests', {
        query: { side: opts.side, state: opts.state, typeId: opts.type, caseId: opts.case, open: opts.open ? 'true' : undefined, q: opts.query, limit: Math.min(200, opts.limit - items.length), cursor },
      });
      items.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor && items.length < opts.limit);
    if (opts.json) {
      printJson(rt, items);
      return;
    }
    if (items.length === 0) {
      rt.out('no requests\n');
      return;
    }
    rt.out(
      `${formatTable(
        ['ID', 'SIDE', 'REFERENCE', 'THEIRS', 'TYPE', 'STATE', 'FROM→TO', 'CREATED'],
        items.map((r) => [r.id, r.side, r.reference, r.theirReference ?? '-', r.typeId, r.outcome && r.state === 'decision' ? `decision:${r.outcome}` : r.state, `${r.requestingState}→${r.requestedState}`, shortTime(r.createdAt)]),
      )}\n`,
    );
  });

  addUrlOptions(request.command('show').argument('<id>', 'the request id', parseId).description('Show one request: references, state, decision, clocks, history and results').option('--json', 'print the whole request as JSON')).action(
    async (id: string, opts: RemoteFlags & { json?: boolean }, cmd: Command) => {
      const api = await client(rt, cmd, opts);
      const r = await api.request<Detail>('GET', `api/v1/requests/${id}`);
      if (opts.json) {
        printJson(rt, r);
        return;
      }
      const lines = [
        `${r.reference}${r.theirReference ? ` (their reference ${r.theirReference})` : ''} — ${r.typeId}, ${r.requestingState}→${r.requestedState}, ${r.side}`,
        `state: ${r.state}${r.decision ? `, decision ${r.decision.outcome}` : ''}; version ${r.version}${r.view === 'metadata' ? '; metadata only' : ''}`,
      ];
      if (r.title) lines.push(`title: ${r.title}`);
      if (r.decision && r.decision.grounds.length > 0) lines.push(`grounds: ${r.decision.grounds.join(', ')}`);
      if (r.decision?.reasons) lines.push(`reasons: ${r.decision.reasons}`);
      if (r.decision && r.decision.conditions.length > 0) lines.push(`conditions: ${r.decision.conditions.join(' | ')}`);
      if (r.commands.length > 0) lines.push(`you may now: ${r.commands.join(', ')}`);
      rt.out(`${lines.join('\n')}\n`);
      if (r.clocks.length > 0) {
        rt.out(`\nclocks:\n${formatTable(['CLOCK', 'OWNER', 'DUE', 'STOPPED', 'STATUS'], r.clocks.map((c) => [c.kind, c.owner, shortTime(c.dueAt), shortTime(c.stoppedAt), c.status]))}\n`);
      }
      rt.out(`\nhistory:\n${formatTable(['#', 'AT', 'EVENT', 'FROM→TO', 'BY', 'LEDGER'], r.history.map((h) => [String(h.seq), shortTime(h.at), h.event, `${h.from ?? '-'}→${h.to}`, h.actor, h.ledgerIndex === null ? '-' : String(h.ledgerIndex)]))}\n`);
      if (r.results.length > 0) rt.out(`\nresults:\n${r.results.map((x) => `  ${shortTime(x.at)} ${x.final ? 'final' : 'partial'}: ${x.summary}${x.useLimitation ? ` [use limited: ${x.useLimitation}]` : ''}`).join('\n')}\n`);
    },
  );

  addUrlOptions(
    request
      .command('export')
      .argument('<id>', 'the request id', parseId)
      .description('Write the formal letter (PDF, with a ledger receipt) or the full record (JSON) to a file')
      .option('--format <format>', 'pdf (the formal letter) or json (the request with its history, clocks and results)', 'pdf')
      .requiredOption('--out <file>', 'where to write it (refuses to overwrite an existing file)'),
  ).action(async (id: string, opts: RemoteFlags & { format: string; out: string }, cmd: Command) => {
    if (opts.format !== 'pdf' && opts.format !== 'json') cmd.error('--format must be pdf or json', { exitCode: 2, code: 'comity.usage' });
    const api = await client(rt, cmd, opts);
    let bytes: Buffer;
    if (opts.format === 'pdf') {
      const d = await api.download(`api/v1/requests/${id}/letter.pdf`, 'application/pdf');
      if (!d.contentType.startsWith('application/pdf')) throw new CliError(`the node answered ${d.contentType || 'no content type'} instead of a PDF`);
      bytes = d.bytes;
    } else {
      bytes = Buffer.from(`${JSON.stringify(await api.request<Detail>('GET', `api/v1/requests/${id}`), null, 2)}\n`, 'utf8');
    }
    try {
      writeFileSync(opts.out, bytes, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(code === 'EEXIST' ? `${opts.out} exists already; choose another --out` : `cannot write ${opts.out}: ${code ?? (e as Error).message}`);
    }
    rt.out(`wrote ${opts.out} (${bytes.length} bytes)\n`);
  });
}
