import { refusalOf, type Command, type CommandKind, type ModelState, type Outcome } from '../../model/index.ts';
import type { Refusal } from '../../model/handler.ts';
import { argumentProblem, budgetRefusal } from '../../model/validate.ts';
import type { Machine } from '../../impl/machine.ts';
import type { Invariant, Witness } from '../../properties/catalogue-types.ts';
import type { Violation } from '../../properties/violations.ts';
import { abstractRegisters, writeAbstraction } from '../conformance/abstract-registers.ts';
import type { ModelStep } from '../conformance/model-step.ts';
import { stateDifferences } from '../conformance/state-diff.ts';
import { tryCommand } from '../../model/packed/dispatch.ts';
import { explainState, explainStep } from '../explore/packed/explain.ts';
import { isFairIn } from '../explore/packed/liveness.ts';
import type { PackedMachine } from '../../model/packed/machine.ts';
import { FAULTS_USED, REGISTER_COUNT, SERVICE_OWNER } from '../../model/packed/registers.ts';
import { stateViolationMask } from '../../properties/packed/state-checks.ts';
import { checkActed, INVARIANT_SHIFT, WITNESS_BITS } from '../../model/packed/step-flags.ts';
import type { DrainOutcome } from './drain.ts';
import { flowLparsRegisters } from './mid-flow.ts';
import type { PackedEngine } from './packed-engine.ts';
import { PropertyFailure, type ExecutedStep, type RunContext, type Subject } from './run-context.ts';

const OK: Outcome = Object.freeze({ kind: 'ok' });
const AGREE: readonly string[] = Object.freeze([]);

/**
 * A random run on the explorer's packed engine: the state is a few packed words, a step is
 * `tryCommand` on registers, the invariants and witnesses are the step flags and state masks the
 * explorer uses. model/packed is proven equal to the reference model transition by
 * transition (agreement and exhaustive tests), and packed-engine.test.ts shows a whole suite gives
 * the same report on both engines. Only what a report needs goes back to the reference: the
 * reason code of a refused command, a violation's sentence, the states of a counterexample.
 */
export class PackedRunContext implements RunContext, ModelStep {
  private readonly m: PackedMachine;
  /** The state now, packed. */
  private readonly words: Int32Array;
  /** The state before the last accepted step that changed it (for a step violation's sentence). */
  private readonly previous: Int32Array;
  private stateMask: number;
  private decoded: ModelState | null = null;
  private reachedBits = 0;
  private accepted = 0;
  private readonly commands: Command[] = [];
  private readonly outcomes: Outcome[] = [];
  private readonly phases: ExecutedStep['phase'][] = [];
  private log: Int32Array;
  /** First violation to report, per active invariant in catalogue order. */
  private readonly checked: readonly { readonly id: string; readonly stepBit: number; readonly stateBit: number }[];
  /** The emulator's abstracted state as registers, filled by `differences`. */
  private abstracted: Int32Array | null = null;
  // The ModelStep the subject sees: the last step's command, outcome, flags.
  command: Command = { kind: 'tick' };
  outcome: Outcome = OK;
  private stepFlags = 0;

  constructor(
    private readonly engine: PackedEngine,
    invariants: readonly Invariant[],
    private readonly witnessList: readonly Witness[],
    private readonly subject: Subject | null,
    private readonly subjectIds: ReadonlySet<string>,
  ) {
    this.m = engine.runMachine;
    this.words = Int32Array.from(engine.initialWords);
    this.previous = new Int32Array(this.words.length);
    this.log = new Int32Array(this.words.length * 64);
    this.m.load(this.words, 0);
    this.stateMask = stateViolationMask(this.m.b, engine.config, engine.code);
    this.checked = invariants.map((inv) => ({ id: inv.id, ...engine.invariantBits(inv.id) }));
  }

  get design() {
    return this.engine.design;
  }

  get config() {
    return this.engine.config;
  }

  get serviceOwner(): number {
    return this.m.b[SERVICE_OWNER]!;
  }

  flowLpars(): number {
    return flowLparsRegisters(this.m.b, this.engine.config.lparCount, this.engine.config.slotCount);
  }

  get stepCount(): number {
    return this.commands.length;
  }

  get acceptedCount(): number {
    return this.accepted;
  }

  countAcceptedKinds(counts: Map<CommandKind, number>): void {
    this.commands.forEach((command, i) => {
      if (this.outcomes[i]!.kind === 'ok') counts.set(command.kind, (counts.get(command.kind) ?? 0) + 1);
    });
  }

  modelState(): ModelState {
    return (this.decoded ??= this.engine.modelStateOf(this.words));
  }

  witnessIds(): readonly string[] {
    return this.witnessList.filter((w) => (this.reachedBits & this.engine.witnessBit(w.id)) !== 0).map((w) => w.id);
  }

  executedSteps(): ExecutedStep[] {
    const n = this.words.length;
    return this.commands.map((command, i) => ({ command, outcome: this.outcomes[i]!, state: this.engine.decode(this.log, i * n), phase: this.phases[i]! }));
  }

  enabledAmong(indices: readonly number[]): readonly number[] {
    return this.engine.enabledAmong(this.m, this.words, indices);
  }

  applyCandidate(index: number): void {
    this.applyIndex(index, 'generated');
  }

  apply(command: Command): void {
    const index = this.engine.indexOf(command);
    if (index >= 0) this.applyIndex(index, 'generated');
    else this.refuse(command, argumentProblem(this.config, command), 'generated');
  }

  settle(maxRounds: number, phase: ExecutedStep['phase']): DrainOutcome {
    const { m, engine } = this;
    const { table, fairness, fairSteps } = engine;
    // The drain of ./drain.ts: round-robin over the fair commands in candidate order, each taken
    // if enabled and if it changes the state. Which are enabled comes from the engine's cache,
    // asked again after every change; the walk goes on after the command just taken.
    for (let round = 1; round <= maxRounds; round += 1) {
      let changed = false;
      let enabled = engine.enabledAmong(m, this.words, fairSteps);
      for (let e = 0; e < enabled.length; e += 1) {
        const i = enabled[e]!;
        if (!isFairIn(m.b, fairness[i]!, table.arg0[i]!)) continue;
        m.begin();
        if (!tryCommand(m, table, i)) throw new Error(`internal: command ${i} was cached as enabled but its guard refuses it`);
        if (!this.wordsChanged()) continue;
        this.accept(i, phase, true);
        changed = true;
        enabled = engine.enabledAmong(m, this.words, fairSteps);
        e = firstAfter(enabled, i) - 1;
      }
      if (!changed) {
        m.begin();
        return { kind: 'quiescent', rounds: round };
      }
    }
    m.begin();
    return { kind: 'bound-hit', rounds: maxRounds };
  }

  // ModelStep, for the subject.
  differences(machine: Machine): readonly string[] {
    const { engine } = this;
    // The model's registers are `m.b` (the state now, decoded; every register the layout does not
    // pack at its default), so equal registers are equal states; outside the configuration's
    // LPARs and slots both sides hold the defaults. A value the packed form could not hold cannot
    // equal the model's: it is a difference like any other.
    try {
      if (this.abstracted === null) {
        this.abstracted = new Int32Array(REGISTER_COUNT);
        abstractRegisters(machine, engine.code, engine.layout, this.abstracted);
      } else {
        writeAbstraction(machine, engine.code, this.abstracted);
      }
      if (sameRegisters(this.abstracted, this.m.b, engine.liveRegisters)) return AGREE;
    } catch {
      // No register code for a value (a CPU rate none of the design's): the field comparison names it.
    }
    const found = stateDifferences(machine, this.modelState());
    return found.length > 0 ? found : ['the abstraction and the model state differ in a register the field comparison does not name'];
  }

  violates(id: string): boolean {
    const { stepBit, stateBit } = this.engine.invariantBits(id);
    return (this.stepFlags & stepBit) !== 0 || (this.stateMask & stateBit) !== 0;
  }

  private applyIndex(index: number, phase: ExecutedStep['phase']): void {
    this.m.begin();
    if (tryCommand(this.m, this.engine.table, index)) this.accept(index, phase, this.wordsChanged());
    else this.refuse(this.engine.table.commands[index]!, this.engine.table.perturbation[index] === 1 ? budgetRefusal(this.m.b[FAULTS_USED]!, this.config) : null, phase);
  }

  /** The machine holds command `index` applied (`changed`: it wrote a different state): make its result the state now, then check. */
  private accept(index: number, phase: ExecutedStep['phase'], changed: boolean): void {
    const { m, engine } = this;
    if (m.acted !== 0) checkActed(m);
    const flags = m.flags;
    if (changed) {
      this.previous.set(this.words);
      this.stateMask = stateViolationMask(m.r, engine.config, engine.code);
      this.words.set(m.w);
      this.decoded = null;
      m.load(this.words, 0);
    } else {
      m.begin(); // back to the state loaded, which the step left as it was
    }
    this.accepted += 1;
    this.record(engine.table.commands[index]!, OK, flags, phase, changed);
  }

  /** Record a refused command; its reason is `known` or, when null, the reference model's on the decoded state. */
  private refuse(command: Command, known: Refusal | null, phase: ExecutedStep['phase']): void {
    const refusal = known ?? refusalOf(this.modelState(), command, this.design);
    if (refusal === null) throw new Error(`internal: the packed engine refused ${JSON.stringify(command)} but the reference model accepts it`);
    this.record(command, { kind: 'rejected', code: refusal.code, message: refusal.message }, 0, phase, false);
  }

  private record(command: Command, outcome: Outcome, flags: number, phase: ExecutedStep['phase'], changed: boolean): void {
    const n = this.words.length;
    const at = this.commands.length * n;
    if (at + n > this.log.length) {
      const grown = new Int32Array(this.log.length * 2);
      grown.set(this.log);
      this.log = grown;
    }
    this.log.set(this.words, at);
    this.commands.push(command);
    this.outcomes.push(outcome);
    this.phases.push(phase);
    this.reachedBits |= flags & WITNESS_BITS;
    this.command = command;
    this.outcome = outcome;
    this.stepFlags = flags;
    const fromSubject = this.subject?.apply(this) ?? null;
    const violation = this.firstViolation(flags, changed, command) ?? (fromSubject !== null && this.subjectIds.has(fromSubject.id) ? fromSubject : null);
    if (violation !== null) throw new PropertyFailure(violation, this.commands.length);
  }

  /** The catalogue's `stepViolation`: per invariant in order, its step part, then its state part if the state changed. */
  private firstViolation(flags: number, changed: boolean, command: Command): Violation | null {
    if (flags >>> INVARIANT_SHIFT === 0 && (!changed || this.stateMask === 0)) return null;
    const { design } = this;
    for (const inv of this.checked) {
      if ((flags & inv.stepBit) !== 0) {
        const words = Int32Array.from(changed ? this.previous : this.words);
        return explainStep(inv.id, () => this.engine.decode(words), command, design, false);
      }
      if (changed && (this.stateMask & inv.stateBit) !== 0) {
        const words = Int32Array.from(this.words);
        return explainState(inv.id, () => this.engine.decode(words), design, false);
      }
    }
    return null;
  }

  /** Whether the command just tried wrote a different state (a step may leave the state as it was). */
  private wordsChanged(): boolean {
    return !sameWords(this.m.w, this.words);
  }
}

/** The position of the first index greater than `i` in an increasing list (its length if none). */
function firstAfter(list: readonly number[], i: number): number {
  let at = 0;
  while (at < list.length && list[at]! <= i) at += 1;
  return at;
}

function sameRegisters(a: Int32Array, b: Int32Array, which: Int32Array): boolean {
  for (let k = 0; k < which.length; k += 1) if (a[which[k]!] !== b[which[k]!]) return false;
  return true;
}

function sameWords(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < b.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
