// Prints the configuration reference table of docs/operations.md from the one table of keys
// (src/platform/config/schema.ts). Usage: ./nodew node tools/config-table.ts
import { KEYS, envName } from '../src/platform/config/schema.ts';

const fmt = (v: unknown): string =>
  v === '' ? '(empty)' : typeof v === 'function' ? '`<data>/comity.db`' : Array.isArray(v) ? `\`${v.join(',')}\`` : `\`${String(v)}\``;
const kind = (k: (typeof KEYS)[number]['kind']): string => {
  switch (k.type) {
    case 'int':
      return `integer ${k.min}–${k.max}`;
    case 'enum':
      return k.values.join(' \\| ');
    case 'roles':
      return 'list of roles';
    case 'list':
      return `list of ${k.values.join(' \\| ')}`;
    case 'optional-string':
      return 'string (empty = unset)';
    case 'bool':
      return 'boolean';
    case 'string':
      return k.hint ?? 'string';
  }
};
console.log('| key (`comity.json`) | environment | type | default | meaning |');
console.log('|---|---|---|---|---|');
for (const k of KEYS) {
  console.log(`| \`${k.key}\` | \`${envName(k.key)}\` | ${kind(k.kind)} | ${fmt(k.default)} | ${k.doc}${k.secret ? ' *(secret: never printed)*' : ''} |`);
}
