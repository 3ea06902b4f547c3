import { join } from 'node:path';
import type { Config } from '../../model/index.ts';
import { propertyById } from '../../properties/catalogue.ts';
import { CHECK_LIMITS } from '../../check/certify/plan.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { renderExploreTable } from '../../reports/render/explore-table.ts';
import { explore, EXPLORE_DEFAULTS, SEARCH_THREADS_MAX } from '../../api/explore.ts';
import { commandFolder } from '../../api/folders.ts';
import { resolveDesigns } from '../design-loader.ts';
import { CliError, exitLine, type ExitCode } from '../errors.ts';
import { configFromOptions, directoryOption, fileOption, intOption, threadsOption } from '../options.ts';
import { installInterruptNote, statusLine } from '../progress.ts';

export interface ExploreCliOptions {
  readonly design?: string[];
  readonly lpars?: string;
  readonly slots?: string;
  readonly faults?: string;
  readonly writes?: string;
  readonly depth?: string;
  readonly statesMax?: string;
  readonly timeLimit?: string;
  readonly symmetry?: boolean;
  readonly engine?: string;
  readonly store?: string;
  readonly only?: string;
  readonly threads?: string;
  readonly searchThreads?: string;
  readonly json?: boolean;
  readonly out?: string;
  readonly junit?: string;
}

/** `slotcheck explore`: breadth-first over every reachable state within the bounds. */
export async function exploreCommand(options: ExploreCliOptions): Promise<ExitCode> {
  const designs = await resolveDesigns(options.design);
  const config: Config = configFromOptions(options, { faults: 2, writes: 2, maxBudget: CHECK_LIMITS.exhaustiveBudget });
  const bounds = {
    depthMax: intOption('depth', options.depth, EXPLORE_DEFAULTS.bounds.depthMax, 0, CHECK_LIMITS.depthMax),
    statesMax: intOption('states-max', options.statesMax, EXPLORE_DEFAULTS.bounds.statesMax, 1, CHECK_LIMITS.statesMax),
    timeLimitMs: intOption('time-limit', options.timeLimit, EXPLORE_DEFAULTS.bounds.timeLimitMs / 1000, 1, 86_400) * 1000,
  };
  const only = options.only?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = (only ?? []).filter((id) => propertyById(id) === undefined);
  if (unknown.length > 0) throw new CliError('SC002', `--only names unknown properties: ${unknown.join(', ')}`, 'use catalogue ids such as INV-01, LIV-03, WIT-05 (DESIGN.md §4)');
  if (only !== undefined && only.length === 0) throw new CliError('SC002', `--only "${options.only}" names no property`, 'name at least one catalogue id, such as --only INV-01,LIV-03, or leave --only out to check every property');
  const outDir = directoryOption('out', options.out, join('reports', 'out'));
  const junit = fileOption('junit', options.junit);
  const engine = options.engine ?? 'packed';
  if (engine !== 'packed' && engine !== 'reference') throw new CliError('SC002', `--engine is "${engine}"`, 'use --engine packed (the default) or --engine reference');
  const store = options.store ?? 'exact';
  if (store !== 'exact' && store !== 'compact') throw new CliError('SC002', `--store is "${store}"`, 'use --store exact (the default) or --store compact');
  if (store === 'compact' && engine === 'reference') throw new CliError('SC002', '--store compact with --engine reference', 'hash compaction runs on the packed engine: leave --engine out (packed is the default) or use --store exact');
  const threads = threadsOption(options.threads);
  // Threads left once every design has one go to each design's search (exact packed search only).
  const searchThreadsShare = engine === 'packed' && store === 'exact' ? Math.max(1, Math.floor(threads / designs.length)) : 1;
  const searchThreads = intOption('search-threads', options.searchThreads, searchThreadsShare, 1, SEARCH_THREADS_MAX);
  if (searchThreads > 1 && (engine !== 'packed' || store !== 'exact')) throw new CliError('SC002', `--search-threads ${searchThreads} with --engine ${engine} --store ${store}`, 'one search on several threads runs the packed engine with the exact store: leave --engine and --store out, or --search-threads out');
  // Designs are explored side by side on worker threads; reports are read, printed and written in
  // design order. While they run, a status line (a terminal only) says how far each has got.
  const status = statusLine(!options.json);
  const running = new Map<number, string>();
  // While tables are printed and later designs still explored, Ctrl-C says that nothing was written.
  const removeInterruptNote = installInterruptNote();
  let result;
  try {
    result = await explore({
      designs, config, bounds, symmetry: options.symmetry === true, engine, store, threads, searchThreads, out: outDir,
      ...(only === undefined ? {} : { only }),
      ...(junit === undefined ? {} : { junit }),
      onProgress: (i, p) => {
        running.set(i, `${designs[i]!.design.name} depth ${p.depth}, ${p.states.toLocaleString('en-US')} states, ${Math.round(p.elapsedMs / 1000)} s`);
        status.show(`exploring: ${[...running.values()].join('; ')}`);
      },
      onReport: (report, _summary, traces) => {
        running.delete(designs.findIndex((d) => d.design.name === report.design.name));
        status.clear();
        if (options.json) return;
        process.stdout.write(`${renderExploreTable(report, traces)}\n`);
        process.stdout.write(`  ${report.timing.elapsedMs.toFixed(0)} ms, ${Math.round(report.timing.transitionsPerSecond)} transitions/s, ${engine} engine${searchThreads > 1 ? ` on ${searchThreads} threads` : ''}\n\n`);
      },
    });
  } finally {
    removeInterruptNote();
  }
  if (options.json) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`summary, traces and report.html written to ${commandFolder(outDir, 'explore')}\n${exitLine(result.exitCode, result.designs)}\n`);
  return result.exitCode;
}
