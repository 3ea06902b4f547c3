// Why: the random suite runs on the packed engine by default (the explorer's fast equivalent of
// the model) and falls back to the reference model only for what reports need. The two must give
// the same runs: the same commands picked, the same refusals and reason codes, the same
// violations at the same steps with the same sentences, the same shrunk counterexamples and
// witness counts, with and without the emulator, and with a planted emulator bug (whose
// disagreement the packed engine finds by comparing registers). A report is compared byte for
// byte, on pinned seeds and on a fresh one.
import { describe, expect, test } from 'vitest';
import { builtInDesign, type Config, type Design } from '../../model/index.ts';
import { emulatorSubject } from '../conformance/subject.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { runSuite, type SuiteOptions } from './suite.ts';

const base = { runs: 60, maxCommands: 60, drainRounds: 200, shrinkLimit: 400 } as const;

/**
 * The built-in designs leave some fields at one value (no cached translation, no epochs); this
 * variant turns them on so that the comparison reaches that code too.
 */
const VARIANT: Design = {
  ...builtInDesign('patent-lpar-b')!, name: 'variant', title: 'patent-lpar-b with an IOTLB, epochs and card-ROM SCIs',
  gateKeeperCache: 'invalidate-after-enable', inflightDmaOnReassign: 'epoch', sciSource: 'card-rom', sciWhenGpeDisabled: 'latch',
};

function bothEngines(name: string, config: Config, seed: number, emulator: 'none' | 'emulator' | 'planted'): { packed: string; reference: string } {
  const design = name === VARIANT.name ? VARIANT : builtInDesign(name)!;
  const options: SuiteOptions = {
    ...base, design, config, seed,
    ...(emulator === 'none' ? {} : { subject: () => emulatorSubject(config, design, { plantedBug: emulator === 'planted' ? 'enable-before-gatekeeper' : null }) }),
  };
  return { packed: canonicalJson(runSuite({ ...options, engine: 'packed' })), reference: canonicalJson(runSuite({ ...options, engine: 'reference' })) };
}

const config = (lparCount: number, slotCount: number, faultBudget = 4): Config => ({ lparCount, slotCount, faultBudget, writeBudget: 3 });

describe('packed and reference engines give the same suite report', () => {
  test.each([
    ['hardened', 2, 1, 'emulator', 11], ['hardened', 4, 3, 'emulator', 12],
    ['patent-lpar-a', 2, 1, 'emulator', 13], ['patent-lpar-b', 3, 2, 'none', 14],
    ['patent-ppar', 3, 1, 'emulator', 15], ['patent-card-rom', 2, 2, 'emulator', 16],
    ['prior-art-multiport', 3, 2, 'emulator', 17], ['hardened', 3, 2, 'planted', 18],
    ['patent-lpar-a', 2, 1, 'planted', 19], ['variant', 2, 1, 'emulator', 20], ['variant', 3, 2, 'emulator', 21],
  ] as const)('%s, %i LPARs × %i slots, %s, seed %i', (name, l, s, emulator, seed) => {
    const { packed, reference } = bothEngines(name, config(l, s), seed, emulator);
    expect(packed).toBe(reference);
    const report = JSON.parse(packed) as { commandsExecuted: number; verdict: string; properties: { id: string; verdict: string }[] };
    expect(report.commandsExecuted).toBeGreaterThan(500);
    // The failing designs must fail (else the comparison says little about counterexamples)...
    if (name !== 'hardened' || emulator === 'planted') expect(report.verdict).toBe('counterexample');
    // ...but by their own design, not by an emulator that disagrees with the model: that only the planted bug may do.
    const conformance = report.properties.find((p) => p.id === 'CONFORMANCE')?.verdict;
    expect(conformance).toBe(emulator === 'none' ? undefined : emulator === 'planted' ? 'counterexample' : 'pass');
  });

  test('on a fresh seed too', () => {
    const seed = Number(process.env.SLOTCHECK_SEED ?? (Date.now() % 2 ** 31));
    const { packed, reference } = bothEngines('patent-lpar-b', config(2, 1, 3), seed, 'emulator');
    expect(packed, `reproduce with SLOTCHECK_SEED=${seed}`).toBe(reference);
  });
});
