import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartTrace } from '../reports/chart-trace.ts';
import type { ExploreSummary } from '../reports/explore-summary.ts';
import { htmlReport } from '../reports/html-report.ts';
import { junitReport } from '../reports/junit.ts';
import { markdownReport } from '../reports/markdown-report.ts';
import { OutputFiles } from '../reports/output-files.ts';
import type { ReportInput } from '../reports/report-model.ts';
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
  /** … and certify's explorations or sweep's orderings (exploreSummary). */
  readonly exploreSummaries?: readonly ExploreSummary[];
  /** The page's heading, e.g. "slotcheck run"; default from the command. */
  readonly title?: string;
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
  return { title, runs, explorations, charts, scenarios: sources.scenarios ?? [], unreadable };
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

/** `slotcheck report DIR`: the reports of a folder's run-summary.json and explore-summary.json, written beside them. */
export function reportFromDirectory(dir: string): WrittenReports {
  const run = readSummary<RunResult>(join(dir, 'run-summary.json'));
  const explore = readSummary<ExploreResult>(join(dir, 'explore-summary.json'));
  if (run === undefined && explore === undefined) {
    throw new SlotcheckError('SC004', `"${dir}" holds neither run-summary.json nor explore-summary.json`, 'give the output folder of `slotcheck run` or `slotcheck explore` (default reports/out)');
  }
  const title = run !== undefined && explore !== undefined ? 'slotcheck run and explore' : undefined;
  return writeReports(dir, { ...(run === undefined ? {} : { run }), ...(explore === undefined ? {} : { explore }), ...(title === undefined ? {} : { title }), baseDir: dir });
}

/** The chart of the patent's Fig. 10 scenario (see FIG10_SCENARIO), for a report's scenarios. */
export function fig10Chart(): ChartTrace {
  return chartFromCommands(FIG10_SCENARIO.design, FIG10_SCENARIO.commands, { title: FIG10_SCENARIO.title });
}
