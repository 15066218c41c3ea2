import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFENCE_IDS, type OffenceId } from '../../cases/index.ts';
import type { DomesticProvision, LegislationProfile, RequestTypeDefinition } from '../model.ts';
import { assessDualCriminality, isSeriousCrime } from './dual-criminality.ts';
import { loadProfiles } from './load.ts';

type TypeRef = Pick<RequestTypeDefinition, 'id' | 'dualCriminality' | 'penaltyThresholdYears'>;
const PRESERVATION: TypeRef = { id: 'preservation', dualCriminality: 'per_state' };
const CONTENT: TypeRef = { id: 'content_data', dualCriminality: 'required' };
const EXTRADITION: TypeRef = { id: 'extradition', dualCriminality: 'required', penaltyThresholdYears: 1 };
const EMERGENCY: TypeRef = { id: 'emergency_disclosure', dualCriminality: 'not_required' };

const profiles = loadProfiles();
function profile(state: string): LegislationProfile {
  const p = profiles.get(state);
  if (p === undefined) throw new Error(`no ${state}`);
  return p;
}
const XA = profile('XA');
const XB = profile('XB');
const XC = profile('XC');

describe('assessDualCriminality: whether it applies', () => {
  it('preservation to XB: not applicable, and the basis names XB, the flag and BC 29(3)', () => {
    const r = assessDualCriminality({ type: PRESERVATION, offences: ['illegal_access'], requesting: XA, requested: XB });
    expect(r.applies).toBe(false);
    expect(r.outcome).toBe('not_applicable');
    expect(r.basis).toBe('XB does not require dual criminality for preservation (BC 29(3)).');
    // The mapping is still shown, for information.
    expect(r.offences[0]?.requested?.citation).toBe('Criminal Code of Borduria art. 285');
  });

  it('preservation to XC: applies under its BC 29(4) reservation', () => {
    const r = assessDualCriminality({ type: PRESERVATION, offences: ['illegal_access', 'data_interference'], requesting: XB, requested: XC });
    expect(r.applies).toBe(true);
    expect(r.basis).toBe('XC requires dual criminality for preservation (reservation under BC 29(4)).');
    expect(r.outcome).toBe('satisfied');
  });

  it('a type that never needs it is not applicable even where the conduct is not an offence', () => {
    const r = assessDualCriminality({ type: EMERGENCY, offences: ['ncii'], requesting: XA, requested: XC });
    expect(r).toMatchObject({ applies: false, outcome: 'not_applicable' });
    expect(r.basis).toBe('Dual criminality does not apply to emergency disclosure requests.');
  });

  it('flags given by the caller (the directory) win over the profile', () => {
    const r = assessDualCriminality({
      type: PRESERVATION,
      offences: ['ncii'],
      requesting: XA,
      requested: XC,
      requestedFlags: { preservation_requires_dual_criminality: false },
    });
    expect(r.outcome).toBe('not_applicable');
  });

  it('a profile silent on the flag gets the treaty default: not required for preservation (BC 29(3))', () => {
    const silent: LegislationProfile = { ...XC, flags: {} };
    const r = assessDualCriminality({ type: PRESERVATION, offences: ['ncii'], requesting: XA, requested: silent });
    expect(r.outcome).toBe('not_applicable');
    expect(r.basis).toMatch(/has not stated .* not required \(BC 29\(3\)\)/);
  });
});

describe('assessDualCriminality: the offences', () => {
  it('content data XA → XB for illegal access and data interference: satisfied, 5 and 7 years', () => {
    const r = assessDualCriminality({ type: CONTENT, offences: ['illegal_access', 'data_interference'], requesting: XA, requested: XB });
    expect(r.outcome).toBe('satisfied');
    expect(r.thresholdYears).toBeNull();
    expect(r.offences.map((o) => o.requested?.maxPenaltyYears)).toEqual([5, 7]);
    expect(r.offences.map((o) => o.requesting?.citation)).toEqual(['Arland Penal Code s. 342', 'Arland Penal Code s. 344']);
    expect(r.offences.every((o) => o.meetsThreshold === null)).toBe(true);
    expect(r.offences[0]?.note).toBe(
      "XB criminalises the conduct under Criminal Code of Borduria art. 285 (up to 5 years). XB's offence requires that security measures were infringed: the facts should show it.",
    );
    expect(r.basis).toContain('BC 25(5)');
  });

  it('extradition for misuse of devices fails the 1-year threshold in XA (6 months)', () => {
    const r = assessDualCriminality({ type: EXTRADITION, offences: ['misuse_of_devices'], requesting: XA, requested: XB });
    expect(r.applies).toBe(true);
    expect(r.thresholdYears).toBe(1);
    expect(r.offences[0]?.requested?.maxPenaltyYears).toBe(3);
    expect(r.offences[0]?.meetsThreshold).toBe(false);
    expect(r.offences[0]?.note).toContain('Below the threshold of 1 year in XA (6 months).');
    expect(r.outcome).toBe('not_satisfied');
    // The other way round the requested State is the one below the threshold.
    const back = assessDualCriminality({ type: EXTRADITION, offences: ['misuse_of_devices'], requesting: XB, requested: XA });
    expect(back.outcome).toBe('not_satisfied');
    expect(back.offences[0]?.note).toContain('in XA (6 months)');
  });

  it('extradition for an offence above the threshold in both States is satisfied', () => {
    const r = assessDualCriminality({ type: EXTRADITION, offences: ['computer_fraud'], requesting: XA, requested: XC });
    expect(r.outcome).toBe('satisfied');
    expect(r.offences[0]?.meetsThreshold).toBe(true);
    expect(r.offences[0]?.note).toContain('the threshold is met');
  });

  it('ncii to XC: not satisfied, judged on the conduct', () => {
    const r = assessDualCriminality({ type: CONTENT, offences: ['ncii'], requesting: XB, requested: XC });
    expect(r.outcome).toBe('not_satisfied');
    expect(r.offences[0]?.requested).toBeNull();
    expect(r.offences[0]?.requesting?.citation).toBe('Criminal Code of Borduria art. 176a');
    expect(r.offences[0]?.note).toMatch(/^XC does not criminalise the conduct \(non-consensual dissemination of intimate images: .*whatever the offence is called\.$/);
  });

  it('mixed offences give partial', () => {
    const r = assessDualCriminality({ type: CONTENT, offences: ['ncii', 'illegal_access'], requesting: XB, requested: XC });
    expect(r.outcome).toBe('partial');
    expect(r.offences.map((o) => o.requested === null)).toEqual([true, false]);
  });

  it('no offence where it applies: not satisfied, and the basis says to name them', () => {
    const r = assessDualCriminality({ type: CONTENT, offences: [], requesting: XA, requested: XB });
    expect(r.outcome).toBe('not_satisfied');
    expect(r.offences).toEqual([]);
    expect(r.basis).toMatch(/No offence is named/);
    expect(assessDualCriminality({ type: PRESERVATION, offences: [], requesting: XA, requested: XB }).outcome).toBe('not_applicable');
  });

  it('no profile for the requested State: partial (unknown, not refused), each row says to assess manually', () => {
    const r = assessDualCriminality({ type: CONTENT, offences: ['illegal_access', 'csam'], requesting: XA, requested: null, requestedState: 'XD' });
    expect(r.applies).toBe(true);
    expect(r.outcome).toBe('partial');
    expect(r.basis).toMatch(/No legislation profile for XD; assess manually\.$/);
    for (const row of r.offences) {
      expect(row.requested).toBeNull();
      expect(row.note).toMatch(/^No legislation profile for XD; assess manually/);
    }
  });

  it('no profile for a per-State type: assumed to apply, partial', () => {
    const r = assessDualCriminality({ type: PRESERVATION, offences: ['illegal_access'], requesting: XA, requested: null });
    expect(r.applies).toBe(true);
    expect(r.outcome).toBe('partial');
    expect(r.basis).toMatch(/^No legislation profile for the requested State: .* assess manually\.$/);
  });

  it('no profile for the requesting State leaves a threshold undecided', () => {
    const r = assessDualCriminality({ type: EXTRADITION, offences: ['computer_fraud'], requesting: null, requested: XB });
    expect(r.offences[0]?.meetsThreshold).toBeNull();
    expect(r.offences[0]?.note).toContain('Penalty in the requesting State unknown');
    expect(r.outcome).toBe('partial');
  });

  it('tells the drafter when the requesting State itself maps no provision', () => {
    const r = assessDualCriminality({ type: CONTENT, offences: ['copyright'], requesting: XB, requested: XA });
    expect(r.outcome).toBe('satisfied');
    expect(r.offences[0]?.note).toContain("XB's own profile maps no provision to this conduct");
  });

  it('counts a repeated offence once', () => {
    const r = assessDualCriminality({ type: CONTENT, offences: ['illegal_access', 'illegal_access'], requesting: XA, requested: XB });
    expect(r.offences).toHaveLength(1);
  });
});

describe('isSeriousCrime', () => {
  it('is a maximum penalty of at least 4 years in that State', () => {
    expect(isSeriousCrime('data_interference', XB)).toBe(true);
    expect(isSeriousCrime('illegal_access', XA)).toBe(true); // exactly 4
    expect(isSeriousCrime('illegal_access', XC)).toBe(false); // 3
    expect(isSeriousCrime('misuse_of_devices', XA)).toBe(false);
    expect(isSeriousCrime('copyright', XB)).toBe(false); // not an offence there
  });
});

// ── property: the outcome follows from the rows ────────────────────────────────────────────────────────────

const provisionArb: fc.Arbitrary<DomesticProvision> = fc.record({
  citation: fc.constant('s. 1'),
  text: fc.constant('text'),
  maxPenaltyYears: fc.constantFrom(0, 0.5, 1, 2, 4, 10),
});
const offencesMapArb = fc.dictionary(fc.constantFrom(...OFFENCE_IDS), provisionArb, { maxKeys: OFFENCE_IDS.length });
const profileArb = (state: string): fc.Arbitrary<LegislationProfile> =>
  fc.record({
    state: fc.constant(state),
    name: fc.constant(state),
    languages: fc.constant(['en']),
    offences: offencesMapArb,
    declarations: fc.constant([]),
    reservations: fc.constant([]),
    flags: fc.record({ preservation_requires_dual_criminality: fc.boolean() }),
  });
const typeArb: fc.Arbitrary<TypeRef> = fc.oneof(
  fc.constant(PRESERVATION),
  fc.constant(CONTENT),
  fc.constant(EMERGENCY),
  fc.constant(EXTRADITION),
  fc.constant<TypeRef>({ id: 'interception', dualCriminality: 'required', penaltyThresholdYears: 4 }),
);
const offenceListArb: fc.Arbitrary<OffenceId[]> = fc.array(fc.constantFrom(...OFFENCE_IDS), { maxLength: 5 });

describe('assessDualCriminality: properties', () => {
  it('with both profiles known, satisfied iff every row maps and meets any threshold; not_satisfied iff none does', () => {
    fc.assert(
      fc.property(typeArb, offenceListArb, profileArb('XQ'), profileArb('XR'), (type, offences, requesting, requested) => {
        const r = assessDualCriminality({ type, offences, requesting, requested });
        const ok = (row: (typeof r.offences)[number]): boolean => row.requested !== null && (r.thresholdYears === null || row.meetsThreshold === true);
        expect(r.offences.map((o) => o.offence)).toEqual([...new Set(offences)]);
        if (!r.applies) {
          expect(r.outcome).toBe('not_applicable');
          return;
        }
        expect(r.outcome === 'satisfied').toBe(r.offences.length > 0 && r.offences.every(ok));
        expect(r.outcome === 'not_satisfied').toBe(r.offences.length === 0 || r.offences.every((row) => !ok(row)));
        for (const row of r.offences) {
          expect(row.requested).toEqual(requested.offences[row.offence] ?? null);
          if (r.thresholdYears === null) expect(row.meetsThreshold).toBeNull();
          else
            expect(row.meetsThreshold).toBe(
              (row.requested?.maxPenaltyYears ?? -1) >= r.thresholdYears && (row.requesting?.maxPenaltyYears ?? -1) >= r.thresholdYears,
            );
        }
      }),
    );
  });

  it('never answers not_satisfied for offences when the requested profile is missing', () => {
    fc.assert(
      fc.property(typeArb, fc.array(fc.constantFrom(...OFFENCE_IDS), { minLength: 1, maxLength: 5 }), profileArb('XQ'), (type, offences, requesting) => {
        const r = assessDualCriminality({ type, offences, requesting, requested: null, requestedState: 'XR' });
        expect(['partial', 'not_applicable']).toContain(r.outcome);
      }),
    );
  });
});
