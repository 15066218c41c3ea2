/**
 * The lifecycle drawn as a Mermaid `stateDiagram-v2`, generated from the transition table so the documentation
 * can never drift from the rules the code enforces. Pure.
 */
import type { RequestState, Side } from './model.ts';
import { RULES, STATES, possibleTargets, terminal } from './lifecycle-table.ts';

/** Where a request starts on each side: the requesting side creates drafts; the requested side receives. */
const CREATED_AS: Readonly<Record<Side, RequestState | null>> = { requesting: 'draft', requested: null };

/**
 * The Mermaid source of one side's lifecycle: every state is declared, every transition is an edge labelled
 * `event / federation message` (edges between the same two states share one line), `by_outcome` and `by_final`
 * transitions are drawn once per outcome (`decision (refused)`, `results (final)`), and terminal states lead to
 * `[*]`. Record-only events appear as self-loops.
 */
export function stateDiagram(side: Side): string {
  const lines = ['stateDiagram-v2', `  %% ${side} side, generated from TRANSITIONS (src/modules/requests/lifecycle-table.ts)`];
  for (const state of STATES[side]) lines.push(`  ${state}`);

  const created = CREATED_AS[side];
  if (created !== null) lines.push(`  [*] --> ${created}`);

  // (from, to) → labels, in table order.
  const edges = new Map<string, string[]>();
  const edge = (from: string, to: string, label: string): void => {
    const k = `${from} --> ${to}`;
    const labels = edges.get(k) ?? [];
    if (!labels.includes(label)) labels.push(label);
    edges.set(k, labels);
  };
  for (const rule of RULES) {
    if (rule.side !== side) continue;
    const suffix = rule.message === null ? '' : ` / ${rule.message}`;
    for (const from of rule.from) {
      if (from === null) {
        if (rule.to === 'same' || rule.to === 'by_outcome' || rule.to === 'by_final') continue;
        edge('[*]', rule.to, `${rule.event}${suffix}`);
        continue;
      }
      for (const target of possibleTargets(side, from, rule.to)) {
        const label = target.label === null ? rule.event : `${rule.event} (${target.label})`;
        edge(from, target.state, `${label}${suffix}`);
      }
    }
  }
  for (const [k, labels] of edges) lines.push(`  ${k} : ${labels.join(', ')}`);

  for (const state of STATES[side]) if (terminal(side, state)) lines.push(`  ${state} --> [*]`);
  return `${lines.join('\n')}\n`;
}
