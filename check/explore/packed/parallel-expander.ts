import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { compileDesign, type DesignCode } from '../../../model/packed/design-code.ts';
import { SuccessorGenerator } from '../../../model/packed/generator.ts';
import { layoutFor } from '../../../model/packed/layout.ts';
import { PackedMachine } from '../../../model/packed/machine.ts';
import { stateViolationMask } from '../../../properties/packed/state-checks.ts';
import { CHUNK_BITS } from './store.ts';
import { PackedSymmetry } from './symmetry.ts';

// One breadth-first level expanded by several threads (parallel-system.ts): the level's states
// are cut into chunks (LEVEL_CHUNK_STATES states by default); a thread claims the next chunk from a shared counter
// and writes, per state, its successors in generation order into one slot of a shared ring. The
// search's thread reads the chunks back in order and interns the successors itself, so ids and
// everything the search derives from them are those of the one-thread search.

/** States per chunk of a level. */
export const LEVEL_CHUNK_STATES = 256;

/** Words of the control array (Int32, shared). */
export const CTRL = {
  /** The level's sequence number (1, 2, …); a worker waits on it between levels. */
  seq: 0,
  /** (seq & 0xfff) << 20 | the next chunk not claimed: claims are by compare-and-swap, so a late claim never takes a chunk of the next level. */
  claim: 1,
  chunks: 2,
  /** Chunks consumed by the search, counted over every level (a chunk's serial is base + its index). */
  consumed: 3,
  first: 4,
  count: 5,
  base: 6,
  /** Set to 1 by a worker that failed. */
  failed: 7,
  /** Set to 1 when the search is over (it may stop mid-level, at a bound): claims stop. */
  closed: 8,
  /** Per ring slot: the serial + 1 of the chunk written in it. */
  ready: 9,
} as const;

export const CLAIM_INDEX_BITS = 20;
const CLAIM_INDEX_MASK = (1 << CLAIM_INDEX_BITS) - 1;

/** A successor's record: meta (command | renaming << 16 | orbit << 19 | state mask << 24), step flags, then its words. */
export const RECORD_HEADER_INTS = 2;

/** What every thread of one parallel search shares. */
export interface ParallelShared {
  readonly design: Design;
  readonly config: Config;
  readonly symmetry: boolean;
  readonly control: SharedArrayBuffer;
  readonly ring: SharedArrayBuffer;
  readonly slots: number;
  /** States per chunk (LEVEL_CHUNK_STATES; tests use fewer, so that small levels are cut too). */
  readonly chunkStates: number;
}

/** A level message (posted before the level's seq is published): the store's new chunks and the level's renamings. */
export interface LevelMessage {
  readonly kind: 'level';
  readonly seq: number;
  readonly chunks: readonly SharedArrayBuffer[];
  /** Per state of the level, the renaming of its stored member (symmetry reduction only). */
  readonly perms: SharedArrayBuffer | null;
}

/** What a worker is told, in order: a new search, then its levels. */
export type WorkerMessage = { readonly kind: 'search'; readonly shared: ParallelShared } | LevelMessage;

/** Int32s per ring slot: a successor count per state, then the records. */
export function slotInts(chunkStates: number, maxSuccessors: number, width: number): number {
  return chunkStates + chunkStates * maxSuccessors * (RECORD_HEADER_INTS + width);
}

/** A thread's means to expand chunks: its own generator, canonicaliser and scratch words. */
export class ChunkExpander {
  readonly code: DesignCode;
  readonly generator: SuccessorGenerator;
  readonly width: number;
  readonly slotInts: number;
  private readonly reduction: PackedSymmetry | null;
  private readonly decoder: PackedMachine;
  private readonly words: Int32Array;
  private readonly ctrl: Int32Array;
  private readonly ring: Int32Array;
  private readonly chunks: Int32Array[] = [];
  private perms: Uint8Array | null = null;
  /** Where the successor being written goes, in `ring`. */
  private at = 0;
  private readonly onSuccessor: (command: number, m: PackedMachine) => void;

  constructor(private readonly shared: ParallelShared) {
    const { config } = shared;
    this.code = compileDesign(shared.design);
    const layout = layoutFor(config, this.code);
    this.width = layout.words;
    this.generator = new SuccessorGenerator(config, this.code, layout);
    const reduction = shared.symmetry ? new PackedSymmetry(config, layout) : null;
    this.reduction = reduction !== null && reduction.order > 1 ? reduction : null;
    this.decoder = new PackedMachine(config, this.code, layout);
    this.words = new Int32Array(this.width);
    this.ctrl = new Int32Array(shared.control);
    this.ring = new Int32Array(shared.ring);
    this.slotInts = slotInts(shared.chunkStates, this.generator.table.commands.length, this.width);
    const { ring, width, reduction: red } = this;
    const canonical = new Int32Array(width);
    this.onSuccessor = (command, m) => {
      let at = this.at;
      let perm = 0;
      let orbit = 1;
      let next = m.w;
      if (red !== null) {
        red.canonicalize(m.r, m.w, canonical);
        next = canonical;
        perm = red.perm;
        orbit = red.orbit;
      }
      for (let i = 0; i < width; i += 1) ring[at + RECORD_HEADER_INTS + i] = next[i]!;
      ring[at] = command | (perm << 16) | (orbit << 19) | (stateViolationMask(m.r, config, this.code) << 24);
      ring[at + 1] = m.flags;
      at += RECORD_HEADER_INTS + width;
      this.at = at;
    };
  }

  /** Take a level message's store chunks and renamings. */
  receive(message: LevelMessage): void {
    for (const buffer of message.chunks) this.chunks.push(new Int32Array(buffer));
    this.perms = message.perms === null ? null : new Uint8Array(message.perms);
  }

  /**
   * Claim the next chunk of level `seq` whose ring slot is free, expand it into the slot and
   * publish it; false when there is none (all claimed, the level is not `seq`, or, with `wait`
   * false, its slot is still in use).
   */
  claimAndExpand(seq: number, wait: boolean): boolean {
    const ctrl = this.ctrl;
    for (;;) {
      if (Atomics.load(ctrl, CTRL.closed) !== 0) return false;
      const claim = Atomics.load(ctrl, CTRL.claim);
      if (claim >>> CLAIM_INDEX_BITS !== (seq & 0xfff)) return false;
      const index = claim & CLAIM_INDEX_MASK;
      if (index >= Atomics.load(ctrl, CTRL.chunks)) return false;
      const serial = Atomics.load(ctrl, CTRL.base) + index;
      if (!wait && serial >= Atomics.load(ctrl, CTRL.consumed) + this.shared.slots) return false;
      if (Atomics.compareExchange(ctrl, CTRL.claim, claim, claim + 1) !== claim) continue;
      // Wait until the search has read the chunk that last used this slot.
      for (let consumed = Atomics.load(ctrl, CTRL.consumed); serial >= consumed + this.shared.slots; consumed = Atomics.load(ctrl, CTRL.consumed)) {
        if (Atomics.load(ctrl, CTRL.closed) !== 0) return false;
        Atomics.wait(ctrl, CTRL.consumed, consumed, 100);
      }
      this.expand(index, serial % this.shared.slots);
      Atomics.store(ctrl, CTRL.ready + (serial % this.shared.slots), serial + 1);
      Atomics.notify(ctrl, CTRL.ready + (serial % this.shared.slots));
      return true;
    }
  }

  private expand(index: number, slot: number): void {
    const { ctrl, ring, words, width, reduction, decoder } = this;
    const first = Atomics.load(ctrl, CTRL.first);
    const { chunkStates } = this.shared;
    const from = index * chunkStates;
    const to = Math.min(Atomics.load(ctrl, CTRL.count), from + chunkStates);
    const base = slot * this.slotInts;
    const limit = base + this.slotInts;
    this.at = base + chunkStates;
    for (let i = from; i < to; i += 1) {
      const id = first + i;
      const chunk = this.chunks[id >>> CHUNK_BITS];
      if (chunk === undefined) throw new Error(`parallel search: state ${id} is not in the shared store`);
      const offset = (id & ((1 << CHUNK_BITS) - 1)) * width;
      for (let w = 0; w < width; w += 1) words[w] = chunk[offset + w]!;
      const perm = this.perms === null ? 0 : this.perms[i]!;
      if (perm !== 0) {
        decoder.load(words, 0);
        reduction!.uncanonicalize(decoder.b, words, perm, words);
      }
      const before = this.at;
      this.generator.expand(words, 0, this.onSuccessor);
      if (this.at > limit) throw new Error('parallel search: a state has more successors than commands');
      ring[base + i - from] = (this.at - before) / (RECORD_HEADER_INTS + width);
    }
  }
}
