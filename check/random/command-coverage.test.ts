// Why: the run summary names the command kinds no random run had accepted, so that a user sees
// which handlers a passing run never exercised. The counts must add up to the accepted commands
// (counted separately by each engine), be the same on both engines, and move with the design:
// a kind the design cannot accept is never counted, and one it can is.
import { describe, expect, test } from 'vitest';
import { builtInDesign, COMMAND_KINDS, isPerturbation, type Config, type Design } from '../../model/index.ts';
import { runSuite } from './suite.ts';

const base = { runs: 40, maxCommands: 60, drainRounds: 200, shrinkLimit: 500, seed: 3 } as const;
const config = (faultBudget: number): Config => ({ lparCount: 2, slotCount: 1, faultBudget, writeBudget: 3 });
const CACHED_ROM: Design = {
  ...builtInDesign('patent-lpar-b')!, name: 'cached-rom', title: 'patent-lpar-b with a gate keeper cache and card-ROM SCIs',
  gateKeeperCache: 'invalidate-after-enable', sciSource: 'card-rom',
};

describe('command coverage of the random runs', () => {
  test.each(['packed', 'reference'] as const)('adds up to the accepted commands, one row per kind of the configuration (%s engine)', (engine) => {
    const report = runSuite({ ...base, design: builtInDesign('patent-lpar-a')!, config: config(4), engine });
    const { kinds, neverAccepted } = report.commandCoverage;
    expect(kinds.map((k) => k.kind)).toEqual(COMMAND_KINDS);
    expect(kinds.reduce((n, k) => n + k.accepted, 0)).toBe(report.acceptedCommands);
    expect(neverAccepted).toEqual(kinds.filter((k) => k.accepted === 0).map((k) => k.kind));
  });

  test('a kind the design cannot accept is never counted; a design that can accept it is', () => {
    const plain = runSuite({ ...base, design: builtInDesign('patent-lpar-b')!, config: config(4) }).commandCoverage;
    const cached = runSuite({ ...base, design: CACHED_ROM, config: config(4) }).commandCoverage;
    expect(plain.neverAccepted).toEqual(expect.arrayContaining(['gk_flush', 'rom_sci']));
    expect(cached.neverAccepted).not.toContain('gk_flush');
    expect(cached.neverAccepted).not.toContain('rom_sci');
  });

  test('with no fault budget, no fault or directly issued control command is accepted', () => {
    const { neverAccepted } = runSuite({ ...base, design: builtInDesign('hardened')!, config: config(0) }).commandCoverage;
    expect(neverAccepted).toEqual(expect.arrayContaining(COMMAND_KINDS.filter(isPerturbation)));
  });
});
