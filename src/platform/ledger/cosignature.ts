import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { fromB64, toB64, toB64url } from './base64.ts';
import { LedgerError } from './errors.ts';
import { equalBytes } from './merkle.ts';
import { isValidKeyName } from './note.ts';

/**
 * Witness cosignatures, c2sp.org/tlog-cosignature v1 (Ed25519): a witness that checked a checkpoint is
 * consistent with the last one it saw signs `"cosignature/v1\ntime <t>\n" ‖ note body` and adds one note
 * signature line `— <name> base64(keyid4 ‖ uint64be(t) ‖ sig64)`. Key ids use signature type 0x04, so a
 * cosignature can never be mistaken for a plain note signature (type 0x01) by the same key.
 */

const ALG_COSIGNATURE_V1 = 0x04;
const SIG_PREFIX = '\u2014 ';
const MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;

/** A witness's Ed25519 key under its name. */
export interface Witness {
  name: string;
  privateKey: KeyObject;
  publicKeyRaw: Uint8Array;
}

/** A parsed witness verifier key. */
export interface WitnessVerifier {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

const keyError = (why: string): never => {
  throw new LedgerError('ERR_MALFORMED_KEY', why);
};
const malformed = (why: string): never => {
  throw new LedgerError('ERR_MALFORMED_NOTE', why);
};

/** Key id = SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4]. */
export function cosignatureKeyId(name: string, publicKeyRaw: Uint8Array): Uint8Array {
  const d = createHash('sha256').update(name, 'utf8').update('\n').update(Uint8Array.of(ALG_COSIGNATURE_V1)).update(publicKeyRaw).digest();
  return Uint8Array.from(d.subarray(0, 4));
}

/**
 * The witness verifier key `name+hexkeyid+base64(0x04 ‖ public key)`.
 * @throws LedgerError `ERR_MALFORMED_KEY` for an invalid name or a key that is not 32 bytes.
 */
export function witnessVkey(name: string, publicKeyRaw: Uint8Array): string {
  if (!isValidKeyName(name)) keyError('invalid key name');
  if (publicKeyRaw.length !== 32) keyError('an Ed25519 public key is 32 bytes');
  return `${name}+${Buffer.from(cosignatureKeyId(name, publicKeyRaw)).toString('hex')}+${toB64(Uint8Array.of(ALG_COSIGNATURE_V1, ...publicKeyRaw))}`;
}

/**
 * Parses a witness verifier key and checks its key id.
 * @throws LedgerError `ERR_MALFORMED_KEY` for any defect (including a type byte other than 0x04).
 */
export function parseWitnessVkey(vkey: string): WitnessVerifier {
  if (typeof vkey !== 'string') keyError('witness key is not a string');
  const m = /^([^+]*)\+([0-9a-f]{8})\+(.*)$/s.exec(vkey);
  if (m === null) return keyError('witness key is not name+keyid+key');
  const [, name = '', id = '', b64 = ''] = m;
  if (!isValidKeyName(name)) keyError('invalid key name');
  const raw = fromB64(b64, 'ERR_MALFORMED_KEY');
  if (raw.length !== 33 || raw[0] !== ALG_COSIGNATURE_V1) keyError('not an Ed25519 cosignature/v1 key (type 0x04)');
  const publicKey = raw.subarray(1);
  const keyId = cosignatureKeyId(name, publicKey);
  if (Buffer.from(keyId).toString('hex') !== id) keyError('key id does not match the key');
  publicKeyObject(publicKey);
  return { name, keyId, publicKey };
}

function publicKeyObject(raw: Uint8Array): KeyObject {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toB64url(raw) }, format: 'jwk' });
  } catch {
    return keyError('not a valid Ed25519 public key');
  }
}

function checkBody(noteBody: string): void {
  if (typeof noteBody !== 'string' || !noteBody.endsWith('\n') || noteBody.includes('\n\n')) malformed('note body must be text lines ending in a newline, without signatures');
  if (!noteBody.isWellFormed() || /[\u0000-\u0009\u000b-\u001f]/.test(noteBody)) malformed('note body is not valid text');
}

function checkTimestamp(t: number): void {
  if (!Number.isSafeInteger(t) || t < 0 || t > MAX_TIMESTAMP) throw new LedgerError('ERR_RANGE', 'timestamp must be a non-negative integer of unix seconds');
}

/** The signed message: `"cosignature/v1\ntime <t>\n" ‖ body`. */
export function cosignedMessage(noteBody: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${noteBody}`, 'utf8');
}

/**
 * Cosigns a checkpoint body (no signature lines, ending in "\n") at `timestamp` (unix seconds). Returns one
 * signature line `— <name> base64(keyid ‖ timestamp ‖ signature)\n` to append after the note's signatures.
 * @throws LedgerError `ERR_MALFORMED_NOTE`, `ERR_MALFORMED_KEY` (bad name, or a key that does not match
 * `publicKeyRaw`), `ERR_RANGE` (timestamp).
 */
export function cosignCheckpoint(noteBody: string, witness: Witness, timestamp: number): string {
  checkBody(noteBody);
  checkTimestamp(timestamp);
  if (!isValidKeyName(witness.name)) keyError('invalid key name');
  if (witness.privateKey.type !== 'private' || witness.privateKey.asymmetricKeyType !== 'ed25519') keyError('not an Ed25519 private key');
  const pub = Buffer.from(createPublicKey(witness.privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');
  if (!equalBytes(Uint8Array.from(pub), witness.publicKeyRaw)) keyError('the private key does not match publicKeyRaw');
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const sig = sign(null, cosignedMessage(noteBody, timestamp), witness.privateKey);
  const blob = Buffer.concat([cosignatureKeyId(witness.name, witness.publicKeyRaw), ts, sig]);
  return `${SIG_PREFIX}${witness.name} ${blob.toString('base64')}\n`;
}

/**
 * Verifies one cosignature line (with or without its final newline) over `noteBody` against a witness key.
 * @throws LedgerError `ERR_MALFORMED_NOTE` (not a signature line), `ERR_UNKNOWN_KEY` (another name or key id),
 * `ERR_NOTE_SIGNATURE` (does not verify), `ERR_MALFORMED_KEY` (bad vkey), `ERR_RANGE` (timestamp too large).
 */
export function verifyCosignature(noteBody: string, line: string, witnessVkeyText: string): { timestamp: number } {
  checkBody(noteBody);
  const w = parseWitnessVkey(witnessVkeyText);
  if (typeof line !== 'string') return malformed('signature line is not a string');
  const l = line.endsWith('\n') ? line.slice(0, -1) : line;
  if (!l.startsWith(SIG_PREFIX) || l.includes('\n')) malformed('not a signature line');
  const rest = l.slice(SIG_PREFIX.length);
  const sp = rest.indexOf(' ');
  if (sp <= 0) malformed('bad signature line');
  const name = rest.slice(0, sp);
  const raw = fromB64(rest.slice(sp + 1), 'ERR_MALFORMED_NOTE');
  if (name !== w.name || raw.length < 4 || !equalBytes(raw.subarray(0, 4), w.keyId)) throw new LedgerError('ERR_UNKNOWN_KEY', 'cosignature is not by this witness key');
  if (raw.length !== 4 + 8 + 64) malformed('a cosignature/v1 signature is 76 bytes');
  const t = Buffer.from(raw.subarray(4, 12)).readBigUInt64BE();
  if (t > BigInt(MAX_TIMESTAMP)) throw new LedgerError('ERR_RANGE', 'cosignature timestamp is out of range');
  const timestamp = Number(t);
  if (!verify(null, cosignedMessage(noteBody, timestamp), publicKeyObject(w.publicKey), raw.subarray(12)))
    throw new LedgerError('ERR_NOTE_SIGNATURE', `cosignature by ${w.name} does not verify`);
  return { timestamp };
}
