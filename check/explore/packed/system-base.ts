import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import type { ModelState } from '../../../model/state.ts';
import type { Violation } from '../../../properties/violations.ts';
import type { LivenessView, StateKey, StepInfo, TransitionSystem } from '../system.ts';
import { fromRegisters, pack, toRegisters } from '../../../model/packed/codec.ts';
import { compileDesign, type DesignCode } from '../../../model/packed/design-code.ts';
import { explainState, explainStep } from './explain.ts';
import { SuccessorGenerator } from '../../../model/packed/generator.ts';
import { layoutFor, type Layout } from '../../../model/packed/layout.ts';
import { RegisterLivenessView } from './liveness.ts';
import { PackedMachine } from '../../../model/packed/machine.ts';
import { STATE_INVARIANT_IDS, stateViolationMask } from '../../../properties/packed/state-checks.ts';
import { INVARIANT_SHIFT, STEP_INVARIANT_IDS, WITNESS_BITS, WITNESS_IDS } from '../../../model/packed/step-flags.ts';

/**
 * What the packed transition systems share, whatever their state representation S: the compiled
 * design, the layout, the successor generator, decoding, and the invariant and witness checks
 * from the step flags (./step-flags.ts) and state masks (./state-checks.ts). A subclass says how
 * a state's packed words are found (`readWords`) and may cache state masks (`stateMask`).
 */
export abstract class PackedSystemBase<S> implements TransitionSystem<S> {
  readonly code: DesignCode;
  readonly layout: Layout;
  readonly generator: SuccessorGenerator;
  private readonly scratch: PackedMachine;
  private readonly scratchWords: Int32Array;
  // `liveness` has its own machine: the explorer reads the view while it checks successors, which
  // may load states into `scratch`.
  private readonly livenessMachine: PackedMachine;
  private readonly livenessWords: Int32Array;
  private livenessView: RegisterLivenessView | null = null;
  private livenessState: S | null = null;

  constructor(readonly design: Design, readonly config: Config) {
    this.code = compileDesign(design);
    this.layout = layoutFor(config, this.code);
    this.generator = new SuccessorGenerator(config, this.code, this.layout);
    this.scratch = new PackedMachine(config, this.code, this.layout);
    this.scratchWords = new Int32Array(this.layout.words);
    this.livenessMachine = new PackedMachine(config, this.code, this.layout);
    this.livenessWords = new Int32Array(this.layout.words);
  }

  /** Obligations and fairness read from the state's registers (./liveness.ts); valid until the next call. */
  liveness(state: S): LivenessView {
    this.readWords(state, this.livenessWords);
    this.livenessMachine.load(this.livenessWords, 0);
    this.livenessState = state;
    return (this.livenessView ??= new RegisterLivenessView(
      this.livenessMachine.b, this.config, this.design, this.code, this.generator.table.commands, () => this.toModel(this.livenessState as S),
    ));
  }

  /** Whether a violation's sentence is computed at once (plain data, can cross threads) or when read. */
  protected readonly eagerWhy: boolean = false;

  abstract initial(): S;
  abstract successors(state: S, visit: (command: Command, next: S, info: StepInfo) => void): void;
  abstract key(state: S): StateKey;
  /** Copy the state's packed words into `out`. */
  protected abstract readWords(state: S, out: Int32Array): void;

  /** The commands of this configuration in `allCommands` order; a successor's command is one of these objects. */
  get commands(): readonly Command[] {
    return this.generator.table.commands;
  }

  /** The packed words of a reference model state (throws if the layout cannot hold it). */
  protected packModel(state: ModelState): Int32Array {
    toRegisters(state, this.code, this.layout, this.scratch.b);
    pack(this.scratch.b, this.layout, this.scratchWords);
    return this.scratchWords;
  }

  toModel(state: S): ModelState {
    return fromRegisters(this.loadScratch(state), this.config, this.code);
  }

  /** The state invariants the state breaks, as bits in the order of STATE_INVARIANT_IDS. */
  protected stateMask(state: S): number {
    return stateViolationMask(this.loadScratch(state), this.config, this.code);
  }

  /** The first invariant (state part) the state breaks, passing over the ids in `skip`. */
  checkState(state: S, skip?: ReadonlySet<string>): Violation | null {
    const id = firstId(this.stateMask(state), STATE_INVARIANT_IDS, skip);
    return id === null ? null : explainState(id, () => this.toModel(state), this.design, this.eagerWhy);
  }

  /** The first invariant (step part) the transition breaks, passing over the ids in `skip`. */
  checkStep(before: S, command: Command, _next: S, info: StepInfo, skip?: ReadonlySet<string>): Violation | null {
    const id = firstId(packedOf(info) >>> INVARIANT_SHIFT, STEP_INVARIANT_IDS, skip);
    return id === null ? null : explainStep(id, () => this.toModel(before), command, this.design, this.eagerWhy);
  }

  /**
   * Every invariant whose state part the state breaks, not only the first: a state can break
   * several, and `checkState` (like the catalogue's `initialViolation`) names only the first.
   */
  stateViolations(state: S): readonly string[] {
    return idsOf(this.stateMask(state), STATE_INVARIANT_IDS);
  }

  /** Every invariant whose step part the transition breaks (`checkStep` names only the first). */
  stepViolations(info: StepInfo): readonly string[] {
    return idsOf(packedOf(info) >>> INVARIANT_SHIFT, STEP_INVARIANT_IDS);
  }

  /** The step flags are exactly the step invariants broken and the witnesses reached. */
  quiet(info: StepInfo): boolean {
    return packedOf(info) === 0;
  }

  witnesses(_before: S, _command: Command, _next: S, info: StepInfo): readonly string[] {
    return idsOf(packedOf(info) & WITNESS_BITS, WITNESS_IDS);
  }

  /** The state's registers, in a scratch machine (valid until the next call). */
  private loadScratch(state: S): Int32Array {
    this.readWords(state, this.scratchWords);
    return this.registersOf(this.scratchWords);
  }

  /** The registers of packed words, in a scratch machine (valid until the next call). */
  protected registersOf(words: Int32Array): Int32Array {
    this.scratch.load(words, 0);
    return this.scratch.b;
  }
}

function packedOf(info: StepInfo): number {
  if (!('packed' in info)) throw new TypeError('a packed system expects the StepInfo its own successors produced');
  return info.packed;
}

/** The id of the lowest set bit whose id is not in `skip`, or null. */
export function firstId(bits: number, ids: readonly string[], skip: ReadonlySet<string> | undefined): string | null {
  for (let rest = bits; rest !== 0; rest &= rest - 1) {
    const id = ids[31 - Math.clz32(rest & -rest)]!;
    if (skip === undefined || !skip.has(id)) return id;
  }
  return null;
}

const QUIET_STEP: StepInfo = Object.freeze({ packed: 0 });
const STEP_INFOS = new Map<number, StepInfo>();

/** The StepInfo of a step's packed flags, one frozen object per value: no allocation per transition. */
export function packedStepInfo(flags: number): StepInfo {
  if (flags === 0) return QUIET_STEP; // most steps
  let info = STEP_INFOS.get(flags);
  if (info === undefined) STEP_INFOS.set(flags, (info = Object.freeze({ packed: flags })));
  return info;
}

const ID_LISTS = new Map<readonly string[], (readonly string[] | undefined)[]>();

/** The ids whose bits are set, as one frozen array per (list, bits): no allocation per call. */
function idsOf(bits: number, ids: readonly string[]): readonly string[] {
  let cache = ID_LISTS.get(ids);
  if (cache === undefined) ID_LISTS.set(ids, (cache = []));
  return (cache[bits] ??= Object.freeze(ids.filter((_, i) => (bits & (1 << i)) !== 0)));
}
