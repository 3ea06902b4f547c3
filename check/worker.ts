import { Worker } from 'node:worker_threads';

// Worker threads of the checkers and the CLI. Compiled (dist/), an entry is a .js module the
// worker runs directly. From the sources (a checkout, vitest), the entry is TypeScript and worker
// threads do not inherit tsx's loader hooks (Node 20): a plain JavaScript boot registers them first.
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** The module `name` beside `moduleUrl`, with the same extension: `.ts` from the sources, `.js` compiled. */
export function siblingModule(moduleUrl: string, name: string): URL {
  const extension = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, moduleUrl);
}

/** Start a worker thread running `entry` (from `siblingModule`) with `workerData`. */
export function startWorkerThread(entry: URL, workerData: unknown): Worker {
  if (entry.pathname.endsWith('.ts')) return new Worker(BOOT, { workerData: { entry: entry.href, data: workerData } });
  return new Worker(entry, { workerData: { entry: entry.href, data: workerData } });
}
