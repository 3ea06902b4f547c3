// Why: the findings are results the project reports (README, certificates). Each must stay true:
// its property holds up to the step before `failsAt` and breaks exactly there, on every design it
// names; the hardened design must not show a finding of the patent designs, DSN-07
// (hardened-fence-all) must not show one of hardened's (F-12, F-17, F-18), and a design must not
// show a finding of a candidate met on the way to it (F-19…F-23).
import { describe, expect, test } from 'vitest';
import { builtInDesign, initialState, step, type Command, type Design, type ModelState } from '../model/index.ts';
import { scenarioConfig } from '../model/testing.ts';
import { INVARIANTS, LIVENESS } from './catalogue.ts';
import { initialViolation, stepViolation } from './violations.ts';
import { FINDINGS, findingDesign, findingFixedBy, type Finding } from './findings.ts';
import { drainFairly } from '../check/random/drain.ts';
import { boundedStretchBreach } from '../check/bounded-stretch.ts';

/** The 1-based step at which the finding's property first breaks (0: the initial state), or null. */
function firstFailure(f: Finding, design: Design): number | null {
  const initial = initialState(scenarioConfig(f.lparCount ?? 2, f.slotCount ?? 1), design);
  let state: ModelState = initial;
  const steps: { command: Command; state: ModelState }[] = [];
  const invariant = INVARIANTS.filter((p) => p.id === f.property);
  if (initialViolation(state, design, invariant) !== null) return 0;
  for (const [i, command] of f.commands.entries()) {
    const result = step(state, command, design);
    if (stepViolation({ before: state, command, result, design }, invariant) !== null) return i + 1;
    state = result.state;
    steps.push({ command, state });
  }
  const live = LIVENESS.find((p) => p.id === f.property);
  if (live === undefined) return null;
  // A bounded response can break along the commands themselves: a stretch longer than the design's bound.
  const breach = live.withinSteps === undefined ? null : boundedStretchBreach(design, initial, steps, live, live.withinSteps(design));
  if (breach !== null) return breach.at;
  const drained = drainFairly(state, design, 200, () => {});
  return drained.outcome.kind === 'quiescent' && live.pending(drained.state, design).length > 0 ? f.commands.length : null;
}

describe.each(FINDINGS)('$id: $title', (f) => {
  test.each(f.designs)(`${f.property} breaks at step ${f.failsAt} on %s${f.candidate === undefined ? '' : ` (${f.candidate.description})`}`, (name) => {
    expect(firstFailure(f, findingDesign(f, builtInDesign(name)!))).toBe(f.failsAt);
  });

  const fixedBy = findingFixedBy(f);
  test.skipIf(fixedBy === null)(`the ${fixedBy} design does not show it`, () => {
    expect(firstFailure(f, builtInDesign(fixedBy!)!)).toBeNull();
  });
});
