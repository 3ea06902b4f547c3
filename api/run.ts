import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import type { PlantedBug } from '../impl/index.ts';
import { emulatorSubject } from '../check/conformance/subject.ts';
import { runSuite } from '../check/random/suite.ts';
import { DEFAULT_SUITE, type SuiteReport } from '../check/random/suite-report.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { designHash } from '../reports/design-hash.ts';
import { summarizeSuite, type DesignRunSummary } from '../reports/run-summary.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { addSuiteTraces } from '../reports/write-traces.ts';
import { configWith, resolveDesignInputs, wholeIn, type DesignInput } from './designs.ts';
import { CHECK_LIMITS } from '../check/certify/plan.ts';
import { shareOf, type Shard } from '../check/shard.ts';
import { exitCodeOf } from './errors.ts';
import { checkShard, commandFolder, shardFolder, shardRecord, type ShardRecord } from './folders.ts';
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
  /** As --out: write `run-summary.json`, a trace per counterexample, report.html and report.md into `<out>/run/`, replacing what an earlier run left there; without it nothing is written and trace paths are null. */
  readonly out?: string;
  /** Also write JUnit XML (a suite per design, a case per property) to this file. */
  readonly junit?: string;
  /** Run only this shard's designs (design k goes to shard k mod count + 1), into `<out>/run/shard-<index>-of-<count>/`; `merge` makes the whole run of the shards. */
  readonly shard?: Shard;
  /** Leave trace files an earlier run wrote in the folder (slotcheck/vitest: its test files share one); by default they are removed, so the summary lists exactly the traces beside it. */
  readonly keepOtherTraces?: boolean;
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
  const shard = checkShard(options.shard);
  const folder = options.out === undefined ? undefined : shardFolder(commandFolder(options.out, 'run'), shard);
  const files = new OutputFiles();
  const summaries: DesignRunSummary[] = [];
  for (const { job: { given, design } } of shareOf(designs, shard)) {
    const report = runSuite({
      ...DEFAULT_SUITE, design, config, seed, runs, maxCommands, engine: options.engine ?? 'packed',
      ...(options.onRun === undefined ? {} : { onRun: (done: number) => options.onRun!(design.name, done) }),
      ...(emulator === null ? {} : { subject: () => emulatorSubject(config, design, { plantedBug }) }),
    });
    const traces = folder === undefined ? new Map<string, string>() : addSuiteTraces(files, report, folder, emulator);
    const flags = `${options.modelOnly === true ? ' --model-only' : ''}${plantedBug === null ? '' : ` --planted-bug ${plantedBug}`}`;
    const reproduce = `npx slotcheck run --design ${given} --seed ${seed} --runs ${runs} --lpars ${config.lparCount} --slots ${config.slotCount} --faults ${config.faultBudget} --writes ${config.writeBudget} --max-commands ${maxCommands}${flags}`;
    const summary = summarizeSuite(report, reproduce, traces);
    summaries.push(summary);
    options.onReport?.(report, summary);
    // A suite runs synchronously: let signals and I/O in between designs (a Ctrl-C note, a progress line).
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  const result = runResult(summaries);
  if (folder !== undefined) {
    const record = shardRecord(shard, folder, designs.map((d) => d.design.name), {
      config, runs, seed, maxCommands, emulator, designs: designs.map((d) => ({ given: d.given, hash: designHash(d.design) })),
    });
    addRunFolder(files, folder, result, record, options.keepOtherTraces === true);
  }
  if (options.junit !== undefined) addJunit(files, options.junit, { run: result });
  files.commit();
  return result;
}

/** What `run` returns for these designs' summaries (in design order). */
export function runResult(designs: readonly DesignRunSummary[]): RunResult {
  return { tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'run', exitCode: exitCodeOf(designs.map((s) => s.verdict)), designs };
}

/** run-summary.json (with a shard's record), report.html and report.md in `folder`, which then holds exactly the traces added with them (unless `keepOtherTraces`). */
export function addRunFolder(files: OutputFiles, folder: string, result: RunResult, shard?: ShardRecord, keepOtherTraces = false): void {
  files.add(join(folder, 'run-summary.json'), canonicalJson(shard === undefined ? result : { ...result, shard }));
  addReports(files, folder, { run: result, ...(shard === undefined ? {} : { title: `slotcheck run, shard ${shard.index} of ${shard.count}` }) });
  if (!keepOtherTraces) files.replaceTraces(join(folder, 'traces'));
}
