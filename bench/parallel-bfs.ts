import { Worker } from 'node:worker_threads';
import type { Config, Design } from '../model/index.ts';
import { FastSystem } from '../properties/explore/fast/system.ts';
import { DenseSearch, type DenseBfsResult } from './dense-bfs.ts';
import type { ExpandReply, ExpandRequest } from './expand-worker.ts';

// A worker thread does not inherit tsx's loader: register it there, then load the TypeScript worker.
const WORKER_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./expand-worker.ts', import.meta.url).href)}); });`;

/**
 * Breadth-first search with worker threads. A BFS level is a contiguous range of dense ids; it
 * is cut into chunks, the workers expand the chunks (successor generation and the new states'
 * state checks: most of the work), and this thread interns the successors chunk by chunk in
 * order, with the same bookkeeping as the single-threaded search (DenseSearch). So the ids, the
 * counts and the shortest counterexamples are exactly those of `denseBfs`, whatever the number
 * of workers and the order in which they answer.
 */
export async function parallelBfs(design: Design, config: Config, workers: number, maxStates: number, chunkStates = 2048): Promise<DenseBfsResult> {
  const system = new FastSystem(design, config);
  const search = new DenseSearch(system, maxStates);
  const width = system.layout.words;
  const commands = system.commands;
  const pool = Array.from({ length: workers }, () => new Worker(WORKER_BOOT, { eval: true, workerData: { design, config } }));
  try {
    let levelStart = 0;
    while (levelStart < search.count) {
      const levelEnd = search.count;
      const replies = new Map<number, ExpandReply>();
      let wake: (() => void) | null = null;
      const onReply = (reply: ExpandReply) => {
        replies.set(reply.chunk, reply);
        wake?.();
      };
      pool.forEach((w) => w.on('message', onReply));
      const chunks = Math.ceil((levelEnd - levelStart) / chunkStates);
      for (let c = 0; c < chunks; c += 1) {
        const first = levelStart + c * chunkStates;
        const count = Math.min(chunkStates, levelEnd - first);
        const request: ExpandRequest = { chunk: c, count, words: system.store.readRange(first, count) };
        pool[c % workers]!.postMessage(request, [request.words.buffer]);
      }
      for (let c = 0; c < chunks; c += 1) {
        while (!replies.has(c)) await new Promise<void>((resolve) => { wake = resolve; });
        const reply = replies.get(c)!;
        replies.delete(c);
        let n = 0;
        const first = levelStart + c * chunkStates;
        for (let s = 0; s < reply.successorCounts.length; s += 1) {
          for (let k = 0; k < reply.successorCounts[s]!; k += 1, n += 1) {
            const next = system.store.intern(reply.words, n * width);
            if (system.store.lastWasNew) system.recordStateMask(next, reply.stateMasks[n]!);
            search.transition(first + s, commands[reply.commands[n]!]!, next, reply.flags[n]!);
          }
        }
      }
      pool.forEach((w) => w.off('message', onReply));
      levelStart = levelEnd;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return search.result();
}
