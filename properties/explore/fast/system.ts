import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { initialState } from '../../../model/initial-state.ts';
import type { ModelState } from '../../../model/state.ts';
import type { StepInfo } from '../system.ts';
import { PackedSystem, packedStepInfo } from './packed-system.ts';
import { stateViolationMask } from './state-checks.ts';
import { StateStore } from './store.ts';

const CHECKED = 0x80; // a state's verdict byte: 0 until checked, then CHECKED | the mask of state invariants it breaks

/**
 * The packed transition system. A state is a dense id in an interning store of packed words
 * (./store.ts), so `key` is the id itself and equal states have equal ids; ids are given in
 * order of first generation, so visiting them in increasing order is breadth-first. Successors
 * are computed on registers without immer (./generator.ts), in the order of `enabledCommands`;
 * StepInfo.packed carries the step's witness and step-invariant bits (./step-flags.ts). The state
 * invariants of each new state are checked once, as it is first generated. Reentrant: a `visit`
 * may call `successors` again. A violation's `why` is computed on demand by the reference
 * catalogue (./explain.ts), from the decoded states.
 *
 * Ids belong to this object's store: they mean nothing in another thread. For the explorer's
 * worker threads use PortableFastSystem (./portable-system.ts), whose states carry their words.
 *
 * Supports every configuration of model/config.ts (up to 4 LPARs × 3 slots; budgets up to the
 * field widths, at most 31 bits each) and every Design value.
 */
export class FastSystem extends PackedSystem<number> {
  readonly store: StateStore;
  private readonly readBuffers: Int32Array[] = [];
  private depth = 0;
  private verdicts = new Uint8Array(1 << 12);

  constructor(design: Design, config: Config) {
    super(design, config);
    this.store = new StateStore(this.layout.words);
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

  key(state: number): number {
    return state;
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
