import { parentPort, workerData } from 'node:worker_threads';
import type { Config, Design } from '../model/index.ts';
import { stateViolationMask } from '../properties/explore/fast/state-checks.ts';
import { FastSystem } from '../properties/explore/fast/system.ts';

// A worker of bench/parallel-bfs.ts: expands chunks of packed states with the packed successor
// generator and sends back, per state in order, its successors' words, step flags, command
// indices and state-invariant masks. It interns nothing: the main thread does, in order.

export interface ExpandRequest {
  readonly chunk: number;
  readonly count: number;
  readonly words: Int32Array<ArrayBuffer>;
}

export interface ExpandReply {
  readonly chunk: number;
  /** Successors of each state of the chunk, in order. */
  readonly successorCounts: Int32Array<ArrayBuffer>;
  readonly words: Int32Array<ArrayBuffer>;
  readonly flags: Int32Array<ArrayBuffer>;
  readonly commands: Int32Array<ArrayBuffer>;
  readonly stateMasks: Uint8Array<ArrayBuffer>;
}

const { design, config } = workerData as { design: Design; config: Config };
const system = new FastSystem(design, config);
const generator = system.generator;
const width = system.layout.words;
const maxSuccessors = generator.table.commands.length;

parentPort!.on('message', (request: ExpandRequest) => {
  const capacity = request.count * maxSuccessors;
  const words = new Int32Array(capacity * width);
  const flags = new Int32Array(capacity);
  const commands = new Int32Array(capacity);
  const stateMasks = new Uint8Array(capacity);
  const successorCounts = new Int32Array(request.count);
  let n = 0;
  for (let s = 0; s < request.count; s += 1) {
    const before = n;
    generator.expand(request.words, s * width, (command, m) => {
      for (let w = 0; w < width; w += 1) words[n * width + w] = m.w[w]!;
      flags[n] = m.flags;
      commands[n] = command;
      stateMasks[n] = stateViolationMask(m.r, config, system.code);
      n += 1;
    });
    successorCounts[s] = n - before;
  }
  const reply: ExpandReply = {
    chunk: request.chunk, successorCounts,
    words: words.slice(0, n * width), flags: flags.slice(0, n), commands: commands.slice(0, n), stateMasks: stateMasks.slice(0, n),
  };
  parentPort!.postMessage(reply, [reply.successorCounts.buffer, reply.words.buffer, reply.flags.buffer, reply.commands.buffer, reply.stateMasks.buffer]);
});
