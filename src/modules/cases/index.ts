/** The cases module: its public surface, named explicitly. Other modules reach case data only through the service. */
export { CasesService, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from './service.ts';
export type { CaseListEntry, CasePatchInput, CaseView, CloseInput, ListInput, NewCaseInput } from './service.ts';
export { CaseMembers } from './members.ts';
export type { MemberInput, MemberView } from './members.ts';
export { CaseSubjects } from './subjects.ts';
export type { SubjectPatch } from './subjects.ts';
export { casesRoutes } from './routes.ts';
export { OFFENCES, OFFENCE_IDS, isOffenceId, offenceById } from './offences.ts';
export type { Offence, OffenceId } from './offences.ts';
export { CASE_ACTIONS, CASE_ROLES, CASE_STATUSES, abilities, can, decide } from './policy.ts';
export type { CaseAction, CaseResource, CaseRole, CaseStatus, Decision } from './policy.ts';
export type { CaseRecord } from './store.ts';
export type { MemberRecord } from './member-store.ts';
export type { SubjectRecord } from './subject-store.ts';
export { IDENTIFIER_TYPES, PARTICIPATIONS, SUBJECT_KINDS, SUBJECT_ROLES } from './validate.ts';
export type { Identifier, IdentifierType, Participation, SubjectInput, SubjectKind, SubjectRole } from './validate.ts';
