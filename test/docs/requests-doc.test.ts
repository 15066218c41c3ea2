import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The generated parts of docs/requests.md (type catalogue, fields, diagrams, clocks, profiles, policy matrix) are
// printed from the code: the page must say what the code does.
it('docs/requests.md is up to date with the code (tools/requests-doc.ts --check)', () => {
  const r = spawnSync(process.execPath, ['tools/requests-doc.ts', '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, `${r.stdout}${r.stderr}\nrun: ./nodew node tools/requests-doc.ts --write`).toBe(0);
});
