import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorkerThread } from '../worker.ts';
import { explore } from './explore.ts';
import type { ExploreOptions, SearchProgress } from './options.ts';
import type { ExploreReport } from './report.ts';

// Several independent explorations (`slotcheck explore` over several designs) on several threads,
// one exploration per thread at a time: separate searches share nothing.
// Each report is the one `explore` gives in one thread, timing aside: threads change when a report
// is ready, never what it says, and reports come back in the order of the jobs.

const ENTRY = siblingModule(import.meta.url, 'explore-job-worker');

/** What a worker is started with: every job, and the shared counter each taker claims the next job from. */
export interface ExploreJobs {
  readonly jobs: readonly ExploreOptions[];
  /** One Int32: the index of the next job not yet claimed (Atomics.add). */
  readonly next: SharedArrayBuffer;
  /** Whether to post `progress` while exploring. */
  readonly progress: boolean;
}

export type ExploreJobReply =
  | { readonly kind: 'claimed'; readonly index: number }
  | { readonly kind: 'progress'; readonly index: number; readonly progress: SearchProgress }
  | { readonly kind: 'finished' }
  | { readonly kind: 'report'; readonly index: number; readonly report: ExploreReport }
  | { readonly kind: 'failed'; readonly index: number; readonly message: string };

/** The index of the next job for this taker, or -1 when all are claimed. */
export function claimJob(next: Int32Array, count: number): number {
  const index = Atomics.add(next, 0, 1);
  return index < count ? index : -1;
}

export interface ExploreManyOptions {
  /** Whether this thread explores jobs too (default true). False: workers do every job (tests). */
  readonly here?: boolean;
  /** How far each job has got, now and then, from whichever thread explores it. */
  readonly onProgress?: (index: number, progress: SearchProgress) => void;
}

/**
 * The report of each job, in job order, each as a promise that settles when that job is done, so
 * that a caller can print the first report while later ones are still being explored. `threads`
 * counts this thread: it explores jobs too while `threads - 1` workers start (starting one, with
 * its TypeScript loader, takes about a third of a second here). Every taker claims the next job
 * from a shared counter, so a worker never waits for this thread to hand it work.
 */
export function exploreMany(jobs: readonly ExploreOptions[], threads: number, options: ExploreManyOptions = {}): Promise<ExploreReport>[] {
  const here = options.here ?? true;
  const settle = jobs.map(() => {
    let resolve!: (r: ExploreReport) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<ExploreReport>((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  });
  const shared = new SharedArrayBuffer(4);
  const next = new Int32Array(shared);
  const workers: Worker[] = [];
  const settled = new Set<number>();
  const done = (index: number, outcome: { report: ExploreReport } | { error: Error }) => {
    if (settled.has(index)) return;
    settled.add(index);
    if ('report' in outcome) settle[index]!.resolve(outcome.report);
    else settle[index]!.reject(outcome.error);
  };
  let liveWorkers = 0;
  let hereFinished = false;
  // Once no taker is left, a job still unsettled was claimed by a worker that died before saying so.
  const orphans = (why: Error) => {
    if (liveWorkers > 0 || !hereFinished) return;
    for (let i = 0; i < jobs.length; i += 1) done(i, { error: why });
  };

  const startWorker = (): void => {
    const worker = startWorkerThread(ENTRY, { jobs, next: shared, progress: options.onProgress !== undefined } satisfies ExploreJobs);
    workers.push(worker);
    liveWorkers += 1;
    const inHand = new Set<number>();
    let finished = false;
    // Messages from one worker arrive in order: `finished` comes after its last report.
    worker.on('message', (reply: ExploreJobReply) => {
      if (reply.kind === 'claimed') inHand.add(reply.index);
      else if (reply.kind === 'progress') options.onProgress?.(reply.index, reply.progress);
      else if (reply.kind === 'finished') {
        finished = true;
        liveWorkers -= 1;
        orphans(new Error('an explore worker exited before reporting its job'));
      } else {
        inHand.delete(reply.index);
        done(reply.index, reply.kind === 'report' ? { report: reply.report } : { error: new Error(reply.message) });
      }
    });
    let failure: Error | null = null;
    worker.on('error', (e) => { failure ??= e; });
    worker.on('exit', (code) => {
      if (finished) return;
      liveWorkers -= 1;
      const why = failure ?? new Error(`explore worker exited with code ${code} before it finished`);
      for (const index of inHand) done(index, { error: why });
      orphans(why);
    });
  };

  const runHere = async (): Promise<void> => {
    for (let index = here || workerCount === 0 ? claimJob(next, jobs.length) : -1; index >= 0; index = claimJob(next, jobs.length)) {
      try {
        const onProgress = options.onProgress;
        done(index, { report: explore(onProgress === undefined ? jobs[index]! : { ...jobs[index]!, onProgress: (p) => onProgress(index, p) }) });
      } catch (e) {
        done(index, { error: e instanceof Error ? e : new Error(String(e)) });
      }
      await new Promise((resolve) => setImmediate(resolve)); // let the workers' reports in
    }
    hereFinished = true;
    orphans(new Error('an explore worker exited before reporting its job'));
  };

  // An injected clock cannot cross threads: such jobs all run here.
  const cloneable = jobs.every((job) => job.now === undefined);
  const workerCount = !cloneable ? 0 : here ? (jobs.length > 1 ? threads - 1 : 0) : Math.max(1, threads - 1);
  for (let t = 0; t < workerCount; t += 1) startWorker();
  void runHere();
  void Promise.allSettled(settle.map((s) => s.promise)).then(() => { for (const w of workers) void w.terminate(); });
  return settle.map((s) => s.promise);
}
