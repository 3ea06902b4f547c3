// Why: a checker that never fails proves nothing. The planted bug `enable-before-gatekeeper` (the
// control program sets the enable flag at step 503 but rewrites the gate keeper one event later)
// must be caught by random model-versus-emulator runs with a pinned seed, and must not be
// reported when the switch is off. The emulator-side checks must catch it on their own too:
// INV-04 right after 503, and INV-03 when a DMA is delivered in between.
import { describe, expect, it } from 'vitest';
import type { PlantedBug } from '../../impl/index.ts';
import { builtInDesign, initialState, lpar, slot, step, type Command, type Design } from '../../model/index.ts';
import { runSuite } from '../random/suite.ts';
import type { PropertyReport } from '../random/suite-report.ts';
import { ConformanceChecker } from './checker.ts';
import { emulatorSubject } from './subject.ts';
import { referenceModelStep } from './model-step.ts';

const config = { lparCount: 2, slotCount: 1, faultBudget: 4, writeBudget: 3 };

/** Random model-versus-emulator runs checking CONFORMANCE only (the model's own invariants left out). */
function conformance(name: string, planted: boolean, bug: PlantedBug = 'enable-before-gatekeeper'): { report: PropertyReport; commands: number } {
  const design = builtInDesign(name)!;
  const plantedBug = planted ? bug : null;
  const r = runSuite({
    design, config, seed: 42, runs: 100, maxCommands: 60, drainRounds: 100, shrinkLimit: 2000, only: ['CONFORMANCE'],
    subject: () => emulatorSubject(config, design, { plantedBug }),
  });
  return { report: r.properties.find((p) => p.id === 'CONFORMANCE')!, commands: r.commandsExecuted };
}

/** Replay commands on model and a planted emulator; the emulator-side violations at each step. */
function emulatorViolations(design: Design, commands: readonly Command[]): string[][] {
  const checker = new ConformanceChecker(config, design, { plantedBug: 'enable-before-gatekeeper' });
  let state = initialState(config, design);
  return commands.map((command) => {
    const result = step(state, command, design);
    const found = checker.step(referenceModelStep({ before: state, command, result, design }));
    state = result.state;
    return found.violations.map((v) => v.id);
  });
}

describe('planted bug enable-before-gatekeeper', () => {
  it.each([['patent-lpar-a'], ['hardened']])('is caught as CONFORMANCE by random runs (%s, seed 42), shrunk to a fail-over', (name) => {
    const { report } = conformance(name, true);
    expect(report.verdict).toBe('counterexample');
    const found = report.counterexample!;
    expect(found.why).toMatch(/slots\[0\]\.gateKeeper: model 1, emulator (0|null)/);
    expect(found.shrinkBoundHit).toBe(false);
    // The step that broke conformance is the script's add_pci (1103 → 503); the emulator's own INV-04 flags it as well.
    const perStep = emulatorViolations(builtInDesign(name)!, found.steps.map((s) => s.command));
    expect(perStep[found.stepIndex - 1]).toContain('INV-04');
  });

  it.each([['patent-lpar-a'], ['hardened']])('is not reported when the switch is off (%s, seed 42)', (name) => {
    const clean = conformance(name, false);
    expect(clean.report.verdict).toBe('pass');
    expect(clean.commands).toBeGreaterThan(2000);
  });

  it('lets a DMA delivered between the enable and the rewrite land in the old owner\'s window: INV-03 on the emulator', () => {
    const design = builtInDesign('patent-lpar-a')!;
    const commands: Command[] = [
      { kind: 'client_write', lpar: lpar(0) },
      { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: slot(0) },
      { kind: 'device_dma', slot: slot(0) },
    ];
    const perStep = emulatorViolations(design, commands);
    expect(perStep[1]).toContain('INV-04'); // enabled for LPAR1, the entry still maps LPAR0's window
    expect(perStep[2]).toContain('INV-03'); // the DMA read LPAR0's window while LPAR1 is the enabled owner
  });
});

// The second planted bug hides in state the model leaves out: a two-bit heartbeat period counter
// whose wrap to 0 reads as a missed heartbeat. Exhaustive.test.ts shows the shortest paths of a
// small space never reach it and every edge does; random runs reach it as soon as four periods pass.
describe('planted bug period-counter-wraps', () => {
  it('is caught as CONFORMANCE by random runs (hardened, seed 42), on the fourth heartbeat period', () => {
    const { report } = conformance('hardened', true, 'period-counter-wraps');
    expect(report.verdict).toBe('counterexample');
    const found = report.counterexample!;
    // Shrunk to tick, tick, cluster_die, tick, cluster_restart, tick: the fourth period is "missed", on top of one really missed.
    expect(found.why).toMatch(/silenceTicks: model 0, emulator [12]/);
    const upToBreak = found.steps.slice(0, found.stepIndex).map((s) => s.command.kind);
    expect(upToBreak.at(-1)).toBe('tick');
    expect(upToBreak.filter((k) => k === 'tick')).toHaveLength(4);
  });
});
