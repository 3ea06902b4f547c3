import { join } from 'node:path';
import type { Config } from '../../model/index.ts';
import { PLANTED_BUGS, type PlantedBug } from '../../impl/index.ts';
import { DEFAULT_SUITE } from '../../check/random/suite-report.ts';
import { CHECK_LIMITS } from '../../check/certify/plan.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { renderRunTable } from '../../reports/render/run-table.ts';
import { run } from '../../api/run.ts';
import { commandFolder, parseShard, shardFolder } from '../../api/folders.ts';
import { shardNote } from './merge.ts';
import { CliError, exitLine, type ExitCode } from '../errors.ts';
import { resolveDesigns } from '../design-loader.ts';
import { configFromOptions, directoryOption, fileOption, intOption } from '../options.ts';
import { installInterruptNote, progressBar, type Progress } from '../progress.ts';

export interface RunOptions {
  readonly design?: string[];
  readonly lpars?: string;
  readonly slots?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly maxCommands?: string;
  readonly faults?: string;
  readonly writes?: string;
  readonly json?: boolean;
  readonly out?: string;
  readonly junit?: string;
  readonly modelOnly?: boolean;
  readonly engine?: string;
  readonly shard?: string;
  /** Test-only: run the emulator with a planted defect the suite must catch. */
  readonly plantedBug?: string;
}

export const DEFAULT_SEED = 1;

function plantedBugOption(raw: string | undefined): PlantedBug | null {
  if (raw === undefined) return null;
  if ((PLANTED_BUGS as readonly string[]).includes(raw)) return raw as PlantedBug;
  throw new CliError('SC002', `--planted-bug is "${raw}"`, `a planted bug is one of: ${PLANTED_BUGS.join(', ')} (a test-only switch)`);
}

/** `slotcheck run`: the random property suite, per design; a row per property; traces for failures. */
export async function runCommand(options: RunOptions): Promise<ExitCode> {
  const designs = await resolveDesigns(options.design);
  const config: Config = configFromOptions(options, { faults: 4, writes: 3, maxBudget: CHECK_LIMITS.randomBudget });
  const runs = intOption('runs', options.runs, DEFAULT_SUITE.runs, 1, CHECK_LIMITS.runs);
  const seed = intOption('seed', options.seed, DEFAULT_SEED, 0, CHECK_LIMITS.seed);
  const maxCommands = intOption('max-commands', options.maxCommands, DEFAULT_SUITE.maxCommands, 1, CHECK_LIMITS.maxCommands);
  const outDir = directoryOption('out', options.out, join('reports', 'out'));
  const junit = fileOption('junit', options.junit);
  const plantedBug = plantedBugOption(options.plantedBug);
  const engine = options.engine ?? 'packed';
  if (engine !== 'packed' && engine !== 'reference') throw new CliError('SC002', `--engine is "${engine}"`, 'use --engine packed (the default) or --engine reference');
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const folder = shardFolder(commandFolder(outDir, 'run'), shard);

  // Traces, the summary and the reports are written together at the end, or none of them (reports/output-files.ts).
  let progress: Progress | null = null;
  // After a design's table, Ctrl-C says that nothing was written (it takes effect between designs).
  const removeInterruptNote = installInterruptNote();
  const result = await run({
    designs, config, runs, seed, maxCommands, engine, plantedBug, modelOnly: options.modelOnly === true, out: outDir,
    ...(junit === undefined ? {} : { junit }),
    ...(shard === undefined ? {} : { shard }),
    onRun: (design, done) => { progress ??= progressBar(runs, !options.json); progress.update(done, design); },
    onReport: (_report, summary) => {
      progress?.stop();
      progress = null;
      if (!options.json) process.stdout.write(`${renderRunTable(summary)}\n\n`);
    },
  }).finally(removeInterruptNote);
  if (options.json) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`summary, traces and report.html written to ${folder}${shardNote(shard)}\n${exitLine(result.exitCode, result.designs)}\n`);
  return result.exitCode;
}
