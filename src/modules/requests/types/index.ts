/**
 * The request-type catalogue (DOMAIN §4): every type of `REQUEST_TYPE_IDS` as data — what it asks, where it is
 * routed, which safeguards and clocks apply, and the fields a drafter fills in. Served at
 * `GET /api/v1/request-types`; the completeness checker, the letter and the wizard all read it.
 */
import { REQUEST_TYPE_IDS, type RequestTypeDefinition, type RequestTypeId } from '../model.ts';
import { EMERGENCY_DISCLOSURE, EMERGENCY_MLA } from './emergency.ts';
import { EXTRADITION, PROVISIONAL_ARREST } from './extradition.ts';
import { LOCATE_PERSON } from './locate.ts';
import { GENERAL_MLA, VIDEO_HEARING } from './mla.ts';
import { PRESERVATION, PRESERVATION_PARTIAL_DISCLOSURE } from './preservation.ts';
import { JOINT_INVESTIGATION_TEAM, SPONTANEOUS_INFORMATION, TRANSFER_OF_PROCEEDINGS } from './proceedings.ts';
import { CONFISCATION, PROCEEDS_TRACING_FREEZING } from './proceeds.ts';
import { CONTENT_DATA, SEARCH_SEIZURE, SUBSCRIBER_INFORMATION, TRAFFIC_DATA } from './production.ts';
import { INTERCEPTION, REALTIME_TRAFFIC } from './surveillance.ts';

const BY_ID: Readonly<Record<RequestTypeId, RequestTypeDefinition>> = {
  general_mla: GENERAL_MLA,
  preservation: PRESERVATION,
  preservation_partial_disclosure: PRESERVATION_PARTIAL_DISCLOSURE,
  subscriber_information: SUBSCRIBER_INFORMATION,
  traffic_data: TRAFFIC_DATA,
  content_data: CONTENT_DATA,
  search_seizure: SEARCH_SEIZURE,
  realtime_traffic: REALTIME_TRAFFIC,
  interception: INTERCEPTION,
  emergency_disclosure: EMERGENCY_DISCLOSURE,
  emergency_mla: EMERGENCY_MLA,
  extradition: EXTRADITION,
  provisional_arrest: PROVISIONAL_ARREST,
  proceeds_tracing_freezing: PROCEEDS_TRACING_FREEZING,
  confiscation: CONFISCATION,
  spontaneous_information: SPONTANEOUS_INFORMATION,
  transfer_of_proceedings: TRANSFER_OF_PROCEEDINGS,
  joint_investigation_team: JOINT_INVESTIGATION_TEAM,
  video_hearing: VIDEO_HEARING,
  locate_person: LOCATE_PERSON,
};

/** Every request type, in the order of `REQUEST_TYPE_IDS` (frozen: the catalogue is shared, never edited). */
export const REQUEST_TYPES: readonly RequestTypeDefinition[] = Object.freeze(REQUEST_TYPE_IDS.map((id) => BY_ID[id]));

/** Whether a string (e.g. a path parameter or a federation message field) names a request type. */
export function isRequestTypeId(s: string): s is RequestTypeId {
  return (REQUEST_TYPE_IDS as readonly string[]).includes(s);
}

/** The definition of a type, or `undefined` for an unknown id (the caller answers 404 or a field error). */
export function requestType(id: string): RequestTypeDefinition | undefined {
  return isRequestTypeId(id) ? BY_ID[id] : undefined;
}

export { TREATY_BASIS } from './basis.ts';
export { TCY_PRESERVATION_FIELD_IDS, UNTOC_18_15_FIELD_IDS } from './blocks.ts';
export { CLOCK_TABLE, PENALTY_THRESHOLD_YEARS, PRESERVATION_DAYS, type SourcedDuration } from './numbers.ts';
