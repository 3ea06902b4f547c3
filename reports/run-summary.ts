import type { PropertyReport, SuiteReport } from '../check/random/suite-report.ts';
import { designHash } from './design-hash.ts';

/** What `slotcheck run` reports for one design: the suite's verdicts, without the states. */
export interface DesignRunSummary extends Omit<SuiteReport, 'design' | 'initialState' | 'properties'> {
  readonly design: { readonly name: string; readonly id: string; readonly hash: string };
  readonly properties: readonly PropertySummary[];
  /** The command line that reruns exactly this. */
  readonly reproduce: string;
}

export interface PropertySummary {
  readonly id: string;
  readonly name: string;
  readonly expect: PropertyReport['expect'];
  readonly verdict: PropertyReport['verdict'];
  readonly runs: number;
  readonly count: number;
  readonly note: string;
  readonly counterexample: {
    readonly why: string;
    readonly stepIndex: number;
    readonly steps: number;
    readonly shrinks: number;
    readonly shrinkBoundHit: boolean;
    readonly path: string | null;
    /** The trace file written for it, and the line that replays it. */
    readonly trace: string | null;
    readonly replay: string | null;
  } | null;
}

export function summarizeSuite(report: SuiteReport, reproduce: string, traceFiles: ReadonlyMap<string, string>): DesignRunSummary {
  return {
    design: { name: report.design.name, id: report.design.id, hash: designHash(report.design) },
    config: report.config,
    seed: report.seed,
    runs: report.runs,
    maxCommands: report.maxCommands,
    commandsExecuted: report.commandsExecuted,
    acceptedCommands: report.acceptedCommands,
    commandCoverage: report.commandCoverage,
    verdict: report.verdict,
    reproduce,
    error: report.error,
    properties: report.properties.map((p) => {
      const cx = p.counterexample;
      const trace = traceFiles.get(p.id) ?? null;
      return {
        id: p.id, name: p.name, expect: p.expect, verdict: p.verdict, runs: p.runs, count: p.count, note: p.note,
        counterexample: cx === null ? null : {
          why: cx.why, stepIndex: cx.stepIndex, steps: cx.steps.length, shrinks: cx.shrinks, shrinkBoundHit: cx.shrinkBoundHit,
          path: cx.path, trace, replay: trace === null ? null : `npx slotcheck replay ${trace}`,
        },
      };
    }),
  };
}
