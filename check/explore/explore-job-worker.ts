import { parentPort, workerData } from 'node:worker_threads';
import { claimJob, type ExploreJobReply, type ExploreJobs } from './explore-many.ts';
import { explore } from './explore.ts';
import type { SearchProgress } from './options.ts';

// A worker thread of explore-many.ts: claims jobs from the shared counter until none is left,
// exploring each and posting its report (plain data) back.

const port = parentPort;
if (port === null) throw new Error('explore-job-worker.ts runs only as a worker thread');
const { jobs, next, progress } = (workerData as { data: ExploreJobs }).data;
const counter = new Int32Array(next);
for (let index = claimJob(counter, jobs.length); index >= 0; index = claimJob(counter, jobs.length)) {
  port.postMessage({ kind: 'claimed', index } satisfies ExploreJobReply);
  let reply: ExploreJobReply;
  try {
    const onProgress = (p: SearchProgress) => port.postMessage({ kind: 'progress', index, progress: p } satisfies ExploreJobReply);
    reply = { kind: 'report', index, report: explore(progress ? { ...jobs[index]!, onProgress } : jobs[index]!) };
  } catch (e) {
    reply = { kind: 'failed', index, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
}
port.postMessage({ kind: 'finished' } satisfies ExploreJobReply);
