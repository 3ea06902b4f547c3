// Why this test exists: random walks sample the space; this one compares every transition of the
// default configuration (2 LPARs, 1 slot, fault budget 2, write budget 2) for DSN-01, DSN-02 and
// DSN-06, of the same with fault budget 1 for every built-in design, and of hardened with three
// LPARs (the packed cluster code has loops over the other LPARs that two LPARs never exercise
// beyond one peer: a mutation there survived every 2-LPAR space and the random walks), walking the
// whole space breadth-first with both implementations. Every reachable
// state's successors must agree (agreement.ts), packed ids must be equal exactly when the
// reference's stateKeys are, and the space has the sizes the reference's naive BFS finds (pinned
// below: a change to the model that changes them must be looked at, not absorbed).
import { describe, expect, it } from 'vitest';
import { builtInDesign, stateKey, type Config } from '../index.ts';
import { disagreement } from './agreement.testing.ts';
import { PackedSystem } from '../../check/explore/packed/system.ts';

/** Reference sizes (naive BFS over `enabledCommands` + `step`, states told apart by `stateKey`). */
const SIZES = [
  { design: 'patent-lpar-a', faults: 2, states: 33_062, transitions: 119_142 },
  { design: 'patent-lpar-b', faults: 2, states: 59_147, transitions: 239_422 },
  { design: 'hardened', faults: 2, states: 18_651, transitions: 71_118 },
  { design: 'patent-lpar-a', faults: 1, states: 900, transitions: 2_381 },
  { design: 'patent-lpar-b', faults: 1, states: 1_619, transitions: 4_962 },
  { design: 'patent-ppar', faults: 1, states: 900, transitions: 2_381 },
  { design: 'patent-card-rom', faults: 1, states: 1_020, transitions: 2_651 },
  { design: 'prior-art-multiport', faults: 1, states: 3_306, transitions: 11_352 },
  { design: 'hardened', faults: 1, states: 747, transitions: 1_956 },
  { design: 'hardened', faults: 2, lpars: 3, writes: 0, states: 29_136, transitions: 108_024 },
] as const satisfies readonly { design: string; faults: number; lpars?: number; writes?: number; states: number; transitions: number }[];

describe('the packed system agrees with the reference on every transition of small spaces', () => {
  for (const expected of SIZES) {
    const lparCount = 'lpars' in expected ? expected.lpars : 2;
    const writeBudget = 'writes' in expected ? expected.writes : 2;
    it(`${expected.design}, ${lparCount} LPARs, fault budget ${expected.faults}, write budget ${writeBudget}: ${expected.states} states, ${expected.transitions} transitions, all agreeing`, () => {
      const config: Config = { lparCount, slotCount: 1, faultBudget: expected.faults, writeBudget };
      const fast = new PackedSystem(builtInDesign(expected.design)!, config);
      const idOfKey = new Map<string, number>();
      const queue = [fast.initial()];
      const queued = new Set(queue);
      const problems: string[] = [];
      let transitions = 0;
      for (let head = 0; head < queue.length; head += 1) {
        const state = fast.toModel(queue[head]!);
        const key = stateKey(state);
        const id = queue[head]!;
        if (idOfKey.has(key)) problems.push(`two packed ids ${idOfKey.get(key)} and ${id} for ${key}`);
        idOfKey.set(key, id);
        const { problem, next } = disagreement(state, fast);
        if (problem !== null && problems.length < 5) problems.push(problem);
        transitions += next.length;
        for (const n of next) {
          if (queued.has(n)) continue;
          queued.add(n);
          queue.push(n);
        }
        if (queue.length > expected.states) break; // a wrong step can make a space without end: the counts below fail
      }
      expect(problems).toEqual([]);
      expect(idOfKey.size).toBe(expected.states);
      expect(queue.length).toBe(expected.states);
      expect(transitions).toBe(expected.transitions);
    }, 300_000);
  }
});
