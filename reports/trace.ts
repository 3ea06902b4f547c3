import type { Config, Design } from '../model/index.ts';
import type { ExecutedStep } from '../check/executed-step.ts';
import { designHash } from './design-hash.ts';
import { actionToItf, itfVarTypes, ITF_VARS, lassoConvention, stateToItf, type ItfValue } from './itf.ts';
import { TOOL_VERSION } from './version.ts';
import type { ModelState } from '../model/index.ts';

export const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

/** Everything a counterexample trace is built from; the checkers produce it, this module writes it. */
export interface TraceSource {
  readonly design: Design;
  readonly config: Config;
  readonly method: 'random' | 'explore' | 'every-transition';
  readonly seed: number | null;
  readonly path: string | null;
  readonly replayPath: string | null;
  readonly property: { readonly id: string; readonly name: string; readonly why: string };
  /** Index (1-based) of the step at which the property broke; 0 for the initial state. */
  readonly violationStep: number;
  /** For a lasso: the index of the state the loop returns to. */
  readonly loop: number | null;
  /** Whether the run drove the emulator too, and with which test-only planted bug. */
  readonly emulator: { readonly plantedBug: string | null } | null;
  readonly initial: ModelState;
  readonly steps: readonly ExecutedStep[];
}

/** The trace's top `#meta`: its source (less the states), what format it is, and who wrote it. */
export interface TraceMeta extends Omit<TraceSource, 'initial' | 'steps'> {
  readonly format: 'ITF';
  readonly 'format-description': string;
  readonly source: 'slotcheck';
  readonly description: string;
  /** Each variable's type, as Apalache writes it. */
  readonly varTypes: Readonly<Record<string, string>>;
  readonly toolVersion: string;
  readonly designHash: string;
}

export interface Trace {
  readonly '#meta': TraceMeta;
  readonly vars: readonly string[];
  readonly states: readonly Record<string, unknown>[];
  readonly loop?: number;
}

/** The one line that reproduces a trace's violation. */
export function replayCommand(file: string): string {
  return `npx slotcheck replay ${file}`;
}

/** The one-line description a trace carries, from the fields `replay` checks (so it prints this, not the stored text). */
export function traceDescription(src: Pick<TraceSource, 'design' | 'property' | 'violationStep' | 'method' | 'seed'>): string {
  return `${src.design.id} ${src.design.name}: ${src.property.id} violated at step ${src.violationStep} (${src.method}${src.seed === null ? '' : `, seed ${src.seed}`})`;
}

export function buildTrace(src: TraceSource): Trace {
  const { initial: _initial, steps: _steps, ...described } = src;
  const meta: TraceMeta = {
    format: 'ITF',
    'format-description': ITF_FORMAT_DESCRIPTION,
    source: 'slotcheck',
    description: src.loop === null ? traceDescription(src) : `${traceDescription(src)}. ${lassoConvention(src.loop, src.steps.length)}`,
    varTypes: itfVarTypes(src.design),
    toolVersion: TOOL_VERSION,
    designHash: designHash(src.design),
    ...described,
  };
  const states: Record<string, unknown>[] = [{ '#meta': { index: 0 }, ...stateToItf(src.initial, src.design), ...actionToItf(null) }];
  src.steps.forEach((s, i) => {
    const stepMeta: Record<string, unknown> = { index: i + 1, command: s.command, outcome: s.outcome, phase: s.phase };
    states.push({ '#meta': stepMeta, ...stateToItf(s.state, src.design), ...actionToItf(s.command) });
  });
  return { '#meta': meta, vars: [...ITF_VARS], states, ...(src.loop === null ? {} : { loop: src.loop }) };
}

export type { ItfValue };
