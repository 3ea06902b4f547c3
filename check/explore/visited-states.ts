import { ChunkedArray } from './chunked.ts';
import type { StateKey } from './system.ts';

/** No parent: the initial state. */
export const ROOT = -1;

/**
 * Every distinct state the search has found, by index in discovery order (BFS order, so index
 * order is depth order). Per state: its parent's index (32 bits), which successor of the parent it
 * was (the ordinal in the parent's `successors` enumeration, so the path can be replayed; 16 bits,
 * or 8 while every ordinal fits), and, as the first index of each depth, its depth. States
 * themselves are not kept: only keys. A system whose keys are the indices themselves (the packed
 * system's dense ids: each new state's key is the next index) needs no map from key to index at
 * all; any other key goes in a Map.
 */
export class VisitedStates {
  private readonly indexByKey = new Map<StateKey, number>();
  /** Index + 1 by key, for keys that are small non-negative integers; null while every key is its own index. */
  private indexBySmallKey: Int32Array | null = null;
  readonly parent = new ChunkedArray('int32');
  readonly ordinal = new ChunkedArray('uint8');
  /** The first index at each depth (depths only grow: BFS). */
  private readonly levelStart: number[] = [];

  get size(): number {
    return this.parent.length;
  }

  /** The depth of the last state stored (0 for none). */
  get maxDepth(): number {
    return Math.max(0, this.levelStart.length - 1);
  }

  depthAt(index: number): number {
    if (index < 0 || index >= this.size) throw new RangeError(`no state ${index} in ${this.size}`);
    let lo = 0;
    let hi = this.levelStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.levelStart[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  indexOf(key: StateKey): number | undefined {
    if (isSmallKey(key)) {
      if (this.indexBySmallKey === null) return key < this.size ? key : undefined;
      const found = key < this.indexBySmallKey.length ? this.indexBySmallKey[key]! : 0;
      return found === 0 ? undefined : found - 1;
    }
    return this.indexByKey.get(key);
  }

  add(key: StateKey, parent: number, ordinal: number, depth: number): number {
    const index = this.size;
    if (this.indexBySmallKey === null && key !== index) {
      // Keys stop being their own indices: from now on, every small key's index is looked up.
      this.indexBySmallKey = Int32Array.from({ length: Math.max(1 << 12, index + 1) }, (_, i) => (i < index ? i + 1 : 0));
    }
    if (isSmallKey(key)) {
      if (this.indexBySmallKey !== null) {
        if (key >= this.indexBySmallKey.length) {
          const bigger = new Int32Array(Math.max(this.indexBySmallKey.length * 2, key + 1));
          bigger.set(this.indexBySmallKey);
          this.indexBySmallKey = bigger;
        }
        this.indexBySmallKey[key] = index + 1;
      }
    } else {
      this.indexByKey.set(key, index);
    }
    if (depth === this.levelStart.length) this.levelStart.push(index);
    else if (depth !== this.levelStart.length - 1) throw new RangeError(`a state at depth ${depth} after one at depth ${this.levelStart.length - 1}: states must come in breadth-first order`);
    this.parent.push(parent);
    this.ordinal.push(ordinal);
    return index;
  }

  /** The ordinals of the successors taken from the initial state to reach `index`, in order. */
  ordinalsTo(index: number): number[] {
    const out: number[] = [];
    for (let at = index; this.parent.at(at) !== ROOT; at = this.parent.at(at)) out.push(this.ordinal.at(at));
    return out.reverse();
  }

  /** Bytes held per stored state (measurement). */
  get bytesPerState(): number {
    return this.size === 0 ? 0 : (this.parent.bytes + this.ordinal.bytes + (this.indexBySmallKey?.byteLength ?? 0)) / this.size;
  }
}

/** Dense integer keys are looked up in an array; any other key (strings, bigints, large numbers) in the Map. */
function isSmallKey(key: StateKey): key is number {
  return typeof key === 'number' && (key >>> 0) === key && key < 1 << 28;
}
