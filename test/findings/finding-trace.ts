import { builtInDesign, initialState, step, type Design } from '../../model/index.ts';
import { LIVENESS, propertyById } from '../../properties/catalogue.ts';
import { findingDesign, type Finding } from '../../properties/findings.ts';
import type { ExecutedStep } from '../../check/executed-step.ts';
import { drainFairly } from '../../check/random/drain.ts';
import { buildTrace, type Trace } from '../../reports/trace.ts';
import { configWith, replay } from '../../index.ts';

// A finding of properties/findings.ts as the trace `slotcheck explore` would write for it: its
// commands on its design and configuration (budgets that never get in the way, as scenario tests
// use), and for a liveness finding the fair steps that follow until the run settles, the lasso's
// end. properties/findings.test.ts checks the same commands step by step.

/** Fair rounds after the commands, at most, before a liveness finding's run must have settled (as findings.test.ts). */
const DRAIN_ROUNDS = 200;

function designNamed(name: string): Design {
  const design = builtInDesign(name);
  if (design === undefined) throw new Error(`no built-in design ${name}`);
  return design;
}

export async function findingTrace(finding: Finding, designName: string): Promise<Trace> {
  const design = findingDesign(finding, designNamed(designName));
  const config = configWith({ lparCount: finding.lparCount ?? 2, slotCount: finding.slotCount ?? 1 }, { faultBudget: 50, writeBudget: 10 });
  const initial = initialState(config, design);
  const steps: ExecutedStep[] = [];
  let state = initial;
  for (const command of finding.commands) {
    const result = step(state, command, design);
    steps.push({ command, outcome: result.outcome, state: result.state, phase: 'explored' });
    state = result.state;
  }
  const liveness = LIVENESS.some((p) => p.id === finding.property);
  if (liveness) {
    const drained = drainFairly(state, design, DRAIN_ROUNDS, (_, command, result) => steps.push({ command, outcome: result.outcome, state: result.state, phase: 'drain' }));
    if (drained.outcome.kind !== 'quiescent') throw new Error(`${finding.id} on ${designName}: the run does not settle within ${DRAIN_ROUNDS} fair rounds`);
  }
  const property = propertyById(finding.property);
  if (property === undefined) throw new Error(`${finding.id}: no property ${finding.property}`);
  const source = (violationStep: number, why: string) => buildTrace({
    design, config, method: 'explore', seed: null, path: null, replayPath: null,
    property: { id: property.id, name: property.name, why }, violationStep, loop: liveness ? steps.length : null,
    emulator: { plantedBug: null }, initial, steps,
  });
  // The verdict, and where it falls, come from replaying the commands: the trace then says what `replay` finds.
  const { verdict } = await replay(source(steps.length, ''));
  if (verdict.kind !== 'violated') throw new Error(`${finding.property} does not break on ${designName}, as properties/findings.ts says it does`);
  return source(verdict.at, verdict.why);
}
