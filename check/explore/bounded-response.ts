import type { ExploredGraph } from './graph.ts';
import type { ObligationTable } from './obligations.ts';

/**
 * A bounded response (a Liveness with `withinSteps`, LIV-06) on the explored graph. Faults, direct
 * control commands and client writes are the unfair steps; "after the last fault" is any stored
 * state followed by fair steps only. The response is bounded by N iff every walk of fair steps
 * through states where an obligation is open reaches a state where none is within N steps. A
 * self-loop (the step changed nothing) is not a step taken; any other cycle of fair steps that
 * keeps an obligation open makes the walk unbounded, fair or not (a fair one is also a lasso).
 * The step that closes the obligation counts. On a quotient graph (symmetry) walks keep their
 * lengths, and a step to a renamed copy of the same state is a cycle.
 */
export type OpenRun =
  | { readonly kind: 'bounded'; readonly steps: number; readonly from: number; readonly ordinals: readonly number[] }
  | { readonly kind: 'cycle'; readonly from: number; readonly ordinals: readonly number[] };

const WHITE = 0;
const GREY = 1;
const BLACK = 2;

/** The longest walk of fair steps through open states (from the lowest-numbered state among the longest), or a cycle of them. */
export function longestOpenRun(graph: ExploredGraph, table: ObligationTable, expanded: number, reduced: boolean): OpenRun {
  const open = (v: number) => v < expanded && table.maskAt(v) !== 0;
  const steps = new Int32Array(expanded);
  const next = new Int32Array(expanded).fill(-1); // the edge a longest walk takes
  const colour = new Uint8Array(expanded);
  // Without symmetry a step back to the same state changed nothing; with it, it may be a renamed copy.
  const moves = (e: number, v: number) => graph.isFair(e) && !graph.isSelfLoop(e) && !(!reduced && graph.targetOf(e) === v);
  for (let root = 0; root < expanded; root += 1) {
    if (!open(root) || colour[root] !== WHITE) continue;
    // Iterative depth-first search: each frame is a state and the next edge of its row to look at.
    const stack: number[] = [root];
    const cursor: number[] = [graph.start(root)];
    colour[root] = GREY;
    while (stack.length > 0) {
      const v = stack.at(-1)!;
      const e = cursor.at(-1)!;
      if (e >= graph.end(v)) {
        colour[v] = BLACK;
        stack.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = e + 1;
      if (!moves(e, v)) continue;
      const w = graph.targetOf(e);
      if (!open(w)) {
        if (steps[v]! < 1) [steps[v], next[v]] = [1, e];
        continue;
      }
      if (colour[w] === GREY) return cycleThrough(graph, stack, cursor, w);
      if (colour[w] === WHITE) {
        colour[w] = GREY;
        stack.push(w);
        cursor.push(graph.start(w));
        cursor[cursor.length - 2] = e; // come back to this edge once w is done
        continue;
      }
      if (steps[w]! + 1 > steps[v]!) [steps[v], next[v]] = [steps[w]! + 1, e];
    }
  }
  let from = -1;
  for (let v = 0; v < expanded; v += 1) if (open(v) && (from < 0 || steps[v]! > steps[from]!)) from = v;
  if (from < 0) return { kind: 'bounded', steps: 0, from: -1, ordinals: [] };
  const ordinals: number[] = [];
  for (let v = from; v >= 0 && v < expanded && open(v) && next[v]! >= 0; v = graph.targetOf(next[v]!)) ordinals.push(next[v]! - graph.start(v));
  return { kind: 'bounded', steps: steps[from]!, from, ordinals };
}

/** The cycle the search just closed: from the grey state `w` down the stack and back to it. */
function cycleThrough(graph: ExploredGraph, stack: readonly number[], cursor: readonly number[], w: number): OpenRun {
  const at = stack.indexOf(w);
  // Each frame below the top points at the edge it followed (cursor was moved back to it); the top's edge is cursor - 1.
  const ordinals = stack.slice(at).map((v, i) => {
    const edge = at + i === stack.length - 1 ? cursor[at + i]! - 1 : cursor[at + i]!;
    return edge - graph.start(v);
  });
  return { kind: 'cycle', from: w, ordinals };
}
