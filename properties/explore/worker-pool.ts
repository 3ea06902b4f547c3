import { Worker } from 'node:worker_threads';
import type { ExpandReply, ExpandRequest, WorkerReply, WorkerSetup } from './parallel-protocol.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./search-worker.ts', import.meta.url).href;

/** One outstanding request per worker; a worker's failure rejects it and every later request. */
class SearchWorker {
  private readonly worker: Worker;
  private waiting: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(setup: Omit<WorkerSetup, 'entry'>) {
    this.worker = new Worker(BOOT, { workerData: { ...setup, entry: ENTRY } satisfies WorkerSetup });
    this.worker.on('message', (message: WorkerReply) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (message.kind === 'failed') this.fail(new Error(`explorer worker failed: ${message.message}`), waiting);
      else waiting?.resolve(message);
    });
    this.worker.on('error', (e) => this.fail(e, this.waiting));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`explorer worker exited with code ${code}`), this.waiting);
    });
  }

  private fail(e: Error, waiting: { reject: (e: Error) => void } | null): void {
    this.failure ??= e;
    this.waiting = null;
    waiting?.reject(e);
  }

  /** The next message (the first one is `ready`), after sending `request` if given. */
  next(request?: ExpandRequest): Promise<WorkerReply> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      if (request !== undefined) this.worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Worker threads that each build the transition system from the setup and expand batches of states. */
export class WorkerPool {
  private readonly workers: SearchWorker[];

  private constructor(workers: SearchWorker[]) {
    this.workers = workers;
  }

  static async start(count: number, setup: Omit<WorkerSetup, 'entry'>): Promise<WorkerPool> {
    const workers = Array.from({ length: count }, () => new SearchWorker(setup));
    const pool = new WorkerPool(workers);
    try {
      const replies = await Promise.all(workers.map((w) => w.next()));
      const wrong = replies.find((r) => r.kind !== 'ready');
      if (wrong !== undefined) throw new Error(`explorer worker sent ${wrong.kind} instead of ready`);
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  async expandAll(requests: readonly ExpandRequest[]): Promise<ExpandReply[]> {
    const replies = await Promise.all(requests.map((r, i) => this.workers[i]!.next(r)));
    return replies.map((r) => {
      if (r.kind !== 'expanded') throw new Error(`explorer worker sent ${r.kind} instead of expanded`);
      return r;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
