/**
 * Groups of shared fields that whole families of types carry, so that the UNTOC 18(15) contents of an MLA request
 * and the T-CY contents of a preservation request are assembled in one place and cannot drift between types.
 * Order inside a block does not matter across steps: `defineType` orders fields by wizard step.
 */
import type { FieldDefinition } from '../model.ts';
import { required } from './define.ts';
import {
  additionalInformation,
  assistanceSought,
  conductingAuthority,
  confidentialityReason,
  confidentialityRequested,
  contactEmail,
  contactName,
  contactPhone,
  deadline,
  deadlineReason,
  investigationTitle,
  natureOfProceedings,
  offenceProvisions,
  offences,
  officeHours,
  otherUseConsent,
  persons,
  preferredChannel,
  purpose,
  requestingAuthority,
  specialProcedure,
  summaryOfFacts,
  timeZone,
} from './fields.ts';

/** Who asks, for a request to a central authority. */
export const CENTRAL_AUTHORITY_CONTACT: readonly FieldDefinition[] = [requestingAuthority, contactName, contactEmail, contactPhone];

/** Who asks, for a request to a 24/7 contact point: a telephone answered at all hours, the time zone, the channel. */
export const CONTACT_POINT_CONTACT: readonly FieldDefinition[] = [
  requestingAuthority,
  contactName,
  contactEmail,
  required(contactPhone),
  timeZone,
  preferredChannel,
];

/** Who asks, as the T-CY preservation template has it: with office hours. */
export const PRESERVATION_CONTACT: readonly FieldDefinition[] = [
  requestingAuthority,
  contactName,
  contactEmail,
  required(contactPhone),
  officeHours,
  timeZone,
  preferredChannel,
];

/** UNTOC 18(15) items (with the requesting authority from the contact block) plus the legal basis. */
export const MLA_CONTENTS: readonly FieldDefinition[] = [
  conductingAuthority,
  investigationTitle,
  natureOfProceedings,
  offences,
  offenceProvisions,
  summaryOfFacts,
  persons,
  assistanceSought,
  specialProcedure,
  purpose,
];

/** Deadlines with reasons, confidentiality and use-limitation needs of an MLA request. */
export const MLA_HANDLING: readonly FieldDefinition[] = [
  deadline,
  deadlineReason,
  confidentialityRequested,
  confidentialityReason,
  otherUseConsent,
  additionalInformation,
];

/** Handling for types without a deadline or a use-consent question of their own. */
export const BASIC_HANDLING: readonly FieldDefinition[] = [confidentialityRequested, confidentialityReason, additionalInformation];

/** A block without some of its fields (a type that replaces them with its own). */
export function without(block: readonly FieldDefinition[], ...ids: string[]): FieldDefinition[] {
  return block.filter((f) => !ids.includes(f.id));
}

/** Field ids every MLA-type request carries (UNTOC 18(15), legal basis, deadlines, confidentiality, use). */
export const UNTOC_18_15_FIELD_IDS = [
  'requestingAuthority',
  'conductingAuthority',
  'investigationTitle',
  'natureOfProceedings',
  'offences',
  'offenceProvisions',
  'summaryOfFacts',
  'assistanceSought',
  'specialProcedure',
  'purpose',
  'deadline',
  'deadlineReason',
  'confidentialityRequested',
  'otherUseConsent',
] as const;

/** Field ids every preservation request carries (BC 29(2), T-CY template). */
export const TCY_PRESERVATION_FIELD_IDS = [
  'requestingAuthority',
  'contactName',
  'contactEmail',
  'contactPhone',
  'officeHours',
  'timeZone',
  'preferredChannel',
  'offences',
  'summaryOfFacts',
  'dataToPreserve',
  'relationToOffence',
  'custodian',
  'preservationNecessity',
  'mlaWillFollow',
  'doNotNotify',
  'isExtension',
  'previousRequestReference',
  'preservationDays',
] as const;
