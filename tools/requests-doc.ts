/**
 * Generates the reference parts of docs/requests.md from the code of the requests module, so that the page cannot
 * drift from the rules the node enforces: the request-type catalogue, the fields of every type (required,
 * conditionally required, sources), the lifecycle (Mermaid diagrams and transition tables, from the one transition
 * table), the clock owners and defaults with their sources, the shipped legislation profiles, the grounds for
 * refusal and the roles/policy matrix (computed by calling the policy itself).
 *
 *   ./nodew node tools/requests-doc.ts              print every generated part, each between its markers
 *   ./nodew node tools/requests-doc.ts --part NAME  print one part (names: see the list printed by --list)
 *   ./nodew node tools/requests-doc.ts --list       print the part names
 *   ./nodew node tools/requests-doc.ts --write      replace every marked part in docs/requests.md in place
 *   ./nodew node tools/requests-doc.ts --check      exit 1, naming the parts, when docs/requests.md is stale
 *
 * A part sits in the page between `<!-- BEGIN GENERATED: NAME … -->` and `<!-- END GENERATED: NAME -->`; the
 * text around the markers is written by hand. Pure reads of the catalogue: no database, no network.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OFFENCE_IDS, offenceById } from '../src/modules/cases/offences.ts';
import { ROLES, type Role } from '../src/platform/config/schema.ts';
import { needsAuthorizer } from '../src/modules/requests/access.ts';
import { CLOCK_OWNERS } from '../src/modules/requests/clocks.ts';
import { PROFILE_FLAGS, SHIPPED_PROFILES_DIR, assessDualCriminality, loadProfiles } from '../src/modules/requests/legislation/index.ts';
import { initialFacts, stateDiagram } from '../src/modules/requests/lifecycle.ts';
import {
  conditionsAccepted,
  conditionsPending,
  conditionsRequired,
  confidentialityAnswered,
  confidentialityAsked,
  consultationBeforeRefusal,
  groundsValid,
  keptRequired,
  outcomeRequired,
  reasonRequired,
  reasonsRequired,
  type Guard,
} from '../src/modules/requests/lifecycle-guards.ts';
import { RULES, type Rule } from '../src/modules/requests/lifecycle-table.ts';
import {
  CLOCK_KINDS,
  DECISION_OUTCOMES,
  NOT_GROUNDS,
  REFUSAL_GROUNDS,
  type ClockKind,
  type FieldDefinition,
  type RequestTypeDefinition,
  type RequiredWhen,
  type Side,
} from '../src/modules/requests/model.ts';
import { REQUEST_ACTIONS, can, type RequestAction, type RequestResource } from '../src/modules/requests/policy.ts';
import { CLOCK_TABLE, PENALTY_THRESHOLD_YEARS, PRESERVATION_DAYS, REQUEST_TYPES } from '../src/modules/requests/types/index.ts';
import { commandAction } from '../src/modules/requests/views.ts';

const DOC = fileURLToPath(new URL('../docs/requests.md', import.meta.url));

// ── small helpers ─────────────────────────────────────────────────────────────────────────────────────────

const code = (s: string): string => `\`${s}\``;
const codes = (list: readonly string[], sep = ', '): string => (list.length === 0 ? '—' : list.map(code).join(sep));
/** A table cell: no pipes or line breaks inside. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

// ── catalogue ─────────────────────────────────────────────────────────────────────────────────────────────

const ROUTING: Readonly<Record<RequestTypeDefinition['routing'], string>> = {
  central_authority: 'central authority',
  contact_point_24_7: '24/7 point of contact',
};

/**
 * How a `per_state` type asks the requested State: the flag that decides it and the position when the State said
 * nothing, found by asking the assessment itself (dual-criminality.ts keeps its rules private).
 */
function perState(t: RequestTypeDefinition): string {
  const applies = (flags: Readonly<Record<string, boolean>>): boolean =>
    assessDualCriminality({ type: t, offences: [], requesting: null, requested: null, requestedFlags: flags }).applies;
  const flag = [`${t.id}_requires_dual_criminality`, ...PROFILE_FLAGS].find((f) => applies({ [f]: true }) && !applies({ [f]: false }));
  if (flag === undefined) throw new Error(`tools/requests-doc.ts: no flag decides dual criminality for ${t.id}`);
  return `per State: flag ${code(flag)}, default ${applies({}) ? 'required' : 'not required'}`;
}

function dualCriminality(t: RequestTypeDefinition): string {
  const base = t.dualCriminality === 'per_state' ? perState(t) : t.dualCriminality === 'required' ? 'required' : 'not required';
  return t.penaltyThresholdYears === undefined ? base : `${base}; ≥ ${t.penaltyThresholdYears} year${t.penaltyThresholdYears === 1 ? '' : 's'} in both States`;
}

const approval = (t: RequestTypeDefinition): string =>
  needsAuthorizer(t) ? '`authorizer`, citing a decision' : '`central_authority` or `prosecutor`';

function catalogue(): string {
  const identity = table(
    ['type', 'title', 'treaty basis', 'sent to', 'measures', 'may follow'],
    REQUEST_TYPES.map((t) => [code(t.id), t.title.en, t.basis.join(', '), ROUTING[t.routing], codes(t.measures), codes(t.follows)]),
  );
  const rules = table(
    ['type', 'intrusive', 'emergency', 'approved by', 'safeguards', 'dual criminality', 'fields (required)'],
    REQUEST_TYPES.map((t) => [
      code(t.id),
      t.intrusive ? 'yes' : 'no',
      t.emergency ? 'yes' : 'no',
      approval(t),
      codes(t.safeguards),
      dualCriminality(t),
      `${t.fields.length} (${t.fields.filter((f) => requirement(t, f).startsWith('**required**')).length})`,
    ]),
  );
  return `${identity}\n\n${rules}`;
}

// ── fields ────────────────────────────────────────────────────────────────────────────────────────────────

/** The field a safeguard makes required whatever the definition says (completeness.ts `SAFEGUARD_FIELDS`). */
const SAFEGUARD_FIELD: Readonly<Record<string, string>> = { proportionality: 'proportionality', emergency_justification: 'emergencyFacts' };

function conditionText(cond: RequiredWhen): string {
  if ('equals' in cond) {
    if (cond.equals === true) return `${code(cond.field)} is ticked`;
    if (cond.equals === false) return `${code(cond.field)} is not ticked`;
    return `${code(cond.field)} = ${code(cond.equals)}`;
  }
  if ('includes' in cond) return `${code(cond.field)} includes ${code(cond.includes)}`;
  return `${code(cond.field)} is filled in`;
}

function requirement(t: RequestTypeDefinition, f: FieldDefinition): string {
  if (f.required) return '**required**';
  const safeguard = t.safeguards.find((s) => SAFEGUARD_FIELD[s] === f.id);
  if (safeguard !== undefined) return `**required** (${code(safeguard)} safeguard)`;
  if (f.requiredWhen) return `when ${conditionText(f.requiredWhen)}`;
  return 'optional';
}

function kindOf(f: FieldDefinition): string {
  const max = f.maxLength === undefined ? '' : ` ≤ ${f.maxLength}`;
  const options = f.options === undefined ? '' : `: ${f.options.join(' · ')}`;
  return `${f.kind}${max}${options}`;
}

function fieldTables(): string {
  const parts: string[] = [];
  for (const t of REQUEST_TYPES) {
    const required = t.fields.filter((f) => requirement(t, f).startsWith('**required**')).length;
    parts.push(`<details><summary><code>${t.id}</code> — ${t.title.en} (${t.fields.length} fields, ${required} always required)</summary>`, '');
    parts.push(
      table(
        ['step', 'field', 'label', 'kind', 'required', 'source', 'from the case'],
        t.fields.map((f) => [f.step, code(f.id), f.label.en, kindOf(f), requirement(t, f), f.source ?? '—', f.fromCase ?? '']),
      ),
    );
    parts.push('', '</details>', '');
  }
  return parts.join('\n').trimEnd();
}

// ── lifecycle ─────────────────────────────────────────────────────────────────────────────────────────────

const diagram = (side: Side): string => `\`\`\`mermaid\n${stateDiagram(side).trimEnd()}\n\`\`\``;

const NAMED_GUARDS: ReadonlyMap<Guard, string> = new Map<Guard, string>([
  [outcomeRequired, '`outcome` given'],
  [confidentialityAnswered, 'confidentiality answered, if asked'],
  [consultationBeforeRefusal, 'refusal/postponement: consultation held or its absence recorded'],
  [groundsValid, 'refusal/postponement: ≥ 1 ground, none of `fiscal_only`, `bank_secrecy`'],
  [reasonsRequired, 'refusal/postponement: `reasons`'],
  [conditionsRequired, 'with conditions: ≥ 1 non-blank condition'],
  [conditionsPending, 'conditions proposed and not yet accepted'],
  [conditionsAccepted, 'proposed conditions accepted'],
  [confidentialityAsked, 'confidentiality asked and not yet answered'],
  [keptRequired, '`kept` given'],
  [reasonRequired, '`reason` given'],
]);

/** A guard made by `outcomeIs(…)`: found by asking it which recorded outcomes it lets through. */
function describeGuard(g: Guard, side: Side): string {
  const named = NAMED_GUARDS.get(g);
  if (named !== undefined) return named;
  const facts = initialFacts({ intrusive: false, confidentialityRequested: false });
  const passes = DECISION_OUTCOMES.filter((outcome) => g.check({ side, from: null, facts: { ...facts, outcome }, input: { event: 'close' } }) === null);
  if (passes.length > 0 && passes.length < DECISION_OUTCOMES.length) return `decision was ${passes.map(code).join(' or ')}`;
  throw new Error('tools/requests-doc.ts: a lifecycle guard it cannot name; add it to NAMED_GUARDS');
}

function target(rule: Rule): string {
  switch (rule.to) {
    case 'same':
      return '(unchanged)';
    case 'by_outcome':
      return 'the outcome: `accepted`, `accepted_with_conditions`, `postponed`, `refused`';
    case 'by_final':
      return rule.side === 'requesting' ? 'partial → `partially_executed`, final → `executed`' : 'partial → `executing`, final → `results_sent`';
    default:
      return code(rule.to);
  }
}

function whoApplies(side: Side, rule: Rule): string {
  const actions = [...new Set(rule.from.map((state) => commandAction(side, rule.event, state ?? '')).filter((a) => a !== undefined))];
  if (actions.length > 0) return actions.map(code).join(', ');
  if (rule.event === 'delivered') return 'the node, on the signed receipt';
  return 'message from the other node';
}

function transitions(side: Side): string {
  return table(
    ['event', 'from', 'to', 'sends', 'checks', 'who'],
    RULES.filter((r) => r.side === side).map((r) => [
      code(r.event),
      r.from.map((s) => (s === null ? '(new)' : code(s))).join(', '),
      target(r),
      r.message === null ? '—' : code(r.message),
      r.guards.length === 0 ? '—' : r.guards.map((g) => describeGuard(g, side)).join('; '),
      whoApplies(side, r),
    ]),
  );
}

function grounds(): string {
  return [`Grounds (${code('grounds')} of \`decide\`): ${codes(REFUSAL_GROUNDS)}.`, '', `Refused as grounds: ${codes(NOT_GROUNDS)}.`].join('\n');
}

// ── clocks ────────────────────────────────────────────────────────────────────────────────────────────────

function clockDefaults(): string {
  const kinds = CLOCK_KINDS.filter((k) => REQUEST_TYPES.some((t) => CLOCK_TABLE[t.id][k] !== undefined));
  const matrix = table(
    ['type', ...kinds.map(code)],
    REQUEST_TYPES.map((t) => [code(t.id), ...kinds.map((k) => CLOCK_TABLE[t.id][k]?.duration ?? '—')]),
  );
  const sources = new Map<string, { kind: ClockKind; duration: string; source: string; types: string[] }>();
  for (const t of REQUEST_TYPES) {
    for (const kind of CLOCK_KINDS) {
      const rule = CLOCK_TABLE[t.id][kind];
      if (rule === undefined) continue;
      const key = `${kind}|${rule.duration}|${rule.source}`;
      const entry = sources.get(key) ?? { kind, duration: rule.duration, source: rule.source, types: [] };
      entry.types.push(t.id);
      sources.set(key, entry);
    }
  }
  const all = REQUEST_TYPES.length;
  const sourceTable = table(
    ['clock', 'owner', 'default', 'for', 'source'],
    [...sources.values()].map((s) => [code(s.kind), CLOCK_OWNERS[s.kind], s.duration, s.types.length === all ? 'every type' : codes(s.types), s.source]),
  );
  const numbers = [
    `Preservation period a request may ask for (${code('preservationDays')}): ${PRESERVATION_DAYS.min}–${PRESERVATION_DAYS.max} days (${PRESERVATION_DAYS.source}).`,
    `Penalty thresholds: extradition ≥ ${PENALTY_THRESHOLD_YEARS.extradition.years} year (${PENALTY_THRESHOLD_YEARS.extradition.source}); serious crime ≥ ${PENALTY_THRESHOLD_YEARS.seriousCrime.years} years (${PENALTY_THRESHOLD_YEARS.seriousCrime.source}).`,
  ].join('\n');
  return `${matrix}\n\n${sourceTable}\n\n${numbers}`;
}

// ── shipped legislation profiles ──────────────────────────────────────────────────────────────────────────

function penalty(years: number): string {
  if (years === 0) return 'fine';
  const months = Math.round(years * 12);
  return months % 12 === 0 ? `${months / 12} y` : `${months} m`;
}

function profiles(): string {
  const loaded = [...loadProfiles(SHIPPED_PROFILES_DIR).values()];
  const flagNames = [...new Set(loaded.flatMap((p) => Object.keys(p.flags)))];
  const overview = table(
    ['', ...loaded.map((p) => `${p.state} ${p.name}`)],
    [
      ['languages', ...loaded.map((p) => p.languages.join(', '))],
      ...flagNames.map((f) => [code(f), ...loaded.map((p) => (p.flags[f] === undefined ? '—' : p.flags[f] ? 'yes' : 'no'))]),
      [
        'clock overrides',
        ...loaded.map((p) => {
          const o = Object.entries(p.clocks ?? {}).flatMap(([type, c]) => Object.entries(c ?? {}).map(([k, d]) => `${type}: ${k} ${String(d)}`));
          return o.length === 0 ? '—' : o.join('; ');
        }),
      ],
      [
        'extra required fields',
        ...loaded.map((p) => {
          const o = Object.entries(p.extraRequired ?? {}).map(([type, ids]) => `${type}: ${(ids ?? []).join(', ')}`);
          return o.length === 0 ? '—' : o.join('; ');
        }),
      ],
      ['channels', ...loaded.map((p) => p.designations?.channels.join(', ') ?? '—')],
    ],
  );
  const offences = table(
    ['offence', ...loaded.map((p) => p.state)],
    OFFENCE_IDS.map((o) => [
      `${offenceById(o)?.title ?? o} (${code(o)})`,
      ...loaded.map((p) => {
        const provision = p.offences[o];
        if (provision === undefined) return '**not an offence**';
        const options = provision.options === undefined ? '' : `; options: ${provision.options.join(', ')}`;
        return `${provision.citation}, max. ${penalty(provision.maxPenaltyYears)}${options}`;
      }),
    ]),
  );
  const statements = table(
    ['State', 'kind', 'article', 'text'],
    loaded.flatMap((p) => [
      ...p.declarations.map((d) => [p.state, 'declaration', d.article, d.text]),
      ...p.reservations.map((r) => [p.state, 'reservation', r.article, r.text]),
    ]),
  );
  return `${overview}\n\n${offences}\n\n${statements}`;
}

// ── policy ────────────────────────────────────────────────────────────────────────────────────────────────

interface Scenario {
  readonly label: string;
  readonly resource: RequestResource;
}

const outgoing = (over: Partial<RequestResource>): RequestResource => ({
  side: 'requesting',
  caseRole: null,
  routing: 'central_authority',
  intrusive: false,
  submitted: true,
  isDrafter: false,
  ...over,
});

const SCENARIOS: readonly Scenario[] = [
  { label: 'outgoing, member of its case, draft, drafted by me', resource: outgoing({ caseRole: 'member', submitted: false, isDrafter: true }) },
  { label: 'outgoing, member of its case, submitted by me', resource: outgoing({ caseRole: 'member', isDrafter: true }) },
  { label: 'outgoing, member of its case, drafted by someone else, submitted', resource: outgoing({ caseRole: 'member' }) },
  { label: 'outgoing, observer of its case, submitted', resource: outgoing({ caseRole: 'observer' }) },
  { label: 'outgoing, not in its case, draft', resource: outgoing({ submitted: false }) },
  { label: 'outgoing, not in its case, submitted, to a central authority', resource: outgoing({}) },
  { label: 'outgoing, not in its case, submitted, needs an authorizer', resource: outgoing({ intrusive: true }) },
  { label: 'outgoing, not in its case, submitted, to a 24/7 point', resource: outgoing({ routing: 'contact_point_24_7' }) },
  { label: 'outgoing, member of its case, submitted, to a 24/7 point', resource: outgoing({ caseRole: 'member', routing: 'contact_point_24_7' }) },
  { label: 'incoming, to the central authority', resource: { ...outgoing({}), side: 'requested' } },
  { label: 'incoming, to the 24/7 point', resource: { ...outgoing({ routing: 'contact_point_24_7' }), side: 'requested' } },
];

const short = (a: RequestAction): string => a.replace(/^request\./, '');

function policyMatrix(): string {
  const roles: readonly Role[] = ROLES;
  const create = `${code('request.create')} (a new draft, as lead or member of the case): ${roles
    .filter((r) => can({ roles: [r] }, 'request.create'))
    .map(code)
    .join(', ')}.`;
  const actions = REQUEST_ACTIONS.filter((a) => a !== 'request.create');
  const matrix = table(
    ['the request is …', ...roles.map(code)],
    SCENARIOS.map((s) => [
      s.label,
      ...roles.map((r) => {
        const allowed = actions.filter((a) => can({ roles: [r] }, a, s.resource));
        return allowed.length === 0 ? '—' : allowed.map(short).join(', ');
      }),
    ]),
  );
  return `${create}\n\n${matrix}`;
}

// ── the parts and the page ────────────────────────────────────────────────────────────────────────────────

const PARTS: Readonly<Record<string, () => string>> = {
  catalogue,
  fields: fieldTables,
  'diagram-requesting': () => diagram('requesting'),
  'diagram-requested': () => diagram('requested'),
  'transitions-requesting': () => transitions('requesting'),
  'transitions-requested': () => transitions('requested'),
  grounds,
  'clock-owners': () => table(['clock', 'owner (whose duty)'], CLOCK_KINDS.map((k) => [code(k), CLOCK_OWNERS[k]])),
  'clock-defaults': clockDefaults,
  profiles,
  policy: policyMatrix,
};

const begin = (name: string): string => `<!-- BEGIN GENERATED: ${name} (tools/requests-doc.ts; do not edit by hand, run ./nodew node tools/requests-doc.ts --write) -->`;
const end = (name: string): string => `<!-- END GENERATED: ${name} -->`;
const block = (name: string, body: string): string => `${begin(name)}\n${body}\n${end(name)}`;

function render(name: string): string {
  const part = PARTS[name];
  if (part === undefined) throw new Error(`unknown part "${name}"; parts: ${Object.keys(PARTS).join(', ')}`);
  return block(name, part());
}

/** The page with every marked part replaced; the names of the parts that changed, and those missing. */
function regenerate(page: string): { page: string; changed: string[]; missing: string[] } {
  let out = page;
  const changed: string[] = [];
  const missing: string[] = [];
  for (const name of Object.keys(PARTS)) {
    const start = out.indexOf(`<!-- BEGIN GENERATED: ${name} `);
    const stop = out.indexOf(end(name));
    if (start < 0 || stop < start) {
      missing.push(name);
      continue;
    }
    const next = render(name);
    const current = out.slice(start, stop + end(name).length);
    if (current !== next) changed.push(name);
    out = `${out.slice(0, start)}${next}${out.slice(stop + end(name).length)}`;
  }
  return { page: out, changed, missing };
}

function main(args: readonly string[]): number {
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  if (args.includes('--list')) {
    out(Object.keys(PARTS).join('\n'));
    return 0;
  }
  const partAt = args.indexOf('--part');
  if (partAt >= 0) {
    out(render(args[partAt + 1] ?? ''));
    return 0;
  }
  if (args.includes('--write') || args.includes('--check')) {
    const r = regenerate(readFileSync(DOC, 'utf8'));
    if (r.missing.length > 0) {
      process.stderr.write(`docs/requests.md lacks the markers of: ${r.missing.join(', ')}\n`);
      return 1;
    }
    if (args.includes('--check')) {
      if (r.changed.length === 0) return 0;
      process.stderr.write(`docs/requests.md is stale in: ${r.changed.join(', ')} (run ./nodew node tools/requests-doc.ts --write)\n`);
      return 1;
    }
    writeFileSync(DOC, r.page);
    out(r.changed.length === 0 ? 'docs/requests.md is up to date' : `docs/requests.md: regenerated ${r.changed.join(', ')}`);
    return 0;
  }
  out(Object.keys(PARTS).map(render).join('\n\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));

