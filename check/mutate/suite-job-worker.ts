import { parentPort, workerData } from 'node:worker_threads';
import { claimJob } from '../explore/explore-many.ts';
import { runSuiteJob, type SuiteJobReply, type SuiteJobs } from './suite-many.ts';

// A worker thread of suite-many.ts: claims jobs from the shared counter until none is left,
// running each random suite and posting its report (plain data) back.

const port = parentPort;
if (port === null) throw new Error('suite-job-worker.ts runs only as a worker thread');
const { jobs, next } = (workerData as { data: SuiteJobs }).data;
const counter = new Int32Array(next);
for (let index = claimJob(counter, jobs.length); index >= 0; index = claimJob(counter, jobs.length)) {
  let reply: SuiteJobReply;
  try {
    reply = { kind: 'report', index, ...runSuiteJob(jobs[index]!) };
  } catch (e) {
    reply = { kind: 'failed', index, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
}
port.postMessage({ kind: 'finished' } satisfies SuiteJobReply);
