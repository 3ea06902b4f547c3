// Why this test exists: bench/promela/slotcheck.pml is a hand-written second model of DSN-01 and
// DSN-02; it is only worth comparing against if it stays faithful as model/ changes. Where SPIN
// and a C compiler are installed, SPIN's full search must find exactly the explorer's states plus
// one (its state before initialisation) and the same invariants violated among those it checks.
// Skipped, and reported as skipped, where SPIN is not installed (`apt-get install -y spin`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DESIGNS, exploreChecked, onPath, runSpin, violatedIn } from './spin-runner.ts';

const available = onPath('spin') && onPath('cc');

describe.skipIf(!available)('the Promela model agrees with the packed explorer (SPIN installed)', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'slotcheck-spin-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  for (const { name, defines } of DESIGNS) {
    it(`${name}: same states (+1) and the same invariants violated`, () => {
      const spin = runSpin(name, defines, outDir).report;
      const explored = exploreChecked(name);
      expect(spin.truncated).toBe(false);
      expect(explored.boundHit).toBeNull();
      expect(spin.states).toBe(explored.states + 1);
      expect(spin.violated).toEqual(violatedIn(explored));
      expect(spin.violated).toEqual(['INV-01', 'INV-03', 'INV-04', 'INV-06', 'INV-07']); // the literal patent designs break these
    }, 120_000);
  }
});
