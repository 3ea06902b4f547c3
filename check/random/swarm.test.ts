// Why: swarm testing (Groce et al., ISSTA 2012) draws, per run, which kinds of command the run
// picks from. The draw must come from the seed alone (the same seed gives the same runs, byte for
// byte, which `slotcheck run` and its traces promise), and it must be the swarm the comments
// describe: a quarter of the runs with every kind, the others leaving each input out half the
// time, the guests' steps a quarter of the time, the clustering programs and time never (a
// fail-over could not be interrupted), and some runs with no fault at all.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { categoryOf, COMMAND_KINDS } from '../../model/index.ts';
import { swarmArbitrary, type Swarm } from './swarm.ts';

const draw = (seed: number, numRuns = 400): Swarm[] => fc.sample(swarmArbitrary(), { seed, numRuns });
const share = (swarms: readonly Swarm[], p: (s: Swarm) => boolean) => swarms.filter(p).length / swarms.length;

describe('the swarm of a run', () => {
  test('comes from the seed alone', () => {
    expect(JSON.stringify(draw(7))).toBe(JSON.stringify(draw(7)));
    expect(JSON.stringify(draw(8))).not.toBe(JSON.stringify(draw(7)));
  });

  test('a quarter of the runs keep every kind at its default weight; the others leave out what the comments say', () => {
    const swarms = draw(11, 2000);
    expect(share(swarms, (s) => s.mode === 'all')).toBeGreaterThan(0.2);
    expect(share(swarms, (s) => s.mode === 'all')).toBeLessThan(0.3);
    const subsets = swarms.filter((s) => s.mode === 'swarm');
    COMMAND_KINDS.forEach((kind, k) => {
      const out = share(subsets, (s) => s.kindWeights[k] === 0);
      if (kind === 'cluster_step' || kind === 'tick') expect(out, kind).toBe(0);
      else if (categoryOf(kind) === 'protocol') expect(out, kind).toBeCloseTo(0.25, 1);
      else expect(out, kind).toBeCloseTo(0.5, 1);
    });
    expect(share(subsets, (s) => s.settleWeight > 0)).toBe(0);
    expect(share(subsets, (s) => s.firstPerturbationPick === null)).toBeCloseTo(1 / 8, 1);
    // Weights differ from run to run: a kind kept is weighed ×1, ×2, ×4 or ×8.
    expect(new Set(subsets.map((s) => s.kindWeights[COMMAND_KINDS.indexOf('os_crash')])).size).toBe(5);
  });
});
