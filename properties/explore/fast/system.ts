import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { initialState } from '../../../model/initial-state.ts';
import type { ModelState } from '../../../model/state.ts';
import type { Violation } from '../../check.ts';
import type { StepInfo, TransitionSystem } from '../system.ts';
import { fromRegisters, pack, toRegisters } from './codec.ts';
import { compileDesign, type DesignCode } from './design-code.ts';
import { explainState, explainStep } from './explain.ts';
import { SuccessorGenerator } from './generator.ts';
import { layoutFor, type Layout } from './layout.ts';
import { Machine } from './machine.ts';
import { STATE_INVARIANT_IDS, stateViolationMask } from './state-checks.ts';
import { INVARIANT_SHIFT, STEP_INVARIANT_IDS, WITNESS_BITS, WITNESS_IDS } from './step-flags.ts';
import { StateStore } from './store.ts';

const CHECKED = 0x80; // a state's verdict byte: 0 until checked, then CHECKED | the mask of state invariants it breaks

/**
 * The packed transition system. A state is a dense id in an interning store of packed words
 * (./store.ts), so `key` is the id itself and equal states have equal ids. Successors are
 * computed on registers without immer (./machine.ts), in the order of `enabledCommands`;
 * StepInfo.packed carries the step's witness and step-invariant bits (./step-flags.ts). The
 * state invariants of each new state are checked once, as it is first generated. Reentrant: a
 * `visit` may call `successors` again (each nesting level has its own machine and buffer). A violation's
 * `why` is computed on demand by the reference catalogue (./explain.ts), from the decoded states.
 *
 * Supports every configuration of model/config.ts (up to 4 LPARs × 3 slots; budgets up to the
 * field widths, at most 31 bits each) and every Design value.
 */
export class FastSystem implements TransitionSystem<number> {
  readonly code: DesignCode;
  readonly layout: Layout;
  readonly store: StateStore;
  readonly generator: SuccessorGenerator;
  private readonly readBuffers: Int32Array[] = [];
  private depth = 0;
  private readonly scratch: Machine;
  private readonly words: Int32Array;
  private verdicts = new Uint8Array(1 << 12);

  constructor(readonly design: Design, readonly config: Config) {
    this.code = compileDesign(design);
    this.layout = layoutFor(config, this.code);
    this.store = new StateStore(this.layout.words);
    this.generator = new SuccessorGenerator(config, this.code, this.layout);
    this.scratch = new Machine(config, this.code, this.layout);
    this.words = new Int32Array(this.layout.words);
  }

  /** The commands of this configuration in `allCommands` order; a successor's command is one of these objects. */
  get commands(): readonly Command[] {
    return this.generator.table.commands;
  }

  initial(): number {
    return this.fromModel(initialState(this.config, this.design));
  }

  /** Intern a reference model state (throws if the layout cannot hold it). */
  fromModel(state: ModelState): number {
    const regs = this.scratch.b;
    toRegisters(state, this.code, this.layout, regs);
    pack(regs, this.layout, this.words);
    return this.store.intern(this.words);
  }

  toModel(state: number): ModelState {
    this.store.read(state, this.words);
    this.scratch.load(this.words, 0);
    return fromRegisters(this.scratch.b, this.config, this.code);
  }

  successors(state: number, visit: (command: Command, next: number, info: StepInfo) => void): void {
    const words = (this.readBuffers[this.depth] ??= new Int32Array(this.layout.words));
    this.store.read(state, words);
    const { store, config, code } = this;
    const commands = this.generator.table.commands;
    this.depth += 1;
    try {
      this.generator.expand(words, 0, (i, m) => {
        const next = store.intern(m.w);
        if (store.lastWasNew) this.recordVerdict(next, stateViolationMask(m.r, config, code));
        visit(commands[i]!, next, { packed: m.flags });
      });
    } finally {
      this.depth -= 1;
    }
  }

  key(state: number): number {
    return state;
  }

  /** The first invariant (state part) the state breaks, passing over the ids in `skip`. */
  checkState(state: number, skip?: ReadonlySet<string>): Violation | null {
    const id = firstId(this.stateMask(state), STATE_INVARIANT_IDS, skip);
    return id === null ? null : explainState(id, () => this.toModel(state), this.design);
  }

  /** The first invariant (step part) the transition breaks, passing over the ids in `skip`. */
  checkStep(before: number, command: Command, _next: number, info: StepInfo, skip?: ReadonlySet<string>): Violation | null {
    const id = firstId(packedOf(info) >>> INVARIANT_SHIFT, STEP_INVARIANT_IDS, skip);
    return id === null ? null : explainStep(id, () => this.toModel(before), command, this.design);
  }

  /**
   * Every invariant whose state part the state breaks, not only the first: a state can break
   * several, and `checkState` (like the catalogue's `initialViolation`) names only the first.
   */
  stateViolations(state: number): readonly string[] {
    return idsOf(this.stateMask(state), STATE_INVARIANT_IDS);
  }

  /** Every invariant whose step part the transition breaks (`checkStep` names only the first). */
  stepViolations(info: StepInfo): readonly string[] {
    return idsOf(packedOf(info) >>> INVARIANT_SHIFT, STEP_INVARIANT_IDS);
  }

  witnesses(_before: number, _command: Command, _next: number, info: StepInfo): readonly string[] {
    return witnessList(packedOf(info) & WITNESS_BITS);
  }

  /** Distinct states interned so far (every state generated, not only those explored). */
  get stateCount(): number {
    return this.store.size;
  }

  /** Record the state-invariant mask of a state computed elsewhere (a worker thread), so that it is not computed again. */
  recordStateMask(state: number, mask: number): void {
    this.recordVerdict(state, mask);
  }

  private stateMask(state: number): number {
    const verdict = state < this.verdicts.length ? this.verdicts[state]! : 0;
    if (verdict !== 0) return verdict & ~CHECKED;
    this.store.read(state, this.words);
    this.scratch.load(this.words, 0);
    const mask = stateViolationMask(this.scratch.b, this.config, this.code);
    this.recordVerdict(state, mask);
    return mask;
  }

  private recordVerdict(state: number, mask: number): void {
    if (state >= this.verdicts.length) {
      const grown = new Uint8Array(Math.max(this.verdicts.length * 2, state + 1));
      grown.set(this.verdicts);
      this.verdicts = grown;
    }
    this.verdicts[state] = CHECKED | mask;
  }
}

function packedOf(info: StepInfo): number {
  if (!('packed' in info)) throw new TypeError('FastSystem expects the StepInfo its own successors produced');
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

const ID_LISTS = new Map<readonly string[], (readonly string[] | undefined)[]>();

/** The ids whose bits are set, as one frozen array per (list, bits): no allocation per call. */
function idsOf(bits: number, ids: readonly string[]): readonly string[] {
  let cache = ID_LISTS.get(ids);
  if (cache === undefined) ID_LISTS.set(ids, (cache = []));
  return (cache[bits] ??= Object.freeze(ids.filter((_, i) => (bits & (1 << i)) !== 0)));
}

function witnessList(bits: number): readonly string[] {
  return idsOf(bits, WITNESS_IDS);
}
