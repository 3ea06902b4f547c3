import type { Design } from '../../model/index.ts';
import { isFairAction } from '../../properties/fairness.ts';
import type { CommandIds } from './command-ids.ts';
import type { ExploredGraph } from './graph.ts';
import type { ObligationTable } from './obligations.ts';
import type { EdgeRows } from './scc.ts';
import type { VisitedStates } from './visited-states.ts';
import type { StateKey, TransitionSystem } from './system.ts';

/**
 * One strongly connected part of the explored graph, copied out with local node numbers so that
 * liveness can look inside it: per node, the stored state it is (its orbit, with symmetry), the
 * obligations open there and, when unfolded, the concrete state; per edge, the local target (-1
 * outside), the command, the successor ordinal and whether the action is fair.
 */
export class LocalGraph<S> {
  readonly origin: number[] = [];
  readonly masks: number[] = [];
  readonly states: (S | null)[] = [];
  private readonly rowStart: number[] = [0];
  readonly to: number[] = [];
  readonly command: number[] = [];
  readonly ordinal: number[] = [];
  readonly fair: boolean[] = [];

  get nodeCount(): number {
    return this.origin.length;
  }

  addNode(origin: number, mask: number, state: S | null): number {
    this.origin.push(origin);
    this.masks.push(mask);
    this.states.push(state);
    return this.origin.length - 1;
  }

  addEdge(to: number, command: number, ordinal: number, fair: boolean): void {
    this.to.push(to);
    this.command.push(command);
    this.ordinal.push(ordinal);
    this.fair.push(fair);
  }

  endRow(): void {
    this.rowStart.push(this.to.length);
  }

  start(node: number): number {
    return this.rowStart[node]!;
  }

  end(node: number): number {
    return this.rowStart[node + 1]!;
  }

  /** The fair edges between the nodes where obligation `bit` is open, for the SCC search. */
  rowsWithin(bit: number): EdgeRows {
    const target = this.to.map((to, e) => (this.fair[e] ? to : -1));
    return { nodeCount: this.nodeCount, rowStart: this.rowStart, target, region: this.masks.map((mask) => (mask >>> bit) & 1) };
  }

  /** Only fair edges lie on a violating cycle: faults and client writes have stopped by then. */
  follow(edge: number): number {
    return this.fair[edge] ? this.to[edge]! : -1;
  }

  sourceOf(edge: number): number {
    let lo = 0;
    let hi = this.nodeCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rowStart[mid]! <= edge) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Without symmetry a component of the stored graph is already concrete: copy it. */
export function copyComponent(graph: ExploredGraph, component: readonly number[], table: ObligationTable): LocalGraph<never> {
  const local = new LocalGraph<never>();
  const localOf = new Map<number, number>();
  for (const v of component) localOf.set(v, local.addNode(v, table.maskAt(v), null));
  for (const v of component) {
    const first = graph.start(v);
    for (let e = first; e < graph.end(v); e += 1) local.addEdge(localOf.get(graph.targetOf(e)) ?? -1, graph.commandOf(e), e - first, graph.isFair(e));
    local.endRow();
  }
  return local;
}

export interface UnfoldContext<S> {
  readonly system: TransitionSystem<S>;
  readonly design: Design;
  readonly store: VisitedStates;
  readonly commandIds: CommandIds;
  readonly table: ObligationTable;
  readonly exactKey: (state: S) => StateKey;
}

/**
 * With symmetry a component of the reduced graph stands for cycles through renamed copies of its
 * states. Unfold it: every concrete state reachable from `root` by fair steps whose targets stay
 * in the component. That is exactly the concrete strongly connected component of `root`, and
 * every other concrete component over the same orbits is a renaming of it (see fair-cycles.ts),
 * so checking this one decides them all.
 */
export function unfoldComponent<S>(ctx: UnfoldContext<S>, root: S, rootIndex: number, inComponent: (index: number) => boolean): LocalGraph<S> {
  const { system, design, store, commandIds, table } = ctx;
  const local = new LocalGraph<S>();
  const localByKey = new Map<StateKey, number>();
  const retain = (s: S) => system.retain?.(s) ?? s;
  const add = (state: S, origin: number) => {
    const id = local.addNode(origin, table.maskOf(system.toModel(state), design), state);
    localByKey.set(ctx.exactKey(state), id);
    return id;
  };
  add(root, rootIndex);
  for (let node = 0; node < local.nodeCount; node += 1) {
    const state = local.states[node]!;
    const model = system.toModel(state);
    let ordinal = 0;
    system.successors(state, (command, next) => {
      const fair = isFairAction(command, model);
      let to = -1;
      if (fair) {
        const index = store.indexOf(system.key(next));
        if (index !== undefined && inComponent(index)) to = localByKey.get(ctx.exactKey(next)) ?? add(retain(next), index);
      }
      local.addEdge(to, commandIds.idOf(command), ordinal, fair);
      ordinal += 1;
    });
    local.endRow();
  }
  return local;
}
