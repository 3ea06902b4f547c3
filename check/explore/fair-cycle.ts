import type { LocalGraph } from './local-graph.ts';

/** A closed walk inside a component, as local edges from `entry` back to it, and why it is fair. */
export interface FairCycle {
  readonly entry: number;
  readonly edges: readonly number[];
  /** Command ids of the fair actions enabled in every state of the walk; each is taken on it. */
  readonly fairActions: readonly number[];
}

/** Per command id, in how many of `nodes` it is a fair action enabled there. */
function enabledCounts<S>(g: LocalGraph<S>, nodes: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of nodes) {
    for (let e = g.start(v); e < g.end(v); e += 1) if (g.fair[e]) counts.set(g.command[e]!, (counts.get(g.command[e]!) ?? 0) + 1);
  }
  return counts;
}

/** The fair actions enabled in every one of `nodes` (a command yields at most one edge per state). */
function enabledThroughout<S>(g: LocalGraph<S>, nodes: readonly number[]): number[] {
  return [...enabledCounts(g, nodes)].filter(([, n]) => n === nodes.length).map(([c]) => c).sort((a, b) => a - b);
}

/**
 * Weak fairness on a strongly connected set X: a fair cycle inside X exists iff every fair action
 * enabled in ALL states of X has an edge inside X (self-loops count). If it holds, the walk below
 * takes each such action; if it fails, no cycle in X is fair, since a cycle through fewer states
 * has at least those actions enabled throughout and no more edges to take them by.
 *
 * The walk starts at `entry`, takes one edge of each action enabled throughout X, returns, and
 * then repairs itself until it is visibly fair on its own terms: while some fair action is enabled
 * in every state the walk visits but not taken on it, it detours to take it or, if X has no edge
 * of it, to a state of X where it is disabled. Each repair removes one action for good, so this
 * ends; the result lists the actions enabled throughout the walk, all taken.
 */
export function fairCycleIn<S>(g: LocalGraph<S>, nodes: readonly number[], entry: number): FairCycle | null {
  const inside = new Set(nodes);
  const internalEdges = new Map<number, number[]>();
  for (const v of nodes) {
    for (let e = g.start(v); e < g.end(v); e += 1) {
      if (!g.fair[e] || !inside.has(g.to[e]!)) continue;
      const list = internalEdges.get(g.command[e]!) ?? [];
      list.push(e);
      internalEdges.set(g.command[e]!, list);
    }
  }
  const required = enabledThroughout(g, nodes);
  if (required.some((c) => !internalEdges.has(c))) return null;

  const walk = new WalkBuilder(g, inside, entry);
  for (const c of required) walk.takeNearest(internalEdges.get(c)!);
  for (;;) {
    walk.goTo(entry);
    if (walk.edges.length === 0) walk.takeNearest([...internalEdges.values()].flat()); // nothing was required: any step will do
    walk.goTo(entry);
    const throughout = enabledThroughout(g, walk.visited());
    const missing = throughout.find((c) => !walk.taken.has(c));
    if (missing === undefined) return { entry, edges: walk.edges, fairActions: throughout };
    const edges = internalEdges.get(missing);
    if (edges !== undefined) walk.takeNearest(edges);
    else walk.goToNearest(nodes.filter((v) => !hasFairCommand(g, v, missing)));
  }
}

function hasFairCommand<S>(g: LocalGraph<S>, v: number, command: number): boolean {
  for (let e = g.start(v); e < g.end(v); e += 1) if (g.fair[e] && g.command[e] === command) return true;
  return false;
}

/** A walk under construction inside a set of nodes, by shortest fair paths between targets. */
class WalkBuilder<S> {
  readonly edges: number[] = [];
  readonly taken = new Set<number>();
  private current: number;

  constructor(private readonly g: LocalGraph<S>, private readonly inside: ReadonlySet<number>, private readonly entry: number) {
    this.current = entry;
  }

  visited(): number[] {
    return [this.entry, ...this.edges.map((e) => this.g.to[e]!)];
  }

  private append(edge: number): void {
    this.edges.push(edge);
    this.taken.add(this.g.command[edge]!);
    this.current = this.g.to[edge]!;
  }

  /** Shortest fair paths from the current node inside the set: per node reached, the edge into it and its distance. */
  private reach(): { via: Map<number, number>; distance: Map<number, number> } {
    const via = new Map<number, number>([[this.current, -1]]);
    const distance = new Map<number, number>([[this.current, 0]]);
    const queue = [this.current];
    for (let i = 0; i < queue.length; i += 1) {
      const v = queue[i]!;
      for (let e = this.g.start(v); e < this.g.end(v); e += 1) {
        const w = this.g.follow(e);
        if (w < 0 || !this.inside.has(w) || via.has(w)) continue;
        via.set(w, e);
        distance.set(w, distance.get(v)! + 1);
        queue.push(w);
      }
    }
    return { via, distance };
  }

  private pathTo(via: Map<number, number>, target: number): number[] {
    const path: number[] = [];
    for (let at = target; at !== this.current; ) {
      const e = via.get(at);
      if (e === undefined) throw new Error(`node ${target} is not reachable inside the component: it is not strongly connected`);
      path.push(e);
      at = this.g.sourceOf(e);
    }
    return path.reverse();
  }

  goTo(target: number): void {
    if (target === this.current) return;
    for (const e of this.pathTo(this.reach().via, target)) this.append(e);
  }

  goToNearest(targets: readonly number[]): void {
    const { via, distance } = this.reach();
    const far = (v: number) => distance.get(v) ?? Number.POSITIVE_INFINITY;
    const best = [...targets].sort((a, b) => far(a) - far(b) || a - b)[0];
    if (best === undefined) throw new Error('no target node to go to');
    for (const e of this.pathTo(via, best)) this.append(e);
  }

  /** Go to the source of the nearest of `edges` and take it. */
  takeNearest(edges: readonly number[]): void {
    const { via, distance } = this.reach();
    const far = (e: number) => distance.get(this.g.sourceOf(e)) ?? Number.POSITIVE_INFINITY;
    const best = [...edges].sort((a, b) => far(a) - far(b) || a - b)[0];
    if (best === undefined) throw new Error('no edge to take');
    for (const e of this.pathTo(via, this.g.sourceOf(best))) this.append(e);
    this.append(best);
  }
}
