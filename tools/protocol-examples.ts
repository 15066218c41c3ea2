/**
 * Produces the worked examples of docs/protocol.md with the project's own code, from throwaway keys:
 *
 *   ./nodew node tools/protocol-examples.ts                      print the examples (Markdown-ready text)
 *   ./nodew node tools/protocol-examples.ts --out DIR            also write them as test fixtures into DIR
 *   ./nodew node tools/protocol-examples.ts --live               also run two real nodes on 127.0.0.1 (SQLite in a
 *                                                                temporary folder): a ping, a witnessing round and
 *                                                                a refused message over real HTTP, and their ledger
 *                                                                entries on both sides
 *
 * Everything is made fresh on every run (keys, node ids, times), so the output differs from run to run; every
 * private key it prints or writes is a throwaway TEST key that protects nothing. Nothing outside the temporary
 * folders (and DIR) is touched.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { v7 } from 'uuid';
import { DirectoryAuthority } from '../src/platform/federation/authority.ts';
import { directoryKeyIndex, encryptionKeyFor, verifyDirectory } from '../src/platform/federation/directory.ts';
import { messageDigest, openMessage, sealMessage } from '../src/platform/federation/envelope.ts';
import { FederationError } from '../src/platform/federation/errors.ts';
import type { MessagePayload } from '../src/platform/federation/message.ts';
import { signNodeCard, verifyNodeCard, type NodeCard } from '../src/platform/federation/node-card.ts';
import { signReceipt, verifyReceipt } from '../src/platform/federation/receipt.ts';
import { noteBody } from '../src/platform/federation/witness.ts';
import { loadOrCreateNodeKeys, type NodeKeys } from '../src/platform/keys/keyset.ts';
import { toB64 } from '../src/platform/ledger/base64.ts';
import { openCheckpoint, formatCheckpoint } from '../src/platform/ledger/checkpoint.ts';
import { cosignCheckpoint, cosignedMessage, verifyCosignature, witnessVkey } from '../src/platform/ledger/cosignature.ts';
import { commitment, encodeEntry } from '../src/platform/ledger/entry.ts';
import { leafHash, rootFromLeafHashes, verifyConsistency } from '../src/platform/ledger/merkle.ts';
import { ed25519Signer, encodeVerifierKey, openNote, parseVerifierKey, signNote } from '../src/platform/ledger/note.ts';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : null;
const live = args.includes('--live');

const work = mkdtempSync(join(tmpdir(), 'comity-protocol-examples-'));
const print = (s = ''): void => void process.stdout.write(`${s}\n`);
const json = (v: unknown): string => JSON.stringify(v, null, 2);
const decodeSegment = (s: string): unknown => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
const shorten = (s: string, head = 60, tail = 20): string => (s.length <= head + tail + 20 ? s : `${s.slice(0, head)}…(${s.length - head - tail} more characters)…${s.slice(-tail)}`);
const section = (title: string): void => {
  print();
  print(`===== ${title} =====`);
};
const fixtures: Record<string, string> = {};
const fixture = (name: string, text: string): void => {
  fixtures[name] = text.endsWith('\n') ? text : `${text}\n`;
};

/** The private JWK of a key file in a data folder's keys/ (throwaway test keys only). */
function privateJwk(key: KeyObject, extra: Record<string, unknown>): Record<string, unknown> {
  return { ...key.export({ format: 'jwk' }), ...extra };
}

function rawPublic(key: KeyObject): Uint8Array {
  return Uint8Array.from(Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x ?? '', 'base64url'));
}

// --------------------------------------------------------------------------------------------- RFC 9162 proofs

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1, from leaf hashes (the ledger serves these from stored subtrees). */
function consistencyProof(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  const mth = (d: readonly Uint8Array[]): Uint8Array => rootFromLeafHashes(d);
  const k = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));
  const sub = (m1: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] => {
    const n = d.length;
    if (m1 === n) return b ? [] : [mth(d)];
    const kk = k(n);
    if (m1 <= kk) return [...sub(m1, d.slice(0, kk), b), mth(d.slice(kk))];
    return [...sub(m1 - kk, d.slice(kk), false), mth(d.slice(0, kk))];
  };
  return sub(m, leaves, true);
}

async function main(): Promise<void> {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const iat = Math.floor(now.getTime() / 1000);

  // ------------------------------------------------------------------------------------------- keys
  const a = loadOrCreateNodeKeys(join(work, 'node-a'), { now });
  const b = loadOrCreateNodeKeys(join(work, 'node-b'), { now });

  section('node A key set (public JWKs, as published)');
  print(json(a.publicJwks(now)));
  print(`ledger origin: ${a.ledger.origin}`);
  print(`ledger vkey:   ${encodeVerifierKey(a.ledger.origin, a.ledger.publicKeyRaw)}`);
  print(`thumbprint input of the sig key (RFC 7638): ${JSON.stringify({ crv: a.signing.publicJwk.crv, kty: 'OKP', x: a.signing.publicJwk.x })}`);
  print(`kid = base64url(SHA-256(that)) = ${createHash('sha256').update(JSON.stringify({ crv: a.signing.publicJwk.crv, kty: 'OKP', x: a.signing.publicJwk.x })).digest('base64url')}`);

  // ------------------------------------------------------------------------------------------- node cards
  const card = (k: NodeKeys, state: string, name: string, port: number, roles: NodeCard['roles']): NodeCard => ({
    v: 1,
    nodeId: k.nodeId,
    state,
    name,
    roles,
    endpoint: `https://comity.${state.toLowerCase()}.example:${port}`,
    keys: k.publicJwks(now),
    ledger: { origin: k.ledger.origin, vkey: encodeVerifierKey(k.ledger.origin, k.ledger.publicKeyRaw) },
    version: '0.1.0',
    issuedAt: now.toISOString().replace('.000Z', 'Z'),
  });
  const cardA = card(a, 'XA', 'Central authority of XA', 8443, ['central_authority']);
  const cardB = card(b, 'XB', '24/7 point of contact of XB', 8443, ['contact_point_24_7', 'police']);
  const cardAJws = await signNodeCard(cardA, a.signing);
  const cardBJws = await signNodeCard(cardB, b.signing);
  await verifyNodeCard(cardAJws, { now });
  section('node card of A: GET /federation/v1/node (compact JWS, complete)');
  print(cardAJws);
  section('node card of A: protected header');
  print(JSON.stringify(decodeSegment(cardAJws.split('.')[0]!)));
  section('node card of A: payload');
  print(json(decodeSegment(cardAJws.split('.')[1]!)));

  // ------------------------------------------------------------------------------------------- directory
  const authority = DirectoryAuthority.init(join(work, 'authority'), { name: 'directory.federation.example', now });
  authority.addNode(await verifyNodeCard(cardAJws), { stateName: 'Example State A' });
  authority.addNode(await verifyNodeCard(cardBJws), { stateName: 'Example State B' });
  authority.setState('XA', {
    languages: ['en', 'fr'],
    channels: ['comity'],
    declarations: [{ article: '40', text: 'Requests may be sent in English or French.' }],
    flags: { preservation_requires_dual_criminality: false },
  });
  authority.setState('XB', { languages: ['en'], channels: ['comity', 'interpol'], reservations: [{ article: '22', text: 'Example reservation.' }] });
  const published = await authority.publish(now);
  const { doc, digest: directoryDigest } = await verifyDirectory(published.jws, authority.info.publicJwk);
  section('directory authority pinned key (public JWK: the directoryAuthorityKey every node configures)');
  print(JSON.stringify(authority.info.publicJwk));
  section('directory: protected header');
  print(JSON.stringify(decodeSegment(published.jws.split('.')[0]!)));
  section('directory: payload (version 1)');
  print(json(doc));
  print(`directory digest (base64url SHA-256 of the payload bytes): ${directoryDigest}`);

  // A rollback is refused: version 1 again with other content, once version 1 is held.
  authority.setState('XB', { flags: { example_flag: true } });
  const v2 = await authority.publish(new Date(now.getTime() + 1000));
  let rollback = '';
  try {
    await verifyDirectory(published.jws, authority.info.publicJwk, { previous: { version: 2, digest: (await verifyDirectory(v2.jws, authority.info.publicJwk)).digest } });
  } catch (e) {
    rollback = `${(e as FederationError).code}: ${(e as Error).message}`;
  }
  section('offering version 1 to a node that holds version 2');
  print(rollback);

  // ------------------------------------------------------------------------------------------- envelope
  const recipient = encryptionKeyFor(doc, b.nodeId, now)!;
  const payload: MessagePayload = {
    id: v7({ msecs: now.getTime() }),
    type: 'ping',
    from: a.nodeId,
    to: b.nodeId,
    iat,
    exp: iat + 72 * 3600,
    conversation: v7({ msecs: now.getTime() }),
    seq: 1,
    body: {},
  };
  const jwe = await sealMessage(payload, a.signing, { kid: recipient.kid, publicJwk: recipient });
  const index = directoryKeyIndex(doc);
  const opened = await openMessage(jwe, {
    self: b.nodeId,
    now,
    maxBytes: 1024 * 1024,
    decryptionKey: (kid) => b.decryptionKey(kid, now),
    resolveSenderKey: (kid) => index.resolve(kid),
    isKnownNode: (id) => index.hasNode(id),
  });
  const [jweHeader = ''] = jwe.split('.');
  // The inner JWS, as B sees it after decryption (compactDecrypt is what openMessage does first).
  const { compactDecrypt } = await import('jose');
  const inner = Buffer.from((await compactDecrypt(jwe, b.decryptionKey(recipient.kid, now)!)).plaintext).toString('ascii');
  section('envelope: POST /federation/v1/inbox body (compact JWE; shortened here, complete in message.jwe)');
  print(jwe.split('.').map((p) => shorten(p, 40, 12)).join('.'));
  print(`length: ${jwe.length} bytes; parts (header.encrypted_key.iv.ciphertext.tag) lengths: ${jwe.split('.').map((p) => p.length).join(', ')}`);
  section('envelope: JWE protected header');
  print(JSON.stringify(decodeSegment(jweHeader)));
  section('envelope: inner JWS (compact; the JWE plaintext)');
  print(inner);
  section('envelope: inner JWS protected header');
  print(JSON.stringify(decodeSegment(inner.split('.')[0]!)));
  section('envelope: inner JWS payload (the message)');
  print(json(JSON.parse(Buffer.from(inner.split('.')[1]!, 'base64url').toString('utf8'))));
  section('envelope: message digest = base64url(SHA-256(ASCII of the compact JWE))');
  print(opened.digest);

  // ------------------------------------------------------------------------------------------- receipt
  const receivedAt = new Date(now.getTime() + 137).toISOString();
  const receipt = await signReceipt({ msg: payload.id, digest: opened.digest, from: a.nodeId, by: b.nodeId, receivedAt }, b.signing);
  await verifyReceipt(receipt, { expect: { msg: payload.id, digest: messageDigest(jwe), by: b.nodeId, from: a.nodeId }, resolveKey: (kid) => index.resolve(kid), now });
  section('receipt: the 200 answer body (compact JWS, application/jose)');
  print(receipt);
  section('receipt: protected header');
  print(JSON.stringify(decodeSegment(receipt.split('.')[0]!)));
  section('receipt: payload');
  print(json(decodeSegment(receipt.split('.')[1]!)));

  // ------------------------------------------------------------------------------------------- refusals (offline)
  const refusal = async (what: string, mutate: (s: string) => string, self = b.nodeId): Promise<string> => {
    try {
      await openMessage(mutate(jwe), {
        self,
        now,
        maxBytes: 1024 * 1024,
        decryptionKey: (kid) => b.decryptionKey(kid, now),
        resolveSenderKey: (kid) => index.resolve(kid),
        isKnownNode: (id) => index.hasNode(id),
      });
      return `${what}: accepted (unexpected)`;
    } catch (e) {
      return `${what}: ${(e as FederationError).code} (${(e as Error).message})`;
    }
  };
  section('refusals computed by openMessage on the example envelope');
  const flip = (part: number) => (s: string): string => {
    const p = s.split('.');
    const buf = Buffer.from(p[part]!, 'base64url');
    buf[0] = buf[0]! ^ 1;
    p[part] = buf.toString('base64url');
    return p.join('.');
  };
  print(await refusal('ciphertext altered', flip(3)));
  print(await refusal('addressed to B, opened by another node id', (s) => s, 'some-other-node'));
  print(await refusal('JWE header with "zip"', (s) => {
    const p = s.split('.');
    p[0] = Buffer.from(JSON.stringify({ ...(decodeSegment(p[0]!) as object), zip: 'DEF' })).toString('base64url');
    return p.join('.');
  }));

  // ------------------------------------------------------------------------------------------- witnessing
  // A's ledger: six entries (the format of docs/ledger.md), a signed checkpoint at size 3 and one at size 6.
  const entries = Array.from({ length: 6 }, (_, seq) =>
    encodeEntry({
      v: 1,
      seq,
      at: new Date(now.getTime() - (6 - seq) * 1000).toISOString(),
      node: a.ledger.origin,
      actor: 'system',
      action: seq === 5 ? 'federation.message.sent' : 'node.configuration',
      object: seq === 5 ? { type: 'message', id: payload.id } : { type: 'node', id: a.ledger.origin },
      commitment: commitment(new Uint8Array(16).fill(seq + 1), {}),
    }),
  );
  const leaves = entries.map((e) => leafHash(e));
  const signerA = ed25519Signer(a.ledger.origin, a.ledger.signingKey);
  const checkpoint = (size: number): string =>
    signNote(formatCheckpoint({ origin: a.ledger.origin, size: BigInt(size), rootHash: rootFromLeafHashes(leaves.slice(0, size)) }), [signerA]);
  const cp3 = checkpoint(3);
  const cp6 = checkpoint(6);
  const proof = consistencyProof(3, leaves);
  const aVkey = parseVerifierKey(encodeVerifierKey(a.ledger.origin, a.ledger.publicKeyRaw));
  verifyConsistency(3n, 6n, proof, openCheckpoint(cp3, aVkey).rootHash, openCheckpoint(cp6, aVkey).rootHash);

  const witnessB = { name: b.ledger.origin, privateKey: b.ledger.signingKey, publicKeyRaw: b.ledger.publicKeyRaw };
  const t = iat + 2;
  const line = cosignCheckpoint(noteBody(cp6), witnessB, t);
  const bWitnessVkey = witnessVkey(b.ledger.origin, rawPublic(b.ledger.signingKey));
  verifyCosignature(noteBody(cp6), line, bWitnessVkey);
  const cosigned = cp6 + line;
  // A verifier that knows only A's log key still opens the cosigned note (B's line is reported as unverified).
  const opened6 = openNote(cosigned, [aVkey]);
  if (opened6.unverified.length !== 1) throw new Error('expected one unverified (cosignature) line');

  section('witness.checkpoint body (A → B; B last cosigned A at size 3)');
  print(json({ checkpoint: cp6, oldSize: 3, proof: proof.map(toB64) }));
  section('signed message of the cosignature (what B signs)');
  print(cosignedMessage(noteBody(cp6), t).toString('utf8'));
  section('witness.cosignature body (B → A)');
  print(json({ size: 6, name: b.ledger.origin, cosignature: line }));
  section('cosignature line decoded');
  const blob = Buffer.from(line.trim().split(' ').at(-1)!, 'base64');
  print(`key id    ${blob.subarray(0, 4).toString('hex')} = SHA-256("${b.ledger.origin}" ‖ 0x0A ‖ 0x04 ‖ B's ledger public key)[:4]`);
  print(`timestamp ${blob.subarray(4, 12).toString('hex')} = ${blob.readBigUInt64BE(4)} (big-endian uint64)`);
  print(`signature ${blob.subarray(12).toString('hex').slice(0, 32)}… (64 bytes)`);
  print(`B's note vkey (directory ledger.vkey): ${encodeVerifierKey(b.ledger.origin, b.ledger.publicKeyRaw)}`);
  print(`B's witness vkey (derived, type 0x04): ${bWitnessVkey}`);
  section("A's checkpoint of size 6 with B's cosignature (the cosigned note)");
  print(cosigned);

  // ------------------------------------------------------------------------------------------- fixtures
  const keyFile = (k: NodeKeys, state: string) => ({
    WARNING: 'THROWAWAY TEST KEYS generated by tools/protocol-examples.ts. They protect nothing. Never use them for anything but tests.',
    nodeId: k.nodeId,
    state,
    ledger: {
      origin: k.ledger.origin,
      vkey: encodeVerifierKey(k.ledger.origin, k.ledger.publicKeyRaw),
      witnessVkey: witnessVkey(k.ledger.origin, k.ledger.publicKeyRaw),
      privateJwk: privateJwk(k.ledger.signingKey, { kid: k.ledger.kid, alg: 'EdDSA', use: 'sig' }),
    },
    sig: { publicJwk: k.signing.publicJwk, privateJwk: privateJwk(k.signing.privateKey, { kid: k.signing.kid, alg: 'EdDSA', use: 'sig' }) },
    enc: { publicJwk: k.encryption.publicJwk, privateJwk: privateJwk(k.encryption.privateKey, { kid: k.encryption.kid, alg: 'ECDH-ES+A256KW', use: 'enc' }) },
  });
  const authorityPrivate = JSON.parse(readFileSync(join(authority.dir, 'authority-ed25519.jwk.json'), 'utf8')) as Record<string, unknown>;
  fixture('node-a.keys.json', json(keyFile(a, 'XA')));
  fixture('node-b.keys.json', json(keyFile(b, 'XB')));
  fixture(
    'authority.keys.json',
    json({
      WARNING: 'THROWAWAY TEST KEY generated by tools/protocol-examples.ts. It protects nothing. Never use it for anything but tests.',
      name: authority.info.name,
      publicJwk: authority.info.publicJwk,
      privateJwk: authorityPrivate,
    }),
  );
  fixture('node-a.card.jws', cardAJws);
  fixture('node-b.card.jws', cardBJws);
  fixture('directory-v1.jws', published.jws);
  fixture('directory-v2.jws', v2.jws);
  fixture('directory-v1.json', json(doc));
  fixture('message.jwe', jwe);
  fixture('message.inner.jws', inner);
  fixture(
    'message.json',
    json({
      comment: 'The ping of node A to node B in message.jwe: open it with node-b.keys.json enc.privateJwk at validAt, verify the inner JWS with node-a.keys.json sig.publicJwk.',
      validAt: now.toISOString(),
      jweProtectedHeader: decodeSegment(jweHeader),
      innerJwsProtectedHeader: decodeSegment(inner.split('.')[0]!),
      payload,
      digest: opened.digest,
    }),
  );
  fixture('receipt.jws', receipt);
  fixture('receipt.json', json({ protectedHeader: decodeSegment(receipt.split('.')[0]!), payload: decodeSegment(receipt.split('.')[1]!) }));
  fixture('checkpoint-a-3.note', cp3);
  fixture('checkpoint-a-6.note', cp6);
  fixture('checkpoint-a-6.cosigned.note', cosigned);
  fixture('witness.checkpoint.body.json', json({ checkpoint: cp6, oldSize: 3, proof: proof.map(toB64) }));
  fixture('witness.cosignature.body.json', json({ size: 6, name: b.ledger.origin, cosignature: line }));
  fixture('ledger-a.leaves.jsonl', entries.map((e) => Buffer.from(e).toString('utf8')).join('\n'));

  if (live) await liveRun();

  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of Object.entries(fixtures)) writeFileSync(join(outDir, name), text);
    print();
    print(`wrote ${Object.keys(fixtures).length} files to ${outDir}`);
  }
}

// --------------------------------------------------------------------------------------------- live run

async function liveRun(): Promise<void> {
  const { startNode } = await import('../src/http/server.ts');
  const { loadConfig } = await import('../src/platform/config/load.ts');
  const { createLogger } = await import('../src/platform/logger.ts');
  const root = join(work, 'live');
  const authority = DirectoryAuthority.init(join(root, 'authority'), { name: 'directory.federation.example' });
  const directoryFile = join(authority.dir, 'directory.jws');
  const logger = createLogger('silent');
  const start = (state: string) =>
    startNode(
      loadConfig({
        flags: {
          dataDir: join(root, state),
          host: '127.0.0.1',
          port: 0,
          state,
          nodeName: `Example node of ${state}`,
          logLevel: 'silent',
          directorySource: directoryFile,
          directoryAuthorityKey: JSON.stringify(authority.info.publicJwk),
          witnessIntervalSeconds: 0,
          checkpointIntervalSeconds: 3600,
          federationRetryMaxSeconds: 1,
          nodeRoles: ['central_authority'],
        },
        env: {},
      }),
      { logger, federationPollMs: 50 },
    );
  mkdirSync(join(root, 'XA'), { recursive: true });
  mkdirSync(join(root, 'XB'), { recursive: true });
  const na = await start('XA');
  const nb = await start('XB');
  try {
    const liveCard = await (await fetch(`${na.address}/federation/v1/node`)).text();
    for (const n of [na, nb]) authority.addNode(await verifyNodeCard(await (await fetch(`${n.address}/federation/v1/node`)).text()));
    await authority.publish();
    for (const n of [na, nb]) await n.federation.refreshDirectory();
    section('live: GET /federation/v1/node of node XA (payload)');
    print(json(decodeSegment(liveCard.split('.')[1]!)));

    const until = async (done: () => Promise<boolean>): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error('timed out');
        na.federation.federation.wake();
        nb.federation.federation.wake();
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const pingId = await na.federation.pinger.ping(nb.federation.keys.nodeId, 'system');
    await until(async () => (await na.federation.pinger.get(pingId)).pongAt !== null);
    await na.ledger.issueCheckpoint();
    await na.federation.requestWitnessing();
    await until(async () => (await na.database.db.selectFrom('ledger_cosignatures').selectAll().execute()).length > 0);
    await until(async () => (await nb.database.db.selectFrom('federation_outbox').selectAll().where('state', '=', 'pending').execute()).length === 0);

    // A refused message over real HTTP: the ping's envelope again with its ciphertext altered.
    const row = await na.database.db.selectFrom('federation_outbox').selectAll().where('id', '=', pingId).executeTakeFirstOrThrow();
    const parts = row.jwe!.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    const res = await fetch(`${nb.address}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: parts.join('.') });
    section(`live: POST /federation/v1/inbox with an altered ciphertext → HTTP ${res.status} ${res.headers.get('content-type')}`);
    const problem = await res.text();
    print(json(JSON.parse(problem)));
    fixture('refusal.problem.json', json(JSON.parse(problem)));
    const dup = await fetch(`${nb.address}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: row.jwe! });
    section(`live: the same ping envelope posted again → HTTP ${dup.status}, same receipt: ${(await dup.text()) === row.receipt}`);
    const wrongType = await fetch(`${nb.address}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: row.jwe! });
    section(`live: the same envelope as text/plain → HTTP ${wrongType.status}`);
    print(json(JSON.parse(await wrongType.text())));

    for (const [name, n] of [['XA', na], ['XB', nb]] as const) {
      const rows = await n.database.db
        .selectFrom('ledger_entries as e')
        .innerJoin('ledger_details as d', 'd.idx', 'e.idx')
        .select(['e.idx', 'e.leaf', 'd.details'])
        .where((eb) => eb.or([eb('e.action', 'like', 'federation.%'), eb('e.action', 'like', 'witness.%'), eb('e.action', 'like', 'ledger.cosigned')]))
        .orderBy('e.idx')
        .execute();
      section(`live: ledger of node ${name}: federation entries (leaf, then details)`);
      for (const r of rows) {
        const e = JSON.parse(r.leaf) as { seq: number; actor: string; action: string; object: { type: string; id: string } };
        print(`${e.seq}  ${e.action}  actor=${e.actor}  object=${e.object.type}/${e.object.id}`);
        print(`    details ${r.details}`);
      }
    }
    const cos = await na.database.db.selectFrom('ledger_cosignatures').selectAll().execute();
    section('live: cosignature XA received from XB (ledger_cosignatures)');
    print(json(cos.map((c) => ({ size: Number(c.size), witness: c.witness, witnessName: c.witness_name, signature: c.signature, timestamp: Number(c.timestamp) }))));
  } finally {
    await na.close();
    await nb.close();
  }
}

main()
  .catch((e) => {
    process.exitCode = 1;
    console.error(e);
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
