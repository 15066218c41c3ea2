import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, removeAll, runCli, tempDir } from './kit.ts';

describe('comity demo --once (three real nodes and a directory authority, SQLite)', () => {
  afterAll(removeAll);

  it('runs the scripted exchange end to end, prints the summary, exits 0 and removes its temporary folder', async () => {
    const started = Date.now();
    const r = await runCli(['demo', '--once', '--timeout', '45']);
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(45_000);
    const root = /^Comity demo federation in (\S+) /.exec(r.stdout)?.[1];
    expect(root).toBeDefined();
    // Every node's URL, its API docs, and the demo accounts with their second factor.
    for (const code of ['XA', 'XB', 'XC']) {
      expect(r.stdout).toMatch(new RegExp(`^${code}\\s+Demo State ${code[1]}\\s+\\S+\\s+http://127\\.0\\.0\\.1:\\d+/\\s+http://127\\.0\\.0\\.1:\\d+/api/docs$`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^${code}\\s+admin\\s+admin\\s+\\S{16,}\\s+otpauth://totp/`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^${code}\\s+officer\\s+central_authority\\s+\\S{16,}\\s+-$`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^${code}\\s+authorizer\\s+authorizer\\s+\\S{16,}\\s+otpauth://totp/`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^${code}\\s+oversight\\s+oversight\\s+\\S{16,}\\s+-$`, 'm'));
    }
    // The summary: sent = received = receipted on every node, a round trip each, cosigned by both others, ledgers ok.
    const summary = r.stdout.slice(r.stdout.indexOf('Scripted exchange:'));
    expect(summary).toMatch(/STATE\s+SENT\s+RECEIVED\s+RECEIPTED\s+ROUND TRIPS\s+CHECKPOINT COSIGNED BY\s+LEDGER/);
    const expected: Record<string, [string, string]> = { XA: ['XB', 'XB, XC'], XB: ['XC', 'XA, XC'], XC: ['XA', 'XA, XB'] };
    for (const [code, [pinged, cosigners]] of Object.entries(expected)) {
      const row = lines(summary).find((l) => l.startsWith(`${code} `));
      expect(row, code).toBeDefined();
      const m = new RegExp(`^${code}\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+${pinged} \\d+ ms\\s+${cosigners} at size \\d+\\s+ok \\(\\d+ entries, \\d+ checkpoints\\)$`).exec(row as string);
      expect(m, row).not.toBeNull();
      const [, sent, received, receipted] = (m as RegExpExecArray).map(Number);
      expect(sent).toBeGreaterThanOrEqual(4);
      expect(receipted).toBe(sent);
      expect(received).toBeGreaterThanOrEqual(4);
    }
    expect(r.stdout).toMatch(/demo complete: 3 round trips, every message delivered and receipted, 6 cosignatures, 3 ledgers verified\n$/);
    expect(existsSync(root as string)).toBe(false);
  }, 60_000);

  it('--dir builds the demo in the given folder and keeps it; a folder that is not empty is refused', async () => {
    const dir = join(tempDir(), 'demo');
    const r = await runCli(['demo', '--once', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    for (const code of ['XA', 'XB', 'XC']) {
      expect(existsSync(join(dir, code, 'comity.json'))).toBe(true);
      expect(existsSync(join(dir, code, 'node.log'))).toBe(true);
    }
    expect(existsSync(join(dir, 'authority', 'published', 'directory-v1.jws'))).toBe(true);
    // The kept folders are real data folders: the CLI reads them.
    const verify = await runCli(['ledger', 'verify', '--data', join(dir, 'XB')]);
    expect(verify.code, verify.stderr).toBe(0);
    const shown = await runCli(['directory', 'show', '--dir', join(dir, 'authority')]);
    expect(shown.stdout).toContain('XC declaration');
    expect(shown.stdout).toContain('preservation_requires_dual_criminality=true');

    const busy = join(tempDir(), 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'something'), 'x');
    const refused = await runCli(['demo', '--once', '--dir', busy]);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([`comity: ${busy} is not empty; give --dir a new or empty folder`]);
  }, 60_000);

  it('usage errors exit 2 with one line', async () => {
    const r = await runCli(['demo', '--base-port', 'x']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^comity: option '--base-port <port>' argument 'x' is invalid\..*\(see "comity demo --help"\)$/)]);
  });
});
