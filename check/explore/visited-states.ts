import type { StateKey } from './system.ts';

/** An Int32Array that doubles when full. */
export class GrowableInt32 {
  private data: Int32Array;
  length = 0;
  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(initialCapacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    this.length += 1;
  }
  at(index: number): number {
    return this.data[index]!;
  }
  /** A view of the filled part (shares memory until the next push that grows). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** No parent: the initial state. */
export const ROOT = -1;

/**
 * Every distinct state the search has found, by index in discovery order (BFS order, so index
 * order is depth order). Per state: its parent's index, which successor of the parent it was (the
 * ordinal in the parent's `successors` enumeration, so the path can be replayed), and its depth.
 * States themselves are not kept: only keys, in one Map from key to index.
 */
export class VisitedStates {
  private readonly indexByKey = new Map<StateKey, number>();
  /** Index + 1 by key, for keys that are small non-negative integers (the packed system's dense ids); 0: none. */
  private indexBySmallKey = new Int32Array(1 << 12);
  readonly parent = new GrowableInt32();
  readonly ordinal = new GrowableInt32();
  readonly depth = new GrowableInt32();

  get size(): number {
    return this.parent.length;
  }

  indexOf(key: StateKey): number | undefined {
    if (isSmallKey(key)) {
      const found = key < this.indexBySmallKey.length ? this.indexBySmallKey[key]! : 0;
      return found === 0 ? undefined : found - 1;
    }
    return this.indexByKey.get(key);
  }

  add(key: StateKey, parent: number, ordinal: number, depth: number): number {
    const index = this.parent.length;
    if (isSmallKey(key)) {
      if (key >= this.indexBySmallKey.length) {
        const bigger = new Int32Array(Math.max(this.indexBySmallKey.length * 2, key + 1));
        bigger.set(this.indexBySmallKey);
        this.indexBySmallKey = bigger;
      }
      this.indexBySmallKey[key] = index + 1;
    } else {
      this.indexByKey.set(key, index);
    }
    this.parent.push(parent);
    this.ordinal.push(ordinal);
    this.depth.push(depth);
    return index;
  }

  /** The ordinals of the successors taken from the initial state to reach `index`, in order. */
  ordinalsTo(index: number): number[] {
    const out: number[] = [];
    for (let at = index; this.parent.at(at) !== ROOT; at = this.parent.at(at)) out.push(this.ordinal.at(at));
    return out.reverse();
  }
}

/** Dense integer keys are looked up in an array; any other key (strings, bigints, large numbers) in the Map. */
function isSmallKey(key: StateKey): key is number {
  return typeof key === 'number' && (key >>> 0) === key && key < 1 << 28;
}
