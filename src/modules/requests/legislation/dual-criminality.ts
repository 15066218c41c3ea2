/**
 * Dual criminality (DOMAIN §1, §4): is the conduct of each offence of a request also an offence in the requested
 * State, and, where the type has a penalty threshold (extradition: ≥ 1 year in both States, BC 24(1)), punishable
 * enough in both? It is judged on the catalogue conduct, not on the label either State gives it (BC 25(5)): a
 * profile maps each catalogue conduct to the provision that covers it, whatever that provision is called.
 * Pure: the caller supplies the profiles. The result informs the drafter and the requested State's assessment;
 * the requested State decides.
 */
import { offenceById, type OffenceId } from '../../cases/index.ts';
import type { DomesticProvision, DualCriminalityResult, LegislationProfile, RequestTypeDefinition, RequestTypeId } from '../model.ts';
import { formatPenalty } from './penalty.ts';
import { OPTION_LABELS } from './vocabulary.ts';

/** "Serious crime": maximum penalty of at least four years (UN 2); UN 35(1)(c) (?) extends e-evidence cooperation to it. */
export const SERIOUS_CRIME_MIN_YEARS = 4;

/** True when `profile`'s State punishes the conduct of `offence` by at least 4 years (a "serious crime", UN 2). */
export function isSeriousCrime(offence: OffenceId, profile: LegislationProfile): boolean {
  const provision = profile.offences[offence];
  return provision !== undefined && provision.maxPenaltyYears >= SERIOUS_CRIME_MIN_YEARS;
}

export interface DualCriminalityInput {
  readonly type: Pick<RequestTypeDefinition, 'id' | 'dualCriminality' | 'penaltyThresholdYears'>;
  readonly offences: readonly OffenceId[];
  readonly requesting: LegislationProfile | null;
  readonly requested: LegislationProfile | null;
  /** The requested State's code, for the notes when its profile is missing. */
  readonly requestedState?: string;
  /**
   * Flags that win over `requested.flags` where both speak: the requested State's signed, current directory
   * entry (see `tailorToRequestedState`). They decide `per_state` applicability even without a profile.
   */
  readonly requestedFlags?: Readonly<Record<string, boolean>>;
}

type Row = DualCriminalityResult['offences'][number];

/** How a `per_state` type asks the requested State: which flag, and which articles to cite either way. */
interface PerStateRule {
  readonly flag: string;
  readonly subject: string;
  /** Cited when the State does not require it. */
  readonly notRequired: string | null;
  /** Cited when it does (the reservation). */
  readonly reserved: string | null;
  /** The position when the State said nothing. */
  readonly treatyDefault: boolean;
}

const PRESERVATION: PerStateRule = {
  flag: 'preservation_requires_dual_criminality',
  subject: 'preservation',
  notRequired: 'BC 29(3)',
  reserved: 'BC 29(4)',
  treatyDefault: false,
};

/** Per-State rules by type; any other `per_state` type reads `<type>_requires_dual_criminality` and defaults to required. */
const PER_STATE_RULES: Partial<Record<RequestTypeId, PerStateRule>> = {
  preservation: PRESERVATION,
  preservation_partial_disclosure: PRESERVATION,
};

const TYPE_LABELS: Partial<Record<RequestTypeId, string>> = {
  general_mla: 'mutual legal assistance',
  emergency_mla: 'emergency mutual legal assistance',
  preservation_partial_disclosure: 'preservation with partial disclosure',
};

function typeLabel(id: RequestTypeId): string {
  return TYPE_LABELS[id] ?? id.replaceAll('_', ' ');
}

function perStateRule(id: RequestTypeId): PerStateRule {
  return PER_STATE_RULES[id] ?? { flag: `${id}_requires_dual_criminality`, subject: typeLabel(id), notRequired: null, reserved: null, treatyDefault: true };
}

const cite = (article: string | null, prefix = ''): string => (article === null ? '' : ` (${prefix}${article})`);

interface Applicability {
  readonly applies: boolean;
  readonly basis: string;
}

function applicability(input: DualCriminalityInput, rs: string): Applicability {
  const { type } = input;
  const label = typeLabel(type.id);
  if (type.dualCriminality === 'not_required') return { applies: false, basis: `Dual criminality does not apply to ${label} requests.` };
  if (type.dualCriminality === 'required') {
    const threshold =
      type.penaltyThresholdYears === undefined ? '' : ` The offence must be punishable by at least ${formatPenalty(type.penaltyThresholdYears)} in both States.`;
    return { applies: true, basis: `Dual criminality is required for ${label} requests; it is judged on the conduct, not the label (BC 25(5)).${threshold}` };
  }
  const rule = perStateRule(type.id);
  const flag = input.requestedFlags?.[rule.flag] ?? input.requested?.flags[rule.flag];
  if (flag === true) return { applies: true, basis: `${rs} requires dual criminality for ${rule.subject}${cite(rule.reserved, 'reservation under ')}.` };
  if (flag === false) return { applies: false, basis: `${rs} does not require dual criminality for ${rule.subject}${cite(rule.notRequired)}.` };
  if (input.requested === null && input.requestedFlags === undefined)
    return {
      applies: true,
      basis: `No legislation profile for ${rs}: whether it requires dual criminality for ${rule.subject} is unknown, so it is assumed to; assess manually.`,
    };
  return {
    applies: rule.treatyDefault,
    basis: `${rs} has not stated whether it requires dual criminality for ${rule.subject}; the default applies: ${rule.treatyDefault ? 'required' : `not required${cite(rule.notRequired)}`}.`,
  };
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function conductOf(offence: OffenceId): string {
  const entry = offenceById(offence);
  return entry === undefined ? offence : `${entry.title.toLowerCase()}: ${lowerFirst(entry.description.replace(/\.$/, ''))}`;
}

function optionsSentence(state: string, provision: DomesticProvision): string {
  const options = provision.options ?? [];
  if (options.length === 0) return '';
  return ` ${state}'s offence requires ${options.map((o) => OPTION_LABELS[o] ?? o.replaceAll('_', ' ')).join(' and ')}: the facts should show it.`;
}

/** null: unknown (a profile is missing); false: not an offence or below the threshold in either State. */
function meetsThreshold(
  threshold: number | null,
  requested: LegislationProfile | null,
  requestedProvision: DomesticProvision | null,
  requesting: LegislationProfile | null,
  requestingProvision: DomesticProvision | null,
): boolean | null {
  if (threshold === null) return null;
  if (requested !== null && (requestedProvision === null || requestedProvision.maxPenaltyYears < threshold)) return false;
  if (requesting !== null && (requestingProvision === null || requestingProvision.maxPenaltyYears < threshold)) return false;
  if (requested === null || requesting === null) return null;
  return true;
}

function thresholdSentence(threshold: number, meets: boolean | null, sides: readonly { state: string; profile: LegislationProfile | null; provision: DomesticProvision | null }[]): string {
  const t = formatPenalty(threshold);
  if (meets === true) return ` Punishable by at least ${t} in both States: the threshold is met.`;
  const below = sides
    .filter((s) => s.profile !== null && s.provision !== null && s.provision.maxPenaltyYears < threshold)
    .map((s) => `${s.state} (${formatPenalty(s.provision?.maxPenaltyYears ?? 0)})`);
  const unknown = sides.filter((s) => s.profile === null).map((s) => s.state);
  const parts: string[] = [];
  if (below.length > 0) parts.push(` Below the threshold of ${t} in ${below.join(' and ')}.`);
  if (meets === false && below.length === 0) parts.push(` The threshold of ${t} cannot be met where the conduct is not an offence.`);
  if (unknown.length > 0) parts.push(` Penalty in ${unknown.join(' and ')} unknown (no legislation profile): check the threshold of ${t}.`);
  return parts.join('');
}

function rowFor(offence: OffenceId, input: DualCriminalityInput, rs: string, qs: string, threshold: number | null): Row {
  const { requested, requesting } = input;
  const requestedProvision = requested?.offences[offence] ?? null;
  const requestingProvision = requesting?.offences[offence] ?? null;
  let note: string;
  if (requested === null) note = `No legislation profile for ${rs}; assess manually whether the conduct (${conductOf(offence)}) is an offence there.`;
  else if (requestedProvision === null)
    note = `${rs} does not criminalise the conduct (${conductOf(offence)}): no provision of its law covers it, whatever the offence is called.`;
  else
    note = `${rs} criminalises the conduct under ${requestedProvision.citation} (up to ${formatPenalty(requestedProvision.maxPenaltyYears)}).${optionsSentence(rs, requestedProvision)}`;
  if (requesting !== null && requestingProvision === null) note += ` ${qs}'s own profile maps no provision to this conduct: state the legal basis relied on.`;
  const meets = meetsThreshold(threshold, requested, requestedProvision, requesting, requestingProvision);
  if (threshold !== null)
    note += thresholdSentence(threshold, meets, [
      { state: rs, profile: requested, provision: requestedProvision },
      { state: qs, profile: requesting, provision: requestingProvision },
    ]);
  return { offence, requested: requestedProvision, requesting: requestingProvision, meetsThreshold: meets, note: upperFirst(note) };
}

/** A row that satisfies dual criminality: the requested State covers the conduct and any threshold is met. */
function isMet(row: Row, threshold: number | null): boolean {
  return row.requested !== null && (threshold === null || row.meetsThreshold === true);
}

/**
 * Assesses dual criminality of `offences` for a request of `type` to the `requested` State.
 *
 * - `applies`: `required` types always, `not_required` never, `per_state` types as the requested State declared
 *   (`preservation_requires_dual_criminality`: BC 29(3) / reservation under 29(4)); `requestedFlags` win over the
 *   profile's flags. A per-State type to a State we know nothing about is assumed to require it.
 * - One row per distinct offence (also when it does not apply, so the drafter sees the mapping), with both States'
 *   provisions, `meetsThreshold` (null when the type has no threshold or a profile is missing) and a plain note.
 * - `outcome`: `not_applicable`; `satisfied` when every offence is covered by the requested State and meets any
 *   threshold; `not_satisfied` when none is (or no offence is named: nothing can be assessed); otherwise `partial`.
 *   A missing requested profile gives `partial`, never `not_satisfied`: we do not know, and the notes say
 *   "no legislation profile for XY; assess manually". Likewise a threshold that cannot be checked for lack of the
 *   requesting profile leaves the row undecided (`partial`).
 */
export function assessDualCriminality(input: DualCriminalityInput): DualCriminalityResult {
  const rs = input.requested?.state ?? input.requestedState ?? 'the requested State';
  const qs = input.requesting?.state ?? 'the requesting State';
  const threshold = input.type.penaltyThresholdYears ?? null;
  const found = applicability(input, rs);
  const applies = found.applies;
  const basis = upperFirst(found.basis);
  const offences = [...new Set(input.offences)];
  const rows = offences.map((o) => rowFor(o, input, rs, qs, threshold));
  const base = { applies, offences: rows, thresholdYears: threshold };
  if (!applies) return { ...base, basis, outcome: 'not_applicable' };
  if (rows.length === 0)
    return { ...base, basis: `${basis} No offence is named: name the offences of the case so that dual criminality can be assessed.`, outcome: 'not_satisfied' };
  const met = rows.filter((r) => isMet(r, threshold)).length;
  const failed = rows.filter((r) => input.requested !== null && (r.requested === null || r.meetsThreshold === false)).length;
  const outcome = met === rows.length ? 'satisfied' : failed === rows.length ? 'not_satisfied' : 'partial';
  const missing = input.requested === null && !basis.startsWith('No legislation profile') ? ` No legislation profile for ${rs}; assess manually.` : '';
  return { ...base, basis: `${basis}${missing}`, outcome };
}
