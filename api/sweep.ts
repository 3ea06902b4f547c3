import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import { CHECK_LIMITS } from '../check/certify/plan.ts';
import type { Shard } from '../check/shard.ts';
import { orderingLabel } from '../check/sweep/orderings.ts';
import { sweep as sweepCheck, sweepOrderings } from '../check/sweep/sweep.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { renderSweepTable } from '../reports/render/sweep-table.ts';
import { sweepExitCode, sweepRowSummary, sweepSummary, type SweepSummary } from '../reports/sweep-summary.ts';
import { addExploreTraces } from '../reports/write-traces.ts';
import { configWith, resolveDesignInputs, wholeIn, type DesignInput } from './designs.ts';
import { checkShard, shardFolder, shardRecord, sweepFolder, type ShardRecord } from './folders.ts';
import { addReports, sweepReportSources } from './reports.ts';

export interface SweepApiOptions {
  /** The base design (default `patent-lpar-a`). */
  readonly design?: DesignInput;
  /** Default: 2 LPARs × 1 slot, fault budget 1, write budget 1 (as `slotcheck sweep`). */
  readonly config?: Partial<Config>;
  /** States one exploration stores at most (default 2,000,000); hitting it makes that ordering inconclusive (exit code 3). */
  readonly statesMax?: number;
  /** Explore only the first `limit` orderings. */
  readonly limit?: number;
  /** Orderings explored side by side (default 1: this thread). */
  readonly threads?: number;
  /** As --out: write sweep.json, sweep.md, a trace per failure, report.html and report.md into `<out>/sweep/<design>-<bound>/`, replacing what an earlier sweep left there. */
  readonly out?: string;
  /** Explore only this shard's orderings (ordering k goes to shard k mod count + 1), into `…/shard-<index>-of-<count>/`; `merge` makes the whole sweep of the shards. */
  readonly shard?: Shard;
  readonly onOrdering?: (done: number, total: number) => void;
}

/** What `slotcheck sweep --json` prints: sweep.json's summary and the exit code (3 when a bound stopped an ordering, else 0). */
export interface SweepApiResult extends SweepSummary {
  readonly exitCode: 0 | 3;
}

export const SWEEP_DEFAULTS = { design: 'patent-lpar-a', config: { faultBudget: 1, writeBudget: 1 }, statesMax: 2_000_000, depthMax: 10_000, orderingsMax: 5040 } as const;

/** The base design under every ordering of its fail-over script, each explored (`slotcheck sweep`). */
export async function sweep(options: SweepApiOptions = {}): Promise<SweepApiResult> {
  const { design: base } = resolveDesignInputs([options.design ?? SWEEP_DEFAULTS.design])[0]!;
  const config = configWith(options.config, SWEEP_DEFAULTS.config);
  const statesMax = wholeIn('statesMax', options.statesMax ?? SWEEP_DEFAULTS.statesMax, 1, CHECK_LIMITS.statesMax);
  const limit = options.limit === undefined ? undefined : wholeIn('limit', options.limit, 1, SWEEP_DEFAULTS.orderingsMax);
  const threads = wholeIn('threads', options.threads ?? 1, 1, 64);
  const shard = checkShard(options.shard);
  const result = await sweepCheck({
    base, config, statesMax, depthMax: SWEEP_DEFAULTS.depthMax, threads,
    ...(limit === undefined ? {} : { limit }), ...(shard === undefined ? {} : { shard }),
    ...(options.onOrdering === undefined ? {} : { onOrdering: options.onOrdering }),
  });
  const files = new OutputFiles();
  const dir = options.out === undefined ? null : shardFolder(sweepFolder(options.out, base.name, config), shard);
  const rows = result.rows.map((row) => {
    const index = String(row.index).padStart(3, '0');
    const traces = dir === null ? new Map<string, string>() : addExploreTraces(files, row.report, row.design, (id) => join(dir, 'traces', `${index}-${id}.itf.json`));
    return sweepRowSummary(row, traces);
  });
  const summary = sweepSummary(result, rows);
  if (dir !== null) {
    addSweepFolder(files, dir, summary, shardRecord(shard, dir, sweepOrderings(base, limit).map(orderingLabel), { base: summary.base, config, statesMax }));
  }
  files.commit();
  return { ...summary, exitCode: sweepExitCode(summary) };
}

/** sweep.json (with a shard's record), sweep.md, report.html and report.md in `folder`, which then holds exactly the traces added with them. */
export function addSweepFolder(files: OutputFiles, folder: string, summary: SweepSummary, shard?: ShardRecord): void {
  files.add(join(folder, 'sweep.json'), canonicalJson(shard === undefined ? summary : { ...summary, shard }));
  files.add(join(folder, 'sweep.md'), renderSweepTable(summary));
  addReports(files, folder, sweepReportSources(summary, shard));
  files.replaceTraces(join(folder, 'traces'));
}
