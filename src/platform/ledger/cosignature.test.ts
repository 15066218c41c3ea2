import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cosignatureKeyId, cosignCheckpoint, parseWitnessVkey, verifyCosignature, witnessVkey } from './cosignature.ts';
import { LedgerError } from './errors.ts';
import { ed25519Signer, encodeVerifierKey, keyId, openNote, parseVerifierKey, signNote } from './note.ts';

/**
 * Known answers computed independently with Python (hashlib + the `cryptography` package's Ed25519) from the
 * seed 00 01 … 1f, the name `witness.example/w1`, the C2SP example checkpoint and timestamp 1679315147.
 */
const SEED = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const NAME = 'witness.example/w1';
const BODY = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const TS = 1679315147;
const PUB_HEX = '03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8';
const KAT_KEYID = 'e75f6532';
const KAT_VKEY = 'witness.example/w1+e75f6532+BAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4';
const KAT_LINE =
  '\u2014 witness.example/w1 519lMgAAAABkGFDLBuRDazBLVac2NE+Y+IjbjQOcXLfF9CSDZVUIoS83rE1nFZsVE8YiWV6Ngr7lV8H6bdoBQGP/l73euDMQ9k+bBQ==\n';

const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const katKey: KeyObject = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, SEED]), format: 'der', type: 'pkcs8' });
const katPub = Uint8Array.from(Buffer.from(PUB_HEX, 'hex'));
const witness = { name: NAME, privateKey: katKey, publicKeyRaw: katPub };

function ledgerCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError);
    return (e as LedgerError).code;
  }
  return 'ok';
}

describe('tlog-cosignature/v1 (Ed25519)', () => {
  it('matches the known answers: key id, vkey and signature line', () => {
    expect(Buffer.from(cosignatureKeyId(NAME, katPub)).toString('hex')).toBe(KAT_KEYID);
    expect(witnessVkey(NAME, katPub)).toBe(KAT_VKEY);
    expect(cosignCheckpoint(BODY, witness, TS)).toBe(KAT_LINE);
    expect(verifyCosignature(BODY, KAT_LINE, KAT_VKEY)).toEqual({ timestamp: TS });
    expect(verifyCosignature(BODY, KAT_LINE.trimEnd(), KAT_VKEY)).toEqual({ timestamp: TS });
  });

  it('has the wire shape: keyid4 ‖ uint64be timestamp ‖ sig64, and a key id distinct from the 0x01 note key id', () => {
    const raw = Buffer.from(KAT_LINE.trimEnd().split(' ')[2] as string, 'base64');
    expect(raw.length).toBe(76);
    expect(raw.subarray(0, 4).toString('hex')).toBe(KAT_KEYID);
    expect(Number(raw.readBigUInt64BE(4))).toBe(TS);
    expect(Buffer.from(keyId(NAME, katPub)).toString('hex')).not.toBe(KAT_KEYID);
    expect(parseWitnessVkey(KAT_VKEY)).toMatchObject({ name: NAME });
  });

  it('is a valid extra signature line of a signed checkpoint note, ignored by the log key allow-list', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const log = ed25519Signer('example.com/behind-the-sofa', privateKey);
    const note = signNote(BODY, [log]) + cosignCheckpoint(BODY, witness, TS);
    const opened = openNote(note, [parseVerifierKey(encodeVerifierKey(log.name, log.publicKey))]);
    expect(opened.text).toBe(BODY);
    expect(opened.unverified).toHaveLength(1);
    expect(opened.unverified[0]?.name).toBe(NAME);
  });

  it('refuses another body, timestamp, witness or a bad key', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const otherPub = Uint8Array.from(Buffer.from(other.export({ format: 'jwk' }).x as string, 'base64url'));
    expect(ledgerCode(() => verifyCosignature(BODY.replace('20852163', '20852164'), KAT_LINE, KAT_VKEY))).toBe('ERR_NOTE_SIGNATURE');
    const raw = Buffer.from(KAT_LINE.trimEnd().split(' ')[2] as string, 'base64');
    raw.writeBigUInt64BE(BigInt(TS + 1), 4);
    expect(ledgerCode(() => verifyCosignature(BODY, `\u2014 ${NAME} ${raw.toString('base64')}`, KAT_VKEY))).toBe('ERR_NOTE_SIGNATURE');
    expect(ledgerCode(() => verifyCosignature(BODY, KAT_LINE, witnessVkey(NAME, otherPub)))).toBe('ERR_UNKNOWN_KEY');
    expect(ledgerCode(() => verifyCosignature(BODY, KAT_LINE, witnessVkey('other/w', katPub)))).toBe('ERR_UNKNOWN_KEY');
    expect(ledgerCode(() => verifyCosignature(BODY, KAT_LINE, encodeVerifierKey(NAME, katPub)))).toBe('ERR_MALFORMED_KEY');
    expect(ledgerCode(() => verifyCosignature(BODY, 'not a line', KAT_VKEY))).toBe('ERR_MALFORMED_NOTE');
    expect(ledgerCode(() => verifyCosignature(BODY, `\u2014 ${NAME} ${raw.subarray(0, 40).toString('base64')}`, KAT_VKEY))).toBe('ERR_MALFORMED_NOTE');
    expect(ledgerCode(() => cosignCheckpoint(BODY, { name: NAME, privateKey: other, publicKeyRaw: katPub }, TS))).toBe('ERR_MALFORMED_KEY');
    expect(ledgerCode(() => cosignCheckpoint(BODY, { ...witness, name: 'has space' }, TS))).toBe('ERR_MALFORMED_KEY');
    expect(ledgerCode(() => cosignCheckpoint('no newline', witness, TS))).toBe('ERR_MALFORMED_NOTE');
    expect(ledgerCode(() => cosignCheckpoint(`${BODY}\n\u2014 x y\n`, witness, TS))).toBe('ERR_MALFORMED_NOTE');
    expect(ledgerCode(() => cosignCheckpoint(BODY, witness, -1))).toBe('ERR_RANGE');
    expect(ledgerCode(() => cosignCheckpoint(BODY, witness, 1.5))).toBe('ERR_RANGE');
  });
});
