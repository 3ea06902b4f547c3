import { step, type Command, type Design, type ModelState, type StepResult } from '../../model/index.ts';
import type { ExecutedStep } from '../executed-step.ts';
import type { Invariant, Witness } from '../catalogue-types.ts';
import { stepViolation, witnessesReached, type Violation } from '../check.ts';
import type { Transition } from '../verdict.ts';

export type { ExecutedStep };

/** Something besides the reference model that every step also drives (the emulator, issue 3). */
export interface Subject {
  /** Apply the command the model just took; report a disagreement or an invariant it breaks. */
  apply(t: Transition): Violation | null;
}

/** Thrown inside a fast-check run to fail it; carries what broke and where. */
export class PropertyFailure extends Error {
  constructor(readonly violation: Violation, readonly stepIndex: number) {
    super(`${violation.id} violated at step ${stepIndex}: ${violation.why}`);
  }
}

/** The mutable state of one random run: the model state, its log, what it reached. */
export class RunContext {
  state: ModelState;
  readonly steps: ExecutedStep[] = [];
  readonly witnesses = new Set<string>();

  constructor(
    readonly design: Design,
    initial: ModelState,
    readonly invariants: readonly Invariant[],
    readonly witnessList: readonly Witness[],
    readonly subject: Subject | null,
    /** The ids a subject's reports count for; one already found failing is not reported again. */
    readonly subjectIds: ReadonlySet<string> = new Set(),
  ) {
    this.state = initial;
  }

  /** Observe a step already computed (the drain computes its own). */
  record(before: ModelState, command: Command, result: StepResult, phase: ExecutedStep['phase']): void {
    const t: Transition = { before, command, result, design: this.design };
    this.steps.push({ command, outcome: result.outcome, state: result.state, phase });
    this.state = result.state;
    for (const id of witnessesReached(t, this.witnessList)) this.witnesses.add(id);
    const fromSubject = this.subject?.apply(t) ?? null;
    const violation = stepViolation(t, this.invariants) ?? (fromSubject !== null && this.subjectIds.has(fromSubject.id) ? fromSubject : null);
    if (violation !== null) throw new PropertyFailure(violation, this.steps.length);
  }

  apply(command: Command, phase: ExecutedStep['phase'] = 'generated'): void {
    const before = this.state;
    this.record(before, command, step(before, command, this.design), phase);
  }
}
