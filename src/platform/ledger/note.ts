import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { fromB64, toB64, toB64url } from './base64.ts';
import { LedgerError } from './errors.ts';
import { equalBytes } from './merkle.ts';

/**
 * Signed notes (c2sp.org/signed-note) with Ed25519 keys: the envelope of checkpoints and witness cosignatures.
 * Opening a note takes an explicit allow-list of verifier keys: a signature counts only when its key name AND
 * key id match a listed key, a listed key's signature must verify, and signatures by other keys are returned as
 * unverified (never trusted). Nothing in the note text is to be used before `openNote` returns.
 */

/** Signature type byte of Ed25519 in key ids and encoded keys. */
const ALG_ED25519 = 0x01;
const SIG_PREFIX = '\u2014 ';
const ED25519_SIG_SIZE = 64;
/** Default cap on signature lines (the spec requires accepting at least 16). */
export const MAX_SIGNATURES = 100;

/** A public key allowed to sign notes. */
export interface NoteVerifier {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

/** Something that signs notes under a name; `sign` returns the raw 64-byte Ed25519 signature. */
export interface NoteSigner {
  name: string;
  publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** A signature line whose key is not on the allow-list: reported, never trusted. */
export interface UnverifiedSignature {
  name: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

/** The result of `openNote`: the text and who signed it. */
export interface OpenedNote {
  text: string;
  verified: Array<{ name: string; keyId: Uint8Array }>;
  unverified: UnverifiedSignature[];
}

function keyError(why: string): never {
  throw new LedgerError('ERR_MALFORMED_KEY', why);
}

function malformed(why: string): never {
  throw new LedgerError('ERR_MALFORMED_NOTE', why);
}

/** Key names: non-empty, well-formed Unicode, no Unicode white space, no '+', no control characters. */
export function isValidKeyName(name: string): boolean {
  return typeof name === 'string' && name !== '' && name.isWellFormed() && !/[\p{White_Space}+\p{Cc}]/u.test(name);
}

/** Key id = SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[:4], for Ed25519 keys. */
export function keyId(name: string, publicKey: Uint8Array): Uint8Array {
  const d = createHash('sha256').update(name, 'utf8').update('\n').update(Uint8Array.of(ALG_ED25519)).update(publicKey).digest();
  return Uint8Array.from(d.subarray(0, 4));
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * The published form of a verifier key: `name+hexkeyid+base64(0x01 ‖ public key)`.
 * @throws LedgerError `ERR_MALFORMED_KEY` for an invalid name or a public key that is not 32 bytes.
 */
export function encodeVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) keyError('invalid key name');
  if (publicKey.length !== 32) keyError('an Ed25519 public key is 32 bytes');
  return `${name}+${hex(keyId(name, publicKey))}+${toB64(Uint8Array.of(ALG_ED25519, ...publicKey))}`;
}

/**
 * Parses `name+hexkeyid+base64(0x01 ‖ public key)` (split at the first two '+': base64 may hold '+') and checks that the key id is the one the name and key imply.
 * @throws LedgerError `ERR_MALFORMED_KEY` for any defect (name, id, encoding, algorithm, length, id mismatch).
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  if (typeof vkey !== 'string') keyError('verifier key is not a string');
  const m = /^([^+]*)\+([0-9a-f]{8})\+(.*)$/s.exec(vkey);
  if (m === null) keyError('verifier key is not name+keyid+key');
  const [, name = '', id = '', b64 = ''] = m;
  if (!isValidKeyName(name)) keyError('invalid key name');
  const raw = fromB64(b64, 'ERR_MALFORMED_KEY');
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) keyError('not an Ed25519 verifier key');
  const publicKey = raw.subarray(1);
  const kid = keyId(name, publicKey);
  if (hex(kid) !== id) keyError('key id does not match the key');
  publicKeyObject(publicKey);
  return { name, keyId: kid, publicKey };
}

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  if (publicKey.length !== 32) keyError('an Ed25519 public key is 32 bytes');
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toB64url(publicKey) }, format: 'jwk' });
  } catch {
    return keyError('not a valid Ed25519 public key');
  }
}

/**
 * A signer from an Ed25519 private KeyObject (Ed25519 signatures are deterministic).
 * @throws LedgerError `ERR_MALFORMED_KEY` for an invalid name or a key that is not an Ed25519 private key.
 */
export function ed25519Signer(name: string, privateKey: KeyObject): NoteSigner {
  if (!isValidKeyName(name)) keyError('invalid key name');
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') keyError('not an Ed25519 private key');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Uint8Array.from(Buffer.from(jwk.x ?? '', 'base64url'));
  return { name, publicKey, sign: (message) => Uint8Array.from(sign(null, message, privateKey)) };
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A signer from a 32-byte Ed25519 seed (RFC 8032 private key).
 * @throws LedgerError `ERR_MALFORMED_KEY` for an invalid name or a seed that is not 32 bytes.
 */
export function ed25519SignerFromSeed(name: string, seed: Uint8Array): NoteSigner {
  if (seed.length !== 32) keyError('an Ed25519 seed is 32 bytes');
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return ed25519Signer(name, key);
}

/**
 * Parses the Go `note` signer-key form `PRIVATE+KEY+name+hexkeyid+base64(0x01 ‖ seed)` (split at the first
 * four '+'; used by test vectors and tooling) and checks that the key id matches.
 * @throws LedgerError `ERR_MALFORMED_KEY` for any defect; the message never contains the key.
 */
export function parseSignerKey(skey: string): NoteSigner {
  if (typeof skey !== 'string') keyError('signer key is not a string');
  const m = /^PRIVATE\+KEY\+([^+]*)\+([0-9a-f]{8})\+(.*)$/s.exec(skey);
  if (m === null) keyError('signer key is not PRIVATE+KEY+name+keyid+key');
  const [, name = '', id = '', b64 = ''] = m;
  const raw = fromB64(b64, 'ERR_MALFORMED_KEY');
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) keyError('not an Ed25519 signer key');
  const signer = ed25519SignerFromSeed(name, raw.subarray(1));
  if (hex(keyId(name, signer.publicKey)) !== id) keyError('key id does not match the key');
  return signer;
}

/** Valid note text: well-formed Unicode without ASCII control characters other than newline. */
function checkCharacters(s: string): void {
  if (!s.isWellFormed() || /[\u0000-\u0009\u000b-\u001f]/.test(s)) malformed('note is not valid UTF-8 text without control characters');
}

/**
 * Signs `text` with every signer: `text ‖ "\n" ‖ "— name base64(keyid ‖ sig)\n"` per signer.
 * The text must end in a newline, be valid text without control characters other than newline, and hold no
 * line starting with "— " (it would read like a signature line to a person, although parsers split correctly).
 * Each signature is checked against the signer's public key before it is published, so a misconfigured signer
 * fails here rather than in every verifier.
 * @throws LedgerError `ERR_MALFORMED_NOTE` for such text or no signers; `ERR_MALFORMED_KEY` for a bad signer
 * name or a signer whose signatures do not verify under its public key.
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (typeof text !== 'string' || !text.endsWith('\n')) malformed('note text must end with a newline');
  checkCharacters(text);
  if (text.startsWith(SIG_PREFIX) || text.includes(`\n${SIG_PREFIX}`)) malformed('note text has a line that looks like a signature');
  if (signers.length === 0) malformed('a note needs at least one signer');
  const message = Buffer.from(text, 'utf8');
  let out = `${text}\n`;
  for (const s of signers) {
    if (!isValidKeyName(s.name)) keyError('invalid key name');
    const sig = s.sign(message);
    if (sig.length !== ED25519_SIG_SIZE || !verify(null, message, publicKeyObject(s.publicKey), sig)) {
      keyError('signer does not produce Ed25519 signatures for its public key');
    }
    out += `${SIG_PREFIX}${s.name} ${toB64(Uint8Array.of(...keyId(s.name, s.publicKey), ...sig))}\n`;
  }
  return out;
}

/**
 * Opens a signed note against an allow-list of verifier keys. `note` may be bytes (then it must be valid UTF-8)
 * or a string. Duplicate signatures by one key are counted once.
 * @throws LedgerError `ERR_MALFORMED_NOTE` when the note breaks the format (no blank line before signatures, no
 * final newline, invalid UTF-8 or control characters, a bad signature line, more than `maxSignatures` (default
 * 100) signature lines); `ERR_NOTE_SIGNATURE` when a listed key's signature does not verify; `ERR_UNKNOWN_KEY`
 * when no signature is by a listed key; `ERR_MALFORMED_KEY` when a listed key is unusable; `ERR_RANGE` for a
 * `maxSignatures` that is not a non-negative integer.
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[], opts: { maxSignatures?: number } = {}): OpenedNote {
  const max = opts.maxSignatures ?? MAX_SIGNATURES;
  if (!Number.isSafeInteger(max) || max < 0) throw new LedgerError('ERR_RANGE', 'maxSignatures must be a non-negative integer');
  let s: string;
  if (typeof note === 'string') s = note;
  else {
    try {
      s = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(note);
    } catch {
      return malformed('note is not valid UTF-8');
    }
  }
  checkCharacters(s);
  const split = s.lastIndexOf('\n\n');
  if (split < 0) malformed('note has no blank line before its signatures');
  const text = s.slice(0, split + 1);
  const block = s.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) malformed('note has no signature lines ending in a newline');
  const message = Buffer.from(text, 'utf8');
  const verified: OpenedNote['verified'] = [];
  const unverified: UnverifiedSignature[] = [];
  const seen = new Set<string>();
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > max) malformed('note has too many signatures');
  for (const line of lines) {
    if (!line.startsWith(SIG_PREFIX)) malformed('unexpected line after the signatures');
    const rest = line.slice(SIG_PREFIX.length);
    const sp = rest.indexOf(' ');
    const name = sp < 0 ? rest : rest.slice(0, sp);
    const b64 = sp < 0 ? '' : rest.slice(sp + 1);
    if (!isValidKeyName(name) || b64 === '') malformed('bad signature line');
    const raw = fromB64(b64, 'ERR_MALFORMED_NOTE');
    if (raw.length < 5) malformed('bad signature line');
    const kid = raw.subarray(0, 4);
    const signature = raw.subarray(4);
    if (seen.has(line)) continue;
    seen.add(line);
    const v = verifiers.find((k) => k.name === name && equalBytes(k.keyId, kid));
    if (v === undefined) {
      unverified.push({ name, keyId: kid, signature });
      continue;
    }
    if (verified.some((x) => x.name === name && equalBytes(x.keyId, kid))) continue;
    const ok = signature.length === ED25519_SIG_SIZE && verify(null, message, publicKeyObject(v.publicKey), signature);
    if (!ok) throw new LedgerError('ERR_NOTE_SIGNATURE', `signature by ${name} does not verify`);
    verified.push({ name, keyId: kid });
  }
  if (verified.length === 0) throw new LedgerError('ERR_UNKNOWN_KEY', 'note is not signed by any trusted key');
  return { text, verified, unverified };
}
