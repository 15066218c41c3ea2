#!/usr/bin/env node
// The `comity` command as installed by npm (`npx comity …`). Comity runs on Node.js >= 24 (type stripping,
// node:sqlite, crypto.argon2). Whichever Node started this file, the CLI itself runs on Node 24: when this one is
// older, the project's wrapper (../nodew) provides Node 24 and the CLI is started again under it.
// Plain JavaScript on purpose: this file must parse on old Node versions too.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import(main);
} else {
  const r = spawnSync('sh', [join(root, 'nodew'), 'node', main, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.error) {
    console.error(`comity: could not start Node.js 24: ${r.error.message}`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}
