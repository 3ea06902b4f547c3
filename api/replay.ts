import { readFileSync } from 'node:fs';
import type { Design } from '../model/index.ts';
import type { PlantedBug } from '../impl/index.ts';
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
  /** Each step as it is re-executed (before the recorded state, if the trace has one, is compared with it). */
  readonly onStep?: (step: ReplayedStep) => void;
}

/** What `slotcheck replay FILE --json` prints. */
export interface ReplayResult {
  /** The file, as given (null for a trace passed as a value). */
  readonly file: string | null;
  readonly property: string;
  readonly verdict: ReplayVerdict;
  /** The first step at which each other property broke, model or emulator, every one broken at a step (not only the first): the exit code does not count them. */
  readonly otherViolations: readonly { readonly id: string; readonly at: number }[];
  /** How many recorded states the replay was compared with: 0 for a commands-only trace, or with `design`. */
  readonly comparedStates: number;
  readonly exitCode: ExitCode;
}

/** What to tell a person whose file cannot be read, or is not JSON. */
export interface JsonFileFixes {
  readonly unreadable: string;
  readonly notJson: string;
}

const TRACE_FIXES: JsonFileFixes = {
  unreadable: 'give the path of a trace file written by `slotcheck run` or `slotcheck explore`',
  notJson: 'give a trace file (ITF JSON) as written by slotcheck; do not edit it by hand',
};

/** A JSON file's value; SC004 when it cannot be read or is not JSON. */
export function readJsonFile(file: string, fixes: JsonFileFixes): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SlotcheckError('SC004', `cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`, fixes.unreadable);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SlotcheckError('SC004', `"${file}" is not JSON: ${(error as Error).message}`, fixes.notJson);
  }
}

const major = (version: string) => version.split('.')[0];

/** A trace from a file or a parsed JSON value, checked against the format and this version. */
export function readTrace(trace: string | unknown): ParsedTrace {
  const name = typeof trace === 'string' ? trace : 'the trace';
  const parsed = parseTrace(typeof trace === 'string' ? readJsonFile(trace, TRACE_FIXES) : trace);
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
  options.onStart?.(trace, design);
  const replayed = replayCommands(design, trace.config, trace.commands, property.id, trace.meta.emulator === null ? null : { plantedBug }, trace.meta.loop);
  let comparedStates = 0;
  for (const s of replayed.steps) {
    options.onStep?.(s);
    const recordedState = trace.states[s.index] ?? null;
    if (overridden || recordedState === null) continue; // a commands-only trace records no state to compare
    comparedStates += 1;
    const recorded = canonicalJson(recordedState, 0);
    const now = canonicalJson({ ...recordedState, ...stateToItf(s.result.state, design) }, 0);
    if (recorded === now) continue;
    const actual = stateToItf(s.result.state, design) as Record<string, unknown>;
    const differing = Object.keys(actual).filter((key) => canonicalJson(actual[key], 0) !== canonicalJson(recordedState[key], 0));
    const outcome = s.result.outcome.kind === 'ok' ? 'ok' : `refused ${s.result.outcome.code}`;
    throw new SlotcheckError(
      'SC006',
      `"${name}" diverges at step ${s.index} (${canonicalJson(s.command, 0)} → ${outcome}): the model reaches a state other than the one recorded${differing.length === 0 ? '' : `, in ${differing.join(', ')}`}`,
      'the trace was edited, or the model changed since it was written: regenerate it, or pass --design to replay its commands against a design on purpose',
    );
  }
  const verdict = replayed.verdict;
  return { file: typeof traceInput === 'string' ? traceInput : null, property: property.id, verdict, otherViolations: otherViolations(replayed, property.id), comparedStates, exitCode: verdict.kind === 'violated' ? EXIT.failed : EXIT.holds };
}

/** The first step at which each property other than the trace's own broke, on the model or the emulator, in step order (catalogue order within a step). */
function otherViolations(replayed: Replay, own: string): { readonly id: string; readonly at: number }[] {
  const found = new Map<string, number>();
  for (const v of replayed.initialViolations) if (!found.has(v.id)) found.set(v.id, 0);
  for (const s of replayed.steps) {
    for (const v of [...s.violations, ...s.emulatorViolations]) if (!found.has(v.id)) found.set(v.id, s.index);
  }
  return [...found].filter(([id]) => id !== own).map(([id, at]) => ({ id, at }));
}
