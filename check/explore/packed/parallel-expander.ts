import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { compileDesign, type DesignCode } from '../../../model/packed/design-code.ts';
import { SuccessorGenerator } from '../../../model/packed/generator.ts';
import { layoutFor } from '../../../model/packed/layout.ts';
import { PackedMachine } from '../../../model/packed/machine.ts';
import { STATE_INVARIANT_IDS, stateViolationMask } from '../../../properties/packed/state-checks.ts';
import { CHUNK_BITS, sharedLookupFor, type Lookup } from './store.ts';
import { PackedSymmetry } from './symmetry.ts';

// A breadth-first search expanded by several threads (parallel-system.ts). Ids are given in
// breadth-first order, so the states stored and not yet expanded are a range of ids: the search's
// thread publishes such ranges (batches: a whole level, or what is stored of the next while
// threads would otherwise wait), cut into chunks (LEVEL_CHUNK_STATES states by default); a thread
// claims the next chunk from a shared counter and writes, per state, its successors in generation
// order into one slot of a shared ring. A successor the store already holds is looked up there by
// the expanding thread (the store's table is shared, read lock-free) and written as its id alone;
// the search's thread interns the others itself, in order, so ids and everything the search
// derives from them are those of the one-thread search.

/** States per chunk of a level. */
export const LEVEL_CHUNK_STATES = 256;

/** Words of the control array (Int32, shared). */
export const CTRL = {
  /** Chunks consumed by the search, counted over every batch (a chunk's serial is its batch's base + its index). */
  consumed: 0,
  /** Set to 1 by a worker that failed. */
  failed: 1,
  /** Set to 1 when the search is over (it may stop mid-level, at a bound): claims stop. */
  closed: 2,
  /** Per ring slot: the serial + 1 of the chunk written in it. */
  ready: 3,
} as const;

/**
 * A successor's record: meta (command | renaming << 16 | orbit << 19 | state mask << 24), step
 * flags, its id + 1 if the store held it when it was expanded (else 0), then its words (written,
 * and its state mask computed, only when its id is not known).
 */
if (STATE_INVARIANT_IDS.length > 8) throw new Error('a successor record holds at most 8 state invariants in its meta word');
export const RECORD_HEADER_INTS = 3;
/** Where a record holds the successor's id + 1 (0: not known when it was expanded). */
export const RECORD_ID_AT = 2;

/** What every thread of one parallel search shares. */
export interface ParallelShared {
  readonly design: Design;
  readonly config: Config;
  readonly symmetry: boolean;
  readonly control: SharedArrayBuffer;
  /**
   * One BigInt64: the batch's seq << 32 | its next chunk not claimed. Claims are by
   * compare-and-swap on both, so a claim made with an older batch's message never takes a chunk
   * of a later batch, however far behind its thread is.
   */
  readonly claim: SharedArrayBuffer;
  readonly ring: SharedArrayBuffer;
  readonly slots: number;
  /** States per chunk (LEVEL_CHUNK_STATES; tests use fewer, so that small levels are cut too). */
  readonly chunkStates: number;
}

/** A batch: ids first .. first + count - 1, in `chunks` chunks whose serials start at `base`; the store's new chunks and the batch's renamings. */
export interface BatchMessage {
  readonly kind: 'batch';
  readonly seq: number;
  readonly first: number;
  readonly count: number;
  readonly chunkCount: number;
  readonly base: number;
  readonly chunks: readonly SharedArrayBuffer[];
  /** Per state of the batch, the renaming of its stored member (symmetry reduction only). */
  readonly perms: SharedArrayBuffer | null;
  /** The store's hash table when the batch was published (StateStore.sharedTable). */
  readonly table: { readonly buffer: SharedArrayBuffer; readonly slotShift: number; readonly slotMask: number };
}

/** What a worker is told, in order: a new search, then its levels. */
export type WorkerMessage = { readonly kind: 'search'; readonly shared: ParallelShared } | BatchMessage;

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
  private readonly claims: BigInt64Array;
  private readonly ring: Int32Array;
  private readonly chunks: Int32Array[] = [];
  private perms: Uint8Array | null = null;
  private batch: BatchMessage | null = null;
  private table: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private slotShift = 0;
  private slotMask = 0;
  private readonly lookup: Lookup;
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
    this.claims = new BigInt64Array(shared.claim);
    this.ring = new Int32Array(shared.ring);
    this.slotInts = slotInts(shared.chunkStates, this.generator.table.commands.length, this.width);
    this.lookup = sharedLookupFor(this.width);
    const { ring, width, reduction: red, chunks, lookup } = this;
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
      const found = this.table.length === 0 ? -1 : lookup(this.table, this.slotShift, this.slotMask, chunks, next, 0);
      if (found >= 0) {
        ring[at] = command | (perm << 16) | (orbit << 19);
        ring[at + RECORD_ID_AT] = found + 1;
      } else {
        for (let i = 0; i < width; i += 1) ring[at + RECORD_HEADER_INTS + i] = next[i]!;
        ring[at] = command | (perm << 16) | (orbit << 19) | (stateViolationMask(m.r, config, this.code) << 24);
        ring[at + RECORD_ID_AT] = 0;
      }
      ring[at + 1] = m.flags;
      at += RECORD_HEADER_INTS + width;
      this.at = at;
    };
  }

  /** Take a batch: its store chunks, renamings and geometry. */
  receive(message: BatchMessage): void {
    for (const buffer of message.chunks) this.chunks.push(new Int32Array(buffer));
    this.perms = message.perms === null ? null : new Uint8Array(message.perms);
    if (this.table.buffer !== message.table.buffer) this.table = new Int32Array(message.table.buffer);
    this.slotShift = message.table.slotShift;
    this.slotMask = message.table.slotMask;
    this.batch = message;
  }

  /**
   * Claim the next chunk of the last batch received whose ring slot is free, expand it into the
   * slot and publish it; false when there is none (all claimed, a later batch is out, or, with
   * `wait` false, its slot is still in use).
   */
  claimAndExpand(wait: boolean): boolean {
    const { ctrl, claims, batch } = this;
    if (batch === null) return false;
    for (;;) {
      if (Atomics.load(ctrl, CTRL.closed) !== 0) return false;
      const claim = Atomics.load(claims, 0);
      if (Number(claim >> 32n) !== batch.seq) return false;
      const index = Number(BigInt.asUintN(32, claim));
      if (index >= batch.chunkCount) return false;
      const serial = batch.base + index;
      if (!wait && serial >= Atomics.load(ctrl, CTRL.consumed) + this.shared.slots) return false;
      if (Atomics.compareExchange(claims, 0, claim, claim + 1n) !== claim) continue;
      // Wait until the search has read the chunk that last used this slot.
      for (let consumed = Atomics.load(ctrl, CTRL.consumed); serial >= consumed + this.shared.slots; consumed = Atomics.load(ctrl, CTRL.consumed)) {
        if (Atomics.load(ctrl, CTRL.closed) !== 0) return false;
        Atomics.wait(ctrl, CTRL.consumed, consumed, 100);
      }
      this.expand(batch, index, serial % this.shared.slots);
      Atomics.store(ctrl, CTRL.ready + (serial % this.shared.slots), serial + 1);
      Atomics.notify(ctrl, CTRL.ready + (serial % this.shared.slots));
      return true;
    }
  }

  private expand(batch: BatchMessage, index: number, slot: number): void {
    const { ring, words, width, reduction, decoder } = this;
    const { first } = batch;
    const { chunkStates } = this.shared;
    const from = index * chunkStates;
    const to = Math.min(batch.count, from + chunkStates);
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
