import type { Worker } from 'node:worker_threads';
import type { Config, Design } from '../../model/index.ts';
import { emulatorSubject } from '../conformance/subject.ts';
import { runSuite } from '../random/suite.ts';
import { DEFAULT_SUITE, type SuiteReport } from '../random/suite-report.ts';
import { claimJob } from '../explore/explore-many.ts';
import { siblingModule, startWorkerThread } from '../worker.ts';

// Random suites of several designs side by side on threads, as explore-many.ts does for
// explorations: every taker (this thread and `threads - 1` workers) claims the next job from a
// shared counter. A suite's report depends on its job alone, never on the thread that ran it.

const ENTRY = siblingModule(import.meta.url, 'suite-job-worker');

/** One random suite: plain data, so that it crosses to a worker. */
export interface SuiteJob {
  readonly design: Design;
  readonly config: Config;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /** Drive the emulator beside the model (CONFORMANCE, and the emulator's own invariant checks). */
  readonly emulator: boolean;
}

export interface SuiteJobs {
  readonly jobs: readonly SuiteJob[];
  readonly next: SharedArrayBuffer;
}

export type SuiteJobReply =
  | { readonly kind: 'report'; readonly index: number; readonly report: SuiteReport; readonly elapsedMs: number }
  | { readonly kind: 'failed'; readonly index: number; readonly message: string }
  | { readonly kind: 'finished' };

/** Run one job in this thread, timed (the time is told, never part of the report). */
export function runSuiteJob(job: SuiteJob): { readonly report: SuiteReport; readonly elapsedMs: number } {
  const started = performance.now();
  const report = runSuite({
    ...DEFAULT_SUITE, design: job.design, config: job.config, seed: job.seed, runs: job.runs, maxCommands: job.maxCommands, engine: 'packed',
    ...(job.emulator ? { subject: () => emulatorSubject(job.config, job.design, { plantedBug: null }) } : {}),
  });
  return { report, elapsedMs: performance.now() - started };
}

/** Each job's report, in job order, each a promise that settles when that job is done; `onDone` as each finishes, with its time. */
export function runSuitesMany(jobs: readonly SuiteJob[], threads: number, onDone?: (index: number, elapsedMs: number) => void): Promise<SuiteReport>[] {
  const settle = jobs.map(() => {
    let resolve!: (r: SuiteReport) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<SuiteReport>((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  });
  const settled = new Set<number>();
  const done = (index: number, outcome: { report: SuiteReport; elapsedMs: number } | { error: Error }) => {
    if (settled.has(index)) return;
    settled.add(index);
    onDone?.(index, 'report' in outcome ? outcome.elapsedMs : 0);
    if ('report' in outcome) settle[index]!.resolve(outcome.report);
    else settle[index]!.reject(outcome.error);
  };
  const shared = new SharedArrayBuffer(4);
  const next = new Int32Array(shared);
  const workers: Worker[] = [];
  let liveWorkers = 0;
  let hereFinished = false;
  // Once no taker is left, a job still unsettled was claimed by a worker that died before reporting it.
  const orphans = (why: Error) => {
    if (liveWorkers > 0 || !hereFinished) return;
    for (let i = 0; i < jobs.length; i += 1) done(i, { error: why });
  };
  const workerCount = jobs.length > 1 ? Math.max(0, Math.min(threads, jobs.length) - 1) : 0;
  for (let t = 0; t < workerCount; t += 1) {
    const worker = startWorkerThread(ENTRY, { jobs, next: shared } satisfies SuiteJobs);
    workers.push(worker);
    liveWorkers += 1;
    let finished = false;
    let failure: Error | null = null;
    worker.on('message', (reply: SuiteJobReply) => {
      if (reply.kind === 'finished') {
        finished = true;
        liveWorkers -= 1;
        orphans(new Error('a random-suite worker exited before reporting its job'));
      } else done(reply.index, reply.kind === 'report' ? { report: reply.report, elapsedMs: reply.elapsedMs } : { error: new Error(reply.message) });
    });
    worker.on('error', (e) => { failure ??= e; });
    worker.on('exit', (code) => {
      if (finished) return;
      liveWorkers -= 1;
      orphans(failure ?? new Error(`random-suite worker exited with code ${code} before it finished`));
    });
  }
  const runHere = async (): Promise<void> => {
    for (let index = claimJob(next, jobs.length); index >= 0; index = claimJob(next, jobs.length)) {
      try {
        done(index, runSuiteJob(jobs[index]!));
      } catch (e) {
        done(index, { error: e instanceof Error ? e : new Error(String(e)) });
      }
      await new Promise((resolve) => setImmediate(resolve)); // let the workers' reports in
    }
    hereFinished = true;
    orphans(new Error('a random-suite worker exited before reporting its job'));
  };
  void runHere();
  void Promise.allSettled(settle.map((s) => s.promise)).then(() => { for (const w of workers) void w.terminate(); });
  return settle.map((s) => s.promise);
}
