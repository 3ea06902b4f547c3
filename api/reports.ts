import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartTrace } from '../reports/chart-trace.ts';
import type { ExploreSummary } from '../reports/explore-summary.ts';
import { htmlReport } from '../reports/html-report.ts';
import { junitReport } from '../reports/junit.ts';
import { markdownReport } from '../reports/markdown-report.ts';
import { OutputFiles } from '../reports/output-files.ts';
import type { MutateOutcome } from '../check/mutate/mutate-report.ts';
import { configSpace, type ReportDesign, type ReportInput } from '../reports/report-model.ts';
import { scoreLine } from '../reports/render/mutate-table.ts';
import type { SweepSummary } from '../reports/sweep-summary.ts';
import { mutantReportDesigns, sweepReportDesigns } from '../reports/variant-designs.ts';
import type { DesignRunSummary } from '../reports/run-summary.ts';
import { chartFromCommands, chartFromTrace, FIG10_SCENARIO } from './chart.ts';
import { SlotcheckError } from './errors.ts';
import { readTrace } from './replay.ts';
import type { ExploreResult, RunResult } from './results.ts';

// report.html, report.md and JUnit XML from what the checkers return. The charts are built here
// (reports/ renders, it never runs the model): each trace a summary names is read and replayed.

export interface ReportSources {
  readonly run?: RunResult;
  readonly explore?: ExploreResult;
  /** Summaries from elsewhere: certify's random suites (summarizeSuite) … */
  readonly runSummaries?: readonly DesignRunSummary[];
  /** … and certify's explorations (exploreSummary). */
  readonly exploreSummaries?: readonly ExploreSummary[];
  /** Designs given whole: a sweep's orderings, mutate's mutants (sweepReportSources, mutateReportSources). */
  readonly designs?: readonly ReportDesign[];
  /** The page's heading, e.g. "slotcheck run"; default from the command. */
  readonly title?: string;
  /** Lines under the heading. */
  readonly lead?: readonly string[];
  /** Scenario charts to add (chartFromCommands); default none. */
  readonly scenarios?: readonly ChartTrace[];
  /** Where a trace path that is not found as given may be, as `traces/…` below it (reportFromDirectory). */
  readonly baseDir?: string;
}

export interface WrittenReports {
  readonly html: string;
  readonly markdown: string;
  /** The two files' paths. */
  readonly files: readonly string[];
}

/** A trace path from a summary: as given (relative to the working directory), or below `baseDir`. */
function locate(file: string, baseDir: string | undefined): string | null {
  if (existsSync(file)) return file;
  if (baseDir === undefined) return null;
  const at = file.lastIndexOf('traces/');
  const moved = at < 0 ? join(baseDir, file) : join(baseDir, file.slice(at));
  return existsSync(moved) ? moved : null;
}

/** The report's input: the summaries, and a chart for every trace they name that can be read. */
export function reportInput(sources: ReportSources, pending?: OutputFiles): ReportInput {
  const runs = [...(sources.run?.designs ?? []), ...(sources.runSummaries ?? [])];
  const explorations = [...(sources.explore?.designs ?? []), ...(sources.exploreSummaries ?? [])];
  const traces = [
    ...runs.flatMap((d) => d.properties.flatMap((p) => (p.counterexample?.trace == null ? [] : [p.counterexample.trace]))),
    ...explorations.flatMap((d) => d.properties.flatMap((p) => (p.counterexample?.trace == null ? [] : [p.counterexample.trace]))),
    ...(sources.designs ?? []).flatMap((d) => d.methods.flatMap((m) => m.rows.flatMap((r) => (r.counterexample?.trace == null ? [] : [r.counterexample.trace])))),
  ].filter((t, i, all) => all.indexOf(t) === i);
  const charts: ChartTrace[] = [];
  const unreadable: { file: string; why: string }[] = [];
  for (const file of traces) {
    // A trace written in the same commit as the report is read from what is about to be written.
    const text = pending?.pending(file);
    const found = text !== undefined ? null : locate(file, sources.baseDir);
    if (text === undefined && found === null) {
      unreadable.push({ file, why: 'not found' });
      continue;
    }
    try {
      charts.push({ ...chartFromTrace(readTrace(text !== undefined ? JSON.parse(text) : found), file) });
    } catch (error) {
      unreadable.push({ file, why: error instanceof SlotcheckError ? `${error.code}: ${error.message}` : String(error) });
    }
  }
  const command = sources.run !== undefined ? 'run' : sources.explore !== undefined ? 'explore' : null;
  const title = sources.title ?? (command === null ? 'slotcheck report' : `slotcheck ${command}`);
  return { title, lead: sources.lead ?? [], runs, explorations, designs: sources.designs ?? [], charts, scenarios: sources.scenarios ?? [], unreadable };
}

/**
 * Add report.html and report.md for `sources` to `files` under `outDir` (the caller commits, with
 * its traces and summary, all at the end). The traces the summaries name are read from `files`
 * when they are about to be written with it, else from disk (or below `baseDir`).
 */
export function addReports(files: OutputFiles, outDir: string, sources: ReportSources): WrittenReports {
  const input = reportInput(sources, files);
  const html = htmlReport(input);
  const markdown = markdownReport(input);
  const paths = [join(outDir, 'report.html'), join(outDir, 'report.md')];
  files.add(paths[0]!, html);
  files.add(paths[1]!, markdown);
  return { html, markdown, files: paths };
}

/** Write report.html and report.md into `outDir` (both or neither). */
export function writeReports(outDir: string, sources: ReportSources): WrittenReports {
  const files = new OutputFiles();
  const written = addReports(files, outDir, sources);
  files.commit();
  return written;
}

/** JUnit XML (a suite per design, a case per property ID) for `--junit FILE`. */
/** Add JUnit XML for `sources` to `files` as `file`. */
export function addJunit(files: OutputFiles, file: string, sources: ReportSources): void {
  files.add(file, junitXml(sources));
}

export function junitXml(sources: ReportSources): string {
  const runs = [...(sources.run?.designs ?? []), ...(sources.runSummaries ?? [])];
  const explorations = [...(sources.explore?.designs ?? []), ...(sources.exploreSummaries ?? [])];
  const command = sources.run !== undefined ? 'run' : sources.explore !== undefined ? 'explore' : null;
  return junitReport({ runs, explorations }, sources.title ?? (command === null ? 'slotcheck' : `slotcheck ${command}`));
}

function readSummary<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new SlotcheckError('SC004', `"${file}" is not JSON: ${(error as Error).message}`, 'rerun the command that wrote it');
  }
}

/** The summary files a command folder may hold, each with the reports' sources it gives (a shard's record set aside). */
const SUMMARIES: readonly { readonly file: string; readonly sources: (json: never) => ReportSources }[] = [
  { file: 'certify-summary.json', sources: (c: { readonly methods: { readonly random: readonly DesignRunSummary[]; readonly exhaustive: readonly ExploreSummary[] } }) => ({ runSummaries: c.methods.random, exploreSummaries: c.methods.exhaustive, title: 'slotcheck certify' }) },
  { file: 'sweep.json', sources: (s: SweepSummary) => sweepReportSources(s) },
  { file: 'mutate-summary.json', sources: (m: MutateOutcome) => mutateReportSources(m) },
];

/** `slotcheck report DIR`: the reports of a command's folder (reports/out/run/, …/explore/, …/certify/, a sweep's or a mutate run's), written beside its summary. */
export function reportFromDirectory(dir: string): WrittenReports {
  for (const { file, sources } of SUMMARIES) {
    const summary = readSummary<Record<string, unknown>>(join(dir, file));
    if (summary !== undefined) return writeReports(dir, { ...sources(summary as never), baseDir: dir });
  }
  const run = readSummary<RunResult>(join(dir, 'run-summary.json'));
  const explore = readSummary<ExploreResult>(join(dir, 'explore-summary.json'));
  if (run === undefined && explore === undefined) {
    throw new SlotcheckError('SC004', `"${dir}" holds no summary (run-summary.json, explore-summary.json, certify-summary.json, sweep.json or mutate-summary.json)`, 'give the folder a command wrote: reports/out/run, reports/out/explore, reports/out/certify, reports/out/sweep/<design>-<bound> or reports/out/mutate/<design>-<bound>');
  }
  const title = run !== undefined && explore !== undefined ? 'slotcheck run and explore' : undefined;
  return writeReports(dir, { ...(run === undefined ? {} : { run }), ...(explore === undefined ? {} : { explore }), ...(title === undefined ? {} : { title }), baseDir: dir });
}

/** ", shard 2 of 3" in a shard folder's report title. */
const shardTitle = (shard: { readonly index: number; readonly count: number } | undefined) => (shard === undefined ? '' : `, shard ${shard.index} of ${shard.count}`);

/** The reports' sources for a mutate run: a design per mutant (how it was judged, what kills it), the score under the title. */
export function mutateReportSources(outcome: MutateOutcome, shard?: { readonly index: number; readonly count: number }): ReportSources {
  return { designs: mutantReportDesigns(outcome), title: `slotcheck mutate ${outcome.base.id} ${outcome.base.name}${shardTitle(shard)}`, lead: [scoreLine(outcome)] };
}

/** The reports' sources for a sweep: a design per ordering, how many break nothing under the title. */
export function sweepReportSources(summary: SweepSummary, shard?: { readonly index: number; readonly count: number }): ReportSources {
  const clean = summary.rows.filter((r) => r.verdict === 'pass').length;
  return {
    designs: sweepReportDesigns(summary), title: `slotcheck sweep ${summary.base.id} ${summary.base.name}${shardTitle(shard)}`,
    lead: [`${summary.explored} of the ${summary.orderings} orderings of the fail-over script after detection, each explored at ${configSpace(summary.config)}: ${clean} break no property.`],
  };
}

/** The chart of the patent's Fig. 10 scenario (see FIG10_SCENARIO), for a report's scenarios. */
export function fig10Chart(): ChartTrace {
  return chartFromCommands(FIG10_SCENARIO.design, FIG10_SCENARIO.commands, { title: FIG10_SCENARIO.title });
}
