import { join } from 'node:path';
import { CHECK_LIMITS } from '../../check/certify/plan.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { renderMutateTable } from '../../reports/render/mutate-table.ts';
import { mutate } from '../../api/mutate.ts';
import { parseShard } from '../../api/folders.ts';
import { resolveDesign } from '../design-loader.ts';
import type { ExitCode } from '../errors.ts';
import { configFromOptions, directoryOption, fileOption, intOption, threadsOption } from '../options.ts';
import { progressBar, type Progress } from '../progress.ts';
import { shardNote } from './merge.ts';

export interface MutateCliOptions {
  readonly design?: string;
  readonly lpars?: string;
  readonly slots?: string;
  readonly faults?: string;
  readonly writes?: string;
  readonly runs?: string;
  readonly threads?: string;
  readonly json?: boolean;
  readonly out?: string;
  readonly junit?: string;
  readonly shard?: string;
}

/** `slotcheck mutate`: every single-decision variant of a design, checked; the kill matrix and the mutation score. */
export async function mutateCommand(options: MutateCliOptions): Promise<ExitCode> {
  const given = options.design ?? 'hardened';
  const design = { given, design: await resolveDesign(given) };
  const config = configFromOptions(options, { faults: 2, writes: 2, maxBudget: CHECK_LIMITS.exhaustiveBudget });
  const runs = intOption('runs', options.runs, 200, 1, CHECK_LIMITS.runs);
  const threads = threadsOption(options.threads);
  const outDir = directoryOption('out', options.out, join('reports', 'out'));
  const junit = fileOption('junit', options.junit);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  let progress: Progress | null = null;
  let elapsedMs: ReadonlyMap<string, { readonly explore: number; readonly random: number }> | undefined;
  const result = await mutate({
    design, config, runs, threads, out: outDir, ...(junit === undefined ? {} : { junit }), ...(shard === undefined ? {} : { shard }),
    // Explorations first, then random suites: one bar over both, so that it never goes back.
    onTimes: (times) => { elapsedMs = times; },
    onProgress: (done, total, phase) => { progress ??= progressBar(2 * total, !options.json, 'checks'); progress.update(phase === 'explore' ? done : total + done, `mutants: ${phase}`); },
  });
  (progress as Progress | null)?.stop();
  if (options.json) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`${renderMutateTable(result, elapsedMs)}\nkill matrix, summary, traces and report.html written to ${result.directory}${shardNote(shard)}\nexit code ${result.exitCode}: mutation score ${result.score.score} (${result.score.killed} killed, ${result.score.survived} survived unexplained, ${result.score.equivalent} equivalent, ${result.score.inconclusive} inconclusive)\n`);
  return result.exitCode;
}
