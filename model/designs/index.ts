import type { Design } from '../design.ts';
import { patentLparA } from './patent-lpar-a.ts';
import { patentLparB } from './patent-lpar-b.ts';
import { hardened } from './hardened.ts';
import { hardenedFenceAll } from './hardened-fence-all.ts';
import { patentCardRom } from './patent-card-rom.ts';
import { patentPpar } from './patent-ppar.ts';
import { priorArtMultiport } from './prior-art-multiport.ts';

/** Built-in designs by name, in catalogue order. */
export const BUILT_IN_DESIGNS: readonly Design[] = [patentLparA, patentLparB, patentPpar, patentCardRom, priorArtMultiport, hardened, hardenedFenceAll];

export function builtInDesign(name: string): Design | undefined {
  return BUILT_IN_DESIGNS.find((d) => d.name === name || d.id === name);
}
