import type { Design } from '../design.ts';
import { patentLparA } from './patent-lpar-a.ts';
import { patentLparB } from './patent-lpar-b.ts';
import { hardened } from './hardened.ts';

/** Built-in designs by name, in catalogue order. */
export const BUILT_IN_DESIGNS: readonly Design[] = [patentLparA, patentLparB, hardened];

export function builtInDesign(name: string): Design | undefined {
  return BUILT_IN_DESIGNS.find((d) => d.name === name || d.id === name);
}
