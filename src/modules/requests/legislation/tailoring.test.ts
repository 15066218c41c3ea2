import { describe, expect, it } from 'vitest';
import type { LegislationProfile } from '../model.ts';
import { loadProfiles } from './load.ts';
import { tailorToRequestedState, type DirectoryStateView, type TailoringInput } from './tailoring.ts';

const profiles = loadProfiles();
function profile(state: string): LegislationProfile {
  const p = profiles.get(state);
  if (p === undefined) throw new Error(`no ${state}`);
  return p;
}
const XA = profile('XA');
const XB = profile('XB');
const XC = profile('XC');

const PRESERVATION = { id: 'preservation', dualCriminality: 'per_state' } as const;
const CONTENT = { id: 'content_data', dualCriminality: 'required', basis: ['UN 44 (?)', 'BC 31'] } as const;
const SUBSCRIBER = { id: 'subscriber_information', dualCriminality: 'required' } as const;
const EXTRADITION = { id: 'extradition', dualCriminality: 'required', penaltyThresholdYears: 1 } as const;
const GENERAL = { id: 'general_mla', dualCriminality: 'required' } as const;

const base: TailoringInput = { type: PRESERVATION, offences: ['illegal_access'], draftingLanguage: 'en', requesting: XA, requested: XB };
const tailor = (over: Partial<TailoringInput>) => tailorToRequestedState({ ...base, ...over });
const directory = (over: Partial<DirectoryStateView>): DirectoryStateView => ({ languages: [], declarations: [], reservations: [], flags: {}, ...over });

describe('tailorToRequestedState: language', () => {
  it('accepts a language the requested State reads (a BCP 47 tag counts by its language)', () => {
    for (const lang of ['en', 'fr', 'en-GB', 'FR']) {
      const r = tailor({ draftingLanguage: lang });
      expect(r.languageAccepted).toBe(true);
      expect(r.items.filter((i) => i.field === 'draftingLanguage')).toEqual([]);
    }
    expect(tailor({}).acceptedLanguages).toEqual(['en', 'fr']);
  });

  it('marks a language the requested State does not read as invalid on draftingLanguage', () => {
    const r = tailor({ requested: XC, draftingLanguage: 'fr' });
    expect(r.languageAccepted).toBe(false);
    expect(r.items).toContainEqual({
      field: 'draftingLanguage',
      severity: 'invalid',
      message: 'XC accepts requests in de, en, not in "fr": draft the request in, or translate it into, one of them.',
    });
  });

  it('refuses a drafting language that is not a language code', () => {
    const r = tailor({ draftingLanguage: 'English' });
    expect(r.languageAccepted).toBe(false);
    expect(r.items[0]).toMatchObject({ field: 'draftingLanguage', severity: 'invalid' });
  });

  it('warns, without blocking, when nothing is known of the requested State', () => {
    const r = tailor({ requested: null, requestedState: 'XD' });
    expect(r.languagesSource).toBe('none');
    expect(r.languageAccepted).toBe(false);
    expect(r.items.filter((i) => i.field === 'draftingLanguage')).toEqual([
      { field: 'draftingLanguage', severity: 'warning', message: 'The languages XD accepts are not known: confirm with XD that it accepts "en".' },
    ]);
  });
});

describe('tailorToRequestedState: the directory wins where both speak', () => {
  it('its languages replace the profile’s', () => {
    const r = tailor({ requested: XC, draftingLanguage: 'fr', directoryState: directory({ languages: ['fr', 'en'], flags: {} }) });
    expect(r.languagesSource).toBe('directory');
    expect(r.acceptedLanguages).toEqual(['en', 'fr']);
    expect(r.languageAccepted).toBe(true);
    expect(r.items.some((i) => i.field === 'draftingLanguage')).toBe(false);
  });

  it('a flag withdrawing English overrides the languages listed', () => {
    const r = tailor({ directoryState: directory({ flags: { accepts_requests_in_english: false } }) });
    expect(r.acceptedLanguages).toEqual(['fr']);
    expect(r.languageAccepted).toBe(false);
  });

  it('its flags override the profile’s, key by key, and decide dual criminality', () => {
    const r = tailor({ requested: XC, directoryState: directory({ flags: { preservation_requires_dual_criminality: false } }) });
    expect(r.flags.preservation_requires_dual_criminality).toBe(false);
    expect(r.flags.extradites_nationals).toBe(false); // from the profile
    expect(r.dualCriminality.outcome).toBe('not_applicable');
    expect(r.dualCriminality.basis).toBe('XC does not require dual criminality for preservation (BC 29(3)).');
  });

  it('its flags decide even without a profile', () => {
    const r = tailor({ requested: null, requestedState: 'XD', directoryState: directory({ languages: ['en'], flags: { preservation_requires_dual_criminality: false } }) });
    expect(r.state).toBe('XD');
    expect(r.dualCriminality.outcome).toBe('not_applicable');
    expect(r.languageAccepted).toBe(true);
  });

  it('its declarations replace the profile’s; statements without an article are shown as possibly applying', () => {
    const r = tailor({ requested: XC, directoryState: directory({ declarations: [{ text: 'Requests are answered on working days only.' }] }) });
    expect(r.declarations).toEqual([{ article: null, text: 'Requests are answered on working days only.', source: 'directory', relevance: 'unclear' }]);
    expect(r.items).toContainEqual({ field: 'requestedState', severity: 'warning', message: 'XC declaration, may apply: Requests are answered on working days only.' });
    // Reservations: the directory listed none, so the profile's stand.
    expect(r.reservations.map((s) => [s.article, s.source])).toEqual([['BC 29(4)', 'profile']]);
  });
});

describe('tailorToRequestedState: declarations, reservations and flags', () => {
  it('preservation to XC: the BC 29(4) reservation applies, the extradition declaration does not', () => {
    const r = tailor({ requesting: XB, requested: XC });
    expect(r.reservations).toEqual([expect.objectContaining({ article: 'BC 29(4)', relevance: 'type' })]);
    expect(r.declarations.map((d) => [d.article, d.relevance])).toEqual([
      ['UN 6', 'general'],
      ['BC 24(6)', 'other'],
    ]);
    const shown = r.items.filter((i) => i.field === 'requestedState').map((i) => i.message);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/^XC declaration \(UN 6\): Carpania assesses every request that concerns journalistic activity/);
    expect(shown[1]).toMatch(/^XC reservation \(BC 29\(4\)\): /);
  });

  it('extradition to XC: the nationals declaration applies, with warnings on persons and assurances', () => {
    const r = tailor({ type: EXTRADITION, offences: ['computer_fraud'], requesting: XA, requested: XC });
    expect(r.declarations.find((d) => d.article === 'BC 24(6)')?.relevance).toBe('type');
    expect(r.items.map((i) => i.field)).toEqual(['requestedState', 'requestedState', 'persons', 'assurances']);
    expect(r.dualCriminality.outcome).toBe('satisfied');
  });

  it('a reservation on one of the request’s offences is shown (XA, BC 6(3), misuse of devices)', () => {
    const withMisuse = tailor({ type: CONTENT, offences: ['misuse_of_devices'], requesting: XB, requested: XA });
    expect(withMisuse.reservations[0]?.relevance).toBe('offence');
    expect(withMisuse.items.some((i) => i.message.startsWith('XA reservation (BC 6(3))'))).toBe(true);
    const without = tailor({ type: CONTENT, offences: ['illegal_access'], requesting: XB, requested: XA });
    expect(without.reservations[0]?.relevance).toBe('other');
    expect(without.items.some((i) => i.message.startsWith('XA reservation'))).toBe(false);
  });

  it('XA’s central-authority declaration (BC 27(9)(e)) bears on mutual assistance, matched through the type’s articles', () => {
    const r = tailor({ type: GENERAL, requesting: XB, requested: XA });
    expect(r.declarations.find((d) => d.article === 'BC 27(9)(e)')?.relevance).toBe('type');
  });

  it('a State that does not accept electronic signatures is flagged', () => {
    const r = tailor({ directoryState: directory({ flags: { accepts_electronic_signature: false } }) });
    expect(r.items).toContainEqual(expect.objectContaining({ field: 'signature', severity: 'warning' }));
  });
});

describe('tailorToRequestedState: dual criminality, extra fields and clocks', () => {
  it('scenario 1: preservation XA → XB in English is clean and says XB needs no dual criminality', () => {
    const r = tailor({ offences: ['illegal_access', 'data_interference', 'system_interference'] });
    expect(r.items.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(r.items.some((i) => i.field === 'offences')).toBe(false);
    expect(r.dualCriminality.basis).toBe('XB does not require dual criminality for preservation (BC 29(3)).');
    expect(r.clocks).toEqual({ acknowledgment: 'PT1H' });
    expect(r.extraRequired).toEqual([]);
  });

  it('not satisfied where it applies: a warning on offences naming the failing offence only', () => {
    const r = tailor({ type: CONTENT, offences: ['ncii', 'illegal_access'], requesting: XB, requested: XC });
    expect(r.dualCriminality.outcome).toBe('partial');
    const warnings = r.items.filter((i) => i.field === 'offences');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.severity).toBe('warning');
    expect(warnings[0]?.message).toMatch(/^Dual criminality is satisfied only in part/);
    expect(warnings[0]?.message).toContain('ncii: XC does not criminalise the conduct');
    expect(warnings[0]?.message).not.toContain('illegal_access:');
    const none = tailor({ type: CONTENT, offences: ['ncii'], requesting: XB, requested: XC });
    expect(none.items.find((i) => i.field === 'offences')?.message).toMatch(/^Dual criminality is not satisfied; the requested State may refuse/);
  });

  it('no warning on offences when satisfied', () => {
    const r = tailor({ type: CONTENT, offences: ['illegal_access', 'data_interference'], requesting: XA, requested: XB });
    expect(r.dualCriminality.outcome).toBe('satisfied');
    expect(r.items.some((i) => i.field === 'offences')).toBe(false);
  });

  it('a missing profile gives a partial warning to assess manually', () => {
    const r = tailor({ type: CONTENT, requested: null, requestedState: 'XD' });
    expect(r.items.find((i) => i.field === 'offences')?.message).toContain('No legislation profile for XD');
    expect(r.extraRequired).toEqual([]);
    expect(r.clocks).toEqual({});
  });

  it('returns the requested State’s extra required fields and clock overrides for the type', () => {
    expect(tailor({ type: SUBSCRIBER, requested: XC }).extraRequired).toEqual(['proportionality']);
    expect(tailor({ type: CONTENT, requested: XC }).extraRequired).toEqual([]);
    expect(tailor({ type: GENERAL, requested: XC }).clocks).toEqual({ decision: 'P45D' });
  });
});
