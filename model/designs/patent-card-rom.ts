import type { Design } from '../design.ts';
import { patentLparA } from './patent-lpar-a.ts';

/**
 * DSN-04: the third embodiment (Fig. 13–15): the control program asks the card, and the control
 * program in the card's ROM [1003] raises the SCI; with the Fig. 17 path, the card itself reports
 * an unrecoverable disk error to its owner with an eject.
 */
export const patentCardRom: Design = {
  ...patentLparA,
  name: 'patent-card-rom',
  id: 'DSN-04',
  title: "Third embodiment: the SCI comes from the card's ROM, with the Fig. 17 device-error path",
  sciSource: 'card-rom',
  deviceErrorHotRemove: true,
};
