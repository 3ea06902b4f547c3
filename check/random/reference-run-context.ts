import { candidates, step, type Candidate, type Command, type CommandKind, type Config, type Design, type ModelState, type StepResult } from '../../model/index.ts';
import { guardOfCandidate } from '../../model/step.ts';
import type { Invariant, Witness } from '../../properties/catalogue-types.ts';
import { stepViolation, witnessesReached } from '../../properties/violations.ts';
import { referenceModelStep } from '../conformance/model-step.ts';
import type { Transition } from '../../properties/verdict.ts';
import { drainFairly, type DrainOutcome } from './drain.ts';
import { flowLpars } from './mid-flow.ts';
import { PropertyFailure, type ExecutedStep, type RunContext, type Subject } from './run-context.ts';

/** A random run on the reference model itself (immer), checked by the catalogue's own functions. */
export class ReferenceRunContext implements RunContext {
  private state: ModelState;
  private readonly steps: ExecutedStep[] = [];
  private readonly reached = new Set<string>();
  private readonly all: readonly Candidate[];
  readonly config: Config;

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
    this.config = initial.config;
    this.all = candidates(initial.config);
  }

  get serviceOwner(): number {
    return this.state.serviceOwner;
  }

  flowLpars(): number {
    return flowLpars(this.state);
  }

  get stepCount(): number {
    return this.steps.length;
  }

  get acceptedCount(): number {
    return this.steps.filter((s) => s.outcome.kind === 'ok').length;
  }

  countAcceptedKinds(counts: Map<CommandKind, number>): void {
    for (const s of this.steps) if (s.outcome.kind === 'ok') counts.set(s.command.kind, (counts.get(s.command.kind) ?? 0) + 1);
  }

  modelState(): ModelState {
    return this.state;
  }

  witnessIds(): readonly string[] {
    return this.witnessList.filter((w) => this.reached.has(w.id)).map((w) => w.id);
  }

  executedSteps(): ExecutedStep[] {
    return [...this.steps];
  }

  enabledAmong(indices: readonly number[]): readonly number[] {
    const out: number[] = [];
    for (const i of indices) {
      const c = this.all[i]!;
      if (guardOfCandidate(this.state, c.command, c.perturbation, this.design) === null) out.push(i);
    }
    return out;
  }

  applyCandidate(index: number): void {
    this.apply(this.all[index]!.command);
  }

  apply(command: Command): void {
    const before = this.state;
    this.record(before, command, step(before, command, this.design), 'generated');
  }

  settle(maxRounds: number, phase: ExecutedStep['phase']): DrainOutcome {
    return drainFairly(this.state, this.design, maxRounds, (before, command, result) => this.record(before, command, result, phase)).outcome;
  }

  private record(before: ModelState, command: Command, result: StepResult, phase: ExecutedStep['phase']): void {
    const t: Transition = { before, command, result, design: this.design };
    this.steps.push({ command, outcome: result.outcome, state: result.state, phase });
    this.state = result.state;
    for (const id of witnessesReached(t, this.witnessList)) this.reached.add(id);
    const fromSubject = this.subject?.apply(referenceModelStep(t)) ?? null;
    const violation = stepViolation(t, this.invariants) ?? (fromSubject !== null && this.subjectIds.has(fromSubject.id) ? fromSubject : null);
    if (violation !== null) throw new PropertyFailure(violation, this.steps.length);
  }
}
