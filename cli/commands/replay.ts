import { readFileSync } from 'node:fs';
import { replayCommands, type Replay } from '../../check/replay.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { designHash } from '../../reports/design-hash.ts';
import { stateToItf } from '../../reports/itf.ts';
import { diffStates } from '../../reports/state-diff.ts';
import { parseTrace } from '../../reports/trace-schema.ts';
import { traceDescription } from '../../reports/trace.ts';
import { TOOL_VERSION } from '../../reports/version.ts';
import type { PlantedBug } from '../../impl/index.ts';
import { emulatorSubject } from '../../check/conformance/subject.ts';
import { resolveDesign } from '../design-loader.ts';
import { CliError, EXIT, type ExitCode } from '../errors.ts';

export interface ReplayOptions {
  readonly design?: string;
  readonly quiet?: boolean;
  readonly json?: boolean;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('SC004', `cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'give the path of a trace file written by `slotcheck run` or `slotcheck explore`');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError('SC004', `"${file}" is not JSON: ${(error as Error).message}`, 'give a trace file (ITF JSON) as written by slotcheck; do not edit it by hand');
  }
}

const major = (version: string) => version.split('.')[0];

/** `slotcheck replay FILE`: re-execute a trace; exit 1 if its property is still violated, 0 if not. */
export async function replayCommand(file: string, options: ReplayOptions): Promise<ExitCode> {
  const parsed = parseTrace(readJson(file));
  if (!parsed.ok) throw new CliError('SC005', `"${file}": field ${parsed.field}: ${parsed.message}`, 'regenerate the trace with `slotcheck run` or `slotcheck explore`; a trace is not meant to be edited');
  const trace = parsed.trace;
  if (major(trace.meta.toolVersion) !== major(TOOL_VERSION)) {
    throw new CliError('SC006', `"${file}" was written by slotcheck ${trace.meta.toolVersion}; this is ${TOOL_VERSION}`, 'replay it with the version that wrote it, or regenerate it');
  }
  let design = trace.design;
  if (designHash(design) !== trace.meta.designHash) {
    throw new CliError('SC005', `"${file}": field #meta.designHash does not match #meta.design`, 'the design in the trace was edited; regenerate the trace');
  }
  const overridden = options.design !== undefined;
  if (overridden) {
    design = await resolveDesign(options.design!);
  }
  const property = trace.meta.property;
  const plantedBug = trace.meta.emulator?.plantedBug ?? null;
  const subject = trace.meta.emulator === null ? null : emulatorSubject(trace.config, design, { plantedBug: plantedBug as PlantedBug | null });
  const replay = replayCommands(design, trace.config, trace.commands, property.id, subject, trace.meta.loop);
  const out: string[] = [];
  out.push(`${file}: ${traceDescription({ ...trace.meta, design: trace.design })}`);
  out.push(`replaying ${trace.commands.length} step(s) on ${design.id} ${design.name}${overridden ? ` (the trace was written for ${trace.design.name})` : ''}, on the model${subject === null ? '' : ` and the emulator${plantedBug === null ? '' : ` (planted bug: ${plantedBug})`}`}`);
  let previous = replay.steps[0]?.before;
  for (const s of replay.steps) {
    const outcome = s.result.outcome.kind === 'ok' ? 'ok' : `refused ${s.result.outcome.code}`;
    out.push(`  ${String(s.index).padStart(3)}. ${canonicalJson(s.command, 0)} → ${outcome}`);
    if (!options.quiet && previous !== undefined) for (const change of diffStates(previous, s.result.state)) out.push(`         ${change}`);
    if (s.violation !== null) out.push(`       ✗ ${s.violation.id}: ${s.violation.why}`);
    if (s.subjectViolation !== null) out.push(`       ✗ ${s.subjectViolation.id}: ${s.subjectViolation.why}`);
    previous = s.result.state;
    if (!overridden) {
      const recorded = canonicalJson(trace.states[s.index], 0);
      const now = canonicalJson({ ...trace.states[s.index], ...stateToItf(s.result.state) }, 0);
      if (recorded !== now) {
        const actual = stateToItf(s.result.state) as Record<string, unknown>;
        const differing = Object.keys(actual).filter((key) => canonicalJson(actual[key], 0) !== canonicalJson((trace.states[s.index] as Record<string, unknown>)[key], 0));
        throw new CliError(
          'SC006',
          `"${file}" diverges at step ${s.index} (${canonicalJson(s.command, 0)} → ${outcome}): the model reaches a state other than the one recorded${differing.length === 0 ? '' : `, in ${differing.join(', ')}`}`,
          'the trace was edited, or the model changed since it was written: regenerate it, or pass --design to replay its commands against a design on purpose',
        );
      }
    }
  }
  const v = replay.verdict;
  const exitCode = v.kind === 'violated' ? EXIT.failed : EXIT.holds;
  if (v.kind === 'violated') {
    const same = v.at === trace.meta.violationStep ? 'the same step as recorded' : `recorded at step ${trace.meta.violationStep}`;
    // A lasso is told as explore tells it: its prefix, then the cycle that returns to the prefix's last state.
    const loop = trace.meta.loop;
    const cycle = loop === null ? 0 : trace.commands.length - loop;
    // A random run's lasso ends where the run settled: its cycle is the fair steps that leave that state as it is.
    const lasso = loop === null ? '' : cycle === 0 ? `, a lasso: ${loop} step(s), then the run stays in state ${loop}: every fair step there leaves it as it is` : `, a lasso: ${loop} step(s) then a cycle of ${cycle} back to state ${loop}`;
    out.push(`${property.id} is still violated at step ${v.at} (${same}${lasso}): ${v.why}`);
  } else {
    out.push(`${property.id} (${property.name}) holds along this trace${overridden ? ` under ${design.name}` : ''}`);
  }
  // The exit code speaks for the trace's property only; what else broke on the way must not go unseen ("does my fix remove it?").
  const others = otherViolations(replay, property.id);
  if (others.length > 0) out.push(`other properties broken along this trace (the exit code does not count them): ${others.map((o) => `${o.id} at step ${o.at}`).join(', ')}`);
  if (options.json) process.stdout.write(canonicalJson({ file, property: property.id, verdict: v, otherViolations: others, exitCode }));
  else process.stdout.write(`${out.join('\n')}\n`);
  return exitCode;
}

/** The first step at which each property other than the trace's own broke, on the model or the emulator, in step order. */
function otherViolations(replay: Replay, own: string): { readonly id: string; readonly at: number }[] {
  const found = new Map<string, number>();
  if (replay.initialViolation !== null) found.set(replay.initialViolation.id, 0);
  for (const s of replay.steps) {
    for (const v of [s.violation, s.subjectViolation]) if (v !== null && !found.has(v.id)) found.set(v.id, s.index);
  }
  return [...found].filter(([id]) => id !== own).map(([id, at]) => ({ id, at }));
}
