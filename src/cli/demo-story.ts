import type { RunningNode } from '../http/server.ts';
import type { Actor } from '../platform/actor.ts';

/**
 * SCENARIOS.md story 1 on the demo nodes: the ransomware at XA's university hospital. XA's investigator opens the
 * case and drafts an expedited preservation request to XB, the prosecutor authorizes and transmits it to XB's
 * 24/7 node. With `complete`, XB's duty officer then acknowledges it, accepts it, preserves the data and reports,
 * and XA closes it; otherwise it waits on XB's desk for someone to log in and act on it.
 */

export interface StoryNode {
  code: string;
  node: RunningNode;
  actors: ReadonlyMap<string, Actor>;
}

export interface StoryOutcome {
  reference: string;
  theirReference: string | null;
  requestingId: string;
  requestedId: string | null;
  stateXA: string;
  stateXB: string | null;
}

function actor(n: StoryNode, username: string): Actor {
  const a = n.actors.get(username);
  if (!a) throw new Error(`demo account ${username} missing on ${n.code}`);
  return a;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, deadline: number, nodes: readonly StoryNode[], f: () => Promise<T | null>): Promise<T> {
  for (;;) {
    const v = await f();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`the demo request story timed out waiting for ${what}`);
    for (const n of nodes) n.node.federation.federation.wake();
    await sleep(100);
  }
}

export async function ransomwareStory(xa: StoryNode, xb: StoryNode, opts: { complete: boolean; timeoutSeconds: number }): Promise<StoryOutcome> {
  const deadline = Date.now() + opts.timeoutSeconds * 1000;
  const amira = actor(xa, 'investigator');
  const jonas = actor(xa, 'prosecutor');
  const petra = actor(xb, 'duty');
  const cases = xa.node.services.cases;
  const rq = xa.node.services.requests;
  const c = await cases.createCase(amira, {
    title: 'Ransomware at the university hospital',
    summary: 'On Tuesday at 02:10 the hospital\'s systems were encrypted; the ransom note points to a payment portal hosted by a provider in Borduria.',
    offences: ['illegal_access', 'data_interference', 'system_interference'],
  });
  await cases.members.add(amira, c.record.id, { userId: jonas.userId, caseRole: 'member' });
  let v = await rq.createDraft(amira, { caseId: c.record.id, typeId: 'preservation', requestedState: xb.code, draftingLanguage: 'en' });
  v = await rq.updateDraft(amira, v.record.id, {
    version: v.record.version,
    content: {
      requestingAuthority: 'Cybercrime unit, Arland national police',
      contactName: 'Amira Haddad, investigator',
      contactEmail: 'cyber-duty@police.xa.example',
      contactPhone: '+999 20 555 0147',
      officeHours: '24/7 duty desk',
      timeZone: 'Europe/Paris',
      preferredChannel: 'comity',
      dataToPreserve: ['Subscriber records of the account operating pay-portal.example', 'IP login logs of that account, 1–14 March 2026', 'Web server logs of pay-portal.example'],
      dataCategories: ['subscriber', 'traffic'],
      relationToOffence: 'The ransom note sends the victim to pay-portal.example; its operator is the likely author of the intrusion.',
      custodian: 'Borduria Hosting Ltd, 12 Harbour Street, Borduria City',
      preservationNecessity: 'Hosting logs are kept for 14 days only; the operator may close the account once paid.',
      mlaWillFollow: true,
      preservationDays: 90,
      doNotNotify: true,
    },
  });
  v = await rq.command(amira, v.record.id, { event: 'submit', version: v.record.version });
  v = await rq.command(jonas, v.record.id, { event: 'authorize', version: v.record.version, note: 'Urgent: the logs expire in days.' });
  v = await rq.command(jonas, v.record.id, { event: 'transmit', version: v.record.version });
  const reference = v.record.reference;
  const requestingId = v.record.id;
  const incomingId = await until('XB to receive the request', deadline, [xa, xb], async () => (await xb.node.services.requests.list(petra, { side: 'requested', q: reference })).items[0]?.record.id ?? null);
  if (!opts.complete) {
    const xaNow = await rq.get(jonas, requestingId);
    return { reference, theirReference: xaNow.record.theirReference, requestingId, requestedId: incomingId, stateXA: xaNow.record.state, stateXB: 'received' };
  }
  const xbr = xb.node.services.requests;
  const step = async (event: string, extra: Record<string, unknown> = {}): Promise<void> => {
    const cur = await xbr.get(petra, incomingId);
    await xbr.command(petra, incomingId, { event, version: cur.record.version, ...extra });
  };
  await step('register');
  await step('start_assessment');
  await step('decide', { outcome: 'accepted', reasons: 'Preservation needs no dual criminality in Borduria (BC 29(3)).' });
  await step('start_execution');
  await step('send_results', {
    final: true,
    summary: 'The provider preserved the data; held until the follow-up request is decided.',
    preservedUntil: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    useLimitation: 'For the investigation of the ransomware attack only.',
  });
  const executed = await until('XA to receive the results', deadline, [xa, xb], async () => {
    const cur = await rq.get(jonas, requestingId);
    return cur.record.state === 'executed' ? cur : null;
  });
  const closed = await rq.command(jonas, requestingId, { event: 'close', version: executed.record.version });
  await step('close');
  const xbNow = await xbr.get(petra, incomingId);
  return { reference, theirReference: closed.record.theirReference, requestingId, requestedId: incomingId, stateXA: closed.record.state, stateXB: xbNow.record.state };
}
