import { InvalidArgumentError, type Command } from 'commander';
import type { ApiClient } from '../api-client.ts';
import { ApiError, CliError, examples, formatTable, printJson, shortTime, type Runtime } from '../output.ts';
import { addUrlOptions, type RemoteFlags, type ServedDirectory } from '../remote.ts';

interface JsonFlag {
  json?: boolean;
}

/** `GET /api/v1/federation/status`. */
interface FederationStatus {
  nodeId: string;
  endpoint: string;
  directory: { version: number; acceptedAt: string; source: string } | null;
  peers: Array<{
    nodeId: string;
    state: string | null;
    name: string | null;
    endpoint: string | null;
    inDirectory: boolean;
    outbox: { pending: number; dead: number; delivered: number };
    oldestPendingAt: string | null;
    lastDeliveredAt: string | null;
    lastError: string | null;
    inbox: { received: number; processed: number; failed: number };
    lastReceivedAt: string | null;
  }>;
  alerts: Array<{ id: string; kind: string; peer: string | null; summary: string; createdAt: string }>;
}

/** `POST /api/v1/federation/pings`, `GET /api/v1/federation/pings/{id}`. */
interface Ping {
  id: string;
  node: string;
  sentAt: string;
  deliveredAt: string | null;
  pongAt: string | null;
  roundTripMs: number | null;
}

function parseSeconds(value: string): number {
  const n = /^\d{1,5}(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InvalidArgumentError('Expected a number of seconds from 1 to 3600.');
  return n;
}

const remote = addUrlOptions;

async function client(rt: Runtime, cmd: Command, flags: RemoteFlags): Promise<ApiClient> {
  const { remoteClient } = await import('../remote.ts');
  return remoteClient(rt, cmd, flags, `federation ${cmd.name()}`);
}

/** A node given as a node id, or as a State code (that State's central authority in the node's directory). */
async function resolveNode(api: ApiClient, given: string): Promise<{ nodeId: string; state: string | null; name: string | null }> {
  let d: ServedDirectory;
  try {
    d = await api.request<ServedDirectory>('GET', 'api/v1/directory');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) throw new CliError(`the node at ${api.where} has no federation directory yet (see "comity federation refresh")`);
    throw e;
  }
  const code = given.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && !d.nodes.some((n) => n.nodeId === given)) {
    const st = d.states[code];
    if (!st) throw new CliError(`no State ${code} in the directory (version ${d.version}) of the node at ${api.where}`);
    if (st.centralAuthority === null) throw new CliError(`State ${code} names no central authority in the directory (version ${d.version}); give a node id instead`);
    const n = d.nodes.find((x) => x.nodeId === st.centralAuthority);
    return { nodeId: st.centralAuthority, state: code, name: n?.name ?? null };
  }
  const n = d.nodes.find((x) => x.nodeId === given.trim());
  if (!n) throw new CliError(`no node ${given} in the directory (version ${d.version}) of the node at ${api.where}; give a node id or a State code`);
  return { nodeId: n.nodeId, state: n.state, name: n.name };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function registerFederation(program: Command, rt: Runtime): void {
  const federation = program
    .command('federation')
    .description('Check and drive the federation of a running node through its API (--url, with a token in COMITY_TOKEN): ping other nodes, see queues and alerts, retry, witness, refresh the directory')
    .addHelpText(
      'after',
      examples('COMITY_URL=https://ca.xa.example COMITY_TOKEN=… comity federation ping XB', 'comity federation status --url http://127.0.0.1:8080', 'comity federation retry XB') +
        '\nNODE is a node id or a State code (that State\'s central authority, as the node\'s directory says).\n',
    );

  remote(
    federation
      .command('ping')
      .argument('<node>', 'a node id, or a State code (its central authority)')
      .description('Send a ping over the real message path (signed, encrypted, receipted) and wait for the pong: prints the round trip, or exits 1 with the last delivery error')
      .option('--timeout <seconds>', 'how long to wait for the pong', parseSeconds, 30)
      .option('--json', 'print the ping as JSON'),
  )
    .addHelpText('after', examples('comity federation ping XB --url http://127.0.0.1:8080', 'comity federation ping 0197f3a2-6c1d-7a4e-9b2f-3c4d5e6f7a8b --timeout 5 --json') + '\nNeeds the admin, central_authority or duty_officer role.\n')
    .action(async (node: string, opts: RemoteFlags & JsonFlag & { timeout: number }, cmd: Command) => {
      const api = await client(rt, cmd, opts);
      const target = await resolveNode(api, node);
      const label = `${target.nodeId}${target.state ? ` (${target.state})` : ''}`;
      let ping = await api.request<Ping>('POST', 'api/v1/federation/pings', { body: { node: target.nodeId } });
      const deadline = Date.now() + opts.timeout * 1000;
      while (ping.pongAt === null && Date.now() < deadline) {
        await sleep(Math.min(200, Math.max(0, deadline - Date.now())));
        ping = await api.request<Ping>('GET', `api/v1/federation/pings/${ping.id}`);
      }
      if (ping.pongAt !== null) {
        if (opts.json) printJson(rt, { ...ping, state: target.state });
        else rt.out(`pong from ${label} in ${ping.roundTripMs ?? '?'} ms\n`);
        return;
      }
      if (opts.json) printJson(rt, { ...ping, state: target.state });
      let why = ping.deliveredAt === null ? 'the ping was not delivered' : 'the ping was delivered but no pong came back';
      if (ping.deliveredAt === null) {
        try {
          const s = await api.request<FederationStatus>('GET', 'api/v1/federation/status');
          const peer = s.peers.find((p) => p.nodeId === target.nodeId);
          if (peer?.lastError) why += `; last delivery error: ${peer.lastError}`;
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 403)) throw e;
          // a token without the status right: the reason stays general
        }
      }
      throw new CliError(`no pong from ${label} within ${opts.timeout} s: ${why}`);
    });

  remote(federation.command('status').description('Show the node\'s peers (directory membership, outbox and inbox counts, last delivery and error) and its recent alerts').option('--json', 'print the status as JSON'))
    .addHelpText('after', examples('comity federation status --url http://127.0.0.1:8080', 'comity federation status --json | jq \'.peers[] | select(.outbox.dead > 0)\'') + '\nNeeds the admin or oversight role.\n')
    .action(async (opts: RemoteFlags & JsonFlag, cmd: Command) => {
      const api = await client(rt, cmd, opts);
      const s = await api.request<FederationStatus>('GET', 'api/v1/federation/status');
      if (opts.json) {
        printJson(rt, s);
        return;
      }
      const dir = s.directory ? `directory version ${s.directory.version}, accepted ${shortTime(s.directory.acceptedAt)} UTC from ${s.directory.source}` : 'no directory yet';
      rt.out(`node ${s.nodeId} at ${s.endpoint}; ${dir}\n`);
      if (s.peers.length === 0) rt.out('no peers\n');
      else
        rt.out(
          `\n${formatTable(
            ['NODE', 'STATE', 'IN DIRECTORY', 'PENDING', 'DEAD', 'DELIVERED', 'RECEIVED', 'LAST DELIVERY', 'LAST ERROR'],
            s.peers.map((p) => [
              p.nodeId,
              p.state ?? '-',
              p.inDirectory ? 'yes' : 'no',
              String(p.outbox.pending),
              String(p.outbox.dead),
              String(p.outbox.delivered),
              String(p.inbox.received + p.inbox.processed + p.inbox.failed),
              shortTime(p.lastDeliveredAt),
              p.lastError ?? '-',
            ]),
          )}`,
        );
      if (s.alerts.length === 0) rt.out('\nno recent alerts\n');
      else rt.out(`\nrecent alerts:\n${s.alerts.map((a) => `  ${shortTime(a.createdAt)}  ${a.kind}${a.peer ? `  ${a.peer}` : ''}  ${a.summary}`).join('\n')}\n`);
    });

  remote(
    federation
      .command('retry')
      .argument('[node]', 'only the messages for this node id or State code (default: all)')
      .description('Put dead-lettered messages back in the outbox queue (all, or those for one node)')
      .option('--json', 'print {requeued: [ids]} as JSON'),
  )
    .addHelpText('after', examples('comity federation retry --url http://127.0.0.1:8080', 'comity federation retry XB') + '\nNeeds the admin role.\n')
    .action(async (node: string | undefined, opts: RemoteFlags & JsonFlag, cmd: Command) => {
      const api = await client(rt, cmd, opts);
      const target = node === undefined ? undefined : await resolveNode(api, node);
      const r = await api.request<{ requeued: string[] }>('POST', 'api/v1/federation/retry', { body: target ? { node: target.nodeId } : {} });
      if (opts.json) printJson(rt, r);
      else rt.out(`requeued ${r.requeued.length} message${r.requeued.length === 1 ? '' : 's'}${target ? ` for ${target.nodeId}` : ''}\n`);
    });

  remote(federation.command('witness').description('Send the node\'s latest ledger checkpoint now to every node that has not cosigned it').option('--json', 'print {asked: [node ids]} as JSON'))
    .addHelpText('after', examples('comity federation witness --url http://127.0.0.1:8080') + '\nNeeds the admin role. Cosignatures arrive as messages; see "comity ledger checkpoint".\n')
    .action(async (opts: RemoteFlags & JsonFlag, cmd: Command) => {
      const api = await client(rt, cmd, opts);
      const r = await api.request<{ asked: string[] }>('POST', 'api/v1/federation/witness');
      if (opts.json) printJson(rt, r);
      else if (r.asked.length === 0) rt.out('nothing to ask: every node has cosigned the latest checkpoint (or one is asked already)\n');
      else rt.out(`asked ${r.asked.length} node${r.asked.length === 1 ? '' : 's'} to witness the latest checkpoint: ${r.asked.join(', ')}\n`);
    });

  remote(federation.command('refresh').description('Make the node read its directory source now (accepted only when signed by the pinned authority and newer)').option('--json', 'print {outcome, version} as JSON'))
    .addHelpText('after', examples('comity federation refresh --url http://127.0.0.1:8080') + '\nNeeds the admin role. A refused directory exits 1 with the reason.\n')
    .action(async (opts: RemoteFlags & JsonFlag, cmd: Command) => {
      const api = await client(rt, cmd, opts);
      const r = await api.request<{ outcome: string; version?: number }>('POST', 'api/v1/federation/directory/refresh');
      if (opts.json) printJson(rt, r);
      else rt.out(r.outcome === 'accepted' ? `accepted directory version ${r.version ?? '?'}\n` : `directory unchanged (version ${r.version ?? '?'})\n`);
    });
}
