import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OFFENCE_IDS } from '../../cases/index.ts';
import { ProfileError } from './errors.ts';
import { SHIPPED_PROFILES_DIR, loadProfiles } from './load.ts';

const dirs: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'comity-profiles-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const shipped = (state: string): string => readFileSync(join(SHIPPED_PROFILES_DIR, `${state}.json`), 'utf8');

function refusal(dir: string): ProfileError {
  try {
    loadProfiles(dir);
  } catch (e) {
    if (e instanceof ProfileError) return e;
    throw e;
  }
  throw new Error('loaded');
}

describe('the shipped profiles', () => {
  const profiles = loadProfiles();

  it('load: XA Arland, XB Borduria, XC Carpania', () => {
    expect([...profiles.keys()]).toEqual(['XA', 'XB', 'XC']);
    expect([...profiles.values()].map((p) => p.name)).toEqual(['Arland', 'Borduria', 'Carpania']);
  });

  it('XB maps illegal access and data interference (5 and 7 years), needs no dual criminality for preservation, reads en and fr', () => {
    const xb = profiles.get('XB');
    expect(xb?.offences.illegal_access?.maxPenaltyYears).toBe(5);
    expect(xb?.offences.data_interference?.maxPenaltyYears).toBe(7);
    expect(xb?.flags.preservation_requires_dual_criminality).toBe(false);
    expect(xb?.languages).toEqual(['en', 'fr']);
    expect(xb?.clocks?.preservation?.acknowledgment).toBe('PT1H');
    expect(xb?.offences.copyright).toBeUndefined();
  });

  it('XC reserved BC 29(4), reads en and de, does not extradite nationals, declares on journalism', () => {
    const xc = profiles.get('XC');
    expect(xc?.flags.preservation_requires_dual_criminality).toBe(true);
    expect(xc?.flags.extradites_nationals).toBe(false);
    expect(xc?.languages).toEqual(['en', 'de']);
    expect(xc?.reservations.map((r) => r.article)).toContain('BC 29(4)');
    expect(xc?.declarations.some((d) => /journalis/.test(d.text))).toBe(true);
    expect(xc?.offences.ncii).toBeUndefined();
    expect(xc?.clocks?.general_mla?.decision).toBe('P45D');
    expect(xc?.extraRequired?.subscriber_information).toEqual(['proportionality']);
  });

  it('XA designates a central authority and a 24/7 point, declares and reserves, and punishes misuse of devices by 6 months', () => {
    const xa = profiles.get('XA');
    expect(xa?.designations?.centralAuthority?.name).toMatch(/Ministry of Justice/);
    expect(xa?.designations?.contactPoint247?.phone).toMatch(/^\+/);
    expect(xa?.declarations.length).toBeGreaterThan(0);
    expect(xa?.reservations.length).toBeGreaterThan(0);
    expect(xa?.offences.misuse_of_devices?.maxPenaltyYears).toBe(0.5);
  });

  it('every State states every flag and leaves at least one gap somewhere', () => {
    for (const p of profiles.values()) expect(Object.keys(p.flags).sort()).toHaveLength(5);
    const gaps = [...profiles.values()].flatMap((p) => OFFENCE_IDS.filter((o) => p.offences[o] === undefined));
    expect(gaps.length).toBeGreaterThan(0);
  });
});

describe('loadProfiles(dir)', () => {
  it('reads only .json files, keyed by State', () => {
    const dir = tempDir({ 'XB.json': shipped('XB'), 'README.md': '# notes' });
    expect([...loadProfiles(dir).keys()]).toEqual(['XB']);
  });

  it('returns an empty map for an empty folder', () => {
    expect(loadProfiles(tempDir({})).size).toBe(0);
  });

  it('refuses a profile whose state differs from its file name, naming the file and /state', () => {
    const err = refusal(tempDir({ 'XA.json': shipped('XB') }));
    expect(err.source).toMatch(/XA\.json$/);
    expect(err.problems).toEqual([{ pointer: '/state', detail: 'is "XB" but the file is named XA.json' }]);
  });

  it('refuses a file not named <STATE>.json', () => {
    const err = refusal(tempDir({ 'borduria.json': shipped('XB') }));
    expect(err.message).toContain('borduria.json');
  });

  it('refuses invalid JSON, naming the file', () => {
    const err = refusal(tempDir({ 'XB.json': '{"state": "XB",' }));
    expect(err.source).toMatch(/XB\.json$/);
    expect(err.problems[0]?.detail).toMatch(/cannot read it as JSON/);
  });

  it('refuses an invalid profile with the pointer, naming the file', () => {
    const json = JSON.parse(shipped('XC')) as { offences: Record<string, { maxPenaltyYears: number }> };
    const access = json.offences.illegal_access;
    if (access !== undefined) access.maxPenaltyYears = -2;
    const err = refusal(tempDir({ 'XC.json': JSON.stringify(json) }));
    expect(err.message).toMatch(/XC\.json: \/offences\/illegal_access\/maxPenaltyYears: /);
  });

  it('refuses a folder that does not exist', () => {
    const err = refusal(join(tmpdir(), 'comity-no-such-folder-7f3a'));
    expect(err.problems[0]?.detail).toMatch(/cannot read the folder/);
  });
});
