import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { toDate, toInt } from '../db/codec.ts';
import type { DB } from '../db/schema.ts';
import type { Executor } from '../db/executor.ts';
import { newId } from '../ids.ts';
import { fromB64, toB64 } from '../ledger/base64.ts';
import { openCheckpoint } from '../ledger/checkpoint.ts';
import { cosignCheckpoint, verifyCosignature, witnessVkey } from '../ledger/cosignature.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { verifyConsistency } from '../ledger/merkle.ts';
import { parseVerifierKey } from '../ledger/note.ts';
import type { NodeIdentity } from '../keys/node-identity.ts';
import type { Federation, ReceivedMessage } from './federation.ts';
import * as store from './store.ts';

/**
 * Witnessing (DESIGN §4): nodes send each other their signed ledger checkpoints; a witness checks each one against
 * the last it saw from that node — signature with the key the directory lists, then a consistency proof from that
 * size — and answers with a C2SP tlog-cosignature/v1 line. The exchange follows the C2SP tlog-witness
 * add-checkpoint semantics, carried in federation messages:
 *
 * - `witness.checkpoint` {checkpoint, oldSize, proof}: `oldSize` is the size of the last checkpoint this witness
 *   cosigned for the sender (0 at first), `proof` the consistency proof from it (base64 hashes).
 * - `witness.cosignature` {size, name, cosignature}: the witness's signature line for that checkpoint.
 * - `witness.conflict` {size}: the witness's record is at another size; the sender retries from that size.
 * - `witness.refused` {reason}: the checkpoint is not consistent with what the witness saw (a forked or rewritten
 *   log) — raised as an alert on both sides and recorded in both ledgers.
 */

/** The body text of a checkpoint note (what cosignatures sign): everything before the blank line, with its \n. */
export function noteBody(note: string): string {
  const i = note.indexOf('\n\n');
  if (i < 0) throw new Error('not a signed note');
  return note.slice(0, i + 1);
}

interface WitnessRecord {
  origin: string;
  size: number;
  rootHash: string;
}

async function lastWitnessed(ex: Executor, origin: string): Promise<WitnessRecord | undefined> {
  const r = await ex
    .selectFrom('witness_checkpoints')
    .select(['origin', 'size', 'root_hash'])
    .where('origin', '=', origin)
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && { origin: r.origin, size: toInt(r.size), rootHash: r.root_hash };
}

export interface Cosignature {
  size: number;
  witness: string;
  witnessName: string;
  signature: string;
  timestamp: number;
  receivedAt: Date;
}

/** Cosignatures received for this node's checkpoint of `size`. */
export async function cosignaturesFor(ex: Executor, size: number): Promise<Cosignature[]> {
  const rows = await ex.selectFrom('ledger_cosignatures').selectAll().where('size', '=', size).orderBy('witness').execute();
  return rows.map((r) => ({
    size: toInt(r.size),
    witness: r.witness,
    witnessName: r.witness_name,
    signature: r.signature,
    timestamp: toInt(r.timestamp),
    receivedAt: toDate(r.received_at),
  }));
}

/** The checkpoint note of `size` with the cosignature lines received for it appended (a multi-signature note). */
export async function cosignedNote(ex: Executor, note: string, size: number): Promise<string> {
  const cos = await cosignaturesFor(ex, size);
  return note + cos.map((c) => c.signature).join('');
}

async function lastCosignedSize(ex: Executor, witness: string): Promise<number> {
  const r = await ex
    .selectFrom('ledger_cosignatures')
    .select((eb) => eb.fn.max('size').as('size'))
    .where('witness', '=', witness)
    .executeTakeFirst();
  return r?.size === null || r?.size === undefined ? 0 : toInt(r.size);
}

async function checkpointNoteAt(ex: Executor, size: number): Promise<string | undefined> {
  const r = await ex.selectFrom('ledger_checkpoints').select('note').where('size', '=', size).executeTakeFirst();
  return r?.note;
}

export interface WitnessDeps {
  db: Kysely<DB>;
  clock: Clock;
  ledger: Ledger;
  identity: NodeIdentity;
  federation: Federation;
  logger: Logger;
}

export class Witness {
  private readonly deps: WitnessDeps;

  constructor(deps: WitnessDeps) {
    this.deps = deps;
    const f = deps.federation;
    f.on('witness.checkpoint', (trx, msg) => this.onCheckpoint(trx, msg));
    f.on('witness.cosignature', (trx, msg) => this.onCosignature(trx, msg));
    f.on('witness.conflict', (trx, msg) => this.onConflict(trx, msg));
    f.on('witness.refused', (trx, msg) => this.onRefused(trx, msg));
  }

  /**
   * Sends this node's latest checkpoint to every other node in the directory whose last cosignature is for a
   * smaller tree and that has no witnessing request of ours waiting in the outbox. Returns the nodes asked.
   */
  async requestAll(): Promise<string[]> {
    const dir = this.deps.federation.directory();
    const cp = await this.deps.ledger.latestCheckpoint();
    if (!cp) return [];
    const asked: string[] = [];
    for (const node of dir.doc.nodes) {
      if (node.nodeId === this.deps.federation.nodeId) continue;
      const pending = await this.deps.db
        .selectFrom('federation_outbox')
        .select('id')
        .where('peer', '=', node.nodeId)
        .where('type', '=', 'witness.checkpoint')
        .where('state', '=', 'pending')
        .limit(1)
        .executeTakeFirst();
      if (pending) continue;
      const old = await lastCosignedSize(this.deps.db, node.nodeId);
      if (old >= cp.size) continue;
      await this.deps.federation.sendInTransaction((trx) => this.sendCheckpoint(trx, node.nodeId, old, cp.size, cp.note));
      asked.push(node.nodeId);
    }
    return asked;
  }

  private async sendCheckpoint(trx: Executor, to: string, oldSize: number, size: number, note: string, conversation?: string): Promise<void> {
    const proof = oldSize > 0 && oldSize < size ? await this.deps.ledger.consistencyProof(oldSize, size, trx) : [];
    await this.deps.federation.send(trx, {
      to,
      type: 'witness.checkpoint',
      conversation,
      body: { checkpoint: note, oldSize, proof: proof.map(toB64) },
    });
  }

  // ------------------------------------------------------------------------------------ as the witness

  private async onCheckpoint(trx: Executor, msg: ReceivedMessage): Promise<void> {
    const f = this.deps.federation;
    const peer = f.directory().node(msg.from);
    const reply = (type: string, body: Record<string, unknown>): Promise<unknown> => f.send(trx, { to: msg.from, type, conversation: msg.conversation, body });
    const note = typeof msg.body.checkpoint === 'string' ? msg.body.checkpoint : '';
    const oldSize = typeof msg.body.oldSize === 'number' && Number.isSafeInteger(msg.body.oldSize) && msg.body.oldSize >= 0 ? msg.body.oldSize : -1;
    const proofIn = Array.isArray(msg.body.proof) ? msg.body.proof : null;
    // As C2SP tlog-witness add-checkpoint: at most 63 proof hashes, and none from size 0.
    if (!peer || !note || oldSize < 0 || !proofIn || proofIn.length > 63 || (oldSize === 0 && proofIn.length > 0) || !proofIn.every((p) => typeof p === 'string')) {
      await reply('witness.refused', { reason: 'malformed witnessing request' });
      return;
    }
    let cp;
    try {
      const verifier = parseVerifierKey(peer.ledger.vkey);
      cp = openCheckpoint(note, verifier, peer.ledger.origin);
    } catch (e) {
      await reply('witness.refused', { reason: `the checkpoint does not verify with the ledger key the directory lists: ${(e as Error).message}` });
      return;
    }
    const size = Number(cp.size);
    const root = Buffer.from(cp.rootHash).toString('hex');
    const last = await lastWitnessed(trx, peer.ledger.origin);
    const lastSize = last?.size ?? 0;
    if (oldSize !== lastSize) {
      await reply('witness.conflict', { size: lastSize });
      return;
    }
    if (size < oldSize) {
      // A request that contradicts itself (C2SP: 400), not evidence of a fork.
      await reply('witness.refused', { reason: `the checkpoint (size ${size}) is smaller than the old size it claims (${oldSize})` });
      return;
    }
    let problem: string | null = null;
    if (last && size === lastSize && last.rootHash !== root) problem = `two different roots for size ${size}`;
    else if (last && size > lastSize) {
      try {
        verifyConsistency(BigInt(lastSize), BigInt(size), proofIn.map((p) => fromB64(p as string)), Buffer.from(last.rootHash, 'hex'), cp.rootHash);
      } catch (e) {
        problem = `the checkpoint of size ${size} is not consistent with the one witnessed at size ${lastSize}: ${(e as Error).message}`;
      }
    }
    const now = this.deps.clock.now();
    if (problem) {
      await this.deps.ledger.append(trx, {
        actor: 'system',
        action: 'witness.inconsistency',
        object: { type: 'node', id: msg.from },
        details: { origin: peer.ledger.origin, witnessedSize: lastSize, witnessedRoot: last?.rootHash ?? null, offeredSize: size, offeredRoot: root, problem, note },
      });
      await store.insertAlert(trx, {
        id: newId(),
        kind: 'witness_inconsistency',
        peer: msg.from,
        summary: `node ${msg.from} presented a ledger checkpoint inconsistent with what this node witnessed: ${problem}`,
        details: { origin: peer.ledger.origin, witnessedSize: lastSize, witnessedRoot: last?.rootHash ?? null, offeredSize: size, offeredRoot: root, note },
        createdAt: now,
      });
      this.deps.logger.error({ alert: 'witness_inconsistency', peer: msg.from, problem }, 'ALERT: a node presented an inconsistent ledger checkpoint');
      await reply('witness.refused', { reason: problem, size });
      return;
    }
    const timestamp = Math.floor(now.getTime() / 1000);
    const id = this.deps.identity;
    const line = cosignCheckpoint(noteBody(note), { name: id.origin, privateKey: id.signingKey, publicKeyRaw: id.publicKeyRaw }, timestamp);
    if (!last || size > lastSize) {
      await trx
        .insertInto('witness_checkpoints')
        .values({ origin: peer.ledger.origin, size, peer: msg.from, root_hash: root, note, cosignature: line, witnessed_at: now })
        .execute();
    }
    await this.deps.ledger.append(trx, {
      actor: 'system',
      action: 'witness.cosigned',
      object: { type: 'node', id: msg.from },
      details: { origin: peer.ledger.origin, size, root: toB64(cp.rootHash) },
    });
    await reply('witness.cosignature', { size, name: id.origin, cosignature: line });
  }

  // ------------------------------------------------------------------------------------ as the witnessed node

  private async onCosignature(trx: Executor, msg: ReceivedMessage): Promise<void> {
    const peer = this.deps.federation.directory().node(msg.from);
    const size = typeof msg.body.size === 'number' && Number.isSafeInteger(msg.body.size) ? msg.body.size : -1;
    const line = typeof msg.body.cosignature === 'string' ? msg.body.cosignature : '';
    const note = size > 0 ? await checkpointNoteAt(trx, size) : undefined;
    if (!peer || !note || !line) throw new Error('malformed cosignature message');
    const raw = parseVerifierKey(peer.ledger.vkey).publicKey;
    const vkey = witnessVkey(peer.ledger.origin, raw);
    const { timestamp } = verifyCosignature(noteBody(note), line, vkey);
    const exists = await trx.selectFrom('ledger_cosignatures').select('size').where('size', '=', size).where('witness', '=', msg.from).executeTakeFirst();
    if (exists) return;
    await trx
      .insertInto('ledger_cosignatures')
      .values({ size, witness: msg.from, witness_name: peer.ledger.origin, signature: line, timestamp, received_at: this.deps.clock.now() })
      .execute();
    await this.deps.ledger.append(trx, {
      actor: `node:${msg.from}`,
      action: 'ledger.cosigned',
      object: { type: 'checkpoint', id: String(size) },
      details: { witness: msg.from, name: peer.ledger.origin, timestamp },
    });
  }

  private async onConflict(trx: Executor, msg: ReceivedMessage): Promise<void> {
    const theirs = typeof msg.body.size === 'number' && Number.isSafeInteger(msg.body.size) && msg.body.size >= 0 ? msg.body.size : -1;
    const cp = await this.deps.ledger.latestCheckpoint(trx);
    if (!cp || theirs < 0) return;
    if (theirs > cp.size) {
      await this.raise(trx, msg.from, `witness ${msg.from} has seen this node's ledger at size ${theirs}, larger than its latest checkpoint (${cp.size})`, {
        witnessSize: theirs,
        latestSize: cp.size,
      });
      return;
    }
    await this.sendCheckpoint(trx, msg.from, theirs, cp.size, cp.note, msg.conversation);
  }

  private async onRefused(trx: Executor, msg: ReceivedMessage): Promise<void> {
    const reason = typeof msg.body.reason === 'string' ? msg.body.reason.slice(0, 500) : 'no reason given';
    await this.raise(trx, msg.from, `witness ${msg.from} refused to cosign this node's checkpoint: ${reason}`, { reason });
  }

  private async raise(trx: Executor, peer: string, summary: string, details: Record<string, unknown>): Promise<void> {
    await this.deps.ledger.append(trx, { actor: `node:${peer}`, action: 'witness.refused', object: { type: 'node', id: peer }, details });
    await store.insertAlert(trx, { id: newId(), kind: 'witness_refused', peer, summary, details, createdAt: this.deps.clock.now() });
    this.deps.logger.error({ alert: 'witness_refused', peer, ...details }, `ALERT: ${summary}`);
  }
}
