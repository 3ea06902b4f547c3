// Worker threads do not inherit tsx's loader hooks (Node 20): register them, then load the
// TypeScript entry named in workerData (check/worker.ts). Plain JavaScript because nothing can
// load TypeScript yet; never used by the compiled package, whose entries are JavaScript.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
