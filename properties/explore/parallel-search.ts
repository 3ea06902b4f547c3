import { serialize } from 'node:v8';
import type { ExploreBounds } from './options.ts';
import { FAIR, SAME_STATE, type ExpandReply, type ExpandRequest, type SystemFactory, type TransitionNotes } from './parallel-protocol.ts';
import type { BoundHit } from './report.ts';
import { SearchTables, type SearchOutcome, type SearchPlan } from './search.ts';
import { ROOT } from './state-store.ts';
import type { TransitionSystem } from './system.ts';
import { WorkerPool } from './worker-pool.ts';

/** A stored state waiting to be expanded, as the bytes a worker sent for it. */
interface Pending {
  readonly index: number;
  readonly bytes: Uint8Array;
}

function requestFor(batch: readonly Pending[], skip: readonly string[]): ExpandRequest {
  const offsets = new Int32Array(batch.length + 1);
  batch.forEach((p, i) => { offsets[i + 1] = offsets[i]! + p.bytes.length; });
  const bytes = new Uint8Array(offsets[batch.length]!);
  batch.forEach((p, i) => bytes.set(p.bytes, offsets[i]!));
  return { kind: 'expand', skip, bytes, offsets };
}

/**
 * Level-synchronous BFS with the expansion split over worker threads. Each level's states are
 * dealt round-robin to the workers (by position in the level, so the split is deterministic);
 * each worker steps, keys and checks its states and sends back what it found per transition; the
 * coordinator then merges the replies in the sequential search's order — states by index,
 * transitions by successor ordinal — so the stored indices, the first violation of each property,
 * the witnesses and the graph are exactly those of `searchSequential`, and so are shortest
 * counterexamples. A state's bytes come from the worker that met it, the first time it met it
 * (see `search-worker.ts`), and go to whichever worker expands it next.
 *
 * The time bound is checked between levels and while merging; a level already sent is finished.
 */
export async function searchInParallel<S>(
  system: TransitionSystem<S>, factory: SystemFactory, bounds: ExploreBounds, plan: SearchPlan, workerCount: number, now: () => number,
): Promise<SearchOutcome> {
  const started = now();
  const pool = await WorkerPool.start(workerCount, { factory, liveness: plan.liveness.map((p) => p.id) });
  try {
    return await coordinate(system, pool, bounds, plan, now, started);
  } finally {
    await pool.close();
  }
}

async function coordinate<S>(system: TransitionSystem<S>, pool: WorkerPool, bounds: ExploreBounds, plan: SearchPlan, now: () => number, started: number): Promise<SearchOutcome> {
  const t = new SearchTables(system, plan);
  const { store, findings, graph, obligations } = t;
  const initial = system.initial();
  t.addState(initial, system.key(initial), ROOT, 0, 0);
  const commandIdOf: number[][] = Array.from({ length: pool.size }, () => []);
  let frontier: Pending[] = [{ index: 0, bytes: serialize(initial) }];
  let depth = 0;
  let expanded = 0;
  let boundHit: BoundHit | null = null;
  const timeUp = () => now() - started > bounds.timeLimitMs;
  const timeHit = (): BoundHit => ({ bound: 'timeLimitMs', limit: bounds.timeLimitMs, detail: `stopped at depth ${depth} with ${store.size - expanded} stored state(s) not expanded` });

  search: while (frontier.length > 0) {
    if (depth >= bounds.depthMax) {
      boundHit = { bound: 'depthMax', limit: bounds.depthMax, detail: `${frontier.length} state(s) at depth ${depth} were checked but not expanded` };
      break;
    }
    if (timeUp()) {
      boundHit = timeHit();
      break;
    }
    const skip = [...findings.skip];
    const batches = Array.from({ length: pool.size }, (_, w) => frontier.filter((_, p) => p % pool.size === w));
    const replies = await pool.expandAll(batches.map((b) => requestFor(b, skip)));
    replies.forEach((r, w) => { for (const c of r.newCommands) commandIdOf[w]!.push(t.commandIds.idOf(c)); });
    const notes = replies.map((r) => new Map<number, TransitionNotes>(r.notes.map((n) => [n.transition, n])));
    const next: Pending[] = [];
    const reachedHere = new Set<string>();
    for (let p = 0; p < frontier.length; p += 1) {
      if (timeUp()) {
        boundHit = timeHit();
        break search;
      }
      const w = p % pool.size;
      const row = Math.floor(p / pool.size);
      const r = replies[w]!;
      const index = frontier[p]!.index;
      if (obligations.length > 0) obligations.forEach((table, i) => table.recordNames(r.obligations[row]![i]!));
      const orbit = t.orbitAt(index);
      const first = r.rowStart[row]!;
      const last = r.rowStart[row + 1]!;
      reachedHere.clear();
      for (let tr = first; tr < last; tr += 1) {
        const ordinal = tr - first;
        const commandId = commandIdOf[w]![r.commands[tr]!]!;
        t.countTransition(commandId);
        const note = notes[w]!.get(tr);
        if (note !== undefined) {
          findings.record(note.stepViolations, { kind: 'step', from: index, ordinal });
          for (const id of note.witnesses) {
            if (!plan.wanted(id)) continue;
            findings.witnessReached(id, index, ordinal, !reachedHere.has(id), orbit);
            reachedHere.add(id);
          }
        }
        const target = mergeSuccessor(t, r, tr, note, index, ordinal, depth, bounds, next);
        if (target === null) {
          graph?.dropOpenRow();
          boundHit = { bound: 'statesMax', limit: bounds.statesMax, detail: `a state beyond the first ${bounds.statesMax} was met at depth ${depth + 1}; ${store.size - index} stored state(s) not fully expanded` };
          break search;
        }
        graph?.addEdge(target, commandId, (r.flags[tr]! & FAIR) !== 0, (r.flags[tr]! & SAME_STATE) !== 0);
      }
      graph?.endRow();
      t.unreducedTransitions += orbit * (last - first);
      expanded += 1;
    }
    frontier = next;
    depth += 1;
  }
  return t.outcome(boundHit, expanded, now() - started, pool.size);
}

/** The successor's index, storing it if new; null when it is new and statesMax is reached. */
function mergeSuccessor<S>(
  t: SearchTables<S>, r: ExpandReply, tr: number, note: TransitionNotes | undefined, index: number, ordinal: number, depth: number,
  bounds: ExploreBounds, next: Pending[],
): number | null {
  const key = r.keys[tr]!;
  if (key === null) return index;
  const known = t.store.indexOf(key);
  if (known !== undefined) return known;
  if (t.store.size >= bounds.statesMax) return null;
  const start = r.byteRange[2 * tr]!;
  if (start < 0) throw new Error('protocol error: a state met for the first time came without its bytes');
  const added = t.addKnown(key, index, ordinal, depth + 1, r.orbits[tr]!, note?.stateViolations ?? []);
  next.push({ index: added, bytes: r.bytes.subarray(start, r.byteRange[2 * tr + 1]!) });
  return added;
}
