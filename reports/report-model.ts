import { FINDINGS } from '../properties/findings.ts';
import type { ChartTrace } from './chart-trace.ts';
import type { ExploreSummary } from './explore-summary.ts';
import type { DesignRunSummary } from './run-summary.ts';

// What every report (HTML, Markdown, JUnit) shows per design, from the summaries `run`,
// `explore` and `certify` produce: one row per property and method, with its verdict, the
// evidence behind it, and its counterexample's trace. A sweep's orderings and mutate's mutants are
// designs too, each a variant of a base design, built whole (variant-designs.ts).

export interface ReportInput {
  /** The page's heading; default "slotcheck report". */
  readonly title?: string;
  /** Lines under the heading: what the page is about (a mutation score, how many orderings hold). */
  readonly lead?: readonly string[];
  /** `run`'s designs (and certify's random suites). */
  readonly runs?: readonly DesignRunSummary[];
  /** `explore`'s designs (and certify's explorations). */
  readonly explorations?: readonly ExploreSummary[];
  /** Designs given whole, after those of the summaries: a sweep's orderings, mutate's mutants. */
  readonly designs?: readonly ReportDesign[];
  /** A chart per counterexample whose trace could be read, matched to rows by `source`. */
  readonly charts?: readonly ChartTrace[];
  /** Charts of scenarios (a passing Fig. 10, say), shown after the designs. */
  readonly scenarios?: readonly ChartTrace[];
  /** Trace files named by the summaries that could not be read, with why. */
  readonly unreadable?: readonly { readonly file: string; readonly why: string }[];
}

export interface ReportRow {
  readonly id: string;
  readonly name: string;
  readonly expect: string;
  readonly verdict: string;
  /** What the verdict rests on: runs, states, the witness's reach. */
  readonly evidence: string;
  readonly note: string;
  readonly counterexample: { readonly why: string; readonly steps: number; readonly trace: string | null; readonly replay: string | null } | null;
  /** The findings (F-01…) that explain a failure of this property on this design. */
  readonly findings: readonly string[];
}

export interface ReportMethod {
  /** "random runs: …" or "exhaustive: …": how and at which bound. */
  readonly label: string;
  readonly verdict: string;
  readonly rows: readonly ReportRow[];
  /** Command kinds the method never exercised. */
  readonly neverExercised: readonly string[];
}

export interface ReportDesign {
  readonly name: string;
  readonly id: string;
  readonly title: string | null;
  readonly methods: readonly ReportMethod[];
}

/** A count with thousands separators. */
export const formatCount = (x: number) => x.toLocaleString('en-US');
/** A configuration in words. */
export const configSpace = (c: { lparCount: number; slotCount: number; faultBudget: number; writeBudget: number }) => `${c.lparCount} × ${c.slotCount}, faults ${c.faultBudget}, writes ${c.writeBudget}`;

export function findingsFor(design: string, property: string): string[] {
  return FINDINGS.filter((f) => f.designs.includes(design) && f.property === property).map((f) => `${f.id}: ${f.title}`);
}

function runMethod(d: DesignRunSummary): ReportMethod {
  return {
    label: `random runs: ${formatCount(d.runs)} runs of at most ${d.maxCommands} commands, seed ${d.seed}, ${configSpace(d.config)}; ${formatCount(d.commandsExecuted)} commands`,
    verdict: d.verdict,
    neverExercised: d.commandCoverage.neverAccepted,
    rows: d.properties.map((p) => ({
      id: p.id, name: p.name, expect: p.expect, verdict: p.verdict, note: p.note,
      evidence: p.expect === 'sometimes' ? `reached in ${formatCount(p.count)} of ${formatCount(p.runs)} runs` : p.expect === 'eventually' && p.count > 0 ? `${formatCount(p.runs)} runs; ${formatCount(p.count)} did not settle` : `${formatCount(p.runs)} runs`,
      counterexample: p.counterexample === null ? null : { why: p.counterexample.why, steps: p.counterexample.steps, trace: p.counterexample.trace, replay: p.counterexample.replay },
      findings: p.verdict === 'counterexample' ? findingsFor(d.design.name, p.id) : [],
    })),
  };
}

function exploreMethod(d: ExploreSummary): ReportMethod {
  const bound = d.boundHit === null ? '' : `; bound hit: ${d.boundHit.detail}`;
  const probable = (verdict: string) => (d.store?.probabilistic === true && verdict === 'pass' ? 'pass (probabilistic)' : verdict); // --store compact: never a plain pass
  return {
    label: `exhaustive${d.store?.kind === 'compact' ? `, PROBABILISTIC (${d.store.note})` : ''}: ${configSpace(d.config)}${d.symmetry.applied ? ', symmetry' : ''}; ${formatCount(d.states)} states, ${formatCount(d.transitions)} transitions, depth ${d.maxDepth}${bound}`,
    verdict: probable(d.verdict),
    neverExercised: d.coverage.neverTaken,
    rows: d.properties.map((p) => ({
      id: p.id, name: p.name, expect: p.expect, verdict: probable(p.verdict), note: p.note,
      evidence: p.witness !== null
        ? `shortest path ${p.witness.steps} steps; reached by ${formatCount(p.witness.transitions)} transitions from ${formatCount(p.witness.states)} states`
        : p.counterexample !== null ? `shortest counterexample ${p.counterexample.steps} steps${p.counterexample.loopStart === null ? '' : ', a lasso'}`
        : p.verdict === 'pass' ? `all ${formatCount(d.states)} states` : '',
      counterexample: p.counterexample === null ? null : { why: p.counterexample.why, steps: p.counterexample.steps, trace: p.counterexample.trace, replay: p.counterexample.trace === null ? null : `npx slotcheck replay ${p.counterexample.trace}` },
      findings: p.verdict === 'counterexample' ? findingsFor(d.design.name, p.id) : [],
    })),
  };
}

/** The designs of a report in the order first met (runs, then explorations), each with its methods. */
export function reportDesigns(input: ReportInput): ReportDesign[] {
  const designs = new Map<string, { name: string; id: string; methods: ReportMethod[] }>();
  const entry = (design: { name: string; id: string }) => {
    if (!designs.has(design.name)) designs.set(design.name, { name: design.name, id: design.id, methods: [] });
    return designs.get(design.name)!;
  };
  for (const d of input.runs ?? []) entry(d.design).methods.push(runMethod(d));
  for (const d of input.explorations ?? []) entry(d.design).methods.push(exploreMethod(d));
  const titles = new Map((input.charts ?? []).map((c) => [c.design.name, c.design.title]));
  return [...[...designs.values()].map((d) => ({ ...d, title: titles.get(d.name) ?? null })), ...(input.designs ?? [])];
}

/** The chart drawn from a trace file, if any. */
export function chartFor(input: ReportInput, trace: string | null): ChartTrace | undefined {
  return trace === null ? undefined : (input.charts ?? []).find((c) => c.source === trace);
}
