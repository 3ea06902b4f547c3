import { produce } from 'immer';
import { sciTrigger, type Design } from './design.ts';
import type { GpeState, ModelState } from './state.ts';

// Design `sciTrigger: edge` (model/design.ts): the OS takes one SCI per rising edge of the line.
// The latch is computed from the states before and after each accepted step, so every way status
// or enable can change (an event posted or latched, gpe_enable, a spurious SCI, a reset) is covered
// without each handler having to know about edges; only taking the SCI clears it (guest-sci.ts).

/** The SCI line: GPE status AND enable. */
export function sciLine(gpe: GpeState): boolean {
  return gpe.status && gpe.enabled;
}

/** The edge latch after a step: set by a rising line, kept while the line stays high, gone when it drops. */
export function sciEdgeAfter(before: GpeState, after: GpeState): boolean {
  return sciLine(after) && (after.sciEdge === true || !sciLine(before));
}

/** The state a step reached with every LPAR's edge latch brought up to date; level designs never set it. */
export function latchSciEdges(before: ModelState, after: ModelState, design: Design): ModelState {
  if (after === before || sciTrigger(design) === 'level') return after;
  const edges = after.lpars.map((l, i) => sciEdgeAfter(before.lpars[i]!.gpe, l.gpe));
  if (edges.every((e, i) => e === (after.lpars[i]!.gpe.sciEdge === true))) return after;
  return produce(after, (draft) => {
    draft.lpars.forEach((l, i) => {
      if (edges[i]) l.gpe.sciEdge = true;
      else delete l.gpe.sciEdge;
    });
  });
}
