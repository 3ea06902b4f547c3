import type { Design } from '../design.ts';
import { patentLparA } from './patent-lpar-a.ts';

/**
 * DSN-03: the second embodiment (Fig. 12): physical partitions. The allocation table 950 lives in
 * the service processor [941], reached over the control bus [940], which also powers partitions
 * on and off; step 503 sets no gate keeper — DMA is routed by the partition the card is switched
 * to, with nothing that bounds-checks it.
 */
export const patentPpar: Design = {
  ...patentLparA,
  name: 'patent-ppar',
  id: 'DSN-03',
  title: 'Second embodiment: physical partitions, the SVP owns the table, no gate keeper',
  embodiment: 'ppar',
};
