import type { Design } from '../design.ts';
import { hardened } from './hardened.ts';

/**
 * DSN-07: hardened (DSN-06) with a fail-over that fences every LPAR holding a slot, not only the
 * one that last started the service, and re-reads the slot allocation table at every step. It
 * differs from hardened in the named fields below and nothing else; each closes a finding.
 */
export const hardenedFenceAll: Design = {
  ...hardened,
  name: 'hardened-fence-all',
  id: 'DSN-07',
  title: 'hardened, with a fail-over that fences every slot holder and re-reads the slot table at every step',
  // (8) a takeover that died holding the slot is fenced by the next one (F-12, F-18)
  failoverVictims: 'slot-holders',
  // (8) a slot an add_pci waiting at 502 hands the victim after detection is removed too (F-17)
  scriptSlots: 'current',
};
