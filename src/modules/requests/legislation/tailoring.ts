/**
 * Tailoring a request to the requested State: what that State accepts and has declared, put in front of the
 * drafter while the request is written (SCENARIOS 1: "notes that XB does not require dual criminality for
 * preservation"). Pure: the caller passes the shipped profile and the State's entry of the federation directory.
 *
 * Precedence: the directory entry is signed by the directory authority and current, the shipped profile may be
 * stale, so the directory wins wherever both speak — each flag it carries, its languages when it lists any, its
 * declarations and its reservations when it lists any. The profile still supplies what the directory does not
 * carry: offence mappings, clock overrides and extra required fields.
 */
import type { OffenceId } from '../../cases/index.ts';
import type { ClockDefaults, CompletenessItem, DualCriminalityResult, LegislationProfile, RequestTypeDefinition } from '../model.ts';
import { relevanceOf, type Relevance } from './articles.ts';
import { assessDualCriminality } from './dual-criminality.ts';

/** What tailoring reads from the requested State's directory entry (`DirectoryState` of the federation). */
export interface DirectoryStateView {
  readonly languages: readonly string[];
  readonly declarations: readonly { readonly article?: string; readonly text: string }[];
  readonly reservations: readonly { readonly article?: string; readonly text: string }[];
  readonly flags: Readonly<Record<string, boolean>>;
}

export interface TailoringInput {
  readonly type: Pick<RequestTypeDefinition, 'id' | 'dualCriminality' | 'penaltyThresholdYears'> & { readonly basis?: readonly string[] };
  readonly offences: readonly OffenceId[];
  /** ISO 639-1 code of the language the request is drafted in (a BCP 47 tag such as `en-GB` counts as `en`). */
  readonly draftingLanguage: string;
  readonly requesting: LegislationProfile | null;
  readonly requested: LegislationProfile | null;
  readonly directoryState?: DirectoryStateView | null;
  /** The requested State's code, for messages when its profile is missing. */
  readonly requestedState?: string;
}

/** A declaration or reservation of the requested State, with how it bears on this request. */
export interface TailoredStatement {
  readonly article: string | null;
  readonly text: string;
  readonly source: 'directory' | 'profile';
  readonly relevance: Relevance;
}

export interface TailoringReport {
  /** The requested State's code, when known. */
  readonly state: string | null;
  /** Languages the requested State accepts (lower-case ISO 639-1), from the directory when it lists any. */
  readonly acceptedLanguages: readonly string[];
  readonly languagesSource: 'directory' | 'profile' | 'none';
  /** The drafting language, normalised to its ISO 639-1 code. */
  readonly draftingLanguage: string;
  readonly languageAccepted: boolean;
  /** The requested State's flags: the profile's, overridden by the directory's. */
  readonly flags: Readonly<Record<string, boolean>>;
  /** All declarations, each with its relevance; the UI may fold `other` ones away. */
  readonly declarations: readonly TailoredStatement[];
  readonly reservations: readonly TailoredStatement[];
  readonly dualCriminality: DualCriminalityResult;
  /** Field ids the requested State additionally requires for this type (the completeness checker enforces them). */
  readonly extraRequired: readonly string[];
  /** The requested State's clock overrides for this type (empty: the type's defaults). */
  readonly clocks: ClockDefaults;
  /** What the drafter must see: `invalid` blocks transmission, `warning` does not. */
  readonly items: readonly CompletenessItem[];
}

/** Relevances whose statements are put to the drafter as warnings. */
const SHOWN: readonly Relevance[] = ['type', 'offence', 'general', 'unclear'];
const EXTRADITION_TYPES: readonly string[] = ['extradition', 'provisional_arrest'];

function normaliseLanguage(tag: string): string {
  return (tag.trim().split(/[-_]/)[0] ?? '').toLowerCase();
}

function statements(
  fromDirectory: readonly { readonly article?: string; readonly text: string }[] | undefined,
  fromProfile: readonly { readonly article: string; readonly text: string }[] | undefined,
  input: TailoringInput,
): TailoredStatement[] {
  const useDirectory = fromDirectory !== undefined && fromDirectory.length > 0;
  const list = useDirectory ? fromDirectory : (fromProfile ?? []);
  return list.map((s) => ({
    article: s.article ?? null,
    text: s.text,
    source: useDirectory ? 'directory' : 'profile',
    relevance: relevanceOf(s.article, input.type, input.offences),
  }));
}

function acceptedLanguages(input: TailoringInput, flags: Readonly<Record<string, boolean>>): { languages: string[]; source: TailoringReport['languagesSource'] } {
  const directory = input.directoryState?.languages ?? [];
  const profile = input.requested?.languages ?? [];
  const source = directory.length > 0 ? 'directory' : profile.length > 0 ? 'profile' : 'none';
  const languages = new Set((source === 'directory' ? directory : profile).map(normaliseLanguage));
  const english = flags.accepts_requests_in_english;
  if (english === true) languages.add('en');
  if (english === false) languages.delete('en');
  return { languages: [...languages].sort(), source };
}

function languageItems(state: string, drafting: string, accepted: readonly string[], known: boolean): CompletenessItem[] {
  if (!/^[a-z]{2}$/.test(drafting)) return [{ field: 'draftingLanguage', severity: 'invalid', message: `"${drafting}" is not an ISO 639-1 language code.` }];
  if (!known) return [{ field: 'draftingLanguage', severity: 'warning', message: `The languages ${state} accepts are not known: confirm with ${state} that it accepts "${drafting}".` }];
  if (accepted.includes(drafting)) return [];
  return [
    {
      field: 'draftingLanguage',
      severity: 'invalid',
      message: `${state} accepts requests in ${accepted.join(', ')}, not in "${drafting}": draft the request in, or translate it into, one of them.`,
    },
  ];
}

function dualCriminalityItems(dc: DualCriminalityResult): CompletenessItem[] {
  if (!dc.applies || dc.outcome === 'satisfied' || dc.outcome === 'not_applicable') return [];
  const failing = dc.offences.filter((r) => r.requested === null || (dc.thresholdYears !== null && r.meetsThreshold !== true));
  const detail = failing.length === 0 ? '' : ` ${failing.map((r) => `${r.offence}: ${r.note}`).join(' ')}`;
  const head =
    dc.outcome === 'not_satisfied'
      ? 'Dual criminality is not satisfied; the requested State may refuse (it decides).'
      : 'Dual criminality is satisfied only in part or cannot be confirmed; the requested State decides.';
  return [{ field: 'offences', severity: 'warning', message: `${head} ${dc.basis}${detail}` }];
}

function statementItems(state: string, kind: 'declaration' | 'reservation', list: readonly TailoredStatement[]): CompletenessItem[] {
  return list
    .filter((s) => SHOWN.includes(s.relevance))
    .map((s) => ({
      field: 'requestedState',
      severity: 'warning',
      message: `${state} ${kind}${s.article === null ? '' : ` (${s.article})`}${s.relevance === 'unclear' ? ', may apply' : ''}: ${s.text}`,
    }));
}

function flagItems(state: string, typeId: string, flags: Readonly<Record<string, boolean>>): CompletenessItem[] {
  const items: CompletenessItem[] = [];
  if (flags.accepts_electronic_signature === false)
    items.push({
      field: 'signature',
      severity: 'warning',
      message: `${state} does not accept electronically signed requests: a signed original must follow through the channel it designated.`,
    });
  if (EXTRADITION_TYPES.includes(typeId)) {
    if (flags.extradites_nationals === false)
      items.push({
        field: 'persons',
        severity: 'warning',
        message: `${state} does not extradite its own nationals; if the person sought is one, ask ${state} to submit the case for prosecution instead (BC 24(6)).`,
      });
    if (flags.requires_death_penalty_assurance === true)
      items.push({
        field: 'assurances',
        severity: 'warning',
        message: `${state} requires an assurance that the death penalty will not be imposed or carried out where the offence is punishable by death.`,
      });
  }
  return items;
}

/**
 * Tailors a request of `type` to the requested State: accepted languages, flags, relevant declarations and
 * reservations, dual criminality, extra required fields and clock overrides, and the items the drafter must see
 * (drafting language not accepted → `invalid` on `draftingLanguage`; dual criminality not satisfied or partial
 * where it applies → `warning` on `offences`; each declaration or reservation that bears on the request, or whose
 * article is unclear → `warning` on `requestedState`; flags that need action → `warning`). The directory entry
 * wins over the profile where both speak (see the file comment).
 */
export function tailorToRequestedState(input: TailoringInput): TailoringReport {
  const { requested, type } = input;
  const directory = input.directoryState ?? null;
  const state = requested?.state ?? input.requestedState ?? null;
  const label = state ?? 'the requested State';
  const flags: Readonly<Record<string, boolean>> = { ...(requested?.flags ?? {}), ...(directory?.flags ?? {}) };
  const { languages, source } = acceptedLanguages(input, flags);
  const drafting = normaliseLanguage(input.draftingLanguage);
  const declarations = statements(directory?.declarations, requested?.declarations, input);
  const reservations = statements(directory?.reservations, requested?.reservations, input);
  const dualCriminality = assessDualCriminality({
    type,
    offences: input.offences,
    requesting: input.requesting,
    requested,
    ...(state === null ? {} : { requestedState: state }),
    ...(directory === null ? {} : { requestedFlags: directory.flags }),
  });
  const items: CompletenessItem[] = [
    ...languageItems(label, drafting, languages, source !== 'none' || flags.accepts_requests_in_english !== undefined),
    ...dualCriminalityItems(dualCriminality),
    ...statementItems(label, 'declaration', declarations),
    ...statementItems(label, 'reservation', reservations),
    ...flagItems(label, type.id, flags),
  ].map((i) => ({ ...i, message: i.message.charAt(0).toUpperCase() + i.message.slice(1) }));
  return {
    state,
    acceptedLanguages: languages,
    languagesSource: source,
    draftingLanguage: drafting,
    languageAccepted: languages.includes(drafting),
    flags,
    declarations,
    reservations,
    dualCriminality,
    extraRequired: requested?.extraRequired?.[type.id] ?? [],
    clocks: requested?.clocks?.[type.id] ?? {},
    items,
  };
}
