import { initialState, type Command, type CommandKind, type Config, type Design, type ModelState } from '../../model/index.ts';
import type { ModelStep } from '../conformance/model-step.ts';
import type { ExecutedStep } from '../executed-step.ts';
import { boundedStretchBreach } from '../bounded-stretch.ts';
import type { Liveness } from '../../properties/catalogue-types.ts';
import type { Violation } from '../../properties/violations.ts';
import type { DrainOutcome } from './drain.ts';

export type { ExecutedStep };

/** Something besides the model that every step also drives (the emulator, issue 3). */
export interface Subject {
  /** Apply the command the model just took; report a disagreement or an invariant it breaks. */
  apply(step: ModelStep): Violation | null;
}

/** Thrown inside a fast-check run to fail it; carries what broke and where. */
export class PropertyFailure extends Error {
  constructor(readonly violation: Violation, readonly stepIndex: number) {
    // A verdict, not a fault of the tool: no stack trace (minimizing a counterexample throws thousands).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super();
    Error.stackTraceLimit = stackTraceLimit;
    // The sentence may be computed on demand (the packed engine asks the reference model), and
    // shrinking throws many of these: build the message only if someone reads it.
    Object.defineProperty(this, 'message', { get: () => `${violation.id} violated at step ${stepIndex}: ${violation.why}` });
  }
}

/**
 * One random run as the generated commands drive it: the model state, the log of executed
 * steps, the witnesses reached. Every step is checked against the run's invariants (and the
 * subject's report) as it is taken; a violation throws PropertyFailure. Two engines implement
 * it and must give the same runs: the reference model (./reference-run-context.ts) and the
 * packed engine (./packed-run-context.ts), the one the explorer uses.
 */
export interface RunContext {
  readonly design: Design;
  readonly config: Config;
  /** The LPAR that runs the service now. */
  readonly serviceOwner: number;
  /** The LPARs taking part in a flow half done now, bit per LPAR (./mid-flow.ts): perturbations come more often, and aim at them. */
  flowLpars(): number;
  /** Of the given indices into `candidates(config)`, those `step` would accept now, in their order. */
  enabledAmong(indices: readonly number[]): readonly number[];
  /** Take candidate `index`, one `enabledAmong` just returned. */
  applyCandidate(index: number): void;
  /** Take any command: possibly refused, possibly with arguments outside the configuration. */
  apply(command: Command): void;
  /** The fair drain (./drain.ts) from the state now, every step recorded with `phase`. */
  settle(maxRounds: number, phase: ExecutedStep['phase']): DrainOutcome;
  /** The model state now. */
  modelState(): ModelState;
  readonly stepCount: number;
  readonly acceptedCount: number;
  /** Add the accepted steps so far, per command kind, to `counts`. */
  countAcceptedKinds(counts: Map<CommandKind, number>): void;
  /** The witnesses reached so far, in catalogue order. */
  witnessIds(): readonly string[];
  /** The steps taken so far, with the state after each. */
  executedSteps(): ExecutedStep[];
}

/**
 * The end of a run: the fair drain, then every liveness property's obligations. One still open
 * once the drain settles is open forever on a fair path (./drain.ts), and fails the run.
 */
export function checkLiveness(ctx: RunContext, liveness: readonly Liveness[], drainRounds: number): 'settled' | 'bound-hit' {
  if (ctx.settle(drainRounds, 'drain').kind === 'bound-hit') return 'bound-hit';
  for (const live of liveness) if (live.withinSteps !== undefined) checkBoundedResponse(ctx, live, live.withinSteps(ctx.design));
  const state = ctx.modelState();
  for (const live of liveness) {
    const open = live.pending(state, ctx.design);
    if (open.length > 0) throw new PropertyFailure({ id: live.id, why: `${open[0]!}, and nothing fair is left to do (every enabled step leaves the state as it is)` }, ctx.stepCount);
  }
  return 'settled';
}

/** A bounded response (LIV-06) along the whole run, drain included (../bounded-stretch.ts). */
function checkBoundedResponse(ctx: RunContext, live: Liveness, boundSteps: number): void {
  const breach = boundedStretchBreach(ctx.design, initialState(ctx.config, ctx.design), ctx.executedSteps(), live, boundSteps);
  if (breach !== null) throw new PropertyFailure({ id: live.id, why: breach.why }, breach.at);
}
