import { CommanderError } from 'commander';
import { isAppError } from '../platform/errors.ts';

/**
 * How the CLI talks to the world: exit codes, one-line errors, JSON and tables. The one place where errors meet
 * exit codes (STYLE habit 2): usage errors → 2, every other failure → 1, never a stack trace unless
 * `COMITY_DEBUG=1`.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What every command is given instead of reaching for globals. `env` is the only environment it reads. */
export interface Runtime {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Data and results (stdout). */
  out(text: string): void;
  /** Notes, hints and errors (stderr). */
  err(text: string): void;
  /** `COMITY_DEBUG=1`: errors also print their stack. */
  readonly debug: boolean;
}

/** A failure the CLI detects itself (folder not initialised, empty password on stdin…): exit 1, one line. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** A failure reported by a node's HTTP API (problem+json turned into one line): exit 1. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(message: string, status: number, code: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** Commander's codes for help and version output, which are successes when asked for. */
const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Removes anything that might be a secret from a line before it is shown: credentials inside URLs
 * (`postgres://user:pass@host`) and API or session tokens.
 */
export function scrub(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s@/]*@/gi, '$1***@')
    .replace(/\b(comity_(?:pat|ses)_)[A-Za-z0-9_-]+/g, '$1***');
}

/** Collapses a message to one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export function exitCodeOf(e: unknown): ExitCode {
  if (e instanceof CommanderError) {
    if (HELP_CODES.has(e.code)) return EXIT.ok;
    return EXIT.usage;
  }
  return EXIT.failure;
}

/** The one line shown for an error (without the `comity:` prefix). */
export function errorMessage(e: unknown): string {
  if (isAppError(e)) {
    const wait = e.retryAfter !== undefined ? ` (retry in ${e.retryAfter} s)` : '';
    return scrub(oneLine(e.message + wait));
  }
  if (e instanceof Error) {
    const msg = e.message || e.name;
    return scrub(oneLine(msg));
  }
  return 'unexpected failure';
}

/**
 * Reports an error on stderr and returns the exit code. Commander errors were already printed by commander
 * (see `usageLine`), so only their exit code is taken.
 */
export function reportError(e: unknown, rt: Runtime): ExitCode {
  const code = exitCodeOf(e);
  if (!(e instanceof CommanderError)) {
    rt.err(`comity: ${errorMessage(e)}\n`);
    if (rt.debug && e instanceof Error && e.stack) rt.err(`${scrub(e.stack)}\n`);
  }
  return code;
}

/** Commander's error text (`error: unknown option '--x'\n(Did you mean --y?)`) as one line with a help hint. */
export function usageLine(text: string, commandPath: string): string {
  const msg = oneLine(text).replace(/^error:\s*/i, '');
  return `comity: ${scrub(msg)} (see "${commandPath} --help")\n`;
}

export function printJson(rt: Runtime, value: unknown): void {
  rt.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** An aligned table: two spaces between columns, no trailing blanks. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}

/** `2026-05-01T12:00:00.000Z` → `2026-05-01 12:00` (UTC), for tables. */
export function shortTime(iso: string | null): string {
  if (!iso) return '-';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The `Examples:` section appended to a command's `--help`. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
