import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import type { PlantedBug } from '../impl/index.ts';
import { emulatorSubject } from '../check/conformance/subject.ts';
import { runSuite } from '../check/random/suite.ts';
import { DEFAULT_SUITE, type SuiteReport } from '../check/random/suite-report.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { summarizeSuite, type DesignRunSummary } from '../reports/run-summary.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { addSuiteTraces } from '../reports/write-traces.ts';
import { configWith, resolveDesignInputs, wholeIn, type DesignInput } from './designs.ts';
import { CHECK_LIMITS } from '../check/certify/plan.ts';
import { exitCodeOf } from './errors.ts';
import { addJunit, addReports } from './reports.ts';
import type { RunResult } from './results.ts';

export type { RunResult };

export interface RunApiOptions {
  /** Default: every built-in design. */
  readonly designs?: readonly DesignInput[];
  /** Default: 2 LPARs × 1 slot, fault budget 4, write budget 3 (as `slotcheck run`). */
  readonly config?: Partial<Config>;
  /** Random runs per design (default 200). */
  readonly runs?: number;
  /** Default 1. The same seed and version give the same result, byte for byte. */
  readonly seed?: number;
  /** Generated commands per run, at most (default 60). */
  readonly maxCommands?: number;
  /** Run the model alone, without the emulator and the CONFORMANCE check. */
  readonly modelOnly?: boolean;
  readonly engine?: 'packed' | 'reference';
  /** Test-only: an emulator defect the suite must catch. */
  readonly plantedBug?: PlantedBug | null;
  /** Write `run-summary.json`, a trace per counterexample, report.html and report.md here, as the CLI does; without it nothing is written and trace paths are null. */
  readonly out?: string;
  /** Also write JUnit XML (a suite per design, a case per property) to this file. */
  readonly junit?: string;
  readonly onRun?: (design: string, runsDone: number) => void;
  /** Each design's suite report as it is ready. */
  readonly onReport?: (report: SuiteReport, summary: DesignRunSummary) => void;
}

export const RUN_DEFAULTS = { config: { faultBudget: 4, writeBudget: 3 }, seed: 1 } as const;

/** Random model-based runs of every design, model against emulator (`slotcheck run`). */
export async function run(options: RunApiOptions = {}): Promise<RunResult> {
  const designs = resolveDesignInputs(options.designs);
  const config = configWith(options.config, RUN_DEFAULTS.config);
  const runs = wholeIn('runs', options.runs ?? DEFAULT_SUITE.runs, 1, CHECK_LIMITS.runs);
  const seed = wholeIn('seed', options.seed ?? RUN_DEFAULTS.seed, 0, CHECK_LIMITS.seed);
  const maxCommands = wholeIn('maxCommands', options.maxCommands ?? DEFAULT_SUITE.maxCommands, 1, CHECK_LIMITS.maxCommands);
  const plantedBug = options.plantedBug ?? null;
  const emulator = options.modelOnly === true ? null : { plantedBug };
  const files = new OutputFiles();
  const summaries: DesignRunSummary[] = [];
  for (const { given, design } of designs) {
    const report = runSuite({
      ...DEFAULT_SUITE, design, config, seed, runs, maxCommands, engine: options.engine ?? 'packed',
      ...(options.onRun === undefined ? {} : { onRun: (done: number) => options.onRun!(design.name, done) }),
      ...(emulator === null ? {} : { subject: () => emulatorSubject(config, design, { plantedBug }) }),
    });
    const traces = options.out === undefined ? new Map<string, string>() : addSuiteTraces(files, report, options.out, emulator);
    const flags = `${options.modelOnly === true ? ' --model-only' : ''}${plantedBug === null ? '' : ` --planted-bug ${plantedBug}`}`;
    const reproduce = `npx slotcheck run --design ${given} --seed ${seed} --runs ${runs} --lpars ${config.lparCount} --slots ${config.slotCount} --faults ${config.faultBudget} --writes ${config.writeBudget} --max-commands ${maxCommands}${flags}`;
    const summary = summarizeSuite(report, reproduce, traces);
    summaries.push(summary);
    options.onReport?.(report, summary);
    // A suite runs synchronously: let signals and I/O in between designs (a Ctrl-C note, a progress line).
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  const result: RunResult = { tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'run', exitCode: exitCodeOf(summaries.map((s) => s.verdict)), designs: summaries };
  if (options.out !== undefined) {
    files.add(join(options.out, 'run-summary.json'), canonicalJson(result));
    addReports(files, options.out, { run: result });
  }
  if (options.junit !== undefined) addJunit(files, options.junit, { run: result });
  files.commit();
  return result;
}
