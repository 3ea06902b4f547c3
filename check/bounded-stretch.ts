import { stateKey, type Command, type Design, type ModelState } from '../model/index.ts';
import type { Liveness } from '../properties/catalogue-types.ts';
import { isFairAction } from '../properties/fairness.ts';

/**
 * A bounded response (LIV-06) along one run: no stretch of fair steps that change the state may
 * keep an obligation open for more than `boundSteps` of them, the step that closes it counted (as
 * the explorer counts its walks, check/explore/bounded-response.ts). An unfair step that happens (a
 * fault, a direct command, a client write) starts the count again: "after the last fault". Returns
 * the 1-based step at which the stretch passes the bound, and why; null when none does. The random
 * suite checks its runs with it, and replay the explorer's counterexamples.
 */
export function boundedStretchBreach(
  design: Design, initial: ModelState, steps: readonly { readonly command: Command; readonly state: ModelState }[], live: Liveness, boundSteps: number,
): { readonly at: number; readonly why: string } | null {
  let before = initial;
  let openSteps = 0;
  for (const [i, s] of steps.entries()) {
    if (s.state === before || stateKey(s.state) === stateKey(before)) continue; // refused, or changed nothing
    const open = live.pending(before, design);
    if (!isFairAction(s.command, before)) openSteps = 0;
    else if (open.length > 0) openSteps += 1;
    if (openSteps > boundSteps) {
      return { at: i + 1, why: `${open[0]!} for ${openSteps} fair step(s) from step ${i + 2 - openSteps}, more than the design's recoveryBoundSteps ${boundSteps}` };
    }
    if (live.pending(s.state, design).length === 0) openSteps = 0;
    before = s.state;
  }
  return null;
}
