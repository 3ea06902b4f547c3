import { join } from 'node:path';
import type { Config } from '../../model/index.ts';
import { CHECK_LIMITS } from '../../check/certify/plan.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { renderSweepTable } from '../../reports/render/sweep-table.ts';
import { parseShard, shardFolder, sweepFolder } from '../../api/folders.ts';
import { sweep, SWEEP_DEFAULTS } from '../../api/sweep.ts';
import { resolveDesign } from '../design-loader.ts';
import { EXIT, type ExitCode } from '../errors.ts';
import { configFromOptions, directoryOption, intOption, threadsOption } from '../options.ts';
import { installInterruptNote, progressBar, type Progress } from '../progress.ts';
import { shardNote } from './merge.ts';

export interface SweepCliOptions {
  readonly design?: string;
  readonly lpars?: string;
  readonly slots?: string;
  readonly faults?: string;
  readonly writes?: string;
  readonly statesMax?: string;
  readonly limit?: string;
  readonly threads?: string;
  readonly shard?: string;
  readonly json?: boolean;
  readonly out?: string;
}

/**
 * `slotcheck sweep`: the base design under every ordering of its fail-over script. The table is
 * the result, failures included: exit 0 when every ordering was explored to the end, 3 when a
 * bound stopped one.
 */
export async function sweepCommand(options: SweepCliOptions): Promise<ExitCode> {
  const given = options.design ?? SWEEP_DEFAULTS.design;
  const base = await resolveDesign(given);
  const config: Config = configFromOptions(options, { faults: 1, writes: 1, maxBudget: 10 });
  const statesMax = intOption('states-max', options.statesMax, SWEEP_DEFAULTS.statesMax, 1, CHECK_LIMITS.statesMax);
  const limit = options.limit === undefined ? undefined : intOption('limit', options.limit, 120, 1, SWEEP_DEFAULTS.orderingsMax);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const out = directoryOption('out', options.out, join('reports', 'out'));
  // One folder per base design and configuration: a sweep at another bound keeps this one's table and traces.
  const dir = shardFolder(sweepFolder(out, base.name, config), shard);
  let progress: Progress | null = null;
  const threads = threadsOption(options.threads);
  // While orderings are explored on other threads, Ctrl-C says that nothing was written.
  const removeInterruptNote = installInterruptNote();
  const result = await sweep({
    design: { given, design: base }, config, statesMax, threads, out, ...(limit === undefined ? {} : { limit }), ...(shard === undefined ? {} : { shard }),
    onOrdering: (done, total) => { progress ??= progressBar(total, !options.json, 'orderings'); progress.update(done, base.name); },
  }).finally(removeInterruptNote);
  (progress as Progress | null)?.stop();
  const { exitCode, ...summary } = result;
  const stopped = result.rows.filter((r) => r.verdict === 'inconclusive').map((r) => r.index);
  // --json carries the exit code, as run's and explore's do; sweep.json has none.
  if (options.json) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`${renderSweepTable(summary)}\ntable: ${join(dir, 'sweep.md')}; data, traces and report.html: ${dir}${shardNote(shard)}\n${sweepExitLine(exitCode, result.rows, stopped)}\n`);
  return exitCode;
}

/** The closing line: the exit code, and what decided it (a failing ordering is a result of the sweep, not its failure). */
function sweepExitLine(exitCode: ExitCode, rows: readonly { readonly verdict: string }[], stopped: readonly number[]): string {
  const failing = rows.filter((r) => r.verdict === 'counterexample').length;
  const found = `${failing} of ${rows.length} ordering(s) break a property (the table says which)`;
  if (exitCode === EXIT.holds) return `exit code 0: every ordering explored to the end; ${found}`;
  return `exit code 3: a bound stopped ordering(s) ${stopped.join(', ')} before the end (the table marks them); ${found}`;
}
