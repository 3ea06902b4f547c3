// `explore --symmetry` on both engines: the reference (immer) system and the packed one
// (check/explore/packed/symmetry.ts). Measurement only: never asserted in a test
// (packed-symmetry.test.ts shows the reports equal). Run: npx tsx bench/symmetry.ts
// Prints, per configuration, the orbits explored and the full space they stand for, both wall
// times, their ratio, and whether the two reports are identical (timing aside).
import { BUILT_IN_DESIGNS, builtInDesign, type Config, type Design } from '../model/index.ts';
import { explore, type ExploreReport } from '../check/explore/index.ts';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const withoutTiming = ({ timing: _timing, ...rest }: ExploreReport) => JSON.stringify(rest);

function timed(design: Design, config: Config, engine: 'packed' | 'reference'): { report: ExploreReport; seconds: number } {
  const t0 = performance.now();
  const report = explore({ design, config, engine, symmetry: true, depthMax: 10_000, statesMax: 10_000_000, timeLimitMs: 3_600_000 });
  return { report, seconds: (performance.now() - t0) / 1000 };
}

const cases: [Design, Config][] = [
  ...BUILT_IN_DESIGNS.map((d): [Design, Config] => [d, { lparCount: 3, slotCount: 1, faultBudget: 1, writeBudget: 1 }]),
  [builtInDesign('patent-lpar-a')!, { lparCount: 4, slotCount: 1, faultBudget: 1, writeBudget: 0 }],
  [builtInDesign('patent-lpar-b')!, { lparCount: 4, slotCount: 1, faultBudget: 1, writeBudget: 0 }],
];
timed(cases[0]![0], cases[0]![1], 'packed'); // warm up
timed(cases[0]![0], cases[0]![1], 'reference');
console.log('explore --symmetry (standby LPARs renamed), every property; wall seconds');
for (const [design, config] of cases) {
  const reference = timed(design, config, 'reference');
  const packed = timed(design, config, 'packed');
  const same = withoutTiming(reference.report) === withoutTiming(packed.report);
  console.log(
    `  ${`${design.id} ${design.name}`.padEnd(28)} ${config.lparCount} × ${config.slotCount}, faults ${config.faultBudget}, writes ${config.writeBudget}:` +
    ` ${fmt(packed.report.states).padStart(9)} orbits (${fmt(packed.report.unreduced?.states ?? packed.report.states).padStart(9)} states)` +
    `  reference ${fmt(reference.seconds, 2).padStart(7)} s  packed ${fmt(packed.seconds, 2).padStart(6)} s  ×${fmt(reference.seconds / packed.seconds, 1)}` +
    `  reports ${same ? 'identical' : 'DIFFER'}`,
  );
  if (!same) process.exitCode = 1;
}
