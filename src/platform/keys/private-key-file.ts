import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KeyError } from './errors.ts';
import { writePrivateFile, syncDir } from './files.ts';
import { openWithPassphrase, sealWithPassphrase } from './seal.ts';

/**
 * One private key in the keys folder, as a JWK in `<base>.jwk.json` or, sealed with a passphrase, as a compact
 * JWE in `<base>.jwk.jwe` (the sealed file wins when both exist: a conversion was interrupted after sealing).
 */

export type OkpPrivateType = 'ed25519' | 'x25519';

/** The two possible file names of a key. */
export function keyFileNames(base: string): { plain: string; sealed: string } {
  return { plain: `${base}.jwk.json`, sealed: `${base}.jwk.jwe` };
}

/** True when either file of the key exists. */
export function keyFileExists(dir: string, base: string): boolean {
  const f = keyFileNames(base);
  return existsSync(join(dir, f.sealed)) || existsSync(join(dir, f.plain));
}

/** True when the key is stored sealed. */
export function keyFileSealed(dir: string, base: string): boolean {
  return existsSync(join(dir, keyFileNames(base).sealed));
}

/**
 * Reads a private OKP key, opening it with `passphrase` when sealed, and checks its type.
 * @throws KeyError 'passphrase_required' | 'passphrase_wrong' | 'malformed_key_file'.
 */
export function readPrivateKey(dir: string, base: string, passphrase: string | undefined, type: OkpPrivateType): KeyObject {
  const f = keyFileNames(base);
  const sealed = existsSync(join(dir, f.sealed));
  const file = join(dir, sealed ? f.sealed : f.plain);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new KeyError('malformed_key_file', `${file} cannot be read`);
  }
  const json = sealed ? openWithPassphrase(text, passphrase, file).toString('utf8') : text;
  let key: KeyObject;
  try {
    const jwk = JSON.parse(json) as Record<string, unknown>;
    if (jwk.kty !== 'OKP' || typeof jwk.d !== 'string') throw new Error('not a private OKP JWK');
    key = createPrivateKey({ key: { kty: 'OKP', crv: jwk.crv as string, x: jwk.x as string, d: jwk.d }, format: 'jwk' });
  } catch {
    throw new KeyError('malformed_key_file', `${file} is not a private ${type === 'ed25519' ? 'Ed25519' : 'X25519'} JWK`);
  }
  if (key.asymmetricKeyType !== type) throw new KeyError('malformed_key_file', `${file} is not a private ${type === 'ed25519' ? 'Ed25519' : 'X25519'} JWK`);
  return key;
}

/** Writes a private JWK (`extra` members such as kid/alg/use beside it), sealed when `passphrase` is given. */
export function writePrivateKey(dir: string, base: string, key: KeyObject, extra: Record<string, string>, passphrase: string | undefined): void {
  const jwk = { ...key.export({ format: 'jwk' }), ...extra };
  const text = `${JSON.stringify(jwk, null, 2)}\n`;
  const f = keyFileNames(base);
  if (passphrase === undefined) writePrivateFile(join(dir, f.plain), text);
  else writePrivateFile(join(dir, f.sealed), `${sealWithPassphrase(Buffer.from(text, 'utf8'), passphrase, { cty: 'jwk+json' })}\n`);
}

/**
 * Converts a plain key file to a sealed one: seal and write `.jwe`, then remove `.json`. A sealed file left by an
 * interrupted conversion is checked against the passphrase before the plain one is removed.
 * @returns true when a plain file was removed.
 * @throws KeyError 'passphrase_wrong' when an existing sealed file does not open with `passphrase`.
 */
export function sealKeyFile(dir: string, base: string, passphrase: string, type: OkpPrivateType): boolean {
  const f = keyFileNames(base);
  const plain = join(dir, f.plain);
  if (!existsSync(plain)) return false;
  if (existsSync(join(dir, f.sealed))) readPrivateKey(dir, base, passphrase, type);
  else {
    readPrivateKey(dir, base, undefined, type);
    const text = readFileSync(plain, 'utf8');
    writePrivateFile(join(dir, f.sealed), `${sealWithPassphrase(Buffer.from(text, 'utf8'), passphrase, { cty: 'jwk+json' })}\n`);
  }
  rmSync(plain);
  syncDir(dir);
  return true;
}
