import { join } from 'node:path';
import type { Config } from '../platform/config/schema.ts';
import { isKeyError } from '../platform/keys/errors.ts';
import { KEYS_DIR } from '../platform/keys/node-identity.ts';
import { CliError, type Runtime } from './output.ts';
import { readPassword } from './password-input.ts';

/**
 * The passphrase that opens (and seals) a node's private keys, as the node itself takes it: `keyPassphrase` of the
 * configuration, i.e. COMITY_KEY_PASSPHRASE (never a command-line flag). Undefined when unset.
 */
export function keyPassphrase(config: Pick<Config, 'keyPassphrase'>): string | undefined {
  return config.keyPassphrase === '' ? undefined : config.keyPassphrase;
}

/**
 * A failure to read or write a folder's keys as one line that says what to do. `given` names where the passphrase
 * came from, for the "does not open" case.
 */
export function keyFailure(e: unknown, dataDir: string, given = 'COMITY_KEY_PASSPHRASE'): Error {
  const dir = join(dataDir, KEYS_DIR);
  if (isKeyError(e, 'passphrase_required'))
    return new CliError(`the node's keys in ${dir} are sealed with a passphrase: set COMITY_KEY_PASSPHRASE to it`);
  if (isKeyError(e, 'passphrase_wrong')) return new CliError(`${given} does not open the node's keys in ${dir}`);
  if (isKeyError(e)) return new CliError(`cannot use the node's keys in ${dir}: ${e.message}`);
  return e instanceof Error ? e : new Error(String(e));
}

/** Runs `fn` and turns a key error into `keyFailure`'s line. */
export function withKeys<T>(dataDir: string, fn: () => T, given?: string): T {
  try {
    return fn();
  } catch (e) {
    throw keyFailure(e, dataDir, given);
  }
}

const MAX_BYTES = 4096;

/**
 * Reads a passphrase for `--passphrase-stdin`: piped, the whole of stdin without its trailing newline; on a
 * terminal, prompted twice without echo.
 */
export async function readPassphrase(rt: Runtime, what: string): Promise<string> {
  if (rt.stdin.isTTY === true) return readPassword(rt, what);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of rt.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    size += b.length;
    if (size > MAX_BYTES) throw new CliError('stdin holds more than a passphrase; pipe in only the passphrase');
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text.length === 0) throw new CliError(`no passphrase on stdin: pipe it in, e.g. printf '%s' "$PASSPHRASE" | comity … --passphrase-stdin`);
  return text;
}
