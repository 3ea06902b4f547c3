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
  const stack: number[] = [];
  const calls: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const enter = (v: number) => {
    order[v] = counter;
    low[v] = counter;
    counter += 1;
    cursor[v] = g.start(v);
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };

  for (let root = 0; root < n; root += 1) {
    if (order[root] !== -1 || !g.inRegion(root)) continue;
    enter(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1]!;
      const e = cursor[v]!;
      if (e < g.end(v)) {
        cursor[v] = e + 1;
        const w = g.follow(e);
        if (w < 0 || !g.inRegion(w)) continue;
        if (order[w] === -1) enter(w);
        else if (onStack[w] === 1 && order[w]! < low[v]!) low[v] = order[w]!;
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const parent = calls[calls.length - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] !== order[v]) continue;
      if (onlyCyclic && stack[stack.length - 1] === v && !hasSelfEdge(g, v)) {
        stack.pop();
        onStack[v] = 0;
        continue;
      }
      const component: number[] = [];
      for (;;) {
        const w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
        if (w === v) break;
      }
      components.push(component.sort((a, b) => a - b));
    }
  }
  return components.sort((a, b) => a[0]! - b[0]!);
}

/** A component can carry an infinite path: more than one node, or a node with an edge to itself. */
export function isCyclic(g: EdgeRows, component: readonly number[]): boolean {
  return component.length > 1 || hasSelfEdge(g, component[0]!);
}

function hasSelfEdge(g: EdgeRows, v: number): boolean {
  for (let e = g.start(v); e < g.end(v); e += 1) if (g.follow(e) === v) return true;
  return false;
}
