import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import { boundProblems, DEFAULT_BOUNDS, exploreMany, type ExploreBounds, type ExploreReport } from '../check/explore/index.ts';
import { EXPLORE_STORES, type ExploreStore, type SearchProgress } from '../check/explore/options.ts';
import { propertyById } from '../properties/catalogue.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { designHash } from '../reports/design-hash.ts';
import { exploreSummary, type ExploreSummary } from '../reports/explore-summary.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { addExploreTraces, exploreTraceFile } from '../reports/write-traces.ts';
import { configWith, resolveDesignInputs, wholeIn, type DesignInput } from './designs.ts';
import { exitCodeOf, SlotcheckError } from './errors.ts';
import { commandFolder } from './folders.ts';
import { addJunit, addReports } from './reports.ts';
import type { ExploreResult } from './results.ts';

export type { ExploreResult };

export interface ExploreApiOptions {
  /** Default: every built-in design. */
  readonly designs?: readonly DesignInput[];
  /** Default: 2 LPARs × 1 slot, fault budget 2, write budget 2 (as `slotcheck explore`). */
  readonly config?: Partial<Config>;
  /** Default: depth 10,000, 20,000,000 states, 600 s. Hitting one makes the verdict inconclusive (exit code 3). */
  readonly bounds?: Partial<ExploreBounds>;
  readonly symmetry?: boolean;
  readonly engine?: 'packed' | 'reference';
  /**
   * `exact` (default) keeps every state; `compact` keeps a 64-bit fingerprint per state (hash
   * compaction, as SPIN's -DHC; packed engine only): far less memory, but every verdict is
   * probabilistic (each summary's `store` gives the probability that a state was missed) and
   * liveness is not checked (LIV-* inconclusive). Counterexamples stay exact.
   */
  readonly store?: ExploreStore;
  /** Check only these property ids. */
  readonly only?: readonly string[];
  /** Designs explored side by side (default 1: this thread). */
  readonly threads?: number;
  /**
   * Threads for each design's search (default 1): with more, workers expand each breadth-first
   * level beside this thread (packed engine, exact store only); the same report, timing aside.
   */
  readonly searchThreads?: number;
  /** As --out: write `explore-summary.json`, a trace per counterexample, report.html and report.md into `<out>/explore/`, replacing what an earlier exploration left there; without it nothing is written and trace paths are null. */
  readonly out?: string;
  /** Leave trace files an earlier call wrote in the folder (slotcheck/vitest: its test files share one); by default they are removed, so the summary lists exactly the traces beside it. */
  readonly keepOtherTraces?: boolean;
  /** Also write JUnit XML (a suite per design, a case per property) to this file. */
  readonly junit?: string;
  readonly onProgress?: (designIndex: number, progress: SearchProgress) => void;
  /** Each design's full report (states, steps) as it is ready, in design order. */
  readonly onReport?: (report: ExploreReport, summary: ExploreSummary, traces: ReadonlyMap<string, string>) => void;
}

/** Most threads on one search. */
export const SEARCH_THREADS_MAX = 64;

export const EXPLORE_DEFAULTS = { config: { faultBudget: 2, writeBudget: 2 }, bounds: DEFAULT_BOUNDS } as const;

/** Breadth-first search of every reachable state within the bounds, per design (`slotcheck explore`). */
export async function explore(options: ExploreApiOptions = {}): Promise<ExploreResult> {
  const designs = resolveDesignInputs(options.designs);
  const config = configWith(options.config, EXPLORE_DEFAULTS.config);
  const bounds: ExploreBounds = { ...EXPLORE_DEFAULTS.bounds, ...options.bounds };
  const badBound = boundProblems(bounds)[0];
  if (badBound !== undefined) throw new SlotcheckError('SC002', `bounds.${badBound.message}`, 'give depthMax ≥ 0, statesMax ≥ 1 and timeLimitMs ≥ 1, whole numbers');
  const unknown = (options.only ?? []).filter((id) => propertyById(id) === undefined);
  if (unknown.length > 0) throw new SlotcheckError('SC002', `only names unknown properties: ${unknown.join(', ')}`, 'use catalogue ids such as INV-01, LIV-03, WIT-05 (DESIGN.md §4)');
  const engine = options.engine ?? 'packed';
  const store = options.store ?? 'exact';
  if (!EXPLORE_STORES.includes(store)) throw new SlotcheckError('SC002', `store is "${String(store)}"`, `use store ${EXPLORE_STORES.map((s) => `"${s}"`).join(' or ')}`);
  if (store === 'compact' && engine === 'reference') throw new SlotcheckError('SC002', 'store "compact" with engine "reference"', 'hash compaction fingerprints the packed engine\'s states: use engine "packed" (the default) with store "compact"');
  const searchThreads = wholeIn('searchThreads', options.searchThreads ?? 1, 1, SEARCH_THREADS_MAX);
  if (searchThreads > 1 && (engine !== 'packed' || store !== 'exact')) throw new SlotcheckError('SC002', `searchThreads ${searchThreads} with engine "${engine}" and store "${store}"`, 'one search on several threads runs the packed engine with the exact store (the defaults): leave engine and store out, or searchThreads at 1');
  const jobs = designs.map(({ design }) => ({ design, config, ...bounds, symmetry: options.symmetry === true, engine, store, searchThreads, ...(options.only === undefined ? {} : { only: options.only }) }) as const);
  const reports = exploreMany(jobs, options.threads ?? 1, options.onProgress === undefined ? {} : { onProgress: options.onProgress });
  const folder = options.out === undefined ? undefined : commandFolder(options.out, 'explore');
  const files = new OutputFiles();
  const summaries: ExploreSummary[] = [];
  for (const [i, { design }] of designs.entries()) {
    const report = await reports[i]!;
    const traces = folder === undefined ? new Map<string, string>() : addExploreTraces(files, report, design, (id) => exploreTraceFile(folder, design.name, id, report.config, report.symmetry.applied));
    const summary = exploreSummary(report, designHash(design), traces);
    summaries.push(summary);
    options.onReport?.(report, summary, traces);
  }
  const result: ExploreResult = { tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'explore', exitCode: exitCodeOf(summaries.map((s) => s.verdict)), designs: summaries };
  if (folder !== undefined) {
    files.add(join(folder, 'explore-summary.json'), canonicalJson(result));
    addReports(files, folder, { explore: result });
    if (options.keepOtherTraces !== true) files.replaceTraces(join(folder, 'traces'));
  }
  if (options.junit !== undefined) addJunit(files, options.junit, { explore: result });
  files.commit();
  return result;
}
