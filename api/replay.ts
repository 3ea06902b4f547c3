import { readFileSync } from 'node:fs';
import type { Design } from '../model/index.ts';
import type { PlantedBug } from '../impl/index.ts';
import { emulatorSubject } from '../check/conformance/subject.ts';
import { replayCommands, type Replay, type ReplayedStep, type ReplayVerdict } from '../check/replay.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { designHash } from '../reports/design-hash.ts';
import { stateToItf } from '../reports/itf.ts';
import { parseTrace, type ParsedTrace } from '../reports/trace-schema.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { resolveDesignInputs, type DesignInput } from './designs.ts';
import { EXIT, SlotcheckError, type ExitCode } from './errors.ts';

export interface ReplayApiOptions {
  /** Replay the trace's commands against this design instead ("does my fix remove it?"); recorded states are then not compared. */
  readonly design?: DesignInput;
  /** Before the first step: the parsed trace and the design its commands run on. */
  readonly onStart?: (trace: ParsedTrace, design: Design) => void;
  /** Each step as it is re-executed (before the recorded state is compared with it). */
  readonly onStep?: (step: ReplayedStep) => void;
}

/** What `slotcheck replay FILE --json` prints. */
export interface ReplayResult {
  /** The file, as given (null for a trace passed as a value). */
  readonly file: string | null;
  readonly property: string;
  readonly verdict: ReplayVerdict;
  /** The first step at which each other property broke, model or emulator: the exit code does not count them. */
  readonly otherViolations: readonly { readonly id: string; readonly at: number }[];
  readonly exitCode: ExitCode;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SlotcheckError('SC004', `cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'give the path of a trace file written by `slotcheck run` or `slotcheck explore`');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SlotcheckError('SC004', `"${file}" is not JSON: ${(error as Error).message}`, 'give a trace file (ITF JSON) as written by slotcheck; do not edit it by hand');
  }
}

const major = (version: string) => version.split('.')[0];

/** A trace from a file or a parsed JSON value, checked against the format and this version. */
export function readTrace(trace: string | unknown): ParsedTrace {
  const name = typeof trace === 'string' ? trace : 'the trace';
  const parsed = parseTrace(typeof trace === 'string' ? readJson(trace) : trace);
  if (!parsed.ok) throw new SlotcheckError('SC005', `"${name}": field ${parsed.field}: ${parsed.message}`, 'regenerate the trace with `slotcheck run` or `slotcheck explore`; a trace is not meant to be edited');
  if (major(parsed.trace.meta.toolVersion) !== major(TOOL_VERSION)) {
    throw new SlotcheckError('SC006', `"${name}" was written by slotcheck ${parsed.trace.meta.toolVersion}; this is ${TOOL_VERSION}`, 'replay it with the version that wrote it, or regenerate it');
  }
  if (designHash(parsed.trace.design) !== parsed.trace.meta.designHash) {
    throw new SlotcheckError('SC005', `"${name}": field #meta.designHash does not match #meta.design`, 'the design in the trace was edited; regenerate the trace');
  }
  return parsed.trace;
}

/** Re-execute a counterexample trace on the model and the emulator (`slotcheck replay`). */
export async function replay(traceInput: string | unknown, options: ReplayApiOptions = {}): Promise<ReplayResult> {
  const trace = readTrace(traceInput);
  const name = typeof traceInput === 'string' ? traceInput : 'the trace';
  const overridden = options.design !== undefined;
  const design = overridden ? resolveDesignInputs([options.design!])[0]!.design : trace.design;
  const property = trace.meta.property;
  const plantedBug = (trace.meta.emulator?.plantedBug ?? null) as PlantedBug | null;
  const subject = trace.meta.emulator === null ? null : emulatorSubject(trace.config, design, { plantedBug });
  options.onStart?.(trace, design);
  const replayed = replayCommands(design, trace.config, trace.commands, property.id, subject, trace.meta.loop);
  for (const s of replayed.steps) {
    options.onStep?.(s);
    if (overridden) continue;
    const recorded = canonicalJson(trace.states[s.index], 0);
    const now = canonicalJson({ ...trace.states[s.index], ...stateToItf(s.result.state) }, 0);
    if (recorded === now) continue;
    const actual = stateToItf(s.result.state) as Record<string, unknown>;
    const differing = Object.keys(actual).filter((key) => canonicalJson(actual[key], 0) !== canonicalJson((trace.states[s.index] as Record<string, unknown>)[key], 0));
    const outcome = s.result.outcome.kind === 'ok' ? 'ok' : `refused ${s.result.outcome.code}`;
    throw new SlotcheckError(
      'SC006',
      `"${name}" diverges at step ${s.index} (${canonicalJson(s.command, 0)} → ${outcome}): the model reaches a state other than the one recorded${differing.length === 0 ? '' : `, in ${differing.join(', ')}`}`,
      'the trace was edited, or the model changed since it was written: regenerate it, or pass --design to replay its commands against a design on purpose',
    );
  }
  const verdict = replayed.verdict;
  return { file: typeof traceInput === 'string' ? traceInput : null, property: property.id, verdict, otherViolations: otherViolations(replayed, property.id), exitCode: verdict.kind === 'violated' ? EXIT.failed : EXIT.holds };
}

/** The first step at which each property other than the trace's own broke, on the model or the emulator, in step order. */
function otherViolations(replayed: Replay, own: string): { readonly id: string; readonly at: number }[] {
  const found = new Map<string, number>();
  if (replayed.initialViolation !== null) found.set(replayed.initialViolation.id, 0);
  for (const s of replayed.steps) {
    for (const v of [s.violation, s.subjectViolation]) if (v !== null && !found.has(v.id)) found.set(v.id, s.index);
  }
  return [...found].filter(([id]) => id !== own).map(([id, at]) => ({ id, at }));
}
