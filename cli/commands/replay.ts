import { scriptStepOf } from '../../api/chart.ts';
import { replay } from '../../api/replay.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { stepLabel } from '../../reports/chart-labels.ts';
import { diffStates } from '../../reports/state-diff.ts';
import { traceDescription } from '../../reports/trace.ts';
import type { Design, ModelState } from '../../model/index.ts';
import { resolveDesign } from '../design-loader.ts';
import type { ExitCode } from '../errors.ts';

export interface ReplayOptions {
  readonly design?: string;
  readonly quiet?: boolean;
  readonly json?: boolean;
}

/** `slotcheck replay FILE`: re-execute a trace; exit 1 if its property is still violated, 0 if not. */
export async function replayCommand(file: string, options: ReplayOptions): Promise<ExitCode> {
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
    },
    onStep: (s) => {
      previous ??= s.before;
      const outcome = s.result.outcome.kind === 'ok' ? 'ok' : `refused ${s.result.outcome.code}`;
      // The script step a cluster_step ran (deact, rem_pci, …) and the patent's step numbers it emitted.
      const label = s.command.kind === 'cluster_step' ? `  [${stepLabel(s.command, s.result.effects, s.result.outcome, scriptStepOf(s.before, s.command, replayedOn!))}]` : '';
      out.push(`  ${String(s.index).padStart(3)}. ${canonicalJson(s.command, 0)} → ${outcome}${label}`);
      if (!options.quiet) for (const change of diffStates(previous, s.result.state)) out.push(`         ${change}`);
      if (s.violation !== null) out.push(`       ✗ ${s.violation.id}: ${s.violation.why}`);
      if (s.subjectViolation !== null) out.push(`       ✗ ${s.subjectViolation.id}: ${s.subjectViolation.why}`);
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
  if (options.json) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`${out.join('\n')}\n`);
  return result.exitCode;
}
