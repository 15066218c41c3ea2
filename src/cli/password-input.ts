import type { ReadStream } from 'node:tty';
import { CliError, type Runtime } from './output.ts';

/** More than any password the accounts service accepts; stops a mistaken pipe of a large file early. */
const MAX_BYTES = 64 * 1024;

/**
 * Reads a password for `--password-stdin`. From a pipe: the whole of stdin, one trailing newline removed (so
 * `echo "$PW" |` and `printf '%s' "$PW" |` both work). From a terminal: a prompt on stderr without echo, asked
 * twice. Passwords never appear on a command line, where other users of the machine could see them in `ps`.
 * Throws `CliError` when nothing was given or the two entries differ.
 */
export async function readPassword(rt: Runtime, forWhom: string): Promise<string> {
  const stdin = rt.stdin;
  if (isTerminal(stdin)) {
    const first = await promptHidden(rt, stdin, `New password for ${forWhom}: `);
    if (first.length === 0) throw new CliError('no password entered');
    const again = await promptHidden(rt, stdin, 'Repeat it: ');
    if (again !== first) throw new CliError('the two passwords differ; nothing was changed');
    return first;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    size += b.length;
    if (size > MAX_BYTES) throw new CliError('stdin holds more than a password; pipe in only the password');
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text.length === 0)
    throw new CliError(`no password on stdin: pipe it in, e.g. printf '%s' "$PASSWORD" | comity … --password-stdin`);
  return text;
}

function isTerminal(s: Runtime['stdin']): s is ReadStream {
  return s.isTTY === true && typeof (s as Partial<ReadStream>).setRawMode === 'function';
}

function promptHidden(rt: Runtime, stdin: ReadStream, label: string): Promise<string> {
  rt.err(label);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      rt.err('\n');
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new CliError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
