import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors.ts';
import { ProfileError } from './errors.ts';
import { SHIPPED_PROFILES_DIR } from './load.ts';
import { parseProfile } from './parse.ts';

type Json = Record<string, unknown>;

/** A fresh, valid profile document to break (XB as shipped). */
function xb(): Json {
  return JSON.parse(readFileSync(join(SHIPPED_PROFILES_DIR, 'XB.json'), 'utf8')) as Json;
}

function problemsOf(json: unknown): readonly { pointer: string; detail: string }[] {
  try {
    parseProfile(json, 'test/XB.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    if (e instanceof ProfileError) {
      expect(e.code).toBe('validation_failed');
      expect(e.message).toContain('test/XB.json');
      return e.problems;
    }
  }
  throw new Error('the profile was accepted');
}

function at(o: Json, ...path: string[]): Json {
  let cur: unknown = o;
  for (const k of path) cur = (cur as Json)[k];
  return cur as Json;
}

// Each case breaks one thing of a valid profile and names the JSON Pointer the error must carry.
const MALFORMED: readonly [string, (j: Json) => void, string][] = [
  ['an unknown top-level member', (j) => void (j.designation = {}), '/designation'],
  ['a missing member', (j) => void delete j.flags, '/flags'],
  ['a bad State code', (j) => void (j.state = 'Borduria'), '/state'],
  ['an empty name', (j) => void (j.name = ' '), '/name'],
  ['a language that is not ISO 639-1', (j) => void (j.languages = ['en', 'english']), '/languages/1'],
  ['an upper-case language code', (j) => void (j.languages = ['EN', 'fr']), '/languages/0'],
  ['a repeated language', (j) => void (j.languages = ['en', 'fr', 'en']), '/languages/2'],
  ['no language at all', (j) => void (j.languages = []), '/languages'],
  ['an offence outside the catalogue', (j) => void (at(j, 'offences').hacking = at(j, 'offences', 'illegal_access')), '/offences/hacking'],
  ['a negative penalty', (j) => void (at(j, 'offences', 'illegal_access').maxPenaltyYears = -1), '/offences/illegal_access/maxPenaltyYears'],
  ['a penalty in a string', (j) => void (at(j, 'offences', 'illegal_access').maxPenaltyYears = '5'), '/offences/illegal_access/maxPenaltyYears'],
  ['a penalty that is not whole months', (j) => void (at(j, 'offences', 'illegal_access').maxPenaltyYears = 0.3), '/offences/illegal_access/maxPenaltyYears'],
  ['a penalty beyond life imprisonment', (j) => void (at(j, 'offences', 'illegal_access').maxPenaltyYears = 101), '/offences/illegal_access/maxPenaltyYears'],
  ['an unknown member of a provision', (j) => void (at(j, 'offences', 'illegal_access').penalty = 5), '/offences/illegal_access/penalty'],
  ['a provision without citation', (j) => void delete at(j, 'offences', 'data_interference').citation, '/offences/data_interference/citation'],
  ['an option the offence does not have', (j) => void (at(j, 'offences', 'illegal_access').options = ['serious_harm']), '/offences/illegal_access/options/0'],
  ['a declaration without article', (j) => void delete (j.declarations as Json[])[0]?.article, '/declarations/0/article'],
  ['an article that is not a citation', (j) => void (((j.declarations as Json[])[1] ?? {}).article = 'Article 35'), '/declarations/1/article'],
  ['a reservation with an unknown member', (j) => void (((j.reservations as Json[])[0] ?? {}).note = 'x'), '/reservations/0/note'],
  ['declarations that are not an array', (j) => void (j.declarations = {}), '/declarations'],
  ['a misspelt flag', (j) => void (at(j, 'flags').preservation_require_dual_criminality = false), '/flags/preservation_require_dual_criminality'],
  ['a missing flag', (j) => void delete at(j, 'flags').extradites_nationals, '/flags/extradites_nationals'],
  ['a flag that is not a boolean', (j) => void (at(j, 'flags').extradites_nationals = 'yes'), '/flags/extradites_nationals'],
  ['English accepted but not listed', (j) => void (j.languages = ['fr']), '/flags/accepts_requests_in_english'],
  ['a clock for an unknown type', (j) => void (at(j, 'clocks').mla = { decision: 'P30D' }), '/clocks/mla'],
  ['an unknown clock', (j) => void (at(j, 'clocks', 'preservation').ack = 'PT1H'), '/clocks/preservation/ack'],
  ['a clock that is not a duration', (j) => void (at(j, 'clocks', 'preservation').acknowledgment = '1 hour'), '/clocks/preservation/acknowledgment'],
  ['a zero clock', (j) => void (at(j, 'clocks', 'preservation').acknowledgment = 'PT0H'), '/clocks/preservation/acknowledgment'],
  ['an empty extraRequired list', (j) => void (j.extraRequired = { content_data: [] }), '/extraRequired/content_data'],
  ['an extraRequired entry that is not a field id', (j) => void (j.extraRequired = { content_data: ['sworn statement'] }), '/extraRequired/content_data/0'],
  ['an unknown channel', (j) => void (at(j, 'designations').channels = ['comity', 'fax']), '/designations/channels/1'],
  ['a telephone number that is not E.164', (j) => void (at(j, 'designations', 'centralAuthority').phone = '020 123 456'), '/designations/centralAuthority/phone'],
  ['a bad e-mail address', (j) => void (at(j, 'designations', 'contactPoint247').email = 'duty officer'), '/designations/contactPoint247/email'],
  ['a key that needs escaping', (j) => void (at(j, 'offences')['a/b~c'] = {}), '/offences/a~1b~0c'],
];

describe('parseProfile', () => {
  it('accepts the shipped XB document and freezes it', () => {
    const p = parseProfile(xb(), 'XB.json');
    expect(p.state).toBe('XB');
    expect(p.offences.illegal_access?.maxPenaltyYears).toBe(5);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.offences.illegal_access)).toBe(true);
    expect(Object.isFrozen(p.languages)).toBe(true);
  });

  it.each(MALFORMED)('refuses %s, naming %s', (_, breakIt, pointer) => {
    const json = xb();
    breakIt(json);
    expect(problemsOf(json).map((p) => p.pointer)).toContain(pointer);
  });

  it('names the file and the first pointer in the message, and counts the rest', () => {
    const json = xb();
    json.languages = ['english'];
    json.state = 'xb';
    try {
      parseProfile(json, 'profiles/XB.json');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e)).toBe(true);
      const err = e as ProfileError;
      expect(err.message).toMatch(/^legislation profile profiles\/XB\.json: \/state: /);
      expect(err.message).toMatch(/\(and \d+ more\)$/);
      expect(err.source).toBe('profiles/XB.json');
      expect(err.errors?.map((x) => x.pointer)).toEqual(err.problems.map((x) => x.pointer));
    }
  });

  it('refuses a document that is not an object, at the root', () => {
    for (const bad of [null, [], 'XB', 3]) expect(problemsOf(bad)).toEqual([{ pointer: '', detail: 'must be a JSON object' }]);
  });

  it('keeps options only where taken, and omits optional members that are absent', () => {
    const json = xb();
    delete json.clocks;
    delete json.designations;
    at(json, 'offences', 'system_interference').options = [];
    const p = parseProfile(json, 'XB.json');
    expect(p.clocks).toBeUndefined();
    expect(p.designations).toBeUndefined();
    expect(p.offences.system_interference).not.toHaveProperty('options');
    expect(p.offences.illegal_access?.options).toEqual(['breach_of_security']);
  });

  it('accepts a fine-only offence and half-year penalties', () => {
    const json = xb();
    at(json, 'offences', 'ncii').maxPenaltyYears = 0;
    at(json, 'offences', 'grooming').maxPenaltyYears = 1.5;
    const p = parseProfile(json, 'XB.json');
    expect(p.offences.ncii?.maxPenaltyYears).toBe(0);
    expect(p.offences.grooming?.maxPenaltyYears).toBe(1.5);
  });
});
