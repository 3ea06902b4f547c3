import type { Liveness } from '../../properties/catalogue-types.ts';
import type { Violation } from '../../properties/violations.ts';
import { INVARIANTS } from '../../properties/catalogue.ts';
import { livenessOf } from './liveness-view.ts';
import { CommandIds } from './command-ids.ts';
import { Findings } from './findings.ts';
import { ExploredGraph } from './graph.ts';
import { ObligationTable } from './obligations.ts';
import { PROGRESS_INTERVAL_MS, type ExploreBounds, type SearchProgress } from './options.ts';
import type { BoundHit } from './report.ts';
import { ChunkedArray } from './chunked.ts';
import { ROOT, VisitedStates } from './visited-states.ts';
import type { StateKey, TransitionSystem } from './system.ts';

/** What to look for, decided once from `only` and the design. */
export interface SearchPlan {
  readonly wanted: (id: string) => boolean;
  /** Liveness properties to check (wanted and applicable): the search then keeps the graph. */
  readonly liveness: readonly Liveness[];
}

/** Everything the search found, as indices into its store; `explore.ts` turns it into a report. */
export interface SearchOutcome {
  readonly store: VisitedStates;
  readonly graph: ExploredGraph | null;
  readonly commandIds: CommandIds;
  /** Per command id: the transitions that took the command. */
  readonly taken: Int32Array;
  readonly findings: Findings;
  readonly obligations: readonly ObligationTable[];
  readonly boundHit: BoundHit | null;
  readonly transitions: number;
  /** States 0..expanded-1 have every successor explored (and a complete row in the graph). */
  readonly expanded: number;
  readonly maxDepth: number;
  /** Σ orbit sizes of the stored states and of their transitions; null without symmetry reduction. */
  readonly unreduced: { readonly states: number; readonly transitions: number } | null;
  readonly elapsedMs: number;
}

/** The counters and tables one search fills. */
export class SearchTables<S> {
  readonly store = new VisitedStates();
  readonly commandIds = new CommandIds();
  readonly findings: Findings;
  readonly graph: ExploredGraph | null;
  readonly obligations: ObligationTable[];
  /** Orbit size per stored state, with symmetry reduction. */
  readonly orbits: ChunkedArray | null;
  transitions = 0;
  /** Per command id (commandIds): transitions that took the command. */
  private takenByCommand = new Int32Array(64);
  unreducedStates = 0;
  unreducedTransitions = 0;

  constructor(readonly system: TransitionSystem<S>, plan: SearchPlan) {
    this.findings = new Findings(INVARIANTS.map((i) => i.id), plan.wanted);
    this.graph = plan.liveness.length > 0 ? new ExploredGraph() : null;
    this.obligations = plan.liveness.map((p) => new ObligationTable(p));
    this.orbits = system.symmetry === undefined ? null : new ChunkedArray('uint8');
  }

  /** Store a state met for the first time and check its invariants; returns its index. */
  addState(state: S, key: StateKey, parent: number, ordinal: number, depth: number): number {
    const index = this.store.add(key, parent, ordinal, depth);
    if (this.orbits !== null) {
      const orbit = this.system.symmetry!.orbitSize(state);
      this.orbits.push(orbit);
      this.unreducedStates += orbit;
    }
    this.findings.checkState(this.system, state, index);
    return index;
  }

  /** Store a state a worker met first: its orbit size and violations were computed there. */
  addKnown(key: StateKey, parent: number, ordinal: number, depth: number, orbit: number, violations: readonly Violation[]): number {
    const index = this.store.add(key, parent, ordinal, depth);
    if (this.orbits !== null) {
      this.orbits.push(orbit);
      this.unreducedStates += orbit;
    }
    this.findings.record(violations, { kind: 'state', index });
    return index;
  }

  /** Count one explored transition, taking the command with this id. */
  countTransition(commandId: number): void {
    this.transitions += 1;
    if (commandId >= this.takenByCommand.length) {
      const bigger = new Int32Array(Math.max(this.takenByCommand.length * 2, commandId + 1));
      bigger.set(this.takenByCommand);
      this.takenByCommand = bigger;
    }
    this.takenByCommand[commandId]! += 1;
  }

  orbitAt(index: number): number {
    return this.orbits === null ? 1 : this.orbits.at(index);
  }

  outcome(boundHit: BoundHit | null, expanded: number, elapsedMs: number): SearchOutcome {
    return {
      store: this.store, graph: this.graph, commandIds: this.commandIds, taken: this.takenByCommand.slice(0, this.commandIds.count), findings: this.findings, obligations: this.obligations,
      boundHit, transitions: this.transitions, expanded,
      maxDepth: this.store.maxDepth,
      unreduced: this.orbits === null ? null : { states: this.unreducedStates, transitions: this.unreducedTransitions },
      elapsedMs,
    };
  }
}

/**
 * Breadth-first search from the initial state through every accepted command, in one thread.
 * Checks every invariant's state part on every stored state and its step part on every
 * transition, tallies witnesses, records obligations and the graph for liveness, and stops at the
 * first bound it reaches.
 */
export function searchSequential<S>(
  system: TransitionSystem<S>, bounds: ExploreBounds, plan: SearchPlan, now: () => number, onProgress?: (progress: SearchProgress) => void,
): SearchOutcome {
  const started = now();
  let progressAt = started;
  const t = new SearchTables(system, plan);
  const { store, findings, graph, obligations, commandIds } = t;
  const retain = system.retain?.bind(system) ?? ((s: S) => s);
  const quiet = system.quiet?.bind(system);
  const initial = system.initial();
  t.addState(initial, system.key(initial), ROOT, 0, 0);

  let frontier: S[] = [initial];
  let depth = 0;
  let index = 0;
  let boundHit: BoundHit | null = null;
  const reachedHere = new Set<string>();

  search: while (frontier.length > 0) {
    if (depth >= bounds.depthMax) {
      boundHit = { bound: 'depthMax', limit: bounds.depthMax, detail: `${frontier.length} state(s) at depth ${depth} were checked but not expanded` };
      break;
    }
    const next: S[] = [];
    for (const state of frontier) {
      const time = now();
      if (onProgress !== undefined && time - progressAt >= PROGRESS_INTERVAL_MS) {
        progressAt = time;
        onProgress({ states: store.size, transitions: t.transitions, depth, elapsedMs: time - started });
      }
      if (time - started > bounds.timeLimitMs) {
        boundHit = { bound: 'timeLimitMs', limit: bounds.timeLimitMs, detail: `stopped at depth ${depth} with ${store.size - index} stored state(s) not expanded` };
        break search;
      }
      const live = graph === null ? null : livenessOf(system, state);
      if (live !== null) for (const table of obligations) table.record(live);
      const orbit = t.orbitAt(index);
      let ordinal = 0;
      let cut = false;
      reachedHere.clear();
      system.successors(state, (command, nextState, info) => {
        if (cut) return;
        const k = ordinal;
        ordinal += 1;
        const commandId = commandIds.idOf(command);
        t.countTransition(commandId);
        if (quiet === undefined || !quiet(info)) {
          findings.checkStep(system, state, command, nextState, info, index, k);
          for (const id of system.witnesses(state, command, nextState, info)) {
            if (!plan.wanted(id)) continue;
            findings.witnessReached(id, index, k, !reachedHere.has(id), orbit);
            reachedHere.add(id);
          }
        }
        let target = index;
        if (nextState !== state) {
          const key = system.key(nextState);
          const known = store.indexOf(key);
          if (known !== undefined) {
            target = known;
          } else if (store.size >= bounds.statesMax) {
            cut = true;
            return;
          } else {
            target = t.addState(nextState, key, index, k, depth + 1);
            next.push(retain(nextState));
          }
        }
        graph?.addEdge(target, commandId, live!.isFair(command), nextState === state);
      });
      if (cut) {
        graph?.dropOpenRow();
        boundHit = { bound: 'statesMax', limit: bounds.statesMax, detail: `a state beyond the first ${bounds.statesMax} was met at depth ${depth + 1}; ${store.size - index} stored state(s) not fully expanded` };
        break search;
      }
      graph?.endRow();
      t.unreducedTransitions += orbit * ordinal;
      index += 1;
    }
    frontier = next;
    depth += 1;
  }
  return t.outcome(boundHit, index, now() - started);
}
