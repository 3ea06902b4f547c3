// Worker threads do not inherit tsx's loader hooks (Node 20): register them, then load the
// TypeScript entry named in workerData. Plain JavaScript because nothing can load TypeScript yet.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
