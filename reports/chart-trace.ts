import type { Command, Config, Effect, Outcome } from '../model/index.ts';
import type { ItfValue } from './itf.ts';

// What a time chart is drawn from: a trace (or a scenario) re-executed step by step, as plain
// data. api/chart.ts builds it by replaying; the renderers (html-report.ts, markdown-report.ts)
// are pure functions of it and never run the model.

/** A property broken at one step: on the model, on the emulator, or as the trace records it (liveness). */
export interface ChartViolation {
  readonly id: string;
  /** The catalogue's sentence for the property. */
  readonly sentence: string;
  readonly why: string;
  readonly on: 'model' | 'emulator' | 'trace';
}

export interface ChartStep {
  /** 1-based: the state after this step is state `index` of the trace. */
  readonly index: number;
  readonly command: Command;
  /** The command in words; a `cluster_step` names the script step it ran and its patent step number. */
  readonly label: string;
  readonly outcome: Outcome;
  readonly effects: readonly Effect[];
  /** `path: before → after` for every value the step changed (reports/state-diff.ts). */
  readonly changes: readonly string[];
  /** The model state after the step, in ITF form (reports/itf.ts). */
  readonly state: Readonly<Record<string, ItfValue>>;
  /** Every property broken at this step, model and emulator. */
  readonly violations: readonly ChartViolation[];
}

export interface ChartTrace {
  /** What the chart shows, in a line: "INV-07 on DSN-01 patent-lpar-a" or a scenario's title. */
  readonly title: string;
  /** The trace file it was built from (null for a scenario given as commands). */
  readonly source: string | null;
  /** The line that replays it (null for a scenario). */
  readonly replay: string | null;
  readonly design: {
    readonly id: string;
    readonly name: string;
    readonly title: string;
    readonly embodiment: 'lpar' | 'ppar';
    readonly sciSource: 'control-program' | 'card-rom';
  };
  readonly config: Config;
  /** How the trace was found: random, explore, every-transition, or scenario. */
  readonly method: string;
  /** The property the trace is a counterexample to (null for a scenario that is no counterexample). */
  readonly property: { readonly id: string; readonly sentence: string; readonly why: string } | null;
  /** The step at which the property broke (0: the initial state), or null. */
  readonly failingStep: number | null;
  /**
   * A lasso: the state the run returns to after its last step (the cycle is steps loop+1 … last;
   * loop = the last index: the run settles there). Null for a run that is no lasso.
   */
  readonly loop: number | null;
  readonly initial: { readonly state: Readonly<Record<string, ItfValue>>; readonly violations: readonly ChartViolation[] };
  readonly steps: readonly ChartStep[];
}

/** The ITF state before step `index` (1-based): the initial state for step 1. */
export function stateBefore(chart: ChartTrace, index: number): Readonly<Record<string, ItfValue>> {
  return index <= 1 ? chart.initial.state : chart.steps[index - 2]!.state;
}
