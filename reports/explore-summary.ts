import type { ExploreReport } from '../check/explore/report.ts';

/** The deterministic part of an exploration's report (no timing), as `explore --json` and the summary file carry it. */
export function exploreSummary(report: ExploreReport, designHashHex: string, traces: ReadonlyMap<string, string>) {
  const { timing: _timing, initialState: _initial, ...rest } = report;
  return {
    ...rest,
    design: { ...report.design, hash: designHashHex },
    properties: report.properties.map((p) => ({
      id: p.id, name: p.name, expect: p.expect, verdict: p.verdict, note: p.note,
      counterexample: p.counterexample === null ? null : {
        why: p.counterexample.why, steps: p.counterexample.steps.length, loopStart: p.counterexample.loopStart,
        commands: p.counterexample.steps.map((s) => s.command), trace: traces.get(p.id) ?? null,
      },
      witness: p.witness === null ? null : { steps: p.witness.steps.length, states: p.witness.states, unreducedStates: p.witness.unreducedStates, transitions: p.witness.transitions, commands: p.witness.steps.map((s) => s.command) },
    })),
  };
}

export type ExploreSummary = ReturnType<typeof exploreSummary>;
