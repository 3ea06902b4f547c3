import type { Worker } from 'node:worker_threads';
import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { siblingModule, startWorkerThread } from '../../worker.ts';
import type { StepInfo } from '../system.ts';
import { ChunkExpander, CTRL, LEVEL_CHUNK_STATES, RECORD_HEADER_INTS, RECORD_ID_AT, slotInts, type BatchMessage, type ParallelShared, type WorkerMessage } from './parallel-expander.ts';
import { PackedSystem } from './system.ts';
import { packedStepInfo } from './system-base.ts';

const ENTRY = siblingModule(import.meta.url, 'parallel-worker');

/**
 * The workers of this thread's parallel searches, started once and kept (starting one, with its
 * TypeScript loader, takes a third of a second or more): one search at a time uses them.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  /** One Int32 counting the messages posted: an idle worker sleeps on it. */
  private readonly posted = new SharedArrayBuffer(4);
  busy = false;

  /** `count` live workers, started if need be. */
  take(count: number): Worker[] {
    while (this.workers.length < count) {
      const worker = startWorkerThread(ENTRY, { posted: this.posted });
      worker.unref();
      // A worker that fails sets the search's CTRL.failed: the search fails in its own thread.
      worker.on('error', () => {});
      worker.on('exit', () => {
        const at = this.workers.indexOf(worker);
        if (at >= 0) this.workers.splice(at, 1);
      });
      this.workers.push(worker);
    }
    return this.workers.slice(0, count);
  }

  post(workers: readonly Worker[], message: WorkerMessage): void {
    for (const worker of workers) worker.postMessage(message);
    const posted = new Int32Array(this.posted);
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  }
}

const POOL = new WorkerPool();

export interface ParallelOptions {
  readonly symmetry?: boolean;
  /** Threads expanding levels: this one (unless `here` is false) and the workers. */
  readonly threads: number;
  /** For tests: false puts every chunk on workers (`threads` of them), so that they do the work even on a small search. */
  readonly here?: boolean;
  /** For tests: states per chunk (default LEVEL_CHUNK_STATES). */
  readonly chunkStates?: number;
  /** States stored and not yet expanded before other threads join (default START_STATES; tests: 0). */
  readonly startStates?: number;
}

/**
 * A search is expanded by this thread alone until this many states wait to be expanded: a smaller
 * search is over sooner than workers would be started and fed (at 2 × 1 f2 w2, 0.15 s of 0.8).
 */
export const START_STATES = 4096;

/**
 * The packed system with the stored states' successors computed by several threads: this one
 * and `threads - 1` workers (parallel-worker.ts) expand chunks of each published batch of stored
 * states (`publish`), canonicalising each successor and looking it up in the store's shared
 * table, into a shared ring (parallel-expander.ts): a successor found there is written as its id,
 * any other with its words and state-invariant mask. The search (search.ts, unchanged) still calls
 * `successors` on each state in id order; for the state it expects next, `successors` reads the
 * state's records and interns those without an id here, in generation order (a lookup that missed
 * a state added meanwhile finds it now), so ids, parents, counts, counterexamples, witnesses and the
 * liveness graph are those of PackedSystem in one thread, by construction. While the next chunk is
 * not ready, this thread expands chunks too. Any other call (replaying a path after the search)
 * runs in this thread as PackedSystem does. Call `close` when the search is over.
 */
export class ParallelPackedSystem extends PackedSystem {
  private readonly expander: ChunkExpander;
  private readonly ctrl: Int32Array;
  private readonly claim: BigInt64Array;
  private readonly ring: Int32Array;
  private readonly slots: number;
  private readonly shared: ParallelShared;
  private readonly workerCount: number;
  private readonly startStates: number;
  /** The workers, once other threads joined the search (`start`). */
  private workers: readonly Worker[] = [];
  private started = false;
  private searching = true;
  /** The state whose successors the search asks for next. */
  private cursor = 0;
  /** Batches published and not yet read through, oldest first (the first holds the cursor). */
  private readonly batches: BatchMessage[] = [];
  /** Ids below this are in a published batch. */
  private publishedEnd = 0;
  private seq = 0;
  /** The serial of the next batch's first chunk. */
  private nextBase = 0;
  private chunksPosted = 0;
  /** The serial of the chunk in hand (-1: none), and where its next record is. */
  private serialInHand = -1;
  private recordAt = 0;
  /**
   * Measurement (bench/parallel.ts): chunks this thread expanded, all chunks, milliseconds spent
   * waiting for a chunk or expanding one, successors read, and those whose id the expanding
   * thread found in the store.
   */
  readonly stats = { chunksHere: 0, chunks: 0, waitingMs: 0, successors: 0, known: 0 };

  private readonly chunkStates: number;
  /** Whether this thread expands chunks too while it waits for the next one. */
  private readonly here: boolean;

  constructor(design: Design, config: Config, options: ParallelOptions) {
    super(design, config, { symmetry: options.symmetry === true, shared: true });
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new RangeError(`a parallel search on ${options.threads} threads`);
    this.here = options.here ?? true;
    this.slots = 4 * options.threads;
    this.chunkStates = options.chunkStates ?? LEVEL_CHUNK_STATES;
    const ints = slotInts(this.chunkStates, this.generator.table.commands.length, this.layout.words);
    const shared: ParallelShared = {
      design, config, symmetry: this.reduction !== null,
      control: new SharedArrayBuffer(4 * (CTRL.ready + this.slots)),
      claim: new SharedArrayBuffer(8),
      ring: new SharedArrayBuffer(4 * ints * this.slots),
      slots: this.slots, chunkStates: this.chunkStates,
    };
    this.ctrl = new Int32Array(shared.control);
    this.claim = new BigInt64Array(shared.claim);
    this.ring = new Int32Array(shared.ring);
    this.expander = new ChunkExpander(shared);
    this.shared = shared;
    this.workerCount = this.here ? options.threads - 1 : options.threads;
    this.startStates = options.startStates ?? START_STATES;
    if (POOL.busy) throw new Error('one parallel search at a time per thread: close the last one first');
    POOL.busy = true;
  }

  /** Other threads join the search. */
  private start(): void {
    this.workers = POOL.take(this.workerCount);
    POOL.post(this.workers, { kind: 'search', shared: this.shared });
    this.started = true;
  }

  /** The search is over: the workers go back to the pool, and every `successors` from now on runs in this thread. */
  close(): void {
    if (!this.searching) return;
    this.searching = false;
    Atomics.store(this.ctrl, CTRL.closed, 1);
    Atomics.notify(this.ctrl, CTRL.consumed);
    POOL.busy = false;
  }

  override successors(state: number, visit: (command: Command, next: number, info: StepInfo) => void): void {
    const id = this.key(state);
    if (!this.searching || id !== this.cursor) {
      super.successors(state, visit);
      return;
    }
    if (!this.started) {
      if (this.store.size - id < this.startStates) {
        this.cursor += 1;
        this.publishedEnd = this.cursor;
        super.successors(state, visit);
        return;
      }
      this.start();
    }
    if (this.firstPerms !== null && this.firstPerms[id] !== (state & 7)) throw new Error(`parallel search: state ${id} is not the orbit member first met`);
    if (id === this.publishedEnd) this.publish();
    while (id >= this.batches[0]!.first + this.batches[0]!.count) this.batches.shift();
    const batch = this.batches[0]!;
    const position = id - batch.first;
    const chunk = Math.floor(position / this.chunkStates);
    const serial = batch.base + chunk;
    if (serial !== this.serialInHand) this.take(serial);
    const { ring, expander } = this;
    const slotBase = (serial % this.slots) * expander.slotInts;
    const count = ring[slotBase + position - chunk * this.chunkStates]!;
    const commands = this.generator.table.commands;
    const recordInts = RECORD_HEADER_INTS + expander.width;
    let at = this.recordAt;
    this.cursor += 1;
    const reduced = this.reduction !== null;
    this.stats.successors += count;
    for (let k = 0; k < count; k += 1) {
      const meta = ring[at]!;
      const known = ring[at + RECORD_ID_AT]! - 1;
      let next: number;
      if (known >= 0) {
        next = reduced ? known * 8 + ((meta >>> 16) & 7) : known;
        this.stats.known += 1;
      } else {
        next = this.adopt(ring, at + RECORD_HEADER_INTS, (meta >>> 16) & 7, (meta >>> 19) & 31, meta >>> 24);
      }
      const flags = ring[at + 1]!;
      at += recordInts;
      this.recordAt = at;
      visit(commands[meta & 0xffff]!, next, packedStepInfo(flags));
    }
  }

  /**
   * Publish the states stored and not yet in a batch as the next batch. Called when the search
   * reaches them, and earlier, as soon as every chunk of the last batch is claimed and a chunk's
   * worth is stored, so that threads need not wait for the end of a level to go on: ids are in
   * breadth-first order, so any stored state may be expanded before the search reads it.
   */
  private publish(): void {
    const first = this.publishedEnd;
    const count = this.store.size - first;
    const chunkCount = Math.ceil(count / this.chunkStates);
    this.seq += 1;
    let perms: SharedArrayBuffer | null = null;
    if (this.firstPerms !== null) {
      perms = new SharedArrayBuffer(count);
      new Uint8Array(perms).set(this.firstPerms.subarray(first, first + count));
    }
    // Chunks are shared, not copied: states this thread adds to a chunk already posted are seen there.
    const chunks = this.store.chunksFrom(this.chunksPosted).map((c) => c.buffer as SharedArrayBuffer);
    this.chunksPosted += chunks.length;
    const message: BatchMessage = { kind: 'batch', seq: this.seq, first, count, chunkCount, base: this.nextBase, chunks, perms, table: this.store.sharedTable };
    this.nextBase += chunkCount;
    this.publishedEnd = first + count;
    this.batches.push(message);
    // Claims open before the message is posted: a worker claims only with its message's seq, so
    // it has the batch's chunks and renamings; opened after, a worker could read the message,
    // find the claims still closed and sleep, and this thread wait for it.
    Atomics.store(this.claim, 0, BigInt(this.seq) << 32n);
    this.expander.receive(message);
    POOL.post(this.workers, message);
  }

  /** Whether every chunk of the last batch is claimed (a new batch may then replace it). */
  private claimsSpent(): boolean {
    const last = this.batches[this.batches.length - 1];
    if (last === undefined) return false;
    return Number(BigInt.asUintN(32, Atomics.load(this.claim, 0))) >= last.chunkCount;
  }

  /** Wait for the chunk with this serial (expanding others meanwhile), and hold it. */
  private take(serial: number): void {
    this.release();
    if (this.store.size - this.publishedEnd >= this.chunkStates && this.claimsSpent()) this.publish();
    const { ctrl, expander } = this;
    const ready = CTRL.ready + (serial % this.slots);
    const { stats } = this;
    stats.chunks += 1;
    if (Atomics.load(ctrl, ready) !== serial + 1) {
      const started = performance.now();
      for (;;) {
        const value = Atomics.load(ctrl, ready);
        if (value === serial + 1) break;
        if (Atomics.load(ctrl, CTRL.failed) !== 0) throw new Error('parallel search: a worker thread failed');
        if (this.here && expander.claimAndExpand(false)) stats.chunksHere += 1;
        else Atomics.wait(ctrl, ready, value, 50);
      }
      stats.waitingMs += performance.now() - started;
    }
    this.serialInHand = serial;
    this.recordAt = (serial % this.slots) * expander.slotInts + this.chunkStates;
  }

  /** Give the chunk in hand's slot back to the ring. */
  private release(): void {
    if (this.serialInHand < 0) return;
    Atomics.store(this.ctrl, CTRL.consumed, this.serialInHand + 1);
    Atomics.notify(this.ctrl, CTRL.consumed);
    this.serialInHand = -1;
  }
}
