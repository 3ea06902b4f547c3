// Why this test exists: `explore --symmetry` now runs on the packed system, whose renamings of
// standby LPARs (packed-symmetry.ts) are written on registers, apart from the reference's
// (../permute-state.ts). A register left out of the renaming would merge states that are not
// renamings of each other, or keep apart states that are, and change counts or verdicts. So: on
// every reachable state of small spaces the packed keys split states into exactly the reference's
// orbits, with the same orbit sizes; and whole reports with symmetry are equal on both engines.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DESIGNS, type Config } from '../../../model/index.ts';
import { explore } from '../explore.ts';
import type { ExploreReport } from '../report.ts';
import { canonicalForm, standbyPermutations } from '../symmetry.ts';
import { config, design, options } from '../testing.ts';
import { PackedSystem } from './system.ts';

const withoutTiming = ({ timing: _timing, ...rest }: ExploreReport) => rest;

describe('symmetry reduction on the packed system', () => {
  // The card-ROM design's pending SCI names its target LPAR; hardened waits for eject acks and
  // caches translations; case (b) has the longest script; two slots move slot masks and owners.
  it.each([
    ['patent-card-rom', config(3, 2, 1, 0)],
    ['hardened', config(3, 2, 1, 1)],
    ['patent-lpar-b', config(3, 1, 1, 1)],
    ['prior-art-multiport', config(3, 1, 1, 0)],
    ['hardened', config(4, 1, 1, 1)],
  ] as const)('%s %o: on every reachable state, packed keys give exactly the reference orbits and orbit sizes', (name, c: Config) => {
    const full = new PackedSystem(design(name), c);
    const reduced = new PackedSystem(design(name), c, { symmetry: true });
    full.initial();
    for (let head = 0; head < full.stateCount; head += 1) {
      full.successors(head, () => {});
      if (full.stateCount > 1_000_000) throw new Error(`${name}: more than a million states (a wrong step can make a space without end)`);
    }
    const permutations = standbyPermutations(c);
    const keyOfOrbit = new Map<string, number>();
    const orbitOfKey = new Map<number, string>();
    let merged = 0;
    for (let id = 0; id < full.stateCount; id += 1) {
      const model = full.toModel(id);
      const reference = canonicalForm(model, permutations);
      const state = reduced.fromModel(model);
      const key = reduced.key(state);
      expect(reduced.symmetry!.orbitSize(state)).toBe(reference.orbit);
      const known = keyOfOrbit.get(reference.key);
      if (known === undefined) keyOfOrbit.set(reference.key, key);
      else {
        expect(key).toBe(known); // a renamed copy gets its orbit's key
        merged += 1;
      }
      const orbit = orbitOfKey.get(key);
      if (orbit === undefined) orbitOfKey.set(key, reference.key);
      else expect(orbit).toBe(reference.key); // and no key stands for two orbits
    }
    expect(merged).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ...BUILT_IN_DESIGNS.map((d) => [d.name, config(3, 1, 1, 0)] as const),
    ['hardened', config(3, 1, 1, 1)] as const,
    ['hardened', config(4, 1, 1, 0)] as const,
  ])('%s %o: the report with symmetry is the reference engine\'s, timing aside', (name, c: Config) => {
    const reference = explore(options(name, c, { symmetry: true, engine: 'reference' }));
    const packed = explore(options(name, c, { symmetry: true, engine: 'packed' }));
    expect(packed.symmetry.applied).toBe(true);
    expect(withoutTiming(packed)).toEqual(withoutTiming(reference));
  }, 60_000);
});
