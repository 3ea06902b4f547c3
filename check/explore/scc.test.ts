import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyclicComponents, cyclicComponentsWithin, cyclicSplit, isCyclic, stronglyConnectedComponents, type EdgeRows } from './scc.ts';

// Why this test exists: liveness verdicts are decided per strongly connected component; the
// iterative Tarjan must split exactly as the textbook does, respect the region, and not
// overflow on long chains (BFS depths of 100+ are common in this model).

function rows(adjacency: number[][], region: (v: number) => boolean = () => true): EdgeRows {
  const starts = [0];
  const targets: number[] = [];
  for (const out of adjacency) {
    targets.push(...out);
    starts.push(targets.length);
  }
  return { nodeCount: adjacency.length, rowStart: starts, target: targets, region: adjacency.map((_, v) => (region(v) ? 1 : 0)) };
}

describe('strongly connected components', () => {
  it('splits a graph with two cycles joined one way, and a lone node with a self-loop', () => {
    const g = rows([[1], [2], [0, 3], [4], [3], [5]]);
    expect(stronglyConnectedComponents(g)).toEqual([[0, 1, 2], [3, 4], [5]]);
    expect([[0, 1, 2], [3, 4], [5]].map((c) => isCyclic(g, c))).toEqual([true, true, true]);
    expect(isCyclic(rows([[1], []]), [1])).toBe(false);
  });

  it('keeps to the region: a cycle through a node outside it is no cycle', () => {
    const g = rows([[1], [2], [0]], (v) => v !== 2);
    expect(stronglyConnectedComponents(g)).toEqual([[0], [1]]);
    expect(isCyclic(g, [0])).toBe(false);
  });

  it('does not overflow on a cycle of 200,000 nodes', () => {
    const n = 200_000;
    const g = rows(Array.from({ length: n }, (_, i) => [(i + 1) % n]));
    const components = stronglyConnectedComponents(g);
    expect(components.length).toBe(1);
    expect(components[0]!.length).toBe(n);
  });

  it('cyclicComponents lists exactly the cyclic ones, in the same order (random graphs and regions)', () => {
    const graph = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(
      fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    ));
    fc.assert(fc.property(graph, ([adjacency, inside]) => {
      const g = rows(adjacency, (v) => inside[v]!);
      expect(cyclicComponents(g)).toEqual(stronglyConnectedComponents(g).filter((c) => isCyclic(g, c)));
    }), { seed: 0x5cc, numRuns: 500 });
  });

  it('cutting the whole graph\'s cyclic components down to a region gives the region\'s own (random graphs and regions)', () => {
    // The fair-cycle search splits the graph once and cuts it per property (fair-cycles.ts).
    const graph = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(
      fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 3 }),
    ));
    let cut = 0;
    fc.assert(fc.property(graph, ([adjacency, regions]) => {
      const whole = rows(adjacency);
      const split = cyclicSplit(whole);
      for (const inside of regions) {
        const region = inside.map((x) => (x ? 1 : 0));
        const expected = cyclicComponents({ ...whole, region });
        expect(cyclicComponentsWithin(whole, split, region)).toEqual(expected);
        if (split.multi.some((c) => c.some((v) => region[v] === 0))) cut += 1;
      }
    }), { seed: 0x5cc2, numRuns: 500 });
    expect(cut).toBeGreaterThan(100); // larger components were really cut, not only kept or dropped whole
  });
});
