import { describe, expect, it } from 'vitest';
import {
  CLOCK_KINDS,
  FIELD_KINDS,
  INTRUSIVE_MEASURES,
  MEASURES,
  REQUEST_TYPE_IDS,
  SAFEGUARDS,
  UI_LANGUAGES,
  WIZARD_STEPS,
  type FieldDefinition,
  type Localized,
  type RequestTypeDefinition,
  type RequestTypeId,
} from '../model.ts';
import { CLOCK_TABLE, REQUEST_TYPES, TCY_PRESERVATION_FIELD_IDS, TREATY_BASIS, UNTOC_18_15_FIELD_IDS, isRequestTypeId, requestType } from './index.ts';

const def = (id: RequestTypeId): RequestTypeDefinition => {
  const d = requestType(id);
  if (!d) throw new Error(`no type ${id}`);
  return d;
};
const fieldOf = (d: RequestTypeDefinition, id: string): FieldDefinition | undefined => d.fields.find((f) => f.id === id);

// Written out by hand from the brief and DOMAIN §4, not derived from the catalogue.
const CONTACT_POINT_TYPES: RequestTypeId[] = ['preservation', 'preservation_partial_disclosure', 'emergency_disclosure', 'emergency_mla', 'locate_person'];
const PRESERVATION_TYPES: RequestTypeId[] = ['preservation', 'preservation_partial_disclosure'];
const EMERGENCY_TYPES: RequestTypeId[] = ['emergency_disclosure', 'emergency_mla'];
const INTRUSIVE_TYPES: RequestTypeId[] = ['content_data', 'search_seizure', 'realtime_traffic', 'interception', 'emergency_mla', 'extradition', 'provisional_arrest'];
const MLA_TYPES: RequestTypeId[] = [
  'general_mla',
  'subscriber_information',
  'traffic_data',
  'content_data',
  'search_seizure',
  'realtime_traffic',
  'interception',
  'emergency_mla',
  'proceeds_tracing_freezing',
  'confiscation',
  'video_hearing',
];
const DUAL_CRIMINALITY: Record<RequestTypeId, 'required' | 'not_required' | 'per_state'> = {
  general_mla: 'per_state',
  preservation: 'per_state',
  preservation_partial_disclosure: 'per_state',
  subscriber_information: 'per_state',
  traffic_data: 'required',
  content_data: 'required',
  search_seizure: 'required',
  realtime_traffic: 'required',
  interception: 'required',
  emergency_disclosure: 'not_required',
  emergency_mla: 'required',
  extradition: 'required',
  provisional_arrest: 'required',
  proceeds_tracing_freezing: 'required',
  confiscation: 'required',
  spontaneous_information: 'not_required',
  transfer_of_proceedings: 'required',
  joint_investigation_team: 'per_state',
  video_hearing: 'per_state',
  locate_person: 'not_required',
};

/** Every Localized of a type, with where it sits and whether it is a title or label (must differ from English). */
function localizedOf(d: RequestTypeDefinition): { where: string; text: Localized; isLabel: boolean }[] {
  const out = [
    { where: `${d.id}.title`, text: d.title, isLabel: true },
    { where: `${d.id}.summary`, text: d.summary, isLabel: false },
  ];
  for (const f of d.fields) {
    out.push({ where: `${d.id}.${f.id}.label`, text: f.label, isLabel: true });
    out.push({ where: `${d.id}.${f.id}.guidance`, text: f.guidance, isLabel: false });
    (f.optionLabels ?? []).forEach((l, i) => out.push({ where: `${d.id}.${f.id}.options[${i}]`, text: l, isLabel: true }));
  }
  return out;
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

describe('the registry', () => {
  it('holds all 20 types exactly once, in the order of REQUEST_TYPE_IDS', () => {
    expect(REQUEST_TYPES).toHaveLength(20);
    expect(REQUEST_TYPES.map((t) => t.id)).toEqual([...REQUEST_TYPE_IDS]);
    expect(new Set(REQUEST_TYPES.map((t) => t.id)).size).toBe(20);
  });

  it('looks types up by id and refuses anything else, including prototype keys', () => {
    expect(requestType('preservation')?.id).toBe('preservation');
    for (const s of ['', 'Preservation', 'toString', '__proto__', 'constructor', 'preservation ']) {
      expect(requestType(s)).toBeUndefined();
      expect(isRequestTypeId(s)).toBe(false);
    }
    expect(REQUEST_TYPE_IDS.every(isRequestTypeId)).toBe(true);
  });

  it('is frozen all the way down, so no caller can change a shared definition', () => {
    expect(Object.isFrozen(REQUEST_TYPES)).toBe(true);
    for (const t of REQUEST_TYPES) {
      expect(Object.isFrozen(t)).toBe(true);
      expect(Object.isFrozen(t.fields)).toBe(true);
      expect(Object.isFrozen(t.clocks)).toBe(true);
      for (const f of t.fields) expect(Object.isFrozen(f) && Object.isFrozen(f.label)).toBe(true);
    }
    const t = def('preservation');
    expect(() => {
      (t as { version: number }).version = 2;
    }).toThrow(TypeError);
  });

  it('puts every type at version 1 with a treaty basis from the table', () => {
    for (const t of REQUEST_TYPES) {
      expect(t.version).toBe(1);
      expect(t.basis).toEqual(TREATY_BASIS[t.id]);
      expect(t.basis.length).toBeGreaterThan(0);
    }
  });
});

describe('fields', () => {
  it('have unique camelCase ids, known kinds and steps, in wizard-step order', () => {
    for (const t of REQUEST_TYPES) {
      const ids = t.fields.map((f) => f.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
      for (const f of t.fields) {
        expect(f.id, `${t.id}.${f.id}`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        expect(FIELD_KINDS, `${t.id}.${f.id}`).toContain(f.kind);
        expect(WIZARD_STEPS, `${t.id}.${f.id}`).toContain(f.step);
      }
      const steps = t.fields.map((f) => WIZARD_STEPS.indexOf(f.step));
      expect(steps, t.id).toEqual([...steps].sort((a, b) => a - b));
    }
  });

  it('keep one definition per id across types (a shared library): same kind everywhere', () => {
    const kinds = new Map<string, string>();
    for (const t of REQUEST_TYPES)
      for (const f of t.fields) {
        const seen = kinds.get(f.id);
        if (seen) expect(f.kind, `${t.id}.${f.id}`).toBe(seen);
        else kinds.set(f.id, f.kind);
      }
    // The requesting authority is the same object in every type that does not rename it.
    const shared = REQUEST_TYPES.filter((t) => t.id !== 'spontaneous_information').map((t) => fieldOf(t, 'requestingAuthority'));
    expect(new Set(shared).size).toBe(1);
  });

  it('align options and option labels, and only choice fields have them', () => {
    for (const t of REQUEST_TYPES)
      for (const f of t.fields) {
        const where = `${t.id}.${f.id}`;
        if (f.kind === 'choice' || f.kind === 'choices') {
          expect(f.options?.length, where).toBeGreaterThan(0);
          expect(f.optionLabels?.length, where).toBe(f.options?.length);
          expect(new Set(f.options).size, where).toBe(f.options?.length);
          for (const o of f.options ?? []) expect(o, where).toMatch(/^[a-z][a-z0-9_]*$/);
        } else {
          expect(f.options, where).toBeUndefined();
          expect(f.optionLabels, where).toBeUndefined();
        }
      }
  });

  it('point every requiredWhen at another field of the same type, with a value of that field', () => {
    let conditional = 0;
    for (const t of REQUEST_TYPES)
      for (const f of t.fields) {
        if (!f.requiredWhen) continue;
        conditional++;
        const where = `${t.id}.${f.id}`;
        const on = fieldOf(t, f.requiredWhen.field);
        expect(on, where).toBeDefined();
        expect(f.requiredWhen.field, where).not.toBe(f.id);
        expect(f.required, where).toBe(false);
        if ('equals' in f.requiredWhen) {
          if (typeof f.requiredWhen.equals === 'boolean') expect(on?.kind, where).toBe('boolean');
          else expect(on?.options, where).toContain(f.requiredWhen.equals);
        }
        if ('includes' in f.requiredWhen) expect(on?.options, where).toContain(f.requiredWhen.includes);
      }
    expect(conditional).toBeGreaterThan(20);
  });

  it('take from the case only what the case has, into a field of the matching kind', () => {
    const kindFor = { title: ['text'], facts: ['longtext'], offences: ['offences'], persons: ['persons'] };
    for (const t of REQUEST_TYPES) {
      for (const f of t.fields) if (f.fromCase) expect(kindFor[f.fromCase], `${t.id}.${f.id}`).toContain(f.kind);
      for (const from of ['title', 'facts', 'offences', 'persons'] as const)
        expect(t.fields.filter((f) => f.fromCase === from).length, `${t.id} ${from}`).toBe(1);
    }
  });
});

describe('translations', () => {
  it('give every text in all six UN languages, non-empty and trimmed', () => {
    for (const t of REQUEST_TYPES)
      for (const { where, text } of localizedOf(t)) {
        expect(Object.keys(text).sort(), where).toEqual([...UI_LANGUAGES].sort());
        for (const l of UI_LANGUAGES) {
          expect(text[l].length, `${where}.${l}`).toBeGreaterThan(0);
          expect(text[l], `${where}.${l}`).toBe(text[l].trim());
        }
      }
  });

  it('translate titles, labels and option labels (no English copies) and write each in its script', () => {
    for (const t of REQUEST_TYPES)
      for (const { where, text, isLabel } of localizedOf(t)) {
        for (const l of ['ar', 'es', 'fr', 'ru', 'zh'] as const) if (isLabel) expect(text[l], `${where}.${l}`).not.toBe(text.en);
        expect(text.ar, `${where}.ar`).toMatch(/[\u0600-\u06FF]/);
        expect(text.ru, `${where}.ru`).toMatch(/[\u0400-\u04FF]/);
        expect(text.zh, `${where}.zh`).toMatch(/[\u4E00-\u9FFF]/);
        expect(text.en, `${where}.en`).not.toMatch(/[\u0400-\u04FF\u0600-\u06FF\u4E00-\u9FFF]/);
      }
  });

  it('translate guidance and summaries too (none left in English)', () => {
    for (const t of REQUEST_TYPES)
      for (const { where, text, isLabel } of localizedOf(t))
        if (!isLabel) for (const l of ['ar', 'es', 'fr', 'ru', 'zh'] as const) expect(text[l], `${where}.${l}`).not.toBe(text.en);
  });
});

describe('routing, measures and legal flags', () => {
  it('routes preservation, emergencies and locating to the 24/7 point, everything else to the central authority', () => {
    for (const t of REQUEST_TYPES) expect(t.routing, t.id).toBe(CONTACT_POINT_TYPES.includes(t.id) ? 'contact_point_24_7' : 'central_authority');
  });

  it('marks a type intrusive exactly when one of its measures is intrusive', () => {
    for (const t of REQUEST_TYPES) {
      expect(t.measures.length, t.id).toBeGreaterThan(0);
      for (const m of t.measures) expect(MEASURES).toContain(m);
      expect(t.intrusive, t.id).toBe(t.measures.some((m) => INTRUSIVE_MEASURES.includes(m)));
    }
    expect(REQUEST_TYPES.filter((t) => t.intrusive).map((t) => t.id)).toEqual(INTRUSIVE_TYPES);
  });

  it('requires, for an intrusive type, a proportionality statement and judicial authorization', () => {
    for (const t of REQUEST_TYPES.filter((x) => x.intrusive)) {
      expect(fieldOf(t, 'proportionality'), t.id).toMatchObject({ kind: 'longtext', required: true, step: 'safeguards' });
      expect(t.safeguards, t.id).toEqual(expect.arrayContaining(['proportionality', 'judicial_authorization']));
    }
  });

  it('ties the proportionality safeguard, the authorization safeguard and a required statement together', () => {
    for (const t of REQUEST_TYPES) {
      const p = fieldOf(t, 'proportionality');
      const hasSafeguard = t.safeguards.includes('proportionality');
      expect(t.safeguards.includes('judicial_authorization'), t.id).toBe(hasSafeguard);
      expect(p?.required === true, t.id).toBe(hasSafeguard);
      // The authorization step is announced in the guidance of types that have it.
      if (hasSafeguard) expect(p?.guidance.en, t.id).toMatch(/authorizer other than the drafter/);
    }
    // Traffic data is not an intrusive measure but needs the authorizer (SCENARIOS 1); subscriber information
    // carries an optional statement a requested State can demand (XC's profile does).
    expect(def('traffic_data').safeguards).toContain('judicial_authorization');
    expect(fieldOf(def('subscriber_information'), 'proportionality')?.required).toBe(false);
  });

  it('flags exactly the two emergency types, each with emergency facts and the oral-request record', () => {
    expect(REQUEST_TYPES.filter((t) => t.emergency).map((t) => t.id)).toEqual(EMERGENCY_TYPES);
    for (const t of REQUEST_TYPES) {
      expect(t.safeguards.includes('emergency_justification'), t.id).toBe(t.emergency);
      if (!t.emergency) continue;
      expect(fieldOf(t, 'emergencyFacts'), t.id).toMatchObject({ kind: 'longtext', required: true });
      expect(fieldOf(t, 'emergencyDataRelation')?.required, t.id).toBe(true);
      expect(fieldOf(t, 'madeOrally'), t.id).toMatchObject({ kind: 'boolean', required: false });
      expect(fieldOf(t, 'oralRequestAt'), t.id).toMatchObject({ kind: 'datetime', required: false, requiredWhen: { field: 'madeOrally', equals: true } });
    }
  });

  it('applies dual criminality as specified, with the safeguard wherever it may apply', () => {
    for (const t of REQUEST_TYPES) {
      expect(t.dualCriminality, t.id).toBe(DUAL_CRIMINALITY[t.id]);
      expect(t.safeguards.includes('dual_criminality'), t.id).toBe(t.dualCriminality !== 'not_required');
    }
  });

  it('sets penalty thresholds only for extradition, provisional arrest (1 year) and interception (4 years)', () => {
    const thresholds = Object.fromEntries(REQUEST_TYPES.filter((t) => t.penaltyThresholdYears !== undefined).map((t) => [t.id, t.penaltyThresholdYears]));
    expect(thresholds).toEqual({ extradition: 1, provisional_arrest: 1, interception: 4 });
  });

  it('uses known safeguards, once each, and asks for the legal basis wherever it claims it', () => {
    for (const t of REQUEST_TYPES) {
      for (const s of t.safeguards) expect(SAFEGUARDS).toContain(s);
      expect(new Set(t.safeguards).size, t.id).toBe(t.safeguards.length);
      expect(t.safeguards.includes('legal_basis'), t.id).toBe(fieldOf(t, 'offenceProvisions')?.required === true);
      expect(t.safeguards.includes('extradition_assurances'), t.id).toBe(['extradition', 'provisional_arrest'].includes(t.id));
    }
    for (const id of ['extradition', 'provisional_arrest'] as const) {
      expect(fieldOf(def(id), 'deathPenalty')?.required).toBe(true);
      expect(fieldOf(def(id), 'deathPenaltyAssurance')?.requiredWhen).toEqual({ field: 'deathPenalty', equals: 'assurance_given' });
      expect(fieldOf(def(id), 'doubleJeopardy')).toBeDefined();
      expect(fieldOf(def(id), 'personSought')?.kind).toBe('persons');
      expect(fieldOf(def(id), 'warrantReference')?.required).toBe(true);
    }
  });
});

describe('required contents', () => {
  it('gives every preservation type the T-CY template fields', () => {
    for (const id of PRESERVATION_TYPES) {
      const t = def(id);
      for (const f of TCY_PRESERVATION_FIELD_IDS) expect(fieldOf(t, f), `${id}.${f}`).toBeDefined();
      expect(fieldOf(t, 'timeZone')).toMatchObject({ kind: 'timezone', required: true });
      expect(fieldOf(t, 'officeHours')?.required).toBe(true);
      expect(fieldOf(t, 'contactPhone')?.required).toBe(true);
      expect(fieldOf(t, 'mlaWillFollow')).toMatchObject({ kind: 'boolean', required: true });
      expect(fieldOf(t, 'mlaWillFollow')?.guidance.en).toMatch(/holding measure/);
      expect(fieldOf(t, 'doNotNotify')).toMatchObject({ kind: 'boolean', required: true });
      expect(fieldOf(t, 'preservationDays')).toMatchObject({ kind: 'integer', required: true });
      expect(fieldOf(t, 'previousRequestReference')).toMatchObject({ required: false, requiredWhen: { field: 'isExtension', equals: true } });
      expect(fieldOf(t, 'dataToPreserve')?.kind).toBe('list');
    }
    expect(fieldOf(def('preservation_partial_disclosure'), 'communicationToTrace')?.required).toBe(true);
    expect(fieldOf(def('preservation'), 'communicationToTrace')).toBeUndefined();
  });

  it('gives every MLA type the UNTOC 18(15) items, the legal basis and the handling needs', () => {
    const optional = ['specialProcedure', 'deadline', 'deadlineReason', 'confidentialityRequested', 'otherUseConsent'];
    for (const id of MLA_TYPES) {
      const t = def(id);
      for (const f of UNTOC_18_15_FIELD_IDS) {
        expect(fieldOf(t, f), `${id}.${f}`).toBeDefined();
        expect(fieldOf(t, f)?.required, `${id}.${f}`).toBe(!optional.includes(f));
      }
      expect(t.fields.some((f) => f.kind === 'persons'), `${id} persons`).toBe(true);
      expect(fieldOf(t, 'deadlineReason')?.requiredWhen, id).toEqual({ field: 'deadline', present: true });
      expect(fieldOf(t, 'confidentialityReason')?.requiredWhen, id).toEqual({ field: 'confidentialityRequested', equals: true });
    }
  });

  it('carries the type-specific contents a practitioner expects', () => {
    expect(fieldOf(def('proceeds_tracing_freezing'), 'assets')).toMatchObject({ kind: 'assets', required: true });
    expect(fieldOf(def('confiscation'), 'confiscationOrder')?.required).toBe(true);
    expect(fieldOf(def('confiscation'), 'returnBasis')?.requiredWhen).toEqual({ field: 'returnRequested', equals: true });
    expect(fieldOf(def('video_hearing'), 'hearingConsent')?.requiredWhen).toEqual({ field: 'hearingCapacity', equals: 'suspect_or_accused' });
    expect(fieldOf(def('provisional_arrest'), 'extraditionWillFollow')?.required).toBe(true);
    expect(fieldOf(def('provisional_arrest'), 'personLocation')?.required).toBe(true);
    expect(fieldOf(def('extradition'), 'sentenceImposed')?.requiredWhen).toEqual({ field: 'extraditionPurpose', equals: 'enforcement' });
    expect(fieldOf(def('joint_investigation_team'), 'jitDuration')).toMatchObject({ kind: 'period', required: true });
    expect(fieldOf(def('transfer_of_proceedings'), 'persons')?.required).toBe(true);
    expect(fieldOf(def('locate_person'), 'personToLocate')?.required).toBe(true);
    expect(fieldOf(def('spontaneous_information'), 'requestingAuthority')?.label.en).toBe('Transmitting authority');
    expect(fieldOf(def('emergency_disclosure'), 'dataCategories')?.options).toEqual(['subscriber', 'traffic']);
    expect(fieldOf(def('traffic_data'), 'dataCategories')?.options).toEqual(['subscriber', 'traffic']);
    expect(fieldOf(def('content_data'), 'dataCategories')?.options).toEqual(['subscriber', 'traffic', 'content']);
  });
});

describe('links and clocks', () => {
  it('links types only to existing types, as the procedure runs', () => {
    for (const t of REQUEST_TYPES) for (const f of t.follows) expect(REQUEST_TYPE_IDS, `${t.id} follows ${f}`).toContain(f);
    for (const id of ['subscriber_information', 'traffic_data', 'content_data', 'search_seizure'] as const)
      expect(def(id).follows).toEqual(expect.arrayContaining(['preservation', 'preservation_partial_disclosure']));
    expect(def('confiscation').follows).toContain('proceeds_tracing_freezing');
    expect(def('extradition').follows).toContain('provisional_arrest');
    expect(def('preservation').follows).toContain('preservation');
  });

  it('gives only ISO 8601 durations for known clocks, each with a source', () => {
    for (const t of REQUEST_TYPES) {
      for (const [kind, d] of Object.entries(t.clocks)) {
        expect(CLOCK_KINDS, t.id).toContain(kind);
        expect(d, `${t.id}.${kind}`).toMatch(ISO_DURATION);
      }
      for (const [kind, rule] of Object.entries(CLOCK_TABLE[t.id])) {
        expect(rule.source.length, `${t.id}.${kind}`).toBeGreaterThan(5);
        expect(t.clocks[kind as keyof typeof t.clocks]).toBe(rule.duration);
      }
    }
    expect('P').not.toMatch(ISO_DURATION);
    expect('PT').not.toMatch(ISO_DURATION);
    expect('1D').not.toMatch(ISO_DURATION);
  });

  it('sets the default clocks the brief gives', () => {
    for (const t of REQUEST_TYPES) {
      expect(t.clocks.confidentiality_answer, t.id).toBe('P5D');
      expect(t.clocks.conditions_answer, t.id).toBe('P15D');
      if (t.routing === 'contact_point_24_7') expect(t.clocks.acknowledgment, t.id).toBe('PT1H');
      expect(t.clocks.written_confirmation !== undefined, t.id).toBe(t.emergency);
      expect(t.clocks.preservation_expiry !== undefined, t.id).toBe(PRESERVATION_TYPES.includes(t.id));
    }
    for (const id of EMERGENCY_TYPES) expect(def(id).clocks).toMatchObject({ decision: 'PT8H', execution: 'PT24H', written_confirmation: 'P3D' });
    for (const id of PRESERVATION_TYPES) expect(def(id).clocks).toMatchObject({ decision: 'P1D', preservation_expiry: 'P60D', follow_up: 'P60D' });
    expect(def('subscriber_information').clocks).toMatchObject({ acknowledgment: 'P5D', decision: 'P20D', execution: 'P20D' });
    expect(def('traffic_data').clocks.execution).toBe('P45D');
    for (const id of ['general_mla', 'content_data', 'search_seizure', 'interception', 'extradition', 'confiscation', 'video_hearing'] as const)
      expect(def(id).clocks).toMatchObject({ acknowledgment: 'P10D', decision: 'P30D', execution: 'P90D' });
  });

  it('marks recalled UN article numbers (beyond Art. 15) with "(?)" in the basis table', () => {
    for (const t of REQUEST_TYPES)
      for (const b of t.basis) {
        expect(b, t.id).toMatch(/^(UN|BC|SAP|UNTOC) \d+/);
        const un = /^UN (\d+)/.exec(b);
        if (un && Number(un[1]) > 15) expect(b, t.id).toMatch(/\(\?\)$/);
      }
  });
});
