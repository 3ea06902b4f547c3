import { commandLabel } from './command-ids.ts';
import { fairCycleIn } from './fair-cycle.ts';
import type { ExploredGraph } from './graph.ts';
import { copyComponent, unfoldComponent, type LocalGraph } from './local-graph.ts';
import type { ObligationTable } from './obligations.ts';
import { replayOrdinals } from './paths.ts';
import { cyclicComponents, cyclicSplit, cyclicSplitWithin, inOrder, type CyclicSplit, type EdgeRows } from './scc.ts';
import type { SearchOutcome } from './search.ts';
import type { TransitionSystem } from './system.ts';

/**
 * Liveness (LIV-*) as fair lassos.
 *
 * What is proven. Faults, directly issued control commands and client writes draw on budgets and
 * an unrequested card insertion needs a card pull first, so none of them lies on a cycle: every
 * infinite path ends in a cycle of fair actions (`isFairAction`), i.e. "once faults stop" holds
 * by construction. An obligation (one named string of `Liveness.pending`) is violated iff some
 * reachable cycle keeps it open in every state and is weakly fair: every fair action enabled in
 * all of its states is taken on it. For a strongly connected component X of the fair-edge graph
 * restricted to the states where the obligation is open, such a cycle exists iff every fair
 * action enabled in all states of X has an edge inside X (`fair-cycle.ts` says why). Every cycle
 * lies in one such X, so checking every X decides the property for the explored graph: with no
 * bound hit, `pass` means no weakly fair path of this configuration leaves an obligation open
 * forever. It does not speak of strong fairness, of other configurations, or of how long the
 * response takes.
 *
 * With symmetry reduction the stored graph is the quotient: a cycle there may return to a renamed
 * copy of its start. A component C of the quotient is unfolded into the concrete component D of
 * its first state r (every concrete state reachable from r by fair steps into C's orbits); every
 * other concrete component over C is π(D) for a renaming π, and fairness and obligations are
 * unchanged by renaming (up to the names in the obligation), so D alone decides C. Its lasso's
 * prefix is the shortest path to r, then the shortest walk inside D to the cycle.
 */
export interface FairLasso {
  readonly propertyId: string;
  readonly obligation: string;
  /** Successor ordinals from the initial state to the cycle's first state. */
  readonly prefix: readonly number[];
  /** Successor ordinals around the cycle, back to its first state. */
  readonly cycle: readonly number[];
  readonly fairActions: readonly string[];
  /** States of the component the cycle lies in (concrete, after unfolding). */
  readonly componentStates: number;
}

interface Candidate {
  readonly obligation: string;
  readonly prefix: readonly number[];
  readonly cycle: readonly number[];
  readonly fairActions: readonly number[];
  readonly componentStates: number;
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

export class FairLassoFinder<S> {
  private readonly graph: ExploredGraph;
  private fairGraph: { rows: EdgeRows; whole: CyclicSplit } | null = null;

  constructor(private readonly system: TransitionSystem<S>, private readonly search: SearchOutcome) {
    if (search.graph === null) throw new Error('the search kept no graph: liveness was not planned');
    this.graph = search.graph;
  }

  /** The lasso with the shortest prefix among all fair components, or null if there is none. */
  find(table: ObligationTable): FairLasso | null {
    // The fair-edge graph of the stored, fully expanded states and its cyclic components, found
    // once for every property; each property cuts them down to where its obligations are open.
    const { rows, whole } = (this.fairGraph ??= this.fairGraphOf());
    let best = null as Candidate | null; // assigned in the visitor: no narrowing to null here
    inOrder(cyclicSplitWithin(rows, whole, table.region()), (component) => {
      const least = typeof component === 'number' ? component : component[0]!;
      if (best !== null && this.search.store.depthAt(least) >= best.prefix.length) return;
      const found = this.checkComponent(typeof component === 'number' ? [component] : component, table);
      if (found !== null && (best === null || found.prefix.length < best.prefix.length)) best = found;
    });
    if (best === null) return null;
    return {
      propertyId: table.property.id, obligation: best.obligation, prefix: best.prefix, cycle: best.cycle,
      fairActions: best.fairActions.map((id) => commandLabel(this.search.commandIds.command(id))), componentStates: best.componentStates,
    };
  }

  private fairGraphOf(): { rows: EdgeRows; whole: CyclicSplit } {
    const { rowStart, fairTarget } = this.graph.fairRows();
    const nodeCount = this.search.expanded;
    const rows: EdgeRows = { nodeCount, rowStart, target: fairTarget, region: new Uint8Array(nodeCount).fill(1) };
    return { rows, whole: cyclicSplit(rows) };
  }

  private checkComponent(component: readonly number[], table: ObligationTable): Candidate | null {
    const reduced = this.system.symmetry !== undefined;
    if (component.length === 1 && !(reduced && this.loopsToRenamedCopy(component[0]!))) return this.checkLoneState(component[0]!, table);
    if (!reduced) return this.bestInside(copyComponent(this.graph, component, table), table, [], null);
    const members = new Set(component);
    const rootPath = this.search.store.ordinalsTo(component[0]!);
    const root = replayOrdinals(this.system, this.system.initial(), rootPath).last;
    const ctx = { system: this.system, design: this.system.design, store: this.search.store, commandIds: this.search.commandIds, table, exactKey: this.system.symmetry!.exactKey };
    const local = unfoldComponent(ctx, root, component[0]!, (i) => members.has(i));
    return this.bestInside(local, table, rootPath, local);
  }

  /** A fair step from the stored state to its own orbit that is not the very same state. */
  private loopsToRenamedCopy(v: number): boolean {
    for (let e = this.graph.start(v); e < this.graph.end(v); e += 1) {
      if (this.graph.isFair(e) && this.graph.targetOf(e) === v && !this.graph.isSelfLoop(e)) return true;
    }
    return false;
  }

  /** One state with self-loops: fair iff every fair action enabled there is one of them. */
  private checkLoneState(v: number, table: ObligationTable): Candidate | null {
    for (let e = this.graph.start(v); e < this.graph.end(v); e += 1) if (this.graph.isFair(e) && this.graph.targetOf(e) !== v) return null;
    const local = copyComponent(this.graph, [v], table);
    const cycle = fairCycleIn(local, [0], 0);
    if (cycle === null) return null;
    return {
      obligation: table.names[lowestBit(table.maskAt(v))]!, prefix: this.search.store.ordinalsTo(v),
      cycle: cycle.edges.map((e) => local.ordinal[e]!), fairActions: cycle.fairActions, componentStates: 1,
    };
  }

  /**
   * For each obligation open somewhere in the local graph, its fair components; the one with the
   * shortest prefix wins. `unfolded` is set for an unfolded quotient component (prefix: the path
   * to its root, then a walk inside), null for a copied concrete one (prefix: the stored path).
   */
  private bestInside<T>(local: LocalGraph<T>, table: ObligationTable, rootPath: readonly number[], unfolded: LocalGraph<T> | null): Candidate | null {
    const inward = unfolded === null ? null : walksFromRoot(unfolded);
    const union = local.masks.reduce((a, m) => a | m, 0);
    let best: Candidate | null = null;
    for (let bit = 0; bit < 31; bit += 1) {
      if ((union & (1 << bit)) === 0) continue;
      for (const sub of cyclicComponents(local.rowsWithin(bit))) {
        const entry = inward === null ? sub[0]! : [...sub].sort((a, b) => inward.get(a)!.length - inward.get(b)!.length || a - b)[0]!;
        const prefix = inward === null ? this.search.store.ordinalsTo(local.origin[entry]!) : [...rootPath, ...inward.get(entry)!];
        if (best !== null && prefix.length >= best.prefix.length) continue;
        const cycle = fairCycleIn(local, sub, entry);
        if (cycle === null) continue;
        best = {
          obligation: table.names[bit]!, prefix, cycle: cycle.edges.map((e) => local.ordinal[e]!),
          fairActions: cycle.fairActions, componentStates: sub.length,
        };
      }
    }
    return best;
  }
}

/** Shortest fair walks (as successor ordinals) from local node 0 to every node of an unfolded component. */
function walksFromRoot<T>(local: LocalGraph<T>): Map<number, number[]> {
  const walks = new Map<number, number[]>([[0, []]]);
  const queue = [0];
  for (let i = 0; i < queue.length; i += 1) {
    const v = queue[i]!;
    for (let e = local.start(v); e < local.end(v); e += 1) {
      const w = local.follow(e);
      if (w < 0 || walks.has(w)) continue;
      walks.set(w, [...walks.get(v)!, local.ordinal[e]!]);
      queue.push(w);
    }
  }
  return walks;
}
