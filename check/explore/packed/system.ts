import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { initialState } from '../../../model/initial-state.ts';
import type { ModelState } from '../../../model/state.ts';
import type { StepInfo, SymmetryReduction } from '../system.ts';
import { PackedSymmetry } from './symmetry.ts';
import { PackedSystemBase, packedStepInfo } from './system-base.ts';
import { STATE_INVARIANT_IDS, stateViolationMask } from '../../../properties/packed/state-checks.ts';
import { StateStore } from './store.ts';
import { PackedMachine } from '../../../model/packed/machine.ts';

const CHECKED = 0x8000; // a state's verdict word: 0 until checked, then CHECKED | the mask of state invariants it breaks (up to 15)
if (STATE_INVARIANT_IDS.length > 15) throw new Error('a state verdict word holds at most 15 state invariants besides its CHECKED bit');

/**
 * The packed transition system. A state is a dense id in an interning store of packed words
 * (./store.ts), so `key` is the id itself and equal states have equal ids (with symmetry
 * reduction, a state's id is its orbit's canonical form's id × 8 + its renaming: see below);
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
  private verdicts = new Uint16Array(1 << 12);

  /**
   * With symmetry reduction: the renamings, and a store of canonical forms whose ids are the keys.
   * A state is then not interned itself: its id is (canonical id) × 8 + the renaming that maps it
   * to its canonical form (`PackedSymmetry.perm`, a function of the state), so equal states have
   * equal ids and a state is decoded from its orbit's stored form. The only state stored per orbit
   * is its canonical form.
   */
  readonly symmetry?: SymmetryReduction<number>;
  protected readonly reduction: PackedSymmetry | null = null;
  private readonly canonicalStore: StateStore | null = null;
  /** With `shared` and symmetry reduction: per canonical id, the renaming of the first state met of its orbit (the one the explorer stores). */
  protected firstPerms: Uint8Array | null = null;
  private readonly canonicalWords: Int32Array;
  /** Orbit size per canonical id. */
  private orbits = new Uint8Array(0);
  private readonly decoder: PackedMachine;

  /** `shared`: states in shared memory, for worker threads to expand (parallel/parallel-system.ts). */
  constructor(design: Design, config: Config, options: { readonly symmetry?: boolean; readonly shared?: boolean } = {}) {
    super(design, config);
    this.canonicalWords = new Int32Array(this.layout.words);
    this.decoder = new PackedMachine(config, this.code, this.layout);
    const reduction = options.symmetry === true ? new PackedSymmetry(config, this.layout) : null;
    if (reduction !== null && reduction.order > 1) {
      this.reduction = reduction;
      this.canonicalStore = new StateStore(this.layout.words, 1 << 12, options.shared === true);
      this.store = this.canonicalStore;
      this.orbits = new Uint8Array(1 << 12);
      if (options.shared === true) this.firstPerms = new Uint8Array(1 << 12);
      this.symmetry = { groups: reduction.groups, order: reduction.order, exactKey: (s) => s, orbitSize: (s) => this.orbits[s >>> 3]! };
    } else {
      this.store = new StateStore(this.layout.words, 1 << 12, options.shared === true);
    }
  }

  initial(): number {
    return this.fromModel(initialState(this.config, this.design));
  }

  /** Intern a reference model state (throws if the layout cannot hold it). */
  fromModel(state: ModelState): number {
    const words = this.packModel(state);
    if (this.reduction === null) return this.store.intern(words);
    return this.reduced(this.registersOf(words), words);
  }

  successors(state: number, visit: (command: Command, next: number, info: StepInfo) => void): void {
    const words = (this.readBuffers[this.depth] ??= new Int32Array(this.layout.words));
    this.readWords(state, words);
    const { store, config, code } = this;
    const commands = this.generator.table.commands;
    this.depth += 1;
    try {
      if (this.reduction !== null) {
        this.generator.expand(words, 0, (i, m) => visit(commands[i]!, this.reduced(m.r, m.w), packedStepInfo(m.flags)));
        return;
      }
      this.generator.expand(words, 0, (i, m) => {
        const next = store.intern(m.w);
        if (store.lastWasNew) this.recordVerdict(next, stateViolationMask(m.r, config, code));
        visit(commands[i]!, next, packedStepInfo(m.flags));
      });
    } finally {
      this.depth -= 1;
    }
  }

  /** The state's id; with symmetry reduction, the id of its orbit's canonical form. */
  key(state: number): number {
    return this.reduction === null ? state : state >>> 3;
  }

  /** The id of a state given by registers and words, with symmetry reduction: its canonical form interned, and its renaming. */
  private reduced(regs: Int32Array, words: Int32Array): number {
    const reduction = this.reduction!;
    const store = this.canonicalStore!;
    reduction.canonicalize(regs, words, this.canonicalWords);
    const id = store.intern(this.canonicalWords);
    if (id >= 1 << 28) throw new RangeError('more than 2^28 orbits: a state id keeps 3 bits for its renaming');
    if (store.lastWasNew) {
      // The first state met of an orbit is the one the explorer stores: its verdict, by orbit.
      this.recordOrbit(id, reduction.perm, reduction.orbit, stateViolationMask(regs, this.config, this.code));
    }
    return id * 8 + reduction.perm;
  }

  private recordOrbit(id: number, perm: number, orbit: number, mask: number): void {
    if (id >= this.orbits.length) this.orbits = grown(this.orbits, id);
    this.orbits[id] = orbit;
    if (this.firstPerms !== null) {
      if (id >= this.firstPerms.length) this.firstPerms = grown(this.firstPerms, id);
      this.firstPerms[id] = perm;
    }
    this.recordVerdict(id, mask);
  }

  /**
   * The id of a successor another thread computed: its words (canonical with symmetry reduction)
   * at words[offset ..], its renaming, orbit size and state-invariant mask. The same id, and the
   * same tables, as \`successors\` gives for that successor.
   */
  protected adopt(words: Int32Array, offset: number, perm: number, orbit: number, mask: number): number {
    const store = this.store;
    const id = store.intern(words, offset);
    if (this.reduction === null) {
      if (store.lastWasNew) this.recordVerdict(id, mask);
      return id;
    }
    if (id >= 1 << 28) throw new RangeError('more than 2^28 orbits: a state id keeps 3 bits for its renaming');
    if (store.lastWasNew) this.recordOrbit(id, perm, orbit, mask);
    return id * 8 + perm;
  }

  /** Distinct states interned so far (every state generated, not only those explored). */
  get stateCount(): number {
    return this.store.size;
  }

  protected readWords(state: number, out: Int32Array): void {
    if (this.reduction === null) {
      this.store.read(state, out);
      return;
    }
    this.store.read(state >>> 3, out);
    const perm = state & 7;
    if (perm === 0) return;
    this.decoder.load(out, 0);
    this.reduction.uncanonicalize(this.decoder.b, out, perm, out);
  }

  protected override stateMask(state: number): number {
    if (this.reduction !== null) state >>>= 3; // verdicts by orbit: recorded for the state the explorer stores
    const verdict = state < this.verdicts.length ? this.verdicts[state]! : 0;
    if (verdict !== 0) return verdict & ~CHECKED;
    const mask = super.stateMask(this.reduction === null ? state : state * 8);
    this.recordVerdict(state, mask);
    return mask;
  }

  private recordVerdict(state: number, mask: number): void {
    if (state >= this.verdicts.length) this.verdicts = grown(this.verdicts, state);
    this.verdicts[state] = CHECKED | mask;
  }
}

/** A copy of `array`, doubled until index `at` fits. */
function grown(array: Uint8Array, at: number): Uint8Array<ArrayBuffer>;
function grown(array: Uint16Array, at: number): Uint16Array<ArrayBuffer>;
function grown(array: Uint8Array | Uint16Array, at: number): Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> {
  const length = Math.max(array.length * 2, at + 1);
  const copy = array instanceof Uint16Array ? new Uint16Array(length) : new Uint8Array(length);
  copy.set(array);
  return copy;
}
