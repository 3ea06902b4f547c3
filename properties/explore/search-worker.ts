import { serialize, deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Command } from '../../model/index.ts';
import { INVARIANTS, LIVENESS } from '../catalogue.ts';
import { livenessOf } from './liveness-view.ts';
import { CommandIds } from './command-ids.ts';
import type { Violation } from '../check.ts';
import { violationsOf } from './findings.ts';
import { FAIR, SAME_STATE, type ExpandReply, type ExpandRequest, type TransitionNotes, type WorkerReply, type WorkerSetup } from './parallel-protocol.ts';
import type { StateKey, TransitionSystem } from './system.ts';

const NO_WITNESSES: readonly string[] = [];

// A worker thread of the parallel search: it builds the transition system from the setup, then
// expands the batches of states the coordinator sends, in the order given. It decides nothing:
// which successors are new, which violation comes first, is the coordinator's merge, in the same
// order as the sequential search, so both give the same report.

const setup = workerData as WorkerSetup;
const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

const factoryModule = (await import(setup.factory.module)) as Record<string, (spec: unknown) => TransitionSystem<unknown>>;
const system = factoryModule[setup.factory.exportName]!(setup.factory.spec);
const liveness = setup.liveness.map((id) => LIVENESS.find((p) => p.id === id)!);
const commandIds = new CommandIds();
let commandsSent = 0;
/** Keys whose states this worker already sent: the first global meeting of a state is always among them. */
const sent = new Set<StateKey>();

function expand(request: ExpandRequest): ExpandReply {
  const skip = new Set(request.skip);
  const checking = INVARIANTS.some((i) => !skip.has(i.id));
  const rowStart: number[] = [0];
  const keys: (StateKey | null)[] = [];
  const commands: number[] = [];
  const flags: number[] = [];
  const orbits: number[] = [];
  const byteRange: number[] = [];
  const chunks: Uint8Array[] = [];
  let byteLength = 0;
  const notes: TransitionNotes[] = [];
  const obligations: string[][][] = [];

  for (let i = 0; i + 1 < request.offsets.length; i += 1) {
    const state = deserialize(request.bytes.subarray(request.offsets[i]!, request.offsets[i + 1]!)) as unknown;
    const live = liveness.length > 0 ? livenessOf(system, state) : null;
    if (live !== null) obligations.push(liveness.map((p) => [...live.pending(p)]));
    system.successors(state, (command: Command, next, info) => {
      const transition = keys.length;
      const same = next === state;
      commands.push(commandIds.idOf(command));
      flags.push((live !== null && live.isFair(command) ? FAIR : 0) | (same ? SAME_STATE : 0));
      const quietStep = system.quiet?.(info) === true;
      const stepViolations = checking && !quietStep ? violationsOf((s) => system.checkStep(state, command, next, info, s), skip) : [];
      let stateViolations: readonly Violation[] = [];
      let orbit = 0;
      let range: [number, number] = [-1, -1];
      if (same) {
        keys.push(null);
      } else {
        const key = system.key(next);
        keys.push(key);
        if (!sent.has(key)) {
          sent.add(key);
          const bytes = serialize(next);
          chunks.push(bytes);
          range = [byteLength, byteLength + bytes.length];
          byteLength += bytes.length;
          orbit = system.symmetry?.orbitSize(next) ?? 1;
          if (checking) stateViolations = violationsOf((s) => system.checkState(next, s), skip);
        }
      }
      orbits.push(orbit);
      byteRange.push(range[0], range[1]);
      const witnesses = quietStep ? NO_WITNESSES : system.witnesses(state, command, next, info);
      if (stepViolations.length > 0 || stateViolations.length > 0 || witnesses.length > 0) {
        notes.push({ transition, stepViolations, stateViolations, witnesses: [...witnesses] });
      }
    });
    rowStart.push(keys.length);
  }

  const newCommands: Command[] = [];
  for (; commandsSent < commandIds.count; commandsSent += 1) newCommands.push(commandIds.command(commandsSent));
  const bytes = new Uint8Array(byteLength);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return {
    kind: 'expanded', rowStart: Int32Array.from(rowStart), keys, commands: Int32Array.from(commands), newCommands,
    flags: Uint8Array.from(flags), orbits: Int32Array.from(orbits), byteRange: Int32Array.from(byteRange), bytes, notes, obligations,
  };
}

port.on('message', (request: ExpandRequest) => {
  try {
    const result = expand(request);
    port.postMessage(result, [result.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    reply({ kind: 'failed', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
reply({ kind: 'ready' });
