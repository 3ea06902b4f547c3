import type { Worker } from 'node:worker_threads';
import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { siblingModule, startWorkerThread } from '../../worker.ts';
import type { StepInfo } from '../system.ts';
import { ChunkExpander, CLAIM_INDEX_BITS, CTRL, LEVEL_CHUNK_STATES, RECORD_HEADER_INTS, slotInts, type LevelMessage, type ParallelShared, type WorkerMessage } from './parallel-expander.ts';
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
}

/**
 * The packed system with each breadth-first level's successors computed by several threads: this
 * one and `threads - 1` workers (parallel-worker.ts) expand chunks of the level, canonicalising
 * each successor and computing its state-invariant mask, into a shared ring
 * (parallel-expander.ts). The search (search.ts, unchanged) still calls `successors` on each state
 * in id order; for the state it expects next, `successors` reads the state's records and interns
 * them here in generation order, so ids, parents, counts, counterexamples, witnesses and the
 * liveness graph are those of PackedSystem in one thread, by construction. While the next chunk is
 * not ready, this thread expands chunks too. Any other call (replaying a path after the search)
 * runs in this thread as PackedSystem does. Call `close` when the search is over.
 */
export class ParallelPackedSystem extends PackedSystem {
  private readonly expander: ChunkExpander;
  private readonly ctrl: Int32Array;
  private readonly ring: Int32Array;
  private readonly slots: number;
  private readonly workers: readonly Worker[];
  private searching = true;
  /** The state whose successors the search asks for next, and the current level's bounds. */
  private cursor = 0;
  private levelStart = 0;
  private levelEnd = 0;
  private seq = 0;
  private base = 0;
  private chunksPosted = 0;
  /** The chunk of the level in hand (-1: none), and where its next record is. */
  private chunkInHand = -1;
  private recordAt = 0;
  /** Measurement (bench/parallel.ts): chunks this thread expanded, all chunks, and milliseconds spent waiting for a chunk or expanding one. */
  readonly stats = { chunksHere: 0, chunks: 0, waitingMs: 0 };

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
      ring: new SharedArrayBuffer(4 * ints * this.slots),
      slots: this.slots, chunkStates: this.chunkStates,
    };
    this.ctrl = new Int32Array(shared.control);
    this.ring = new Int32Array(shared.ring);
    this.expander = new ChunkExpander(shared);
    if (POOL.busy) throw new Error('one parallel search at a time per thread: close the last one first');
    this.workers = POOL.take(this.here ? options.threads - 1 : options.threads);
    POOL.post(this.workers, { kind: 'search', shared });
    POOL.busy = true;
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
    if (this.firstPerms !== null && this.firstPerms[id] !== (state & 7)) throw new Error(`parallel search: state ${id} is not the orbit member first met`);
    if (id === this.levelEnd) this.startLevel();
    const position = id - this.levelStart;
    const chunk = Math.floor(position / this.chunkStates);
    if (chunk !== this.chunkInHand) this.take(chunk);
    const { ring, expander } = this;
    const slotBase = ((this.base + chunk) % this.slots) * expander.slotInts;
    const count = ring[slotBase + position - chunk * this.chunkStates]!;
    const commands = this.generator.table.commands;
    const recordInts = RECORD_HEADER_INTS + expander.width;
    let at = this.recordAt;
    this.cursor += 1;
    for (let k = 0; k < count; k += 1) {
      const meta = ring[at]!;
      const next = this.adopt(ring, at + RECORD_HEADER_INTS, (meta >>> 16) & 7, (meta >>> 19) & 31, meta >>> 24);
      const flags = ring[at + 1]!;
      at += recordInts;
      this.recordAt = at;
      visit(commands[meta & 0xffff]!, next, packedStepInfo(flags));
    }
  }

  /** Publish the level of the states stored but not yet expanded. */
  private startLevel(): void {
    this.release();
    const { ctrl } = this;
    this.base += Math.ceil((this.levelEnd - this.levelStart) / this.chunkStates);
    this.levelStart = this.levelEnd;
    this.levelEnd = this.store.size;
    const count = this.levelEnd - this.levelStart;
    this.seq += 1;
    let perms: SharedArrayBuffer | null = null;
    if (this.firstPerms !== null) {
      perms = new SharedArrayBuffer(count);
      new Uint8Array(perms).set(this.firstPerms.subarray(this.levelStart, this.levelEnd));
    }
    // Chunks are shared, not copied: states this thread adds to a chunk already posted are seen there.
    const chunks = this.store.chunksFrom(this.chunksPosted).map((c) => c.buffer as SharedArrayBuffer);
    this.chunksPosted += chunks.length;
    const message: LevelMessage = { kind: 'level', seq: this.seq, chunks, perms };
    Atomics.store(ctrl, CTRL.first, this.levelStart);
    Atomics.store(ctrl, CTRL.count, count);
    Atomics.store(ctrl, CTRL.chunks, Math.ceil(count / this.chunkStates));
    Atomics.store(ctrl, CTRL.base, this.base);
    Atomics.store(ctrl, CTRL.seq, this.seq);
    // Claims open before the message is posted: a worker claims only with its message's seq, so
    // it has the level's chunks and renamings; opened after, a worker could read the message,
    // find the claims still closed and sleep, and this thread wait for it.
    Atomics.store(ctrl, CTRL.claim, (this.seq & 0xfff) << CLAIM_INDEX_BITS);
    this.expander.receive(message);
    POOL.post(this.workers, message);
  }

  /** Wait for chunk `chunk` of the level (expanding others meanwhile), and hold it. */
  private take(chunk: number): void {
    this.release();
    const { ctrl, expander } = this;
    const serial = this.base + chunk;
    const ready = CTRL.ready + (serial % this.slots);
    const { stats } = this;
    stats.chunks += 1;
    if (Atomics.load(ctrl, ready) !== serial + 1) {
      const started = performance.now();
      for (;;) {
        const value = Atomics.load(ctrl, ready);
        if (value === serial + 1) break;
        if (Atomics.load(ctrl, CTRL.failed) !== 0) throw new Error('parallel search: a worker thread failed');
        if (this.here && expander.claimAndExpand(this.seq, false)) stats.chunksHere += 1;
        else Atomics.wait(ctrl, ready, value, 50);
      }
      stats.waitingMs += performance.now() - started;
    }
    this.chunkInHand = chunk;
    this.recordAt = (serial % this.slots) * expander.slotInts + this.chunkStates;
  }

  /** Give the chunk in hand's slot back to the ring. */
  private release(): void {
    if (this.chunkInHand < 0) return;
    Atomics.store(this.ctrl, CTRL.consumed, this.base + this.chunkInHand + 1);
    Atomics.notify(this.ctrl, CTRL.consumed);
    this.chunkInHand = -1;
  }
}
