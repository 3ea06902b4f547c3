import { join } from 'node:path';
import type { Config } from '../../model/index.ts';
import { sweep } from '../../check/sweep/sweep.ts';
import { CHECK_LIMITS } from '../../check/certify/plan.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { designHash } from '../../reports/design-hash.ts';
import { renderSweepTable } from '../../reports/render/sweep-table.ts';
import { TOOL_VERSION } from '../../reports/version.ts';
import { OutputFiles } from '../../reports/output-files.ts';
import { addExploreTraces, configTag } from '../../reports/write-traces.ts';
import { resolveDesign } from '../design-loader.ts';
import { EXIT, type ExitCode } from '../errors.ts';
import { configFromOptions, directoryOption, intOption, threadsOption } from '../options.ts';
import { installInterruptNote, progressBar } from '../progress.ts';

export interface SweepCliOptions {
  readonly design?: string;
  readonly lpars?: string;
  readonly slots?: string;
  readonly faults?: string;
  readonly writes?: string;
  readonly statesMax?: string;
  readonly limit?: string;
  readonly threads?: string;
  readonly json?: boolean;
  readonly out?: string;
}

/**
 * `slotcheck sweep`: the base design under every ordering of its fail-over script. The table is
 * the result, failures included: exit 0 when every ordering was explored to the end, 3 when a
 * bound stopped one.
 */
export async function sweepCommand(options: SweepCliOptions): Promise<ExitCode> {
  const base = await resolveDesign(options.design ?? 'patent-lpar-a');
  const config: Config = configFromOptions(options, { faults: 1, writes: 1, maxBudget: 10 });
  const statesMax = intOption('states-max', options.statesMax, 2_000_000, 1, CHECK_LIMITS.statesMax);
  const limit = options.limit === undefined ? undefined : intOption('limit', options.limit, 120, 1, 5040);
  // One directory per base design and configuration: a sweep at another bound keeps this one's table and traces.
  const dir = join(directoryOption('out', options.out, join('reports', 'out')), 'sweep', `${base.name}-${configTag(config)}`);
  const progress = progressBar(limit ?? 120, !options.json);
  const threads = threadsOption(options.threads);
  // While orderings are explored on other threads, Ctrl-C says that nothing was written.
  const removeInterruptNote = installInterruptNote();
  const result = await sweep({ base, config, statesMax, depthMax: 10_000, threads, ...(limit === undefined ? {} : { limit }), onOrdering: (done) => progress.update(done, base.name) })
    .finally(removeInterruptNote);
  progress.stop();

  const files = new OutputFiles();
  const rows = result.rows.map((row, i) => {
    const index = String(i + 1).padStart(3, '0');
    const traces = addExploreTraces(files, row.report, row.design, (id) => join(dir, 'traces', `${index}-${id}.itf.json`));
    const failures = row.report.properties.flatMap((p) => {
      const cx = p.counterexample;
      return cx === null ? [] : [{ id: p.id, steps: cx.steps.length, why: cx.why, trace: traces.get(p.id)! }];
    });
    return {
      index: i + 1, script: row.script, base: row.isBase, verdict: row.report.verdict, states: row.report.states, transitions: row.report.transitions,
      boundHit: row.report.boundHit === null ? null : row.report.boundHit.bound,
      properties: Object.fromEntries(row.report.properties.map((p) => [p.id, p.verdict])), failures,
    };
  });
  const summary = {
    tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'sweep',
    base: { name: base.name, id: base.id, hash: designHash(base) }, config, orderings: result.orderings, explored: result.explored, rows,
  };
  const table = renderSweepTable(result);
  files.add(join(dir, 'sweep.json'), canonicalJson(summary));
  files.add(join(dir, 'sweep.md'), table);
  files.commit();
  const stopped = rows.filter((r) => r.verdict === 'inconclusive').map((r) => r.index);
  const exitCode = stopped.length > 0 ? EXIT.inconclusive : EXIT.holds;
  // --json carries the exit code, as run's and explore's do; sweep.json stays as it was.
  if (options.json) process.stdout.write(canonicalJson({ ...summary, exitCode }));
  else process.stdout.write(`${table}\ntable: ${join(dir, 'sweep.md')}; data and traces: ${dir}\n${sweepExitLine(exitCode, rows, stopped)}\n`);
  return exitCode;
}

/** The closing line: the exit code, and what decided it (a failing ordering is a result of the sweep, not its failure). */
function sweepExitLine(exitCode: ExitCode, rows: readonly { readonly verdict: string }[], stopped: readonly number[]): string {
  const failing = rows.filter((r) => r.verdict === 'counterexample').length;
  const found = `${failing} of ${rows.length} ordering(s) break a property (the table says which)`;
  if (exitCode === EXIT.holds) return `exit code 0: every ordering explored to the end; ${found}`;
  return `exit code 3: a bound stopped ordering(s) ${stopped.join(', ')} before the end (the table marks them); ${found}`;
}
