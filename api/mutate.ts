import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import type { ExploreReport } from '../check/explore/report.ts';
import { mutate as mutateCheck, type MutantCheck } from '../check/mutate/mutate.ts';
import { mutateExitCode, mutationScore, type KillingProperty, type MutateOutcome, type MutantRow } from '../check/mutate/mutate-report.ts';
import type { Shard } from '../check/shard.ts';
import { generateMutants } from '../check/mutate/mutants.ts';
import { DEFAULT_SUITE, type SuiteReport } from '../check/random/suite-report.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { designHash } from '../reports/design-hash.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { mutateJunitReport } from '../reports/junit.ts';
import { renderKillMatrix } from '../reports/render/mutate-table.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { addExploreTraces, addSuiteTraces, exploreTraceFile } from '../reports/write-traces.ts';
import { configWith, resolveDesignInputs, wholeIn, type DesignInput } from './designs.ts';
import { CHECK_LIMITS } from '../check/certify/plan.ts';
import type { ExitCode } from './errors.ts';
import { checkShard, mutateFolder, shardFolder, shardRecord, type ShardRecord } from './folders.ts';
import { addReports, mutateReportSources } from './reports.ts';

export interface MutateApiOptions {
  /** The base design (default `hardened`). */
  readonly design?: DesignInput;
  /** Default: 2 LPARs × 1 slot, fault budget 2, write budget 2 (the explorer's default bound); the random suite runs at the same configuration. */
  readonly config?: Partial<Config>;
  /** Random runs per mutant (default 200). */
  readonly runs?: number;
  /** Default 1. The same seed and version give the same result, byte for byte. */
  readonly seed?: number;
  /** Mutants checked side by side (default 1: this thread). */
  readonly threads?: number;
  /** States one exploration stores at most (default 2,000,000); hitting it makes that mutant inconclusive (exit code 3). */
  readonly statesMax?: number;
  /** Random runs on the model alone, without the emulator and CONFORMANCE (default false). */
  readonly modelOnly?: boolean;
  /** As --out: write `mutate-summary.json`, `kill-matrix.md`, a trace per killing counterexample, report.html and report.md into `<out>/mutate/<design>-<bound>/`, replacing what an earlier run left there. */
  readonly out?: string;
  /** Also write JUnit XML (a suite per mutant, a case per property that kills it; a survivor is a failure) to this file. */
  readonly junit?: string;
  /** Check only this shard's mutants (mutant k goes to shard k mod count + 1; the base in every shard), into `…/shard-<index>-of-<count>/`; `merge` makes the whole run of the shards. */
  readonly shard?: Shard;
  /** Told as each check ends: explorations first, then random suites (base included in `total`). */
  readonly onProgress?: (done: number, total: number, phase: 'explore' | 'random') => void;
  /** Told once, at the end: each mutant's wall time, exploration and random suite (in no file and not in the result, which stay byte-reproducible). */
  readonly onTimes?: (elapsedMs: ReadonlyMap<string, MutantCheck['elapsedMs']>) => void;
}

/** What `slotcheck mutate --json` prints: the check's outcome, with the design's hash and where the files went. */
export interface MutateApiResult extends MutateOutcome {
  readonly tool: 'slotcheck';
  readonly toolVersion: string;
  readonly command: 'mutate';
  readonly exitCode: ExitCode;
  readonly design: { readonly name: string; readonly id: string; readonly hash: string };
  /** Where the files went (null without `out`). */
  readonly directory: string | null;
}

export const MUTATE_DEFAULTS = {
  design: 'hardened', config: { faultBudget: 2, writeBudget: 2 }, runs: DEFAULT_SUITE.runs, seed: 1, statesMax: 2_000_000, depthMax: 10_000, timeLimitMs: 600_000,
} as const;

/** The directory a mutate run writes to: one per base design and configuration. */
export const mutateDirectory: (out: string, designName: string, config: Config) => string = mutateFolder;

/**
 * Every single-decision mutant of a design, each explored at the bound and run through the random
 * suite at a fixed seed, judged against the design itself (`slotcheck mutate`): the kill matrix
 * and the mutation score. Exit code 1 when a mutant survives that properties/equivalent-mutants.json
 * does not justify, 3 when a bound stopped a check, 0 otherwise.
 */
export async function mutate(options: MutateApiOptions = {}): Promise<MutateApiResult> {
  const { design: base } = resolveDesignInputs([options.design ?? MUTATE_DEFAULTS.design])[0]!;
  const config = configWith(options.config, MUTATE_DEFAULTS.config);
  const runs = wholeIn('runs', options.runs ?? MUTATE_DEFAULTS.runs, 1, CHECK_LIMITS.runs);
  const seed = wholeIn('seed', options.seed ?? MUTATE_DEFAULTS.seed, 0, CHECK_LIMITS.seed);
  const threads = wholeIn('threads', options.threads ?? 1, 1, 64);
  const statesMax = wholeIn('statesMax', options.statesMax ?? MUTATE_DEFAULTS.statesMax, 1, CHECK_LIMITS.statesMax);
  const shard = checkShard(options.shard);
  const result = await mutateCheck({
    base, config, runs, seed, threads, statesMax, depthMax: MUTATE_DEFAULTS.depthMax, timeLimitMs: MUTATE_DEFAULTS.timeLimitMs,
    maxCommands: DEFAULT_SUITE.maxCommands, emulator: options.modelOnly !== true,
    ...(shard === undefined ? {} : { shard }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const { outcome } = result;
  options.onTimes?.(new Map(result.checks.map((c) => [c.mutant.id, c.elapsedMs])));
  const files = new OutputFiles();
  const dir = options.out === undefined ? null : shardFolder(mutateFolder(options.out, base.name, config), shard);
  const mutants = result.checks.map((check) => (dir === null ? check.row : withTraces(files, dir, check, options.modelOnly === true)));
  const answer = mutateResult({ ...outcome, mutants, design: { name: base.name, id: base.id, hash: designHash(base) } }, dir);
  if (dir !== null) addMutateFolder(files, dir, answer, shardRecord(shard, dir, generateMutants(base).mutants.map((m) => m.id), { design: answer.design, bound: answer.bound }));
  if (options.junit !== undefined) files.add(options.junit, mutateJunitReport(answer));
  files.commit();
  return answer;
}

/** What `mutate` returns, from the check's outcome: the score and exit code follow from its rows. */
export function mutateResult(outcome: Omit<MutateOutcome, 'score'> & Pick<MutateApiResult, 'design'>, directory: string | null): MutateApiResult {
  const score = mutationScore(outcome.mutants);
  const { base, bound, mutants, invalid, sameAsBase, stale, design } = outcome;
  return {
    tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'mutate', exitCode: mutateExitCode(score, base.inconclusive !== null),
    design, bound, base, mutants, invalid, sameAsBase, stale, score, directory,
  };
}

/** mutate-summary.json (with a shard's record), kill-matrix.md, report.html and report.md in `folder`, which then holds exactly the traces added with them. */
export function addMutateFolder(files: OutputFiles, folder: string, answer: MutateApiResult, shard?: ShardRecord): void {
  files.add(join(folder, 'mutate-summary.json'), canonicalJson(shard === undefined ? answer : { ...answer, shard }));
  files.add(join(folder, 'kill-matrix.md'), renderKillMatrix(answer));
  addReports(files, folder, mutateReportSources(answer, shard));
  files.replaceTraces(join(folder, 'traces'));
}

/** The killing counterexamples of a mutant as traces (added to `files`), and its row with their paths. */
function withTraces(files: OutputFiles, dir: string, check: MutantCheck, modelOnly: boolean): MutantRow {
  const killing = new Set(check.row.killing.map((k) => k.id));
  if (killing.size === 0) return check.row;
  const onlyKilling = <P extends { readonly id: string; readonly counterexample: unknown }>(ps: readonly P[]): P[] =>
    ps.map((p) => (killing.has(p.id) ? p : { ...p, counterexample: null }));
  const explore: ExploreReport = { ...check.explore, properties: onlyKilling(check.explore.properties) };
  const random: SuiteReport = { ...check.random, properties: onlyKilling(check.random.properties) };
  const design = check.mutant.design;
  const explorerTraces = addExploreTraces(files, explore, design, (id) => exploreTraceFile(dir, design.name, id, explore.config, false));
  const randomTraces = addSuiteTraces(files, random, dir, modelOnly ? null : { plantedBug: null });
  const traced = (k: KillingProperty): KillingProperty => ({ ...k, traces: { explorer: explorerTraces.get(k.id) ?? null, random: randomTraces.get(k.id) ?? null } });
  return { ...check.row, killing: check.row.killing.map(traced) };
}
