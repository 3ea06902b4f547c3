import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { initialState } from '../../../model/initial-state.ts';
import type { ModelState } from '../../../model/state.ts';
import type { StepInfo, SymmetryReduction } from '../system.ts';
import { PackedSymmetry } from './symmetry.ts';
import { PackedSystemBase, packedStepInfo } from './system-base.ts';
import { stateViolationMask } from '../../../properties/packed/state-checks.ts';
import { StateStore } from './store.ts';

const CHECKED = 0x80; // a state's verdict byte: 0 until checked, then CHECKED | the mask of state invariants it breaks

/**
 * The packed transition system. A state is a dense id in an interning store of packed words
 * (./store.ts), so `key` is the id itself and equal states have equal ids (with symmetry
 * reduction, the id of the orbit's least packed form in a second store: ./packed-symmetry.ts);
 * ids are given in order of first generation, so visiting them in increasing order is
 * breadth-first. Successors
 * are computed on registers without immer (./generator.ts), in the order of `enabledCommands`;
 * StepInfo.packed carries the step's witness and step-invariant bits (./step-flags.ts). The state
 * invariants of each new state are checked once, as it is first generated. Reentrant: a `visit`
 * may call `successors` again. A violation's `why` is computed on demand by the reference
 * catalogue (./explain.ts), from the decoded states.
 *
 * Ids belong to this object's store: they mean nothing in another thread.
 *
 * Supports every configuration of model/config.ts (up to 4 LPARs × 3 slots; budgets up to the
 * field widths, at most 31 bits each) and every Design value.
 */
export class PackedSystem extends PackedSystemBase<number> {
  readonly store: StateStore;
  private readonly readBuffers: Int32Array[] = [];
  private depth = 0;
  private verdicts = new Uint8Array(1 << 12);

  /** With symmetry reduction: the renamings, and a store of canonical forms whose ids are the keys. */
  readonly symmetry?: SymmetryReduction<number>;
  private readonly reduction: PackedSymmetry | null = null;
  private readonly canonicalStore: StateStore | null = null;
  private readonly keyWords: Int32Array;
  private readonly canonicalWords: Int32Array;
  private memoState = -1;
  private memo = { key: 0, orbit: 1 };

  constructor(design: Design, config: Config, options: { readonly symmetry?: boolean } = {}) {
    super(design, config);
    this.store = new StateStore(this.layout.words);
    this.keyWords = new Int32Array(this.layout.words);
    this.canonicalWords = new Int32Array(this.layout.words);
    const reduction = options.symmetry === true ? new PackedSymmetry(config, this.layout) : null;
    if (reduction !== null && reduction.order > 1) {
      this.reduction = reduction;
      this.canonicalStore = new StateStore(this.layout.words);
      this.symmetry = { groups: reduction.groups, order: reduction.order, exactKey: (s) => s, orbitSize: (s) => this.canonical(s).orbit };
    }
  }

  initial(): number {
    return this.fromModel(initialState(this.config, this.design));
  }

  /** Intern a reference model state (throws if the layout cannot hold it). */
  fromModel(state: ModelState): number {
    return this.store.intern(this.packModel(state));
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
        visit(commands[i]!, next, packedStepInfo(m.flags));
      });
    } finally {
      this.depth -= 1;
    }
  }

  /** The state's id; with symmetry reduction, the id of its orbit's least packed form. */
  key(state: number): number {
    return this.reduction === null ? state : this.canonical(state).key;
  }

  /** The explorer asks for a new state's key and then its orbit size: one pass over the group gives both. */
  private canonical(state: number): { key: number; orbit: number } {
    if (state !== this.memoState) {
      this.store.read(state, this.keyWords);
      const regs = this.registersOf(this.keyWords);
      const orbit = this.reduction!.canonical(regs, this.keyWords, this.canonicalWords);
      this.memo = { key: this.canonicalStore!.intern(this.canonicalWords), orbit };
      this.memoState = state;
    }
    return this.memo;
  }

  /** Distinct states interned so far (every state generated, not only those explored). */
  get stateCount(): number {
    return this.store.size;
  }

  protected readWords(state: number, out: Int32Array): void {
    this.store.read(state, out);
  }

  protected override stateMask(state: number): number {
    const verdict = state < this.verdicts.length ? this.verdicts[state]! : 0;
    if (verdict !== 0) return verdict & ~CHECKED;
    const mask = super.stateMask(state);
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
