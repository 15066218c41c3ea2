import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm ci` / `npm install` run this (`prepare`): build the web application so that `npm start` serves it. When
 * the development dependencies were omitted (`npm ci --omit=dev`), Vite is absent: say so and do not fail the
 * install (the node then serves a page asking for `npm run build:web`).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync(`${root}/node_modules/vite/package.json`)) {
  console.warn('comity: Vite is not installed (dev dependencies omitted): the web application was not built; run `npm run build:web`.');
  process.exit(0);
}
const r = spawnSync(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, 'build', '--config', `${root}/web/vite.config.ts`, '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  // A production build whatever the caller's NODE_ENV.
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(r.status ?? 1);
