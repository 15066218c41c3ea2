import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real CLI entry point, run with this very Node (24, via ./nodew) as a child process: no mocks. */
export const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The environment of every child: the developer's COMITY_* variables removed (so they cannot change a result),
 * argon2id at its smallest allowed cost to keep the suite fast.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('COMITY_')) env[k] = v;
  return { ...env, COMITY_ARGON2_MEMORY_KIB: '8192', COMITY_ARGON2_PASSES: '1', ...extra };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `comity …` to completion. `input` is written to stdin, which is then closed (empty when omitted). */
export function runCli(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: opts.cwd ?? REPO, env: childEnv(opts.env), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** The non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim().length > 0);
}

/** A fresh temporary folder; `removeAll()` deletes every folder made so far. */
const made: string[] = [];
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'comity-cli-'));
  made.push(d);
  return d;
}
export function removeAll(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface NodeProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Everything the node wrote so far (JSON log lines on stdout, anything else on stderr). */
  output(): { stdout: string; stderr: string };
  /** The parsed JSON log lines so far. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `comity start --port 0 …` and waits for its `listening on <url>` log line. */
export function startNodeProcess(args: string[], env: Record<string, string> = {}): Promise<NodeProcess> {
  const child = spawn(process.execPath, [MAIN, 'start', '--port', '0', ...args], { cwd: REPO, env: childEnv(env), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logs = (): Array<Record<string, unknown>> =>
    lines(stdout).flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the node did not start in time:\n${stdout}\n${stderr}`));
    }, 20_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      const m = /"msg":"listening on (http:\/\/[^"]+)"/.exec(stdout);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1],
          output: () => ({ stdout, stderr }),
          logs,
          exited,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the node exited with ${code} before listening:\n${stdout}\n${stderr}`));
    });
  });
}

/** `Authorization: Bearer …` */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A password that satisfies the accounts service (12+ characters). */
export const PASSWORD = 'correct horse battery staple';
