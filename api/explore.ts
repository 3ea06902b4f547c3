import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import { boundProblems, exploreMany, type ExploreBounds, type ExploreReport } from '../check/explore/index.ts';
import type { SearchProgress } from '../check/explore/options.ts';
import { propertyById } from '../properties/catalogue.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { designHash } from '../reports/design-hash.ts';
import { exploreSummary, type ExploreSummary } from '../reports/explore-summary.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { addExploreTraces, exploreTraceFile } from '../reports/write-traces.ts';
import { configWith, resolveDesignInputs, type DesignInput } from './designs.ts';
import { exitCodeOf, SlotcheckError } from './errors.ts';
import { addJunit, addReports } from './reports.ts';
import type { ExploreResult } from './results.ts';

export type { ExploreResult };

export interface ExploreApiOptions {
  /** Default: every built-in design. */
  readonly designs?: readonly DesignInput[];
  /** Default: 2 LPARs × 1 slot, fault budget 2, write budget 2 (as `slotcheck explore`). */
  readonly config?: Partial<Config>;
  /** Default: depth 10,000, 5,000,000 states, 600 s. Hitting one makes the verdict inconclusive (exit code 3). */
  readonly bounds?: Partial<ExploreBounds>;
  readonly symmetry?: boolean;
  readonly engine?: 'packed' | 'reference';
  /** Check only these property ids. */
  readonly only?: readonly string[];
  /** Designs explored side by side (default 1: this thread). */
  readonly threads?: number;
  /** Write `explore-summary.json`, a trace per counterexample, report.html and report.md here, as the CLI does; without it nothing is written and trace paths are null. */
  readonly out?: string;
  /** Also write JUnit XML (a suite per design, a case per property) to this file. */
  readonly junit?: string;
  readonly onProgress?: (designIndex: number, progress: SearchProgress) => void;
  /** Each design's full report (states, steps) as it is ready, in design order. */
  readonly onReport?: (report: ExploreReport, summary: ExploreSummary, traces: ReadonlyMap<string, string>) => void;
}

export const EXPLORE_DEFAULTS = { config: { faultBudget: 2, writeBudget: 2 }, bounds: { depthMax: 10_000, statesMax: 5_000_000, timeLimitMs: 600_000 } } as const;

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
  const jobs = designs.map(({ design }) => ({ design, config, ...bounds, symmetry: options.symmetry === true, engine, ...(options.only === undefined ? {} : { only: options.only }) }) as const);
  const reports = exploreMany(jobs, options.threads ?? 1, options.onProgress === undefined ? {} : { onProgress: options.onProgress });
  const files = new OutputFiles();
  const summaries: ExploreSummary[] = [];
  for (const [i, { design }] of designs.entries()) {
    const report = await reports[i]!;
    const traces = options.out === undefined ? new Map<string, string>() : addExploreTraces(files, report, design, (id) => exploreTraceFile(options.out!, design.name, id, report.config, report.symmetry.applied));
    const summary = exploreSummary(report, designHash(design), traces);
    summaries.push(summary);
    options.onReport?.(report, summary, traces);
  }
  const result: ExploreResult = { tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'explore', exitCode: exitCodeOf(summaries.map((s) => s.verdict)), designs: summaries };
  if (options.out !== undefined) {
    files.add(join(options.out, 'explore-summary.json'), canonicalJson(result));
    addReports(files, options.out, { explore: result });
  }
  if (options.junit !== undefined) addJunit(files, options.junit, { explore: result });
  files.commit();
  return result;
}
