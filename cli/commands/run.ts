import { join } from 'node:path';
import type { Config } from '../../model/index.ts';
import { PLANTED_BUGS, type PlantedBug } from '../../impl/index.ts';
import { runSuite } from '../../check/random/suite.ts';
import { DEFAULT_SUITE } from '../../check/random/suite-report.ts';
import { CHECK_LIMITS } from '../../check/certify/plan.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { renderRunTable } from '../../reports/render/run-table.ts';
import { summarizeSuite, type DesignRunSummary } from '../../reports/run-summary.ts';
import { TOOL_VERSION } from '../../reports/version.ts';
import { OutputFiles } from '../../reports/output-files.ts';
import { addSuiteTraces } from '../../reports/write-traces.ts';
import { CliError, exitCodeOf, exitLine, type ExitCode } from '../errors.ts';
import { emulatorSubject } from '../../check/conformance/subject.ts';
import { resolveDesigns } from '../design-loader.ts';
import { configFromOptions, directoryOption, intOption } from '../options.ts';
import { progressBar } from '../progress.ts';

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
  readonly modelOnly?: boolean;
  readonly engine?: string;
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
  const plantedBug = plantedBugOption(options.plantedBug);
  const emulator = options.modelOnly ? null : { plantedBug };
  const engine = options.engine ?? 'packed';
  if (engine !== 'packed' && engine !== 'reference') throw new CliError('SC002', `--engine is "${engine}"`, 'use --engine packed (the default) or --engine reference');

  const summaries: DesignRunSummary[] = [];
  // Traces and the summary are written together at the end, or none of them (reports/output-files.ts).
  const files = new OutputFiles();
  for (const { given, design } of designs) {
    const progress = progressBar(runs, !options.json);
    const report = runSuite({
      ...DEFAULT_SUITE, design, config, seed, runs, maxCommands, engine,
      onRun: (done) => progress.update(done, `${design.name}`),
      ...(emulator === null ? {} : { subject: () => emulatorSubject(config, design, { plantedBug }) }),
    });
    progress.stop();
    const traces = addSuiteTraces(files, report, outDir, emulator);
    const flags = `${options.modelOnly ? ' --model-only' : ''}${plantedBug === null ? '' : ` --planted-bug ${plantedBug}`}`;
    const reproduce = `npx slotcheck run --design ${given} --seed ${seed} --runs ${runs} --lpars ${config.lparCount} --slots ${config.slotCount} --faults ${config.faultBudget} --writes ${config.writeBudget} --max-commands ${maxCommands}${flags}`;
    const summary = summarizeSuite(report, reproduce, traces);
    summaries.push(summary);
    if (!options.json) process.stdout.write(`${renderRunTable(summary)}\n\n`);
  }
  const exitCode = exitCodeOf(summaries.map((s) => s.verdict));
  const result = { tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'run', exitCode, designs: summaries };
  files.add(join(outDir, 'run-summary.json'), canonicalJson(result));
  files.commit();
  if (options.json) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`summary and traces written to ${outDir}\n${exitLine(exitCode, summaries)}\n`);
  return exitCode;
}
