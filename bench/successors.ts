import type { PackedSystem } from '../check/explore/packed/system.ts';
import { denseBfs } from './dense-bfs.ts';

// The successor sequence a search interns, for the benchmarks that time parts of it alone.

/** A packed system with its whole space explored breadth-first, and each state's depth. */
export function exploredSpace(system: PackedSystem, maxStates: number): { readonly system: PackedSystem; readonly depthOf: Uint16Array } {
  const searched = denseBfs(system, maxStates);
  return { system, depthOf: (searched.held as { depth: Uint16Array }).depth };
}

/** Each BFS level's successors, as packed words back to back. */
export function successorsByLevel(system: PackedSystem, depthOf: Uint16Array): Int32Array[] {
  const width = system.layout.words;
  const words = system.store.readRange(0, system.stateCount);
  const levels: Int32Array[] = [];
  let current: number[] = [];
  for (let s = 0; s < system.stateCount; s += 1) {
    if (s > 0 && depthOf[s] !== depthOf[s - 1]) {
      levels.push(Int32Array.from(current));
      current = [];
    }
    system.generator.expand(words, s * width, (_command, m) => { for (let i = 0; i < width; i += 1) current.push(m.w[i]!); });
  }
  levels.push(Int32Array.from(current));
  return levels;
}
