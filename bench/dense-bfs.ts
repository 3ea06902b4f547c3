import type { Command } from '../model/index.ts';
import type { Violation } from '../properties/violations.ts';
import { INVARIANT_SHIFT, WITNESS_BITS } from '../model/packed/step-flags.ts';
import type { PackedSystem } from '../check/explore/packed/system.ts';
import type { BfsResult, BfsViolation } from './bfs.ts';

export type DenseBfsResult = BfsResult;

/**
 * The bookkeeping of a breadth-first search over the packed system, using what its keys are:
 * dense ids assigned in order of first generation. A successor is new exactly when its id is the
 * next unused one, and visiting ids in increasing order is breadth-first order, so no visited
 * set or queue is needed: per state only its parent, the command that reached it and its depth.
 * Same checks and result as ./bfs.ts (every state's state checks, every transition's step checks
 * and witnesses). No liveness: this is the packed system's own
 * ceiling, next to the explorer (check/explore), which also checks liveness.
 */
export class DenseSearch {
  private capacity = 1 << 16;
  private parent = new Int32Array(this.capacity);
  private depth = new Uint16Array(this.capacity);
  private readonly via: (Command | null)[] = [null];
  private readonly firstViolation = new Map<string, BfsViolation>();
  private readonly witnesses = new Set<string>();
  private transitions = 0;
  private boundHit = false;
  /** States admitted so far: ids 0 .. count - 1. */
  count = 1;

  constructor(private readonly system: PackedSystem, private readonly maxStates: number) {
    if (system.initial() !== 0 || system.stateCount !== 1) throw new Error('a dense search needs a fresh PackedSystem: its initial state must be id 0');
    this.stateChecks(0, null);
  }

  /** One transition from state `from` by `command` to `next`, with the step's packed flags. */
  transition(from: number, command: Command, next: number, packed: number): void {
    this.transitions += 1;
    if (packed >>> INVARIANT_SHIFT !== 0) {
      const info = { packed };
      const broken = this.system.stepViolations(info);
      // The id lists are cached arrays; a Violation (and its sentence) is made only for a new first id.
      if (!this.firstViolation.has(broken[0]!)) this.note(this.system.checkStep(from, command, next, info), from, command);
    }
    if ((packed & WITNESS_BITS) !== 0) for (const w of this.system.witnesses(from, command, next, { packed })) this.witnesses.add(w);
    if (next < this.count) return;
    if (this.count >= this.maxStates) {
      this.boundHit = true;
      return;
    }
    if (next !== this.count) throw new Error(`state ${next} was interned outside this search; it needs the store to itself`);
    if (this.count === this.capacity) this.grow();
    this.parent[next] = from;
    this.depth[next] = this.depth[from]! + 1;
    this.via.push(command);
    this.count += 1;
    this.stateChecks(next, null);
  }

  result(): DenseBfsResult {
    const byId = (a: BfsViolation, b: BfsViolation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return {
      states: this.count,
      transitions: this.transitions,
      maxDepth: this.depth[this.count - 1]!,
      violations: [...this.firstViolation.values()].sort(byId),
      witnesses: [...this.witnesses].sort(),
      outcome: this.boundHit ? { kind: 'inconclusive', bound: `maxStates ${this.maxStates}` } : { kind: 'complete' },
      held: { system: this.system, parent: this.parent, depth: this.depth, via: this.via },
    };
  }

  private stateChecks(state: number, last: Command | null): void {
    const broken = this.system.stateViolations(state);
    if (broken.length === 0) return;
    if (!this.firstViolation.has(broken[0]!)) this.note(this.system.checkState(state), state, last);
  }

  private note(v: Violation | null, at: number, last: Command | null): void {
    if (v === null || this.firstViolation.has(v.id)) return;
    const trace: Command[] = last === null ? [] : [last];
    for (let i = at; i > 0; i = this.parent[i]!) trace.push(this.via[i]!);
    trace.reverse();
    this.firstViolation.set(v.id, { id: v.id, why: v.why, depth: trace.length, trace });
  }

  private grow(): void {
    this.capacity *= 2;
    const parent = new Int32Array(this.capacity);
    parent.set(this.parent);
    this.parent = parent;
    const depth = new Uint16Array(this.capacity);
    depth.set(this.depth);
    this.depth = depth;
  }
}

/** Breadth-first search over the packed system on this thread. */
export function denseBfs(system: PackedSystem, maxStates: number): DenseBfsResult {
  const search = new DenseSearch(system, maxStates);
  for (let head = 0; head < search.count; head += 1) {
    system.successors(head, (command, next, info) => search.transition(head, command, next, 'packed' in info ? info.packed : 0));
  }
  return search.result();
}
