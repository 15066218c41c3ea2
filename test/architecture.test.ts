import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of docs/architecture.md, checked on every import of every source file (tests excluded):
 * entry points (http, cli) → modules → platform; a module reaches another module only through the entries listed
 * in CROSS_MODULE or through its `index.ts`.
 */
const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** Cross-module imports that are allowed besides a module's `index.ts`: a module's service or read-only store functions. */
const CROSS_MODULE: ReadonlyArray<[from: string, to: string]> = [['src/modules/cases/members.ts', 'src/modules/accounts/store.ts']];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (spec?.startsWith('.')) out.push(relative(ROOT, resolve(dirname(file), spec)));
  }
  return out;
}

const layer = (p: string): string => {
  const parts = p.split('/');
  if (parts[1] === 'modules') return parts[2]?.endsWith('.ts') ? `modules-root` : `module:${parts[2]}`;
  return parts[1] ?? p;
};

function violation(from: string, to: string): string | null {
  const lf = layer(from);
  const lt = layer(to);
  if (!to.startsWith('src/')) return null;
  if (lf === 'platform' && lt !== 'platform') return 'platform may import only platform';
  if (lf.startsWith('module:')) {
    if (lt === 'platform' || lt === lf || to === 'src/modules/context.ts') return null;
    if (lt.startsWith('module:') && CROSS_MODULE.some(([a, b]) => a === from && b === to)) return null;
    // Another module's explicit public surface: its index.ts (which names what it exports).
    if (lt.startsWith('module:') && to === `src/modules/${lt.slice('module:'.length)}/index.ts`) return null;
    return `a module may import platform, itself and src/modules/context.ts (cross-module only as listed)`;
  }
  if (lf === 'modules-root' && (lt === 'http' || lt === 'cli')) return 'modules may not import entry points';
  if (lf === 'http' && lt === 'cli') return 'http may not import cli';
  return null;
}

describe('architecture', () => {
  const files = sources(SRC).map((f) => relative(ROOT, f));

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('keeps every import pointing down the layers', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const to of imports(join(ROOT, f))) {
        const why = violation(f, to);
        if (why) bad.push(`${f} → ${to}: ${why}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps migrations frozen: they import only kysely and their column-type table', () => {
    const dir = join(SRC, 'platform/db/migrations');
    for (const name of readdirSync(dir).filter((n) => /^\d{4}_.*\.ts$/.test(n))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const specs = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
      for (const s of specs) expect(['kysely', './types.ts']).toContain(s);
    }
  });

  it('catches a violation (the rule has teeth)', () => {
    expect(violation('src/platform/db/database.ts', 'src/modules/cases/store.ts')).not.toBeNull();
    expect(violation('src/modules/cases/routes.ts', 'src/http/auth.ts')).not.toBeNull();
    expect(violation('src/modules/cases/service.ts', 'src/modules/accounts/service.ts')).not.toBeNull();
    expect(violation('src/http/app.ts', 'src/modules/cases/routes.ts')).toBeNull();
  });
});
