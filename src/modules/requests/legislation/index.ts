/** Legislation profiles and the checks made against them: the public surface of `requests/legislation`. */
export { GENERAL_ARTICLES, TYPE_ARTICLES, articlesOverlap, isArticleCitation, relevanceOf } from './articles.ts';
export type { Relevance } from './articles.ts';
export { SERIOUS_CRIME_MIN_YEARS, assessDualCriminality, isSeriousCrime } from './dual-criminality.ts';
export type { DualCriminalityInput } from './dual-criminality.ts';
export { isPositiveIsoDuration } from './duration.ts';
export { ProfileError, pointerTo } from './errors.ts';
export type { ProfileProblem } from './errors.ts';
export { SHIPPED_PROFILES_DIR, loadProfiles } from './load.ts';
export { LIFE_IMPRISONMENT_YEARS, parseProfile } from './parse.ts';
export type { DesignatedContact, Designations, ProfileWithDesignations } from './parse.ts';
export { formatPenalty } from './penalty.ts';
export { tailorToRequestedState } from './tailoring.ts';
export type { DirectoryStateView, TailoredStatement, TailoringInput, TailoringReport } from './tailoring.ts';
export { CHANNELS, OFFENCE_OPTIONS, OPTION_LABELS, PROFILE_FLAGS } from './vocabulary.ts';
export type { Channel, ProfileFlag } from './vocabulary.ts';
