// Why: the conformance property of the brief. The random suite runs the model with the emulator
// as its subject for DSN-01, DSN-02 and DSN-06 on 2–4 LPARs and 1–3 slots, pinned seeds. The
// literal designs break invariants on the model (expected: the suite reports them); what must
// never appear is a disagreement between model and emulator, in outcome, abstracted state, or
// in which invariants each finds broken on a transition.
import { describe, expect, it } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { runSuite } from '../random/suite.ts';
import type { Subject } from '../random/run-context.ts';
import type { Violation } from '../../properties/violations.ts';
import { ConformanceChecker } from './checker.ts';
import { EMULATOR_INVARIANTS } from '../../properties/emulator/emulator-invariants.ts';
import { emulatorSubject } from './subject.ts';

interface Record {
  reported: Violation[]; // what emulatorSubject reported (must stay empty)
  verdictMismatches: string[]; // transitions where emulator and model disagree on an invariant
  emulatorFound: Set<string>; // ids the emulator-side checks found broken at least once
  transitions: number;
}

/**
 * The emulator subject, wrapped so the suite runs to its end whatever it reports (a subject's
 * violation cannot be dropped by the suite and would fail every pass again), beside a second
 * checker that compares the emulator's invariant verdicts with the model's on each transition.
 */
function recordingSubject(config: Parameters<typeof emulatorSubject>[0], design: Parameters<typeof emulatorSubject>[1], record: Record): () => Subject {
  return () => {
    const subject = emulatorSubject(config, design);
    const checker = new ConformanceChecker(config, design);
    return {
      apply(t) {
        record.transitions += 1;
        const reported = subject.apply(t);
        if (reported !== null) record.reported.push(reported);
        const found = checker.step(t);
        for (const inv of EMULATOR_INVARIANTS) {
          const byEmulator = found.violations.some((v) => v.id === inv.id);
          if (byEmulator) record.emulatorFound.add(inv.id);
          if (byEmulator !== t.violates(inv.id)) record.verdictMismatches.push(`${inv.id} after ${JSON.stringify(t.command)}: emulator ${byEmulator}, model ${!byEmulator}`);
        }
        return null;
      },
    };
  };
}

const CASES = [
  ['patent-lpar-a', 2, 1, 101], ['patent-lpar-a', 3, 2, 102], ['patent-lpar-a', 4, 3, 103],
  ['patent-lpar-b', 2, 1, 201], ['patent-lpar-b', 3, 2, 202], ['patent-lpar-b', 4, 3, 203],
  ['hardened', 2, 1, 601], ['hardened', 3, 2, 602], ['hardened', 4, 3, 603],
  // The other built-in designs, one configuration each: second embodiment, card ROM (Fig. 14–17), multi-port prior art.
  ['patent-ppar', 3, 2, 302], ['patent-card-rom', 3, 2, 402], ['prior-art-multiport', 3, 2, 502],
] as const;

describe('emulatorSubject in the random suite', () => {
  it.each(CASES)('%s with %i LPARs and %i slots (seed %i): no CONFORMANCE, and the same invariant verdicts as the model', (name, lparCount, slotCount, seed) => {
    const design = builtInDesign(name)!;
    const config = { lparCount, slotCount, faultBudget: 4, writeBudget: 3 };
    const record: Record = { reported: [], verdictMismatches: [], emulatorFound: new Set(), transitions: 0 };
    const report = runSuite({ design, config, seed, runs: 40, maxCommands: 60, drainRounds: 100, shrinkLimit: 100, subject: recordingSubject(config, design, record) });
    expect(report.error).toBeNull();
    expect(record.reported).toEqual([]);
    expect(record.verdictMismatches).toEqual([]);
    expect(record.transitions).toBeGreaterThan(1000);
    const modelFailed = report.properties.filter((p) => p.verdict === 'counterexample' && p.id.startsWith('INV-')).map((p) => p.id);
    if (name === 'hardened') {
      expect(modelFailed).toEqual([]);
    } else {
      // The literal designs break invariants on the model (expected results); every one of them
      // that the emulator checks, it found broken too, from its own registers and observations.
      expect(modelFailed.length).toBeGreaterThan(0);
      const checked = modelFailed.filter((id) => EMULATOR_INVARIANTS.some((inv) => inv.id === id));
      expect(checked.length).toBeGreaterThan(0);
      for (const id of checked) expect([...record.emulatorFound], id).toContain(id);
    }
  }, 60_000);
});
