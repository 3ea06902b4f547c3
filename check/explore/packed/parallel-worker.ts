import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { ChunkExpander, CTRL, type LevelMessage, type ParallelShared } from './parallel-expander.ts';

// A worker thread of one parallel search (parallel-system.ts): between levels it sleeps on the
// level counter; at each level it takes the level's message (new store chunks, renamings) and
// expands chunks until none is left to claim. It never posts results: they go into the shared ring.

const port = parentPort;
if (port === null) throw new Error('parallel-worker.ts runs only as a worker thread');
const shared = (workerData as { data: ParallelShared }).data;
const ctrl = new Int32Array(shared.control);
const expander = new ChunkExpander(shared);
let seq = 0;
try {
  for (;;) {
    const now = Atomics.load(ctrl, CTRL.seq);
    if (now === seq) {
      Atomics.wait(ctrl, CTRL.seq, seq);
      continue;
    }
    // Messages are posted before their level is published: take them up to this level's.
    while (seq < now) {
      const received = receiveMessageOnPort(port);
      if (received === undefined) {
        Atomics.wait(ctrl, CTRL.seq, now, 1);
        continue;
      }
      const message = received.message as LevelMessage;
      expander.receive(message);
      seq = message.seq;
    }
    while (expander.claimAndExpand(seq, true)) { /* next chunk */ }
  }
} catch (e) {
  Atomics.store(ctrl, CTRL.failed, 1);
  Atomics.notify(ctrl, CTRL.failed);
  throw e;
}
