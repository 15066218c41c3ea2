import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompleteness, conditionHolds, initialContent, validateContent, type CaseSeed } from './completeness.ts';
import type { CompletenessReport, RequestContent, RequestTypeDefinition, RequestTypeId } from './model.ts';
import { REQUEST_TYPES, requestType } from './types/index.ts';

const def = (id: RequestTypeId): RequestTypeDefinition => {
  const d = requestType(id);
  if (!d) throw new Error(`no type ${id}`);
  return d;
};
const PRESERVATION = def('preservation');
const NOW = new Date('2026-03-03T01:25:00Z');

const FACTS =
  'On 3 March 2026 at 02:10 the systems of the XA university hospital were encrypted by ransomware; the ransom note points to a payment portal hosted in XB.';

/** SCENARIOS 1, 02:25: Amira's preservation request, complete. */
const PRESERVATION_OK: RequestContent = {
  requestingAuthority: 'Arland National Police, Cybercrime Unit, 1 Harbour Road, Arlandstad',
  contactName: 'Amira Haddad, Detective Inspector',
  contactEmail: 'a.haddad@police.xa.example',
  contactPhone: '+44 20 7946 0000',
  officeHours: 'Duty desk staffed 24 hours a day',
  timeZone: 'Europe/Paris',
  preferredChannel: 'comity',
  investigationTitle: 'XA-2026-0417 Ransomware at the university hospital',
  offences: ['illegal_access', 'data_interference', 'system_interference'],
  summaryOfFacts: FACTS,
  dataToPreserve: ['Account "payme-portal" at HostCo', '203.0.113.7 on 2026-03-03T01:55:00+01:00'],
  dataCategories: ['subscriber', 'traffic'],
  dataPeriod: { from: '2026-02-01', to: '2026-03-03' },
  relationToOffence: 'The account hosts the payment portal named in the ransom note.',
  custodian: 'HostCo Ltd, Borduria',
  preservationNecessity: 'The provider keeps connection logs for 14 days only; the suspects can delete the account.',
  mlaWillFollow: true,
  preservationDays: 90,
  doNotNotify: true,
};

const STATEMENT = 'Necessary because the account is the only lead to the perpetrators; limited to two accounts and four weeks; no less intrusive means exist.';

const codes = (r: CompletenessReport): string[] => r.items.map((i) => `${i.severity}:${i.field}`);
const itemFor = (r: CompletenessReport, field: string) => r.items.find((i) => i.field === field);
const check = (d: RequestTypeDefinition, content: RequestContent, extraRequired?: readonly string[]) => checkCompleteness(d, content, { now: NOW, ...(extraRequired ? { extraRequired } : {}) });

describe('checkCompleteness — preservation', () => {
  it('lists every required field of an empty draft as missing, in the order of the form', () => {
    const r = check(PRESERVATION, {});
    expect(r.complete).toBe(false);
    expect(r.items.every((i) => i.severity === 'missing')).toBe(true);
    expect(r.items.map((i) => i.field)).toEqual([
      'requestingAuthority',
      'contactName',
      'contactEmail',
      'contactPhone',
      'officeHours',
      'timeZone',
      'preferredChannel',
      'investigationTitle',
      'offences',
      'summaryOfFacts',
      'dataToPreserve',
      'dataCategories',
      'relationToOffence',
      'custodian',
      'preservationNecessity',
      'mlaWillFollow',
      'preservationDays',
      'doNotNotify',
    ]);
    expect(itemFor(r, 'requestingAuthority')?.message).toBe('Requesting authority is missing (UNTOC 18(15)(a), BC 29(2)(a)).');
    expect(itemFor(r, 'timeZone')?.message).toBe('Time zone is missing (T-CY template).');
  });

  it('reports a complete request as complete, with no items', () => {
    expect(check(PRESERVATION, PRESERVATION_OK)).toEqual({ complete: true, items: [] });
    expect(checkCompleteness(PRESERVATION, PRESERVATION_OK)).toEqual({ complete: true, items: [] });
  });

  it('keeps the preservation period within 60 to 90 days', () => {
    for (const days of [60, 75, 90]) expect(check(PRESERVATION, { ...PRESERVATION_OK, preservationDays: days }).complete).toBe(true);
    const short = check(PRESERVATION, { ...PRESERVATION_OK, preservationDays: 30 });
    expect(codes(short)).toEqual(['invalid:preservationDays']);
    expect(short.items[0]?.message).toMatch(/at least 60 days \(30 given\)/);
    const long = check(PRESERVATION, { ...PRESERVATION_OK, preservationDays: 120 });
    expect(codes(long)).toEqual(['invalid:preservationDays']);
    expect(long.items[0]?.message).toMatch(/at most 90 days .*extension/);
  });

  it('refuses a preservation request that does not promise the follow-up MLA request', () => {
    const r = check(PRESERVATION, { ...PRESERVATION_OK, mlaWillFollow: false });
    expect(r.complete).toBe(false);
    expect(codes(r)).toEqual(['invalid:mlaWillFollow']);
    expect(r.items[0]?.message).toMatch(/BC 29\(2\)\(f\)/);
  });

  it('requires the previous reference only for an extension', () => {
    expect(check(PRESERVATION, { ...PRESERVATION_OK, isExtension: false }).complete).toBe(true);
    const r = check(PRESERVATION, { ...PRESERVATION_OK, isExtension: true });
    expect(codes(r)).toEqual(['missing:previousRequestReference']);
    expect(r.items[0]?.message).toBe(
      'Previous request reference is missing: it is required when “Extension of an earlier preservation” is ticked.',
    );
    expect(check(PRESERVATION, { ...PRESERVATION_OK, isExtension: true, previousRequestReference: 'XB-247-2026-0031' }).complete).toBe(true);
  });

  it('knows IANA time zones (aliases too) and refuses offsets and inventions', () => {
    for (const tz of ['Europe/Paris', 'Asia/Calcutta', 'UTC', 'America/Argentina/Buenos_Aires'])
      expect(check(PRESERVATION, { ...PRESERVATION_OK, timeZone: tz }).complete, tz).toBe(true);
    for (const tz of ['Europe/Atlantis', '+01:00', 'CET+1', 'GMT+1 Berlin']) {
      const r = check(PRESERVATION, { ...PRESERVATION_OK, timeZone: tz });
      expect(codes(r), tz).toEqual(['invalid:timeZone']);
      expect(r.items[0]?.message, tz).toContain(tz);
    }
  });

  it('checks e-mail addresses and international telephone numbers', () => {
    for (const email of ['amira', 'a@b', 'a..b@police.xa.example', '@police.xa.example', 'a b@police.xa.example'])
      expect(codes(check(PRESERVATION, { ...PRESERVATION_OK, contactEmail: email })), email).toEqual(['invalid:contactEmail']);
    for (const phone of ['020 7946 0000', '+0 20 7946 0000', '+44', '+44 20 7946 0000 ext 12'])
      expect(codes(check(PRESERVATION, { ...PRESERVATION_OK, contactPhone: phone })), phone).toEqual(['invalid:contactPhone']);
    expect(check(PRESERVATION, { ...PRESERVATION_OK, contactPhone: '+1 (202) 555-0100' }).complete).toBe(true);
  });

  it('refuses a period that ends before it starts or lacks an end, and accepts one whole day', () => {
    const reversed = check(PRESERVATION, { ...PRESERVATION_OK, dataPeriod: { from: '2026-03-03', to: '2026-02-01' } });
    expect(codes(reversed)).toEqual(['invalid:dataPeriod']);
    expect(reversed.items[0]?.message).toMatch(/ends \(2026-02-01\) before it starts \(2026-03-03\)/);
    expect(codes(check(PRESERVATION, { ...PRESERVATION_OK, dataPeriod: { from: '2026-02-01' } }))).toEqual(['invalid:dataPeriod']);
    expect(codes(check(PRESERVATION, { ...PRESERVATION_OK, dataPeriod: { from: '1 Feb', to: '2026-03-01' } }))).toEqual(['invalid:dataPeriod']);
    expect(check(PRESERVATION, { ...PRESERVATION_OK, dataPeriod: { from: '2026-03-01', to: '2026-03-01' } }).complete).toBe(true);
    expect(check(PRESERVATION, { ...PRESERVATION_OK, dataPeriod: { from: '2026-03-01T22:00:00+01:00', to: '2026-03-01' } }).complete).toBe(true);
    // Stored data cannot be more recent than the request: a warning, not a block.
    const future = check(PRESERVATION, { ...PRESERVATION_OK, dataPeriod: { from: '2026-04-01', to: '2026-04-02' } });
    expect(future.complete).toBe(true);
    expect(codes(future)).toEqual(['warning:dataPeriod']);
  });

  it('reports malformed values, as well as what is missing, field by field top to bottom', () => {
    const { timeZone: _tz, custodian: _c, ...rest } = PRESERVATION_OK;
    const r = check(PRESERVATION, { ...rest, contactEmail: 'nobody', preservationDays: 10, dataCategories: 'traffic', extra: 1 });
    expect(codes(r)).toEqual([
      'invalid:contactEmail',
      'missing:timeZone',
      'invalid:dataCategories',
      'missing:custodian',
      'invalid:preservationDays',
      'invalid:extra',
    ]);
    expect(r.items.find((i) => i.field === 'dataCategories')?.message).toMatch(/^Categories of data: must be an array/);
  });
});

describe('checkCompleteness — other types', () => {
  const EMERGENCY: RequestContent = {
    requestingAuthority: 'Carpania Federal Police, 24/7 point',
    contactName: 'Duty officer Lena Marek',
    contactEmail: 'cyber247@polizei.xc.example',
    contactPhone: '+43 1 2345 6789',
    timeZone: 'Europe/Vienna',
    preferredChannel: 'phone',
    investigationTitle: 'XC-2026-1102 Sextortion of a child',
    offences: ['csam'],
    summaryOfFacts: FACTS,
    emergencyFacts: 'A 14-year-old in XC is being coerced by an account on a messaging service and has announced self-harm tonight.',
    emergencyDataRelation: 'Subscriber information and recent IP logins identify and locate the person coercing the child, so the police can intervene.',
    dataSought: ['Account "night_owl_77"'],
    dataCategories: ['subscriber', 'traffic'],
    custodian: 'ChatCo Inc., Arland',
  };
  const EMERGENCY_DISCLOSURE = def('emergency_disclosure');

  it('blocks an emergency request without the facts showing the emergency, and doubts a bare one', () => {
    expect(check(EMERGENCY_DISCLOSURE, EMERGENCY).complete).toBe(true);
    const { emergencyFacts: _e, ...without } = EMERGENCY;
    expect(codes(check(EMERGENCY_DISCLOSURE, without))).toEqual(['missing:emergencyFacts']);
    const bare = check(EMERGENCY_DISCLOSURE, { ...EMERGENCY, emergencyFacts: 'Urgent.' });
    expect(bare.complete).toBe(true);
    expect(codes(bare)).toEqual(['warning:emergencyFacts']);
    expect(bare.items[0]?.message).toMatch(/imminent risk to the life or safety/);
  });

  it('requires the time of an oral request, well formed and not in the future', () => {
    const oral = check(EMERGENCY_DISCLOSURE, { ...EMERGENCY, madeOrally: true });
    expect(codes(oral)).toEqual(['missing:oralRequestAt']);
    expect(oral.items[0]?.message).toMatch(/required when “Request first made orally” is ticked/);
    for (const bad of ['2026-03-03 02:25', '2026-03-03T02:25:00', '2026-02-30T02:25:00Z', '2026-03-03T24:00:00Z', '2026-03-03T02:25:00+25:00'])
      expect(codes(check(EMERGENCY_DISCLOSURE, { ...EMERGENCY, madeOrally: true, oralRequestAt: bad })), bad).toEqual(['invalid:oralRequestAt']);
    expect(check(EMERGENCY_DISCLOSURE, { ...EMERGENCY, madeOrally: true, oralRequestAt: '2026-03-03T02:05:00+01:00' }).complete).toBe(true);
    expect(codes(check(EMERGENCY_DISCLOSURE, { ...EMERGENCY, madeOrally: true, oralRequestAt: '2026-03-04T02:05:00Z' }))).toEqual(['invalid:oralRequestAt']);
    // Without a clock the time-relative check is skipped, not guessed.
    expect(checkCompleteness(EMERGENCY_DISCLOSURE, { ...EMERGENCY, madeOrally: true, oralRequestAt: '2099-01-01T00:00:00Z' }).complete).toBe(true);
  });

  const CONTENT: RequestContent = {
    requestingAuthority: 'Borduria Prosecutor General, International Cooperation Department',
    contactName: 'Prosecutor Ivo Brandt',
    contactEmail: 'mla@prosecutor.xb.example',
    conductingAuthority: 'Borduria Prosecutor General',
    investigationTitle: 'XB-2026-77 Leak of classified documents',
    natureOfProceedings: 'investigation',
    offences: ['illegal_access'],
    offenceProvisions: 'Criminal Code s. 202a: illegal access, imprisonment up to 5 years.',
    summaryOfFacts: FACTS,
    assistanceSought: 'Production of the stored content of the mailbox named below.',
    purpose: 'Evidence for the prosecution of the offence named.',
    dataSought: ['mailbox reporter@news.xc.example'],
    dataCategories: ['content'],
    custodian: 'MailCo, Carpania',
    dataPeriod: { from: '2026-01-01', to: '2026-02-01' },
    relationToOffence: 'The leaked documents were sent from this mailbox.',
    proportionality: STATEMENT,
  };
  const CONTENT_DATA = def('content_data');

  const EXTRADITION: RequestContent = {
    requestingAuthority: 'Ministry of Justice of Arland',
    contactName: 'Clara Vos, Head of Extradition',
    contactEmail: 'extradition@justice.xa.example',
    investigationTitle: 'XA-2026-0417 Ransomware at the university hospital',
    extraditionPurpose: 'prosecution',
    offences: ['illegal_access'],
    offenceProvisions: 'Penal Code art. 301: illegal access, imprisonment up to 5 years.',
    penaltyApplicable: 'Imprisonment up to 5 years',
    summaryOfFacts: FACTS,
    warrantReference: 'AW-2026-88',
    warrantDate: '2026-03-01',
    warrantAuthority: 'Arlandstad District Court',
    personSought: [{ name: 'Viktor Kral', role: 'suspect', nationality: 'XB' }],
    personDescription: 'Male, 1.85 m, scar on the left hand; passport photograph and fingerprints attached.',
    personNationality: 'Bordurian',
    proportionality: STATEMENT,
    deathPenalty: 'not_punishable',
    doubleJeopardy: 'To our knowledge the person has not been tried for this conduct in any State.',
    specialityAssurance: true,
  };

  it('requires a proportionality statement for an intrusive type, and an empty one counts as missing', () => {
    expect(check(CONTENT_DATA, CONTENT).complete).toBe(true);
    for (const empty of ['', '   ', '\n\t']) {
      const r = check(CONTENT_DATA, { ...CONTENT, proportionality: empty });
      expect(codes(r)).toEqual(['missing:proportionality']);
      expect(r.items[0]?.message).toBe('Proportionality statement is missing (UN 24, BC 15).');
    }
    expect(codes(check(CONTENT_DATA, { ...CONTENT, proportionality: 'It is proportionate.' }))).toEqual(['warning:proportionality']);
  });

  it('holds a safeguard’s field required even if a definition forgets it', () => {
    const loosened: RequestTypeDefinition = {
      ...CONTENT_DATA,
      fields: CONTENT_DATA.fields.map((f) => (f.id === 'proportionality' ? { ...f, required: false } : f)),
    };
    const r = check(loosened, { ...CONTENT, proportionality: undefined });
    expect(codes(r)).toEqual(['missing:proportionality']);
    expect(r.items[0]?.message).toBe('Proportionality statement is missing: the proportionality safeguard of this request type requires it.');
    const stripped: RequestTypeDefinition = { ...CONTENT_DATA, fields: CONTENT_DATA.fields.filter((f) => f.id !== 'proportionality') };
    const { proportionality: _p, ...rest } = CONTENT;
    expect(codes(check(stripped, rest))).toEqual(['missing:proportionality']);
  });

  it('refuses a provisional arrest without the promise of an extradition request', () => {
    const arrest = def('provisional_arrest');
    const content: RequestContent = {
      ...EXTRADITION,
      personLocation: 'Hotel Central, Borduria City',
      urgency: 'The person holds a flight ticket to a third State for 5 March.',
      extraditionWillFollow: true,
    };
    const { specialityAssurance: _s, ...arrestContent } = content;
    expect(check(arrest, arrestContent).complete).toBe(true);
    const r = check(arrest, { ...arrestContent, extraditionWillFollow: false });
    expect(codes(r)).toEqual(['invalid:extraditionWillFollow']);
  });

  it('adds the requested State’s own requirements, and cannot be fooled by a field the type lacks', () => {
    const subscriber = def('subscriber_information');
    const { proportionality: _p, dataCategories: _d, ...base } = CONTENT;
    expect(check(subscriber, base).complete).toBe(true);
    const xc = check(subscriber, base, ['proportionality']);
    expect(codes(xc)).toEqual(['missing:proportionality']);
    expect(xc.items[0]?.message).toBe('Proportionality statement is missing: the requested State requires it.');
    const unknown = check(subscriber, base, ['swornStatement']);
    expect(unknown.complete).toBe(true);
    expect(codes(unknown)).toEqual(['warning:swornStatement']);
    expect(unknown.items[0]?.message).toMatch(/Additional information/);
  });

  it('requires a reason for a deadline and for confidentiality, and warns of a deadline already past', () => {
    expect(codes(check(CONTENT_DATA, { ...CONTENT, deadline: '2026-06-01' }))).toEqual(['missing:deadlineReason']);
    expect(check(CONTENT_DATA, { ...CONTENT, deadline: '2026-06-01', deadlineReason: 'Trial opens on 15 June.' }).complete).toBe(true);
    expect(codes(check(CONTENT_DATA, { ...CONTENT, deadline: '2026-01-01', deadlineReason: 'Trial.' }))).toEqual(['warning:deadline']);
    expect(codes(check(CONTENT_DATA, { ...CONTENT, deadline: '01/06/2026', deadlineReason: 'Trial.' }))).toEqual(['invalid:deadline']);
    expect(codes(check(CONTENT_DATA, { ...CONTENT, confidentialityRequested: true }))).toEqual(['missing:confidentialityReason']);
    expect(check(CONTENT_DATA, { ...CONTENT, confidentialityRequested: false }).complete).toBe(true);
  });

  it('checks the persons concerned: a name, an ISO nationality, a real date of birth', () => {
    const r = check(CONTENT_DATA, {
      ...CONTENT,
      persons: [{ name: 'Jan Novak', nationality: 'XB', dateOfBirth: '1990-02-28' }, { name: 'Eva', nationality: 'Borduria' }, { role: 'suspect', dateOfBirth: '1990-02-30' }],
    });
    expect(codes(r)).toEqual(['invalid:persons', 'invalid:persons', 'invalid:persons']);
    expect(r.items.map((i) => i.message)).toEqual([
      'Persons concerned: person 2 (Eva): the nationality must be an ISO 3166-1 alpha-2 code such as XA.',
      'Persons concerned: person 3 has no name.',
      'Persons concerned: person 3: the date of birth must be a date YYYY-MM-DD.',
    ]);
  });

  const EXTRADITION_DEF = def('extradition');

  it('asks for the assurances an extradition needs, and for the sentence when enforcing one', () => {
    expect(check(EXTRADITION_DEF, EXTRADITION).complete).toBe(true);
    const death = check(EXTRADITION_DEF, { ...EXTRADITION, deathPenalty: 'assurance_given' });
    expect(codes(death)).toEqual(['missing:deathPenaltyAssurance']);
    expect(death.items[0]?.message).toMatch(/required when “Death penalty” is “Punishable by death — assurance given”/);
    expect(codes(check(EXTRADITION_DEF, { ...EXTRADITION, extraditionPurpose: 'enforcement' }))).toEqual(['missing:sentenceImposed']);
    const noSpeciality = check(EXTRADITION_DEF, { ...EXTRADITION, specialityAssurance: false });
    expect(noSpeciality.complete).toBe(true);
    expect(codes(noSpeciality)).toEqual(['warning:specialityAssurance']);
    expect(codes(check(EXTRADITION_DEF, { ...EXTRADITION, warrantDate: '2026-05-01' }))).toEqual(['invalid:warrantDate']);
  });

  it('refuses a hearing of a suspect by video conference without consent, and ignores consent for a witness', () => {
    const base: RequestContent = {
      ...CONTENT,
      personToBeHeard: [{ name: 'Jan Novak' }],
      hearingCapacity: 'suspect_or_accused',
      proposedDateTime: '2026-04-01T10:00:00+02:00',
      presidingAuthority: 'Investigating judge, Borduria',
    };
    const hearing = def('video_hearing');
    const { dataSought: _a, dataCategories: _b, custodian: _c, dataPeriod: _d, relationToOffence: _e, proportionality: _f, ...content } = base;
    expect(codes(check(hearing, content))).toEqual(['missing:hearingConsent']);
    expect(codes(check(hearing, { ...content, hearingConsent: false }))).toEqual(['invalid:hearingConsent']);
    expect(check(hearing, { ...content, hearingConsent: true }).complete).toBe(true);
    expect(check(hearing, { ...content, hearingCapacity: 'witness', hearingConsent: false }).complete).toBe(true);
  });

  it('checks assets of a freezing request and the order of a confiscation', () => {
    const freezing = def('proceeds_tracing_freezing');
    const { dataSought: _a, dataCategories: _b, custodian: _c, dataPeriod: _d, relationToOffence: _e, ...base } = CONTENT;
    const content = { ...base, proceedsMeasures: ['trace', 'freeze'], linkToOffence: 'The ransom was paid into this wallet.' };
    expect(codes(check(freezing, content))).toEqual(['missing:assets']);
    const assets = [{ type: 'virtual_asset', description: 'Wallet bc1q…', value: 12.5, currency: 'BTC' }, { type: 'bank_account', currency: 'euro' }];
    const r = check(freezing, { ...content, assets });
    expect(r.items.map((i) => i.message)).toEqual([
      'Assets: asset 2 has no description.',
      'Assets: asset 2: the currency must be an ISO 4217 code (EUR) or a virtual-asset ticker (BTC).',
    ]);
    const confiscation = def('confiscation');
    const order: RequestContent = { ...base, assets: [assets[0]], linkToOffence: 'Proceeds.', confiscationOrder: 'CO-2026-5, Arlandstad District Court', confiscationOrderDate: '2026-02-01' };
    const { proportionality: _p, ...orderContent } = order;
    expect(codes(check(confiscation, orderContent))).toEqual(['missing:orderFinal']);
    expect(codes(check(confiscation, { ...orderContent, orderFinal: false }))).toEqual(['warning:orderFinal']);
    expect(codes(check(confiscation, { ...orderContent, orderFinal: true, returnRequested: true }))).toEqual(['missing:returnBasis']);
  });

  it('refuses real-time collection for a period already over', () => {
    const realtime = def('realtime_traffic');
    const { dataSought: _a, dataCategories: _b, dataPeriod: _d, ...base } = CONTENT;
    const content = { ...base, targetIdentifiers: ['+44 7700 900123'], collectionPeriod: { from: '2026-03-10', to: '2026-04-10' } };
    expect(check(realtime, content).complete).toBe(true);
    expect(codes(check(realtime, { ...content, collectionPeriod: { from: '2026-01-01', to: '2026-02-01' } }))).toEqual(['invalid:collectionPeriod']);
  });
});

describe('validateContent', () => {
  it('accepts a well-formed draft and returns it in field order', () => {
    const shuffled = Object.fromEntries(Object.entries(PRESERVATION_OK).reverse());
    const v = validateContent(PRESERVATION, shuffled);
    expect(v.errors).toEqual([]);
    expect(Object.keys(v.content)).toEqual(Object.keys(PRESERVATION_OK));
    expect(v.content).toEqual(PRESERVATION_OK);
  });

  it('accepts a partial draft: missing fields and not-yet-valid formats are for the completeness check', () => {
    const v = validateContent(PRESERVATION, { contactEmail: 'amira@', timeZone: 'Paris', dataPeriod: { from: '2026-02' } });
    expect(v.errors).toEqual([]);
    expect(v.content).toEqual({ contactEmail: 'amira@', timeZone: 'Paris', dataPeriod: { from: '2026-02' } });
  });

  it('refuses unknown fields, naming them', () => {
    const v = validateContent(PRESERVATION, { ...PRESERVATION_OK, proportionalty: 'x', constructor: 'y' });
    expect(v.errors).toEqual([
      { field: 'proportionalty', detail: 'is not a field of the request type "preservation" (version 1)' },
      { field: 'constructor', detail: 'is not a field of the request type "preservation" (version 1)' },
    ]);
    expect(validateContent(PRESERVATION, JSON.parse('{"__proto__": {"admin": true}}')).errors).toEqual([
      { field: '__proto__', detail: 'is not a field of the request type "preservation" (version 1)' },
    ]);
  });

  it('refuses values of the wrong kind, naming the field and where inside it', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ mlaWillFollow: 'yes' }, 'mlaWillFollow', /true or false, not a string/],
      [{ preservationDays: '90' }, 'preservationDays', /whole number, not a string/],
      [{ preservationDays: 60.5 }, 'preservationDays', /whole number/],
      [{ requestingAuthority: 42 }, 'requestingAuthority', /must be a string, not a number/],
      [{ dataToPreserve: 'one account' }, 'dataToPreserve', /array of entries, not a string/],
      [{ dataToPreserve: ['ok', 7] }, 'dataToPreserve', /item 2 must be a string/],
      [{ preferredChannel: 'fax' }, 'preferredChannel', /"fax" is not one of comity, email, phone/],
      [{ dataCategories: ['traffic', 'metadata'] }, 'dataCategories', /"metadata" not among subscriber, traffic, content/],
      [{ offences: ['illegal_access', 'jaywalking'] }, 'offences', /unknown offence\(s\) "jaywalking"/],
      [{ dataPeriod: ['2026-01-01', '2026-02-01'] }, 'dataPeriod', /object \{from, to\}, not an array/],
      [{ dataPeriod: { start: '2026-01-01' } }, 'dataPeriod', /unknown member\(s\) "start"/],
      [{ persons: [{ name: 'A', passport: 'X1' }] }, 'persons', /person 1: unknown member\(s\) "passport"/],
      [{ persons: [{ name: 'A', identifiers: [{ type: 'shoe_size', value: '44' }] }] }, 'persons', /person 1: identifier 1: type must be one of/],
      [{ relationToOffence: 'x'.repeat(20_001) }, 'relationToOffence', /at most 20000 characters/],
      [{ custodian: 'x'.repeat(501) }, 'custodian', /at most 500 characters/],
    ];
    for (const [content, field, detail] of cases) {
      const v = validateContent(PRESERVATION, content);
      expect(v.errors.map((e) => e.field), field).toEqual([field]);
      expect(v.errors[0]?.detail, field).toMatch(detail);
      expect(v.content[field], field).toBeUndefined();
    }
    expect(validateContent(def('confiscation'), { assets: [{ type: 'yacht', description: 'x' }, { type: 'vehicle', value: -1 }] }).errors).toEqual([
      { field: 'assets', detail: 'asset 1: type must be one of virtual_asset, bank_account, real_estate, vehicle, other' },
      { field: 'assets', detail: 'asset 2: value must be a number ≥ 0' },
    ]);
    expect(validateContent(PRESERVATION, [1, 2]).errors).toEqual([{ field: '', detail: 'the content must be an object of field values' }]);
    expect(validateContent(PRESERVATION, null)).toEqual({ content: {}, errors: [] });
  });

  it('normalises: trims, drops empty and null values, removes duplicates', () => {
    const v = validateContent(PRESERVATION, {
      requestingAuthority: '  Arland National Police  ',
      contactName: '   ',
      officeHours: null,
      dataToPreserve: [' a ', 'a', '', 'b'],
      dataCategories: ['traffic', 'traffic'],
      offences: [],
      dataPeriod: { from: ' 2026-01-01 ', to: '' },
      persons: [{ name: ' Jan ', nationality: null, identifiers: [] }, {}],
    });
    expect(v.errors).toEqual([]);
    expect(v.content).toEqual({
      requestingAuthority: 'Arland National Police',
      persons: [{ name: 'Jan' }],
      dataToPreserve: ['a', 'b'],
      dataCategories: ['traffic'],
      dataPeriod: { from: '2026-01-01' },
    });
  });

  it('is idempotent and never throws, whatever the input (property)', () => {
    const ids = PRESERVATION.fields.map((f) => f.id);
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string(), fc.constantFrom('subscriber', 'traffic', 'illegal_access'))),
      fc.record({ from: fc.string(), to: fc.string() }),
      fc.array(fc.record({ name: fc.string(), nationality: fc.string() })),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids, 'unknownField'), value), (content) => {
        const first = validateContent(PRESERVATION, content);
        const again = validateContent(PRESERVATION, first.content);
        expect(again.errors).toEqual([]);
        expect(again.content).toEqual(first.content);
        const report = checkCompleteness(PRESERVATION, content);
        expect(report.complete).toBe(!report.items.some((i) => i.severity !== 'warning'));
        if (first.errors.length > 0) expect(report.complete).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('conditionHolds', () => {
  it('evaluates equals, includes and present', () => {
    expect(conditionHolds({ field: 'a', equals: true }, { a: true })).toBe(true);
    expect(conditionHolds({ field: 'a', equals: true }, { a: 'true' })).toBe(false);
    expect(conditionHolds({ field: 'a', equals: 'x' }, { a: 'x' })).toBe(true);
    expect(conditionHolds({ field: 'a', includes: 'x' }, { a: ['y', 'x'] })).toBe(true);
    expect(conditionHolds({ field: 'a', includes: 'x' }, { a: ['y'] })).toBe(false);
    expect(conditionHolds({ field: 'a', present: true }, { a: '2026-01-01' })).toBe(true);
    expect(conditionHolds({ field: 'a', present: true }, {})).toBe(false);
  });
});

describe('initialContent', () => {
  const CASE: CaseSeed = {
    title: '  XA-2026-0417 Ransomware at the university hospital ',
    summary: FACTS,
    offences: ['illegal_access', 'data_interference', 'not_an_offence'],
    subjects: [
      { name: 'XA University Hospital', role: 'victim', nationality: 'XA', dateOfBirth: null, identifiers: [{ type: 'company_registration', value: 'HR-1234' }] },
      { name: 'Viktor Kral', role: 'suspect', nationality: 'XB', dateOfBirth: '1988-07-14', identifiers: [] },
      { name: '  ', role: 'witness' },
    ],
  };

  it('fills the case title, facts, offences and subjects into a new preservation draft', () => {
    const c = initialContent(PRESERVATION, CASE);
    expect(c).toEqual({
      investigationTitle: 'XA-2026-0417 Ransomware at the university hospital',
      offences: ['illegal_access', 'data_interference'],
      summaryOfFacts: FACTS,
      persons: [
        { name: 'XA University Hospital', role: 'victim', nationality: 'XA', identifiers: [{ type: 'company_registration', value: 'HR-1234' }] },
        { name: 'Viktor Kral', role: 'suspect', nationality: 'XB', dateOfBirth: '1988-07-14' },
      ],
    });
    expect(validateContent(PRESERVATION, c).errors).toEqual([]);
    // Only the case-derived fields are filled: the rest is still to be written.
    expect(check(PRESERVATION, c).items.map((i) => i.field)).not.toContain('summaryOfFacts');
  });

  it('names only suspects as the person sought for extradition', () => {
    expect(initialContent(def('extradition'), CASE)['personSought']).toEqual([{ name: 'Viktor Kral', role: 'suspect', nationality: 'XB', dateOfBirth: '1988-07-14' }]);
    expect(initialContent(def('locate_person'), CASE)['personToLocate']).toHaveLength(2);
  });

  it('drops what the case has but the request cannot hold, rather than blocking the draft', () => {
    const odd: CaseSeed = { title: '', summary: '', offences: [], subjects: [{ name: 'Kral', role: 'suspect', identifiers: [{ type: 'telepathy', value: '?' }] }] };
    expect(initialContent(PRESERVATION, odd)).toEqual({ persons: [{ name: 'Kral', role: 'suspect' }] });
  });

  it('gives every type a draft that validates', () => {
    for (const t of REQUEST_TYPES) expect(validateContent(t, initialContent(t, CASE)).errors, t.id).toEqual([]);
  });
});
