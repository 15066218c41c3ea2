/**
 * The treaty basis of every request type, in one table so that article numbers can be corrected in one place.
 * "UN" is the UN Convention against Cybercrime, "BC" the Budapest Convention, "SAP" its Second Additional
 * Protocol, "UNTOC" the Convention against Transnational Organized Crime. As in DOMAIN.md, an article number
 * that was recalled rather than read from the text is marked "(?)": every UN article beyond 15 and the SAP
 * articles other than 9 and 10 are such recollections and must be checked against the official texts.
 */
import type { RequestTypeId } from '../model.ts';

export const TREATY_BASIS: Readonly<Record<RequestTypeId, readonly string[]>> = Object.freeze({
  general_mla: ['UN 40 (?)', 'BC 25', 'BC 27', 'UNTOC 18'],
  preservation: ['UN 42 (?)', 'BC 29'],
  preservation_partial_disclosure: ['UN 42 (?)', 'UN 43 (?)', 'BC 29', 'BC 30'],
  subscriber_information: ['UN 44 (?)', 'BC 31', 'SAP 8 (?)'],
  traffic_data: ['UN 44 (?)', 'BC 31', 'SAP 8 (?)'],
  content_data: ['UN 44 (?)', 'BC 31'],
  search_seizure: ['UN 44 (?)', 'BC 31'],
  realtime_traffic: ['UN 45 (?)', 'BC 33'],
  interception: ['UN 46 (?)', 'BC 34'],
  emergency_disclosure: ['SAP 9', 'UN 41 (?)', 'BC 35'],
  emergency_mla: ['SAP 10', 'UN 40 (?)', 'BC 25(3)'],
  extradition: ['UN 37 (?)', 'BC 24', 'UNTOC 16'],
  provisional_arrest: ['UN 37 (?)', 'BC 24(7)', 'UNTOC 16(9)'],
  proceeds_tracing_freezing: ['UN 31 (?)', 'UN 50 (?)', 'UNTOC 12', 'UNTOC 13'],
  confiscation: ['UN 50 (?)', 'UN 52 (?)', 'UNTOC 13', 'UNTOC 14'],
  spontaneous_information: ['UN 40 (?)', 'BC 26', 'UNTOC 18(4)'],
  transfer_of_proceedings: ['UN 39 (?)', 'UNTOC 21'],
  joint_investigation_team: ['UN 48 (?)', 'SAP 12 (?)', 'UNTOC 19'],
  video_hearing: ['UN 40 (?)', 'SAP 11 (?)', 'UNTOC 18(18)'],
  locate_person: ['UN 41 (?)', 'UN 47 (?)', 'BC 35'],
} satisfies Record<RequestTypeId, readonly string[]>);
