/**
 * Every number the request-type catalogue and the completeness checker enforce, with where it comes from, in one
 * table so that a central authority (or a treaty reading) can correct it in one place. Clocks are defaults: a
 * State's legislation profile overrides them per type. "Comity default" marks a figure no treaty fixes, chosen
 * as the product's working assumption; "(?)" marks a figure recalled rather than read (DOMAIN.md).
 */
import { type ClockDefaults, type ClockKind, type IsoDuration, type RequestTypeId } from '../model.ts';

/** A default duration and its source. */
export interface SourcedDuration {
  readonly duration: IsoDuration;
  readonly source: string;
}
export type ClockTable = Readonly<Partial<Record<ClockKind, SourcedDuration>>>;

/** Answers every type carries: to a confidentiality request, and to proposed conditions. */
const ANSWERS: ClockTable = {
  confidentiality_answer: { duration: 'P5D', source: 'UNTOC 18(20), BC 27(8) ("promptly"); Comity default' },
  conditions_answer: { duration: 'P15D', source: 'Comity default' },
};

/** Types routed to the requested State's 24/7 contact point. */
const CONTACT_POINT: ClockTable = {
  acknowledgment: { duration: 'PT1H', source: 'BC 35, UN 41 (?): 24/7 network standard (DOMAIN §4)' },
};

/** Emergency disclosure and emergency MLA. */
const EMERGENCY: ClockTable = {
  decision: { duration: 'PT8H', source: 'EPOC Reg. 2023/1543 art. 10(4) (8 hours in an emergency), applied by analogy' },
  execution: { duration: 'PT24H', source: 'SAP 9, SAP 10 ("on a rapidly expedited basis"); Comity default' },
  written_confirmation: { duration: 'P3D', source: 'SAP 9, SAP 10 (an oral request is confirmed in writing promptly); Comity default' },
};

/** Expedited preservation (with or without partial disclosure). */
const PRESERVATION: ClockTable = {
  decision: { duration: 'P1D', source: 'BC 29(3) ("all appropriate measures to preserve expeditiously"); Comity default' },
  preservation_expiry: { duration: 'P60D', source: 'BC 29(7): at least 60 days (the requested period replaces it when given)' },
  follow_up: { duration: 'P60D', source: 'BC 29(7): the follow-up request must arrive while the data is held' },
};

/** Expedited production of subscriber information (SAP 8: return within 20 days). */
const SUBSCRIBER: ClockTable = {
  acknowledgment: { duration: 'P5D', source: 'Comity default' },
  decision: { duration: 'P20D', source: 'SAP 8 (?): order served within 45 days, information within 20; Comity default' },
  execution: { duration: 'P20D', source: 'SAP 8 (?): subscriber information within 20 days' },
};

/** Expedited production of traffic data (SAP 8: return within 45 days). */
const TRAFFIC: ClockTable = {
  acknowledgment: { duration: 'P5D', source: 'Comity default (as for subscriber information: same SAP 8 procedure)' },
  decision: { duration: 'P20D', source: 'SAP 8 (?); Comity default' },
  execution: { duration: 'P45D', source: 'SAP 8 (?): traffic data within 45 days' },
};

/** Every other request to a central authority. */
const CENTRAL: ClockTable = {
  acknowledgment: { duration: 'P10D', source: 'Comity default' },
  decision: { duration: 'P30D', source: 'Comity default' },
  execution: { duration: 'P90D', source: 'Comity default' },
};

/** Locating a person through the 24/7 network: police cooperation, no treaty figure. */
const LOCATING: ClockTable = {
  decision: { duration: 'P1D', source: 'Comity default' },
  execution: { duration: 'P10D', source: 'Comity default' },
};

/** Spontaneous information is not executed: it is received and its conditions answered. */
const RECEIVE_ONLY: ClockTable = {
  acknowledgment: { duration: 'P10D', source: 'Comity default' },
  decision: { duration: 'P30D', source: 'BC 26(2): the receiving State says whether it accepts the conditions; Comity default' },
};

/** The default clocks of every type, with sources. */
export const CLOCK_TABLE: Readonly<Record<RequestTypeId, ClockTable>> = Object.freeze({
  general_mla: { ...CENTRAL, ...ANSWERS },
  preservation: { ...CONTACT_POINT, ...PRESERVATION, ...ANSWERS },
  preservation_partial_disclosure: { ...CONTACT_POINT, ...PRESERVATION, ...ANSWERS },
  subscriber_information: { ...SUBSCRIBER, ...ANSWERS },
  traffic_data: { ...TRAFFIC, ...ANSWERS },
  content_data: { ...CENTRAL, ...ANSWERS },
  search_seizure: { ...CENTRAL, ...ANSWERS },
  realtime_traffic: { ...CENTRAL, ...ANSWERS },
  interception: { ...CENTRAL, ...ANSWERS },
  emergency_disclosure: { ...CONTACT_POINT, ...EMERGENCY, ...ANSWERS },
  emergency_mla: { ...CONTACT_POINT, ...EMERGENCY, ...ANSWERS },
  extradition: { ...CENTRAL, ...ANSWERS },
  provisional_arrest: { ...CENTRAL, ...ANSWERS },
  proceeds_tracing_freezing: { ...CENTRAL, ...ANSWERS },
  confiscation: { ...CENTRAL, ...ANSWERS },
  spontaneous_information: { ...RECEIVE_ONLY, ...ANSWERS },
  transfer_of_proceedings: { ...CENTRAL, ...ANSWERS },
  joint_investigation_team: { ...CENTRAL, ...ANSWERS },
  video_hearing: { ...CENTRAL, ...ANSWERS },
  locate_person: { ...CONTACT_POINT, ...LOCATING, ...ANSWERS },
} satisfies Record<RequestTypeId, ClockTable>);

/** The default clocks of a type as the model carries them (durations only). */
export function clockDefaults(id: RequestTypeId): ClockDefaults {
  const out: Partial<Record<ClockKind, IsoDuration>> = {};
  for (const [kind, rule] of Object.entries(CLOCK_TABLE[id]) as [ClockKind, SourcedDuration][]) out[kind] = rule.duration;
  return Object.freeze(out);
}

/** The preservation period a foreign request may ask for, in days. */
export const PRESERVATION_DAYS = Object.freeze({
  min: 60,
  max: 90,
  source: 'BC 29(7) (at least 60 days on a foreign request); BC 16(2) (up to 90 days, renewable)',
});

/** Penalty thresholds in years (maximum penalty of imprisonment, in both States). */
export const PENALTY_THRESHOLD_YEARS = Object.freeze({
  extradition: { years: 1, source: 'BC 24(1)' },
  seriousCrime: { years: 4, source: 'UN 2' },
});

