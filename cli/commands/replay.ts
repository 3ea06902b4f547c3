import { scriptStepOf } from '../../api/chart.ts';
import { replay } from '../../api/replay.ts';
import { emitTestFile, expectationOf, testFileName } from '../../api/emit-test.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { stepLabel } from '../../reports/chart-labels.ts';
import { diffStates } from '../../reports/state-diff.ts';
import { traceDescription } from '../../reports/trace.ts';
import type { Design, ModelState } from '../../model/index.ts';
import { resolveDesign } from '../design-loader.ts';
import { CliError, type ExitCode } from '../errors.ts';
import { fileOption } from '../options.ts';

export interface ReplayOptions {
  readonly design?: string;
  readonly quiet?: boolean;
  readonly json?: boolean;
  /** Also write a vitest test that replays the trace and pins its verdict (api/emit-test.ts). */
  readonly emitTest?: string;
  readonly expect?: string;
  readonly importFrom?: string;
}

/** `slotcheck replay FILE`: re-execute a trace; exit 1 if its property is still violated, 0 if not. */
export async function replayCommand(file: string, options: ReplayOptions): Promise<ExitCode> {
  // --emit-test and its options are checked before any work; the test is written after the replay.
  if (options.emitTest === undefined && (options.expect !== undefined || options.importFrom !== undefined)) throw new CliError('SC001', `${options.expect === undefined ? '--import-from' : '--expect'} goes with --emit-test`, 'add --emit-test FILE (the test to write), or leave the option out');
  const emitTo = options.emitTest === undefined ? undefined : testFileName(fileOption('emit-test', options.emitTest)!);
  const expect = options.expect === undefined ? undefined : expectationOf(options.expect, '--expect');
  const other = options.design === undefined ? undefined : { given: options.design, design: await resolveDesign(options.design) };
  const out: string[] = [];
  let previous: ModelState | undefined;
  let replayedOn: Design | undefined;
  let meta: { violationStep: number; loop: number | null; commands: number; property: { name: string } } | null = null;
  const result = await replay(file, {
    ...(other === undefined ? {} : { design: other }),
    onStart: (trace, design) => {
      replayedOn = design;
      meta = { violationStep: trace.meta.violationStep, loop: trace.meta.loop, commands: trace.commands.length, property: trace.meta.property };
      const plantedBug = trace.meta.emulator?.plantedBug ?? null;
      out.push(`${file}: ${traceDescription({ ...trace.meta, design: trace.design })}`);
      out.push(`replaying ${trace.commands.length} step(s) on ${design.id} ${design.name}${other === undefined ? '' : ` (the trace was written for ${trace.design.name})`}, on the model${trace.meta.emulator === null ? '' : ` and the emulator${plantedBug === null ? '' : ` (planted bug: ${plantedBug})`}`}`);
      if (trace.states.every((state) => state === null)) out.push('the trace records its commands only: they are replayed, and no recorded state is compared');
    },
    onStep: (s) => {
      previous ??= s.before;
      const outcome = s.result.outcome.kind === 'ok' ? 'ok' : `refused ${s.result.outcome.code}`;
      // The script step a cluster_step ran (deact, rem_pci, …) and the patent's step numbers it emitted.
      const label = s.command.kind === 'cluster_step' ? `  [${stepLabel(s.command, s.result.effects, s.result.outcome, scriptStepOf(s.before, s.command, replayedOn!))}]` : '';
      out.push(`  ${String(s.index).padStart(3)}. ${canonicalJson(s.command, 0)} → ${outcome}${label}`);
      if (!options.quiet) for (const change of diffStates(previous, s.result.state)) out.push(`         ${change}`);
      for (const v of [...s.violations, ...s.emulatorViolations]) out.push(`       ✗ ${v.id}: ${v.why}`);
      previous = s.result.state;
    },
  });
  const m = meta!;
  const v = result.verdict;
  if (v.kind === 'violated') {
    const same = v.at === m.violationStep ? 'the same step as recorded' : `recorded at step ${m.violationStep}`;
    // A lasso is told as explore tells it: its prefix, then the cycle that returns to the prefix's last state.
    const cycle = m.loop === null ? 0 : m.commands - m.loop;
    // A random run's lasso ends where the run settled: its cycle is the fair steps that leave that state as it is.
    const lasso = m.loop === null ? '' : cycle === 0 ? `, a lasso: ${m.loop} step(s), then the run stays in state ${m.loop}: every fair step there leaves it as it is` : `, a lasso: ${m.loop} step(s) then a cycle of ${cycle} back to state ${m.loop}`;
    out.push(`${result.property} is still violated at step ${v.at} (${same}${lasso}): ${v.why}`);
  } else {
    out.push(`${result.property} (${m.property.name}) holds along this trace${other === undefined ? '' : ` under ${other.design.name}`}`);
  }
  // The exit code speaks for the trace's property only; what else broke on the way must not go unseen ("does my fix remove it?").
  if (result.otherViolations.length > 0) out.push(`other properties broken along this trace (the exit code does not count them): ${result.otherViolations.map((o) => `${o.id} at step ${o.at}`).join(', ')}`);
  const emitted = emitTo === undefined ? null : await emitTestFile(file, emitTo, { ...(expect === undefined ? {} : { expect }), ...(other === undefined ? {} : { design: other }), ...(options.importFrom === undefined ? {} : { importFrom: options.importFrom }) });
  const pinned = emitted?.pins[0];
  if (emitted !== null) out.push(`test written to ${emitted.file}: it asserts ${result.property} ${pinned!.expect === 'violated' ? 'is violated' : 'holds'}${emitted.passesNow ? '' : ', which it does not now (the test fails until it does)'}; run it with npx vitest run ${emitted.file}`);
  if (options.json) process.stdout.write(canonicalJson(emitted === null ? result : { ...result, emittedTest: { file: emitted.file, expect: pinned!.expect, passesNow: emitted.passesNow } }));
  else process.stdout.write(`${out.join('\n')}\n`);
  return result.exitCode;
}
