/**
 * A graph as rows of edges, restricted to a region of its nodes. Plain arrays, not methods: the
 * search reads every edge of a million-state graph once per liveness property, and indexed reads
 * cost a fraction of calls through an interface with several implementations.
 */
export interface EdgeRows {
  /** Nodes 0 .. nodeCount - 1 may be in the region; a target at or beyond nodeCount is outside it. */
  readonly nodeCount: number;
  /** The edges of node v are rowStart[v] .. rowStart[v + 1] - 1. */
  readonly rowStart: ArrayLike<number>;
  /** Per edge: its target if the edge is to be followed, else -1. */
  readonly target: ArrayLike<number>;
  /** Per node: nonzero when it is in the region. */
  readonly region: ArrayLike<number>;
}

/**
 * The strongly connected components of the region (Tarjan's algorithm, iterative so that deep
 * graphs do not overflow the call stack). Each component lists its nodes in increasing order;
 * components come in increasing order of their least node, so results are deterministic.
 */
export function stronglyConnectedComponents(g: EdgeRows): number[][] {
  return merged(split(g, false));
}

/**
 * The components that can carry an infinite path (`isCyclic`), as `stronglyConnectedComponents`
 * would list them.
 */
export function cyclicComponents(g: EdgeRows): number[][] {
  return merged(split(g, true));
}

/**
 * The cyclic components, lone nodes apart. In the explored graphs almost every cyclic component
 * is one state with a fair self-loop (DSN-02 at fault budget 3: 888,466 components, 890,461
 * nodes), so lone nodes are kept as numbers, not as a million one-element arrays.
 */
export interface CyclicSplit {
  /** Nodes that form a component alone and have an edge to themselves, in increasing order. */
  readonly lone: Int32Array;
  /** Components of two or more nodes, each in increasing order, in increasing order of least node. */
  readonly multi: readonly (readonly number[])[];
}

export function cyclicSplit(g: EdgeRows): CyclicSplit {
  return split(g, true);
}

/**
 * `cyclicComponents` of the graph restricted to `region`, from the cyclic split of the whole
 * graph: a cycle inside the region lies inside one component of the whole graph, so the
 * region's components are those of each whole component cut down to the region. A lone node
 * stays lone; only the few larger components are searched again. `g.region` is ignored.
 */
export function cyclicComponentsWithin(g: EdgeRows, whole: CyclicSplit, region: ArrayLike<number>): number[][] {
  return merged(cyclicSplitWithin(g, whole, region));
}

/** `cyclicComponentsWithin` as a split: lone nodes kept as numbers (`inOrder` walks it in that order). */
export function cyclicSplitWithin(g: EdgeRows, whole: CyclicSplit, region: ArrayLike<number>): CyclicSplit {
  const parts: number[][] = [];
  for (const component of whole.multi) {
    const local = new Map<number, number>();
    component.forEach((v, i) => { if (region[v] !== 0) local.set(v, i); });
    if (local.size === 0) continue;
    const rowStart = [0];
    const target: number[] = [];
    for (const v of component) {
      for (let e = g.rowStart[v]!; e < g.rowStart[v + 1]!; e += 1) target.push(local.get(g.target[e]!) ?? -1);
      rowStart.push(target.length);
    }
    const inside = component.map((v) => (local.has(v) ? 1 : 0));
    for (const sub of cyclicComponents({ nodeCount: component.length, rowStart, target, region: inside })) parts.push(sub.map((i) => component[i]!));
  }
  parts.sort((a, b) => a[0]! - b[0]!);
  const lone = whole.lone.filter((v) => region[v] !== 0);
  return { lone, multi: parts };
}

/**
 * Visit a split's components in increasing order of least node: a lone node as a number, a larger
 * component as its nodes. Nothing is allocated per lone node (there may be a million).
 */
export function inOrder(found: CyclicSplit, visit: (component: number | readonly number[]) => void): void {
  let m = 0;
  for (const v of found.lone) {
    while (m < found.multi.length && found.multi[m]![0]! < v) visit(found.multi[m++]!);
    visit(v);
  }
  while (m < found.multi.length) visit(found.multi[m++]!);
}

/** Lone nodes and larger components in one list, in increasing order of least node. */
function merged(found: CyclicSplit): number[][] {
  const out: number[][] = [];
  inOrder(found, (c) => out.push(typeof c === 'number' ? [c] : [...c]));
  return out;
}

/** Tarjan over the region; lone nodes without an edge to themselves are left out if `onlyCyclic`. */
function split(g: EdgeRows, onlyCyclic: boolean): CyclicSplit {
  const n = g.nodeCount;
  const { rowStart, target, region } = g;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const cursor = new Int32Array(n);
  // Tarjan's stack and the explicit call stack: each node enters each at most once.
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  const isLone = new Uint8Array(n);
  let loneCount = 0;
  let stackTop = 0;
  let callTop = 0;
  const multi: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root += 1) {
    if (order[root] !== -1 || region[root] === 0) continue;
    for (let enter = root; enter >= 0;) {
      order[enter] = counter;
      low[enter] = counter;
      counter += 1;
      cursor[enter] = rowStart[enter]!;
      stack[stackTop++] = enter;
      onStack[enter] = 1;
      calls[callTop++] = enter;
      enter = -1;
      while (callTop > 0 && enter < 0) {
        const v = calls[callTop - 1]!;
        const e = cursor[v]!;
        if (e < rowStart[v + 1]!) {
          cursor[v] = e + 1;
          const w = target[e]!;
          if (w < 0 || w >= n || region[w] === 0) continue;
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
        if (stack[stackTop - 1] === v) {
          stackTop -= 1;
          onStack[v] = 0;
          if (!onlyCyclic || hasSelfEdge(g, v)) {
            isLone[v] = 1;
            loneCount += 1;
          }
          continue;
        }
        const component: number[] = [];
        for (;;) {
          const w = stack[--stackTop]!;
          onStack[w] = 0;
          component.push(w);
          if (w === v) break;
        }
        multi.push(component.sort((a, b) => a - b));
      }
    }
  }
  // Lone nodes in increasing order by a scan of their flags, larger components by their least node.
  const lone = new Int32Array(loneCount);
  for (let v = 0, k = 0; k < loneCount; v += 1) if (isLone[v] === 1) lone[k++] = v;
  multi.sort((a, b) => a[0]! - b[0]!);
  return { lone, multi };
}

/** A component can carry an infinite path: more than one node, or a node with an edge to itself. */
export function isCyclic(g: EdgeRows, component: readonly number[]): boolean {
  return component.length > 1 || hasSelfEdge(g, component[0]!);
}

function hasSelfEdge(g: EdgeRows, v: number): boolean {
  for (let e = g.rowStart[v]!; e < g.rowStart[v + 1]!; e += 1) if (g.target[e] === v) return true;
  return false;
}
