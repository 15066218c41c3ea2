import type { en } from './messages/en.ts';

/**
 * The message catalogue's shape: the English catalogue's keys. Every other language is typed `Messages`, so a key
 * missing in any language is a type error (and test/e2e/i18n.test.ts checks the same at run time, with the
 * `{placeholders}` of every message).
 */
export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

/** Replaces `{name}` with `vars.name`; unknown placeholders stay as written. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The placeholders a message uses, sorted (to compare translations). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
