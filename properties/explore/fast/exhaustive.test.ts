// Why this test exists: random walks sample the space; this one compares every transition of the
// default configuration (2 LPARs, 1 slot, fault budget 2, write budget 2) for each built-in
// design, walking the whole space breadth-first with both implementations. Every reachable
// state's successors must agree (agreement.ts), packed ids must be equal exactly when the
// reference's stateKeys are, and the space has the sizes the reference's naive BFS finds (pinned
// below: a change to the model that changes them must be looked at, not absorbed).
import { describe, expect, it } from 'vitest';
import { builtInDesign, stateKey, type Config } from '../../../model/index.ts';
import { disagreement } from './agreement.ts';
import { FastSystem } from './system.ts';

const DEFAULT: Config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };

/** Reference sizes (naive BFS over `enabledCommands` + `step`, states told apart by `stateKey`). */
const SIZES = [
  { design: 'patent-lpar-a', states: 33_062, transitions: 119_142 },
  { design: 'patent-lpar-b', states: 59_147, transitions: 239_422 },
  { design: 'hardened', states: 18_651, transitions: 71_118 },
] as const;

describe('the packed system agrees with the reference on every transition of the default space', () => {
  for (const expected of SIZES) {
    it(`${expected.design}: ${expected.states} states, ${expected.transitions} transitions, all agreeing`, () => {
      const fast = new FastSystem(builtInDesign(expected.design)!, DEFAULT);
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
      }
      expect(problems).toEqual([]);
      expect(idOfKey.size).toBe(expected.states);
      expect(queue.length).toBe(expected.states);
      expect(transitions).toBe(expected.transitions);
    }, 300_000);
  }
});
