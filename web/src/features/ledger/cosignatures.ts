/**
 * Witness cosignatures on a checkpoint (c2sp.org/tlog-cosignature v1), read and checked in the browser with
 * WebCrypto only. The node serves its checkpoint followed by the cosignature lines of the witnesses (the other
 * nodes of the federation) that checked it was consistent with what they saw before. A cosignature line is
 * `— <name> base64(keyid4 ‖ uint64be(time) ‖ Ed25519 signature)`, signed over
 * `"cosignature/v1\ntime <t>\n" ‖ checkpoint body`; its key id is SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4]. A
 * witness's key is its own ledger key, published in the federation directory as a note verifier key
 * (`name+keyid+base64(0x01 ‖ key)`): a line verifies only when a directory node's ledger has that name and key.
 * Pure: no DOM, no network.
 */
import { fromBase64, parseVerifierKey, VerifyError } from './verify.ts';

type Bytes = Uint8Array<ArrayBuffer>;

export interface CosignatureLine {
  /** The witness's key name (its ledger's origin). */
  name: string;
  /** Key id, 8 hex digits. */
  keyId: string;
  /** Unix seconds when the witness cosigned. */
  timestamp: number;
  signature: Bytes;
}

/** A directory node, as far as witnessing is concerned. */
export interface WitnessCandidate {
  nodeId: string;
  state: string;
  name: string;
  ledger: { origin: string; vkey: string };
}

export type WitnessStatus = 'verified' | 'bad_signature' | 'unknown_witness';

export interface Witness {
  name: string;
  keyId: string;
  at: Date;
  node: WitnessCandidate | null;
  status: WitnessStatus;
}

const COSIGNATURE_LEN = 4 + 8 + 64;
const bytes = (a: ArrayLike<number>): Bytes => {
  const out = new Uint8Array(new ArrayBuffer(a.length));
  out.set(Array.from(a));
  return out;
};
const utf8 = (s: string): Bytes => bytes(new TextEncoder().encode(s));
const hex = (b: ArrayLike<number>): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/**
 * The note's body (what every signature signs, with its final newline) and its cosignature lines; plain note
 * signatures (68 bytes: the log's own) are skipped.
 * @throws VerifyError `bad_note` when the text is not a signed note.
 */
export function parseCosignedNote(note: string): { body: string; cosignatures: CosignatureLine[] } {
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new VerifyError('bad_note', 'the note has no signature block');
  const body = note.slice(0, split + 1);
  const cosignatures: CosignatureLine[] = [];
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) throw new VerifyError('bad_note', 'a signature line is malformed');
    const [, name = '', b64 = ''] = m;
    const raw = fromBase64(b64, 'bad_note');
    if (raw.length !== COSIGNATURE_LEN) continue;
    let t = 0n;
    for (const b of raw.subarray(4, 12)) t = (t << 8n) | BigInt(b);
    if (t > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    cosignatures.push({ name, keyId: hex(raw.subarray(0, 4)), timestamp: Number(t), signature: bytes(raw.subarray(12)) });
  }
  return { body, cosignatures };
}

/** The cosignature key id of a witness's Ed25519 key under its name. */
export async function cosignatureKeyId(name: string, publicKey: ArrayLike<number>): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes([...utf8(name), 0x0a, 0x04, ...Array.from(publicKey)])));
  return hex(d.subarray(0, 4));
}

/** Whether one cosignature line verifies over `body` with the witness key derived from a note verifier key. */
export async function verifyCosignature(body: string, c: CosignatureLine, noteVkey: string): Promise<boolean> {
  let key;
  try {
    key = await parseVerifierKey(noteVkey);
  } catch {
    return false;
  }
  if (key.name !== c.name || (await cosignatureKeyId(key.name, key.publicKey)) !== c.keyId) return false;
  const cryptoKey = await crypto.subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, c.signature, utf8(`cosignature/v1\ntime ${c.timestamp}\n${body}`));
}

/** Every cosignature of a note, matched to the directory's nodes and checked. */
export async function witnessesOf(note: string, nodes: readonly WitnessCandidate[]): Promise<Witness[]> {
  const { body, cosignatures } = parseCosignedNote(note);
  const out: Witness[] = [];
  for (const c of cosignatures) {
    const node = nodes.find((n) => n.ledger.origin === c.name) ?? null;
    const status: WitnessStatus = !node ? 'unknown_witness' : (await verifyCosignature(body, c, node.ledger.vkey)) ? 'verified' : 'bad_signature';
    out.push({ name: c.name, keyId: c.keyId, at: new Date(c.timestamp * 1000), node, status });
  }
  return out;
}
