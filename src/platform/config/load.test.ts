import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.ts';
import { KEYS, envName } from './schema.ts';

function dataDir(file?: object | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'comity-cfg-'));
  if (file !== undefined) writeFileSync(join(dir, 'comity.json'), typeof file === 'string' ? file : JSON.stringify(file));
  return dir;
}

describe('configuration', () => {
  it('has defaults that need nothing else', () => {
    const dir = dataDir();
    const c = loadConfig({ flags: { dataDir: dir }, env: {} });
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBe(`${dir}/comity.db`);
    expect(c.totpRequiredRoles).toEqual(['admin', 'authorizer']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('takes flags over environment over the config file', () => {
    const dir = dataDir({ port: 9001, state: 'XC', nodeName: 'from file' });
    const env = { COMITY_PORT: '9002', COMITY_STATE: 'XB' };
    const c = loadConfig({ flags: { dataDir: dir, port: 9003 }, env });
    expect(c.port).toBe(9003);
    expect(c.state).toBe('XB');
    expect(c.nodeName).toBe('from file');
    expect(loadConfig({ flags: { dataDir: dir }, env }).port).toBe(9002);
    expect(loadConfig({ flags: { dataDir: dir }, env: {} }).port).toBe(9001);
  });

  it('reads the data folder from COMITY_DATA and resolves it against cwd', () => {
    const c = loadConfig({ env: { COMITY_DATA: 'rel/data' }, cwd: '/srv/comity' });
    expect(c.dataDir).toBe('/srv/comity/rel/data');
  });

  it('parses typed environment values', () => {
    const dir = dataDir();
    const c = loadConfig({
      flags: { dataDir: dir },
      env: { COMITY_COOKIE_SECURE: 'true', COMITY_TOTP_REQUIRED_ROLES: 'admin, oversight', COMITY_LOG_LEVEL: 'warn' },
    });
    expect(c.cookieSecure).toBe(true);
    expect(c.totpRequiredRoles).toEqual(['admin', 'oversight']);
    expect(c.logLevel).toBe('warn');
  });

  it.each([
    [{ COMITY_PORT: 'abc' }, /COMITY_PORT from environment must be an integer from 0 to 65535/],
    [{ COMITY_PORT: '70000' }, /COMITY_PORT/],
    [{ COMITY_STATE: 'Arland' }, /COMITY_STATE .*ISO 3166-1 alpha-2/],
    [{ COMITY_TOTP_REQUIRED_ROLES: 'admin,king' }, /COMITY_TOTP_REQUIRED_ROLES/],
    [{ COMITY_COOKIE_SECURE: 'perhaps' }, /COMITY_COOKIE_SECURE .*true or false/],
    [{ COMITY_LOG_LEVEL: 'loud' }, /COMITY_LOG_LEVEL/],
  ])('names the bad key: %o', (env, message) => {
    expect(() => loadConfig({ flags: { dataDir: dataDir() }, env })).toThrow(message);
  });

  it('never prints a secret value', () => {
    const secret = 'postgres://comity:s3cr3t-pw@db/comity';
    const dir = dataDir({ databaseUrl: 42 });
    try {
      loadConfig({ flags: { dataDir: dir }, env: {} });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(/databaseUrl from config file/);
      expect((e as Error).message).not.toContain('42');
    }
    const c = loadConfig({ flags: { dataDir: dir }, env: { COMITY_DATABASE_URL: secret } });
    expect(c.databaseUrl).toBe(secret);
  });

  it('refuses unknown keys and invalid JSON in the config file', () => {
    expect(() => loadConfig({ flags: { dataDir: dataDir({ prot: 1 }) }, env: {} })).toThrow(/unknown key "prot"/);
    expect(() => loadConfig({ flags: { dataDir: dataDir('{nope') }, env: {} })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ flags: { dataDir: dataDir('[1]') }, env: {} })).toThrow(/JSON object/);
  });

  it('maps every key to a COMITY_ variable', () => {
    expect(envName('databaseUrl')).toBe('COMITY_DATABASE_URL');
    expect(envName('argon2MemoryKib')).toBe('COMITY_ARGON2_MEMORY_KIB');
    for (const k of KEYS) expect(envName(k.key)).toMatch(/^COMITY_[A-Z0-9_]+$/);
  });
});

describe('documentation', () => {
  it('docs/operations.md documents every key and its environment variable', () => {
    const doc = readFileSync(new URL('../../../docs/operations.md', import.meta.url), 'utf8');
    for (const k of KEYS) {
      expect(doc).toContain(`\`${k.key}\``);
      expect(doc).toContain(`\`${envName(k.key)}\``);
    }
  });
});
