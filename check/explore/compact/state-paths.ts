import { ChunkedArray } from '../chunked.ts';
import { ROOT } from '../visited-states.ts';

/**
 * What hash compaction keeps of each state besides its fingerprint, so that a counterexample can
 * be written: its parent's number (32 bits) and the command that led from the parent to it (its
 * index in the configuration's command table, 8 bits while every index fits, then 16), by state
 * number in discovery order, which is breadth-first order; and the first number of each depth. A
 * state's path is the chain of commands from the initial state: a counterexample is recomputed by
 * running them on the model (`recompute.ts`), not read from a store of states.
 *
 * The chain is the path the state was generated along: the parent is the state being expanded
 * (held whole in the frontier), never looked up by fingerprint, so a fingerprint collision can
 * make the search skip a state but cannot bend a path.
 */
export class StatePaths {
  private readonly parent = new ChunkedArray('int32');
  private readonly command = new ChunkedArray('uint8');
  /** The first state number at each depth (depths only grow: BFS). */
  private readonly levelStart: number[] = [];

  get size(): number {
    return this.parent.length;
  }

  /** The depth of the last state (0 for none). */
  get maxDepth(): number {
    return Math.max(0, this.levelStart.length - 1);
  }

  /** Number a new state: its parent's number (ROOT for the initial state) and the command from it. */
  add(parent: number, command: number, depth: number): number {
    const index = this.size;
    if (depth === this.levelStart.length) this.levelStart.push(index);
    else if (depth !== this.levelStart.length - 1) throw new RangeError(`a state at depth ${depth} after one at depth ${this.levelStart.length - 1}: states must come in breadth-first order`);
    this.parent.push(parent);
    this.command.push(command);
    return index;
  }

  /** The command indices from the initial state to state `index`, in order. */
  commandsTo(index: number): number[] {
    if (index < 0 || index >= this.size) throw new RangeError(`no state ${index} in ${this.size}`);
    const out: number[] = [];
    for (let at = index; this.parent.at(at) !== ROOT; at = this.parent.at(at)) out.push(this.command.at(at));
    return out.reverse();
  }

  /** Bytes held per state (measurement). */
  get bytesPerState(): number {
    return this.size === 0 ? 0 : (this.parent.bytes + this.command.bytes) / this.size;
  }
}
