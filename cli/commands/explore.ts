import { join } from 'node:path';
import type { Config } from '../../model/index.ts';
import { propertyById } from '../../properties/catalogue.ts';
import { engineFor, exploreMany, type ExploreReport } from '../../check/explore/index.ts';
import { CHECK_LIMITS } from '../../check/certify/plan.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { designHash } from '../../reports/design-hash.ts';
import { renderExploreTable } from '../../reports/render/explore-table.ts';
import { TOOL_VERSION } from '../../reports/version.ts';
import { OutputFiles } from '../../reports/output-files.ts';
import { addExploreTraces, exploreTraceFile } from '../../reports/write-traces.ts';
import { resolveDesigns } from '../design-loader.ts';
import { CliError, exitCodeOf, exitLine, type ExitCode } from '../errors.ts';
import { configFromOptions, directoryOption, intOption, threadsOption } from '../options.ts';
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
  readonly only?: string;
  readonly threads?: string;
  readonly json?: boolean;
  readonly out?: string;
}

/** The deterministic part of a report (no timing), as `--json` and the summary file carry it. */
export function exploreSummary(report: ExploreReport, designHashHex: string, traces: ReadonlyMap<string, string>) {
  const { timing: _timing, initialState: _initial, ...rest } = report;
  return {
    ...rest,
    design: { ...report.design, hash: designHashHex },
    properties: report.properties.map((p) => ({
      id: p.id, name: p.name, expect: p.expect, verdict: p.verdict, note: p.note,
      counterexample: p.counterexample === null ? null : {
        why: p.counterexample.why, steps: p.counterexample.steps.length, loopStart: p.counterexample.loopStart,
        commands: p.counterexample.steps.map((s) => s.command), trace: traces.get(p.id) ?? null,
      },
      witness: p.witness === null ? null : { steps: p.witness.steps.length, states: p.witness.states, unreducedStates: p.witness.unreducedStates, transitions: p.witness.transitions, commands: p.witness.steps.map((s) => s.command) },
    })),
  };
}

/** `slotcheck explore`: breadth-first over every reachable state within the bounds. */
export async function exploreCommand(options: ExploreCliOptions): Promise<ExitCode> {
  const designs = await resolveDesigns(options.design);
  const config: Config = configFromOptions(options, { faults: 2, writes: 2, maxBudget: CHECK_LIMITS.exhaustiveBudget });
  const bounds = {
    depthMax: intOption('depth', options.depth, 10_000, 0, CHECK_LIMITS.depthMax),
    statesMax: intOption('states-max', options.statesMax, 5_000_000, 1, CHECK_LIMITS.statesMax),
    timeLimitMs: intOption('time-limit', options.timeLimit, 600, 1, 86_400) * 1000,
  };
  const only = options.only?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = (only ?? []).filter((id) => propertyById(id) === undefined);
  if (unknown.length > 0) throw new CliError('SC002', `--only names unknown properties: ${unknown.join(', ')}`, 'use catalogue ids such as INV-01, LIV-03, WIT-05 (DESIGN.md §4)');
  if (only !== undefined && only.length === 0) throw new CliError('SC002', `--only "${options.only}" names no property`, 'name at least one catalogue id, such as --only INV-01,LIV-03, or leave --only out to check every property');
  const outDir = directoryOption('out', options.out, join('reports', 'out'));
  const summaries = [];
  // Traces and the summary are written together at the end, or none of them (reports/output-files.ts).
  const files = new OutputFiles();
  const engine = options.engine ?? 'packed';
  if (engine !== 'packed' && engine !== 'reference') throw new CliError('SC002', `--engine is "${engine}"`, 'use --engine packed (the default) or --engine reference');
  const threads = threadsOption(options.threads);
  const jobs = designs.map(({ design }) => ({ design, config, ...bounds, symmetry: options.symmetry === true, engine, ...(only === undefined ? {} : { only }) }) as const);
  // Designs are explored side by side on worker threads; reports are read, printed and written in
  // design order. While they run, a status line (a terminal only) says how far each has got.
  const status = statusLine(!options.json);
  const running = new Map<number, string>();
  const reports = exploreMany(jobs, threads, {
    onProgress: (i, p) => {
      running.set(i, `${designs[i]!.design.name} depth ${p.depth}, ${p.states.toLocaleString('en-US')} states, ${Math.round(p.elapsedMs / 1000)} s`);
      status.show(`exploring: ${[...running.values()].join('; ')}`);
    },
  });
  const finished = (i: number) => () => { running.delete(i); };
  reports.forEach((report, i) => { report.then(finished(i), finished(i)); });
  // While tables are printed and later designs still explored, Ctrl-C says that nothing was written.
  const removeInterruptNote = installInterruptNote();
  try {
    for (const [i, { design }] of designs.entries()) {
      const exploreOptions = jobs[i]!;
      const report = await reports[i]!;
      status.clear();
      const traces = addExploreTraces(files, report, design, (id) => exploreTraceFile(outDir, design.name, id, report.config, report.symmetry.applied));
      summaries.push(exploreSummary(report, designHash(design), traces));
      if (!options.json) {
        process.stdout.write(`${renderExploreTable(report, traces)}\n`);
        process.stdout.write(`  ${report.timing.elapsedMs.toFixed(0)} ms, ${Math.round(report.timing.transitionsPerSecond)} transitions/s, ${engineFor(exploreOptions)} engine\n\n`);
      }
    }
  } finally {
    removeInterruptNote();
  }
  const exitCode = exitCodeOf(summaries.map((s) => s.verdict));
  const result = { tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'explore', exitCode, designs: summaries };
  files.add(join(outDir, 'explore-summary.json'), canonicalJson(result));
  files.commit();
  if (options.json) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`summary and traces written to ${outDir}\n${exitLine(exitCode, summaries)}\n`);
  return exitCode;
}

