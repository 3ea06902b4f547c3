// Why: the default `npm test` runs short suites on pinned seeds. The soak runs long ones on fresh
// seeds (printed, and reproducible with SLOTCHECK_SEED): every built-in design in 2 × 1, 3 × 2 and
// 4 × 3, the emulator always checked against the model. Whatever the design's own verdict, the
// emulator must never disagree with the model (CONFORMANCE); the hardened design must hold where
// it is certified (2 × 1); and on a sample the packed and reference engines must give the same
// report. Off by default: `npm run soak` (SLOTCHECK_SOAK_RUNS sets the runs per suite).
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DESIGNS, type Config } from '../../model/index.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { emulatorSubject } from '../conformance/subject.ts';
import { runSuite } from './suite.ts';
import { DEFAULT_SUITE } from './suite-report.ts';
import { CONFORMANCE } from '../../properties/conformance.ts';

const SOAK = process.env.SLOTCHECK_SOAK !== undefined;
const RUNS = Number(process.env.SLOTCHECK_SOAK_RUNS ?? 3000);
const SEED = Number(process.env.SLOTCHECK_SEED ?? (Date.now() % 2 ** 31));
const CONFIGS: readonly Config[] = [
  { lparCount: 2, slotCount: 1, faultBudget: 4, writeBudget: 3 },
  { lparCount: 3, slotCount: 2, faultBudget: 5, writeBudget: 3 },
  { lparCount: 4, slotCount: 3, faultBudget: 6, writeBudget: 4 },
];
const CASES = BUILT_IN_DESIGNS.flatMap((design) => CONFIGS.map((config) => [design.name, config.lparCount, config.slotCount, design, config] as const));

describe.runIf(SOAK)(`soak (seed ${SEED}, ${RUNS} runs per suite; reproduce with SLOTCHECK_SEED=${SEED})`, () => {
  test.each(CASES)('%s, %i LPARs × %i slots: the emulator agrees with the model', (_name, _l, _s, design, config) => {
    const report = runSuite({ ...DEFAULT_SUITE, design, config, seed: SEED, runs: RUNS, subject: () => emulatorSubject(config, design) });
    const conformance = report.properties.find((p) => p.id === CONFORMANCE.id)!;
    expect(report.error).toBeNull();
    expect(conformance.verdict, conformance.counterexample?.why ?? '').toBe('pass');
    expect(report.commandsExecuted).toBeGreaterThan(RUNS * 10);
    if (design.name === 'hardened' && config.lparCount === 2) expect(report.verdict).toBe('pass');
  }, 900_000);

  test.each(CONFIGS.map((c) => [c.lparCount, c.slotCount, c] as const))('%i LPARs × %i slots: packed and reference engines give the same report', (_l, _s, config) => {
    for (const design of BUILT_IN_DESIGNS) {
      const options = { ...DEFAULT_SUITE, design, config, seed: SEED, runs: Math.ceil(RUNS / 20), subject: () => emulatorSubject(config, design) };
      expect(canonicalJson(runSuite({ ...options, engine: 'packed' })), design.name).toBe(canonicalJson(runSuite({ ...options, engine: 'reference' })));
    }
  }, 900_000);
});
