/** A graph as rows of edges, restricted to a region of its nodes. */
export interface EdgeRows {
  readonly nodeCount: number;
  inRegion(node: number): boolean;
  start(node: number): number;
  end(node: number): number;
  /** The edge's target if the edge is to be followed, else -1. */
  follow(edge: number): number;
}

/**
 * The strongly connected components of the region (Tarjan's algorithm, iterative so that deep
 * graphs do not overflow the call stack). Each component lists its nodes in increasing order;
 * components come in increasing order of their least node, so results are deterministic.
 */
export function stronglyConnectedComponents(g: EdgeRows): number[][] {
  return components(g, false);
}

/**
 * The components that can carry an infinite path (`isCyclic`), as `stronglyConnectedComponents`
 * would list them: a lone node without an edge to itself is never allocated, which in a graph of
 * a million nodes is most of them.
 */
export function cyclicComponents(g: EdgeRows): number[][] {
  return components(g, true);
}

function components(g: EdgeRows, onlyCyclic: boolean): number[][] {
  const n = g.nodeCount;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const cursor = new Int32Array(n);
  // Tarjan's stack and the explicit call stack: each node enters each at most once.
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  let stackTop = 0;
  let callTop = 0;
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root += 1) {
    if (order[root] !== -1 || !g.inRegion(root)) continue;
    for (let enter = root; enter >= 0;) {
      order[enter] = counter;
      low[enter] = counter;
      counter += 1;
      cursor[enter] = g.start(enter);
      stack[stackTop++] = enter;
      onStack[enter] = 1;
      calls[callTop++] = enter;
      enter = -1;
      while (callTop > 0 && enter < 0) {
        const v = calls[callTop - 1]!;
        const e = cursor[v]!;
        if (e < g.end(v)) {
          cursor[v] = e + 1;
          const w = g.follow(e);
          if (w < 0 || !g.inRegion(w)) continue;
          if (order[w] === -1) enter = w;
          else if (onStack[w] === 1 && order[w]! < low[v]!) low[v] = order[w]!;
          continue;
        }
        callTop -= 1;
        if (callTop > 0) {
          const parent = calls[callTop - 1]!;
          if (low[v]! < low[parent]!) low[parent] = low[v]!;
        }
        if (low[v] !== order[v]) continue;
        if (onlyCyclic && stack[stackTop - 1] === v && !hasSelfEdge(g, v)) {
          stackTop -= 1;
          onStack[v] = 0;
          continue;
        }
        const component: number[] = [];
        for (;;) {
          const w = stack[--stackTop]!;
          onStack[w] = 0;
          component.push(w);
          if (w === v) break;
        }
        components.push(component.length === 1 ? component : component.sort((a, b) => a - b));
      }
    }
  }
  return byLeastNode(components, n);
}

/** Components in increasing order of their least node: each node is in one, so a bucket per node sorts them in O(n). */
function byLeastNode(components: number[][], n: number): number[][] {
  const at = new Int32Array(n).fill(-1);
  components.forEach((c, i) => { at[c[0]!] = i; });
  const out: number[][] = [];
  for (let v = 0; v < n; v += 1) if (at[v]! >= 0) out.push(components[at[v]!]!);
  return out;
}

/** A component can carry an infinite path: more than one node, or a node with an edge to itself. */
export function isCyclic(g: EdgeRows, component: readonly number[]): boolean {
  return component.length > 1 || hasSelfEdge(g, component[0]!);
}

function hasSelfEdge(g: EdgeRows, v: number): boolean {
  for (let e = g.start(v); e < g.end(v); e += 1) if (g.follow(e) === v) return true;
  return false;
}
