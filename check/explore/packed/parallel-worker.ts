import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { ChunkExpander, CTRL, type WorkerMessage } from './parallel-expander.ts';

// A worker thread of the parallel searches of one thread (parallel-system.ts), kept between
// searches: it takes its messages in order (a search's shared buffers, then one per batch of
// states to expand: the store's new chunks, the batch's renamings and bounds) and, at each batch,
// expands chunks until none is left to claim. Results go into the shared ring, never back as messages. Between messages it
// sleeps on the pool's counter of messages posted.

const port = parentPort;
if (port === null) throw new Error('parallel-worker.ts runs only as a worker thread');
const posted = new Int32Array((workerData as { data: { posted: SharedArrayBuffer } }).data.posted);

function next(): WorkerMessage {
  for (;;) {
    const seen = Atomics.load(posted, 0);
    const received = receiveMessageOnPort(port!);
    if (received !== undefined) return received.message as WorkerMessage;
    Atomics.wait(posted, 0, seen, 1000);
  }
}

let expander: ChunkExpander | null = null;
let ctrl: Int32Array | null = null;
try {
  for (;;) {
    const message = next();
    if (message.kind === 'search') {
      expander = new ChunkExpander(message.shared);
      ctrl = new Int32Array(message.shared.control);
      continue;
    }
    expander!.receive(message);
    while (expander!.claimAndExpand(true)) { /* the next chunk */ }
  }
} catch (e) {
  if (ctrl !== null) {
    Atomics.store(ctrl, CTRL.failed, 1);
    Atomics.notify(ctrl, CTRL.ready); // nudge; the search's thread also looks every 50 ms
  }
  throw e;
}
