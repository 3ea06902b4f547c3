// Why: issue 18 asks the random runs to be as strong as their budget. Before swarm testing, biased
// fault timing and the minimizing pass, `slotcheck run --faults 2 --writes 2` (seed 1, 200 runs,
// the explorer's bound) missed four failures the explorer finds at once, a plausible mutant of
// hardened passed 300 runs at seed 1, and shrunk traces were up to 3.5× the explorer's shortest.
// Each of those is pinned here, on the seeds named, so that a weaker generator or minimizer fails
// a test rather than a user (on the earlier generator seven of these nine tests fail).
import { describe, expect, test } from 'vitest';
import { builtInDesign, type Config, type Design } from '../../model/index.ts';
import { DEFAULT_BOUNDS, explore } from '../explore/index.ts';
import { emulatorSubject } from '../conformance/subject.ts';
import { generateMutants } from '../mutate/mutants.ts';
import { runSuite } from './suite.ts';
import { DEFAULT_SUITE, type SuiteReport } from './suite-report.ts';

/** The explorer's default bound: `explore`, `mutate`, and `run --faults 2 --writes 2`. */
const EXPLORE_CONFIG: Config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };

/** As `slotcheck run` runs a design: model and emulator, the default suite. */
const asRun = (design: Design, config: Config, seed: number, runs: number): SuiteReport =>
  runSuite({ ...DEFAULT_SUITE, design, config, seed, runs, subject: () => emulatorSubject(config, design) });
const failing = (r: SuiteReport) => r.properties.filter((p) => p.verdict === 'counterexample').map((p) => p.id);

describe('`slotcheck run --faults 2 --writes 2` (seed 1, 200 runs) finds what the explorer finds at that bound', () => {
  test('DSN-02: a fail-over by case (b) whose deact (Fig. 9 step 1109) leaves the LPAR running breaks INV-06; an SCI lost to a disabled GPE (Fig. 5 step 504) leaves the takeover and the hot-add unfinished (LIV-01, LIV-02)', () => {
    expect(failing(asRun(builtInDesign('patent-lpar-b')!, EXPLORE_CONFIG, 1, 200))).toEqual(expect.arrayContaining(['INV-06', 'LIV-01', 'LIV-02']));
  });

  test('DSN-05: with a multi-port disk a card re-inserted while the GPE is disabled is reachable by an OS that never heard of it (INV-08)', () => {
    expect(failing(asRun(builtInDesign('prior-art-multiport')!, EXPLORE_CONFIG, 1, 200))).toContain('INV-08');
  });
});

describe('class 7 of issue 18: mutants of hardened the random runs used to miss, found at 300 runs with seed 1 (as `mutate` runs them)', () => {
  const mutants = generateMutants(builtInDesign('hardened')!).mutants;
  test.each([
    // Fig. 5 step 503 run while the slot is still enabled for another LPAR: its OS keeps a mounted disk it can no longer reach.
    ['addWhileEnabled: reject → reassign', ['INV-08', 'INV-09']],
    // Fig. 6 step 601 clears the enable flag only: DMA the card still holds lands in the old owner's window.
    ['disableBlocksDma: true → false', ['INV-03', 'INV-04']],
  ])('%s breaks %j', (description, killers) => {
    const mutant = mutants.find((m) => m.description === description)!;
    expect(failing(asRun(mutant.design, EXPLORE_CONFIG, 1, 300))).toEqual(expect.arrayContaining(killers));
    // The base design holds them at the same seed: the kill is the mutant's.
    expect(failing(asRun(builtInDesign('hardened')!, EXPLORE_CONFIG, 1, 300))).toEqual([]);
  });
});

describe('a minimized invariant counterexample is at most 1.5× the explorer\'s shortest (`run --faults 2 --writes 2` against `explore`)', () => {
  // DSN-01 INV-07 was 6 steps against 3, DSN-03 INV-04 5 against 2, DSN-05 INV-11 7 against 2.
  test.each(['patent-lpar-a', 'patent-lpar-b', 'patent-ppar', 'patent-card-rom', 'prior-art-multiport'])('%s', (name) => {
    const design = builtInDesign(name)!;
    const shortest = new Map(explore({ design, config: EXPLORE_CONFIG, symmetry: false, engine: 'packed', ...DEFAULT_BOUNDS }).properties
      .filter((p) => p.verdict === 'counterexample').map((p) => [p.id, p.counterexample!.steps.length]));
    const random = runSuite({ ...DEFAULT_SUITE, design, config: EXPLORE_CONFIG, seed: 1 });
    const compared = random.properties.filter((p) => p.id.startsWith('INV-') && p.counterexample !== null && shortest.has(p.id));
    expect(compared.length).toBeGreaterThan(3);
    const tooLong = compared.filter((p) => p.counterexample!.steps.length > 1.5 * shortest.get(p.id)!);
    expect(tooLong.map((p) => `${p.id}: ${p.counterexample!.steps.length} steps, the explorer's ${shortest.get(p.id)}`)).toEqual([]);
    expect(compared.every((p) => !p.counterexample!.shrinkBoundHit)).toBe(true);
  });
});

describe('a window a few steps wide mid-flow: a perturbation fresh at that moment is taken even in a run whose swarm left its kind out', () => {
  // As bench/runs-to-failure.ts measures: the one property alone, model only. Before fresh
  // perturbations overrode the swarm's omissions these took 35 and 53 runs on these seeds.
  const mutants = generateMutants(builtInDesign('hardened')!).mutants;
  test.each([
    // Fig. 6 step 603 with no SCI: the new active's rem_pci, issued the moment its takeover authorizes it, is a hot-remove the old owner's running OS never sees (INV-08).
    ['hotRemoveSci: (absent) → skip', 'INV-08', 1],
    // A takeover allowed to act before the slot is removed: the new active's act, the moment its script's deact makes it possible, boots the old active as a standby straight into the enabled slot it still owns (INV-05).
    ['authorization: takeover-fenced → takeover-only', 'INV-05', 2],
  ])('%s: %s within 20 runs at seed %i', (description, id, seed) => {
    const mutant = mutants.find((m) => m.description === description)!;
    const r = runSuite({ ...DEFAULT_SUITE, design: mutant.design, config: EXPLORE_CONFIG, seed, runs: 20, only: [id], engine: 'packed' });
    expect(failing(r)).toEqual([id]);
  });
});

