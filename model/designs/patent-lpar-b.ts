import type { Design } from '../design.ts';
import { patentLparA } from './patent-lpar-a.ts';

/**
 * DSN-02: the first embodiment with fail-over case (b) (Fig. 9b, Fig. 11): remove the slot,
 * ask the failed OS to stop the service and shut down, then deactivate it.
 */
export const patentLparB: Design = {
  ...patentLparA,
  name: 'patent-lpar-b',
  id: 'DSN-02',
  title: 'First embodiment, fail-over case (b), as literally described',
  failoverScript: ['rem_pci', 'request-shutdown', 'deact', 'add_pci', 'start', 'act'], // 1107, 1108, 1109, 1103…1105
};
