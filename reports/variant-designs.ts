import type { MutantRow, MutateOutcome } from '../check/mutate/mutate-report.ts';
import { orderingLabel } from '../check/sweep/sweep-report.ts';
import { propertyById } from '../properties/catalogue.ts';
import { CONFORMANCE } from '../properties/conformance.ts';
import { replayCommand } from './trace.ts';
import { configSpace, formatCount, type ReportDesign, type ReportRow } from './report-model.ts';
import type { SweepRowSummary, SweepSummary } from './sweep-summary.ts';

// A sweep's orderings and mutate's mutants as designs of report.html and report.md: each is a
// variant of a base design, shown with what makes it one (the script; the changed decision) and,
// for a mutant, how it was judged against the base.

const described = (id: string) => (id === CONFORMANCE.id ? CONFORMANCE : propertyById(id));

function propertyRow(id: string, fields: Omit<ReportRow, 'id' | 'name' | 'expect' | 'findings'>): ReportRow {
  const p = described(id);
  return { id, name: p?.name ?? id, expect: p?.expect ?? 'always', findings: [], ...fields };
}

function orderingRow(row: SweepRowSummary, id: string): ReportRow {
  const verdict = row.properties[id] ?? 'not-applicable';
  const failure = row.failures.find((f) => f.id === id);
  return propertyRow(id, {
    verdict, note: '',
    evidence: failure !== undefined ? `shortest counterexample ${failure.steps} steps` : verdict === 'pass' ? `all ${formatCount(row.states)} states` : '',
    counterexample: failure === undefined ? null : { why: failure.why, steps: failure.steps, trace: failure.trace, replay: failure.trace === null ? null : replayCommand(failure.trace) },
  });
}

/** A design per ordering of a sweep: the base design with that script, its properties as explored. */
export function sweepReportDesigns(s: SweepSummary): ReportDesign[] {
  return s.rows.map((row) => ({
    name: `${s.base.name} #${row.index}`, id: s.base.id,
    title: `script ${orderingLabel(row.script)}${row.base ? ` (${s.base.name}'s own order)` : ''}`,
    methods: [{
      label: `exhaustive: ${configSpace(s.config)}; ${formatCount(row.states)} states, ${formatCount(row.transitions)} transitions${row.boundHit === null ? '' : `; bound hit: ${row.boundHit}`}`,
      verdict: row.verdict, neverExercised: [], rows: s.properties.map((id) => orderingRow(row, id)),
    }],
  }));
}

/** How a mutant was judged, in words (the method's label). */
function judgement(o: MutateOutcome, m: MutantRow): string {
  switch (m.status) {
    case 'killed': return `killed: by ${m.killing.map((k) => k.id).join(', ')} (${m.killedBy === 'both' ? 'the explorer and the random suite' : m.killedBy === 'explorer' ? 'the explorer' : 'the random suite'})`;
    case 'equivalent': return `equivalent: ${m.equivalentReason ?? ''}`;
    case 'inconclusive': return `inconclusive: ${m.inconclusive ?? ''}`;
    default: return `survived: no property tells it from ${o.base.name}`;
  }
}

function mutantRows(m: MutantRow): ReportRow[] {
  const steps = (s: number | null, by: string) => (s === null ? [] : [`${by} ${s} steps`]);
  return [
    ...m.killing.map((k) => {
      const trace = k.traces.explorer ?? k.traces.random;
      const shown = k.explorerSteps ?? k.randomSteps ?? 0;
      return propertyRow(k.id, {
        verdict: 'counterexample', note: '', evidence: `kills it: ${[...steps(k.explorerSteps, 'explorer'), ...steps(k.randomSteps, 'random suite')].join(', ')}`,
        counterexample: { why: k.why, steps: shown, trace, replay: trace === null ? null : replayCommand(trace) },
      });
    }),
    ...m.failingOnBase.map((id) => propertyRow(id, { verdict: 'counterexample', note: '', evidence: 'fails on the base too: cannot kill', counterexample: null })),
    ...m.lostWitnesses.map((id) => propertyRow(id, { verdict: 'unreached', note: '', evidence: 'the base reaches it, the mutant does not', counterexample: null })),
    ...m.notApplicable.map((id) => propertyRow(id, { verdict: 'not-applicable', note: '', evidence: 'the base checks it', counterexample: null })),
  ];
}

/** A design per mutant: the decision it changes, how it was judged, the properties that kill it (with their traces) and what else differs from the base. */
export function mutantReportDesigns(o: MutateOutcome): ReportDesign[] {
  return o.mutants.map((m) => ({
    name: m.design.name, id: m.id, title: [m.description, ...m.alsoAs].join(' = '),
    methods: [{ label: judgement(o, m), verdict: m.status, neverExercised: [], rows: mutantRows(m) }],
  }));
}
