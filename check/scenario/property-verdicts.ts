import type { Command, Design, ModelState } from '../../model/index.ts';
import { INVARIANTS, LIVENESS } from '../../properties/catalogue.ts';
import { CONFORMANCE } from '../../properties/conformance.ts';
import { fairMoveFrom, lassoViolation, type Replay } from '../replay.ts';

/**
 * What a scenario shows about one property. An invariant (or CONFORMANCE) is violated at every
 * step that breaks it (0: the initial state). A liveness property is decided at the end, as
 * replay decides it: violated when the run settled there with an obligation open; it holds when
 * no obligation is open; undecided when one is open but a fair step would still move the run.
 */
export type PropertyVerdict =
  | { readonly id: string; readonly kind: 'holds' }
  | { readonly id: string; readonly kind: 'violated'; readonly at: readonly number[]; readonly why: string }
  | { readonly id: string; readonly kind: 'undecided'; readonly why: string }
  | { readonly id: string; readonly kind: 'n/a'; readonly why: string };

/** The ids a scenario decides, in catalogue order: the invariants, CONFORMANCE, the liveness properties. */
export const SCENARIO_PROPERTY_IDS: readonly string[] = [...INVARIANTS.map((p) => p.id), CONFORMANCE.id, ...LIVENESS.map((p) => p.id)];

/** The steps at which each invariant or CONFORMANCE broke, with the first reason. */
function brokenAt(replay: Replay): Map<string, { at: number[]; why: string }> {
  const found = new Map<string, { at: number[]; why: string }>();
  const add = (id: string, at: number, why: string) => {
    const seen = found.get(id);
    if (seen === undefined) found.set(id, { at: [at], why });
    else if (seen.at.at(-1) !== at) seen.at.push(at);
  };
  for (const v of replay.initialViolations) add(v.id, 0, v.why);
  for (const s of replay.steps) for (const v of [...s.violations, ...s.emulatorViolations]) add(v.id, s.index, v.why);
  return found;
}

/** Every property's verdict along a replayed scenario; `states` are the initial state and the state after each step. */
export function propertyVerdicts(design: Design, replay: Replay, states: readonly ModelState[], commands: readonly Command[], emulator: boolean): PropertyVerdict[] {
  const broken = brokenAt(replay);
  const safety = (id: string): PropertyVerdict => {
    const b = broken.get(id);
    return b === undefined ? { id, kind: 'holds' } : { id, kind: 'violated', at: b.at, why: b.why };
  };
  const end = states.at(-1)!;
  const last = states.length - 1;
  const liveness = LIVENESS.map((live): PropertyVerdict => {
    const notApplicable = live.notApplicable(design);
    if (notApplicable !== null) return { id: live.id, kind: 'n/a', why: notApplicable };
    const why = lassoViolation(design, states, commands, last, live);
    if (why !== null) return { id: live.id, kind: 'violated', at: [last], why };
    const open = live.pending(end, design);
    if (open.length === 0) return { id: live.id, kind: 'holds' };
    const move = fairMoveFrom(end, design);
    return { id: live.id, kind: 'undecided', why: `${open[0]!} at the end, and the run has not settled there (the fair step ${JSON.stringify(move)} still changes the state)` };
  });
  const conformance: PropertyVerdict = emulator ? safety(CONFORMANCE.id) : { id: CONFORMANCE.id, kind: 'n/a', why: 'the scenario ran the model alone' };
  return [...INVARIANTS.map((p) => safety(p.id)), conformance, ...liveness];
}
