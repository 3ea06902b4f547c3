import type { Command } from '../model/index.ts';
import type { Violation } from '../properties/check.ts';
import { INVARIANT_SHIFT, WITNESS_BITS } from '../properties/explore/fast/step-flags.ts';
import type { FastSystem } from '../properties/explore/fast/system.ts';
import type { StepInfo } from '../properties/explore/system.ts';
import type { BfsResult, BfsViolation } from './bfs.ts';

export interface DenseBfsResult extends BfsResult {
  /**
   * Every invariant some state or transition breaks, each checked on its own: a transition that
   * breaks INV-03 and INV-04 counts for both, where `violations` (first per transition, as the
   * explorer's checkStep reports) only names INV-03.
   */
  readonly everyViolated: readonly string[];
}

/**
 * Breadth-first search for the packed system, using what its keys are: dense ids assigned in
 * order of first generation. A successor is new exactly when its id is the next unused one, and
 * visiting ids in increasing order is breadth-first order, so no visited set or queue is needed:
 * per state only its parent, the command that reached it and its depth. Same checks and result
 * as ./bfs.ts (every state's state checks, every transition's step checks and witnesses).
 */
export function denseBfs(system: FastSystem, maxStates: number): DenseBfsResult {
  let capacity = 1 << 16;
  let parent = new Int32Array(capacity);
  let depth = new Uint16Array(capacity);
  const via: (Command | null)[] = [];
  const firstViolation = new Map<string, BfsViolation>();
  const witnesses = new Set<string>();
  const everyViolated = new Set<string>();
  let transitions = 0;
  let boundHit = false;
  let count = 0;

  const traceTo = (at: number, last: Command | null): Command[] => {
    const out: Command[] = last === null ? [] : [last];
    for (let i = at; i > 0; i = parent[i]!) out.push(via[i]!);
    return out.reverse();
  };
  const note = (v: Violation | null, at: number, last: Command | null) => {
    if (v === null || firstViolation.has(v.id)) return;
    const trace = traceTo(at, last);
    firstViolation.set(v.id, { id: v.id, why: v.why, depth: trace.length, trace });
  };
  const grow = () => {
    capacity *= 2;
    const p = new Int32Array(capacity);
    p.set(parent);
    parent = p;
    const d = new Uint16Array(capacity);
    d.set(depth);
    depth = d;
  };

  const start = system.initial();
  if (start !== 0 || system.stateCount !== 1) throw new Error('denseBfs needs a fresh FastSystem: its initial state must be id 0');
  count = 1;
  via.push(null);
  note(system.checkState(0), 0, null);
  for (const id of system.stateViolations(0)) everyViolated.add(id);

  let head = 0;
  const visit = (command: Command, next: number, info: StepInfo) => {
    transitions += 1;
    note(system.checkStep(head, command, next, info), head, command);
    if ('packed' in info && (info.packed & WITNESS_BITS) !== 0) for (const w of system.witnesses(head, command, next, info)) witnesses.add(w);
    if ('packed' in info && info.packed >>> INVARIANT_SHIFT !== 0) for (const id of system.stepViolations(info)) everyViolated.add(id);
    if (next < count) return;
    if (next !== count && !boundHit) throw new Error(`state ${next} was interned outside this search; denseBfs needs the store to itself`);
    if (count >= maxStates) {
      boundHit = true;
      return;
    }
    if (count === capacity) grow();
    parent[count] = head;
    depth[count] = depth[head]! + 1;
    via.push(command);
    count += 1;
    note(system.checkState(next), next, null);
    for (const id of system.stateViolations(next)) everyViolated.add(id);
  };
  for (; head < count; head += 1) system.successors(head, visit);
  return {
    states: count,
    transitions,
    maxDepth: depth[count - 1]!,
    violations: [...firstViolation.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    witnesses: [...witnesses].sort(),
    everyViolated: [...everyViolated].sort(),
    outcome: boundHit ? { kind: 'inconclusive', bound: `maxStates ${maxStates}` } : { kind: 'complete' },
    held: { system, parent, depth, via },
  };
}
