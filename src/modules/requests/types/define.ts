/**
 * Builders for the request-type catalogue. Types are data, so these only assemble and freeze: a type's
 * `intrusive` flag is derived from its measures (never set by hand), its treaty basis and clocks come from the
 * one table each (`basis.ts`, `numbers.ts`), and its fields are ordered by wizard step so that the wizard and the
 * completeness list walk the drafter through the same order.
 */
import {
  INTRUSIVE_MEASURES,
  WIZARD_STEPS,
  type FieldDefinition,
  type Localized,
  type RequestTypeDefinition,
} from '../model.ts';
import { TREATY_BASIS } from './basis.ts';
import { clockDefaults } from './numbers.ts';

/** Every type is at version 1 until its fields or rules change (a request keeps the version it was drafted under). */
export const CATALOGUE_VERSION = 1;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** One shared field definition, frozen so that reusing it in many types cannot let one type change another. */
export function field(f: FieldDefinition): FieldDefinition {
  return deepFreeze(f);
}

/** The parts of a shared field a type may adapt; the id and the kind never change. */
export type FieldPatch = Partial<Pick<FieldDefinition, 'label' | 'guidance' | 'required' | 'requiredWhen' | 'source' | 'step' | 'maxLength'>>;

/** A shared field adapted to one type (e.g. required where it is optional elsewhere, or a sharper guidance). */
export function variant(f: FieldDefinition, patch: FieldPatch): FieldDefinition {
  return deepFreeze({ ...f, ...patch });
}

/** The shared field, required in this type. */
export const required = (f: FieldDefinition): FieldDefinition => variant(f, { required: true });

/** The shared field, optional in this type. */
export const optional = (f: FieldDefinition): FieldDefinition => variant(f, { required: false });

/**
 * A `choice`/`choices` field restricted to some of its options (kept in the shared order, labels aligned), e.g.
 * data categories without `content` for a type that cannot produce content.
 */
export function withOptions(f: FieldDefinition, keep: readonly string[]): FieldDefinition {
  const options = f.options ?? [];
  const labels = f.optionLabels ?? [];
  const unknown = keep.filter((o) => !options.includes(o));
  if (unknown.length > 0) throw new Error(`field ${f.id} has no option(s) ${unknown.join(', ')}`);
  const picked: { option: string; label: Localized }[] = [];
  options.forEach((option, i) => {
    const label = labels[i];
    if (keep.includes(option) && label) picked.push({ option, label });
  });
  return deepFreeze({ ...f, options: picked.map((p) => p.option), optionLabels: picked.map((p) => p.label) });
}

/** What a type file writes; the rest is derived or comes from the catalogue tables. */
export type TypeSpec = Omit<RequestTypeDefinition, 'version' | 'basis' | 'clocks' | 'intrusive'>;

const stepIndex = (f: FieldDefinition): number => WIZARD_STEPS.indexOf(f.step);

/**
 * Assembles one request type: version, treaty basis and default clocks from the tables, `intrusive` from the
 * measures, fields stably sorted by wizard step. Throws on a duplicate field id (a catalogue bug, caught at load).
 */
export function defineType(spec: TypeSpec): RequestTypeDefinition {
  const ids = new Set<string>();
  for (const f of spec.fields) {
    if (ids.has(f.id)) throw new Error(`request type ${spec.id}: field ${f.id} is defined twice`);
    ids.add(f.id);
  }
  const fields = spec.fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => stepIndex(a.f) - stepIndex(b.f) || a.i - b.i)
    .map(({ f }) => f);
  return deepFreeze({
    id: spec.id,
    version: CATALOGUE_VERSION,
    title: spec.title,
    summary: spec.summary,
    basis: TREATY_BASIS[spec.id],
    routing: spec.routing,
    measures: spec.measures,
    intrusive: spec.measures.some((m) => INTRUSIVE_MEASURES.includes(m)),
    emergency: spec.emergency,
    dualCriminality: spec.dualCriminality,
    ...(spec.penaltyThresholdYears !== undefined ? { penaltyThresholdYears: spec.penaltyThresholdYears } : {}),
    safeguards: spec.safeguards,
    fields,
    clocks: clockDefaults(spec.id),
    follows: spec.follows,
  });
}
