// Why this test exists: the packed system is a second implementation of model/'s semantics, and
// the explorer's verdicts are only as good as its agreement with the reference. Random walks
// over `enabledCommands` + `step` reach states deep in each design's behaviour; at every state
// visited, the packed successors must match the reference's: the same enabled commands in the
// same order, the same next state (by stateKey), the same step- and state-invariant ids (the first
// one, as the explorer reports it, and every one: a transition can break several) and the
// same witnesses (agreement.ts). Seeds are pinned; one run per design also takes a fresh seed,
// which fast-check prints on failure so the walk can be replayed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DESIGNS, type Config, type Design } from '../index.ts';
import { walkDisagreement } from './agreement.testing.ts';
import { PackedSystem } from '../../check/explore/packed/system.ts';

const CONFIGS: readonly Config[] = [
  { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 },
  { lparCount: 3, slotCount: 2, faultBudget: 4, writeBudget: 3 },
  { lparCount: 4, slotCount: 3, faultBudget: 5, writeBudget: 3 },
];

function assertWalksAgree(design: Design, config: Config, seed: number | undefined, numRuns: number): void {
  const fast = new PackedSystem(design, config);
  const walks = fc.array(fc.nat(), { minLength: 1, maxLength: 80 });
  fc.assert(
    fc.property(walks, (choices) => {
      const problem = walkDisagreement(fast, choices);
      if (problem !== null) throw new Error(problem);
    }),
    seed === undefined ? { numRuns } : { seed, numRuns },
  );
}

describe('the packed system agrees with the reference model along random walks', () => {
  for (const design of BUILT_IN_DESIGNS) {
    for (const config of CONFIGS) {
      it(`${design.id} ${design.name}, ${config.lparCount} LPARs × ${config.slotCount} slots, faults ${config.faultBudget}, writes ${config.writeBudget} (pinned seed)`, () => {
        assertWalksAgree(design, config, 0x5107c4ec + config.lparCount * 7 + config.slotCount, 60);
      }, 60_000);
    }
    it(`${design.id} ${design.name}, 3 LPARs × 2 slots (fresh seed, printed on failure)`, () => {
      assertWalksAgree(design, CONFIGS[1]!, undefined, 30);
    }, 60_000);
  }

  it('the comparison itself notices a packed system that drops a successor', () => {
    // Guards the helper: a disagreement planted in the packed side must be reported, or the
    // tests above could pass vacuously.
    class DropsLastSuccessor extends PackedSystem {
      override successors(state: number, visit: Parameters<PackedSystem['successors']>[1]): void {
        const all: Parameters<typeof visit>[] = [];
        super.successors(state, (...args) => all.push(args));
        all.slice(0, -1).forEach((args) => visit(...args));
      }
    }
    const planted = new DropsLastSuccessor(BUILT_IN_DESIGNS[0]!, CONFIGS[0]!);
    expect(walkDisagreement(planted, [0])).toMatch(/enabled commands/);
  });
});
