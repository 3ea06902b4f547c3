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
  // (8) a takeover that died holding the slot is fenced by the next one (F-12, F-18); one that
  // died holding nothing is power-cycled, which wipes its journaled script (F-19, F-21)
  failoverVictims: 'slot-holders-and-down',
  // (8) a slot an add_pci waiting at 502 hands the victim after detection is removed too (F-17)
  scriptSlots: 'current',
  // (8) a journaled script resumed after a reset fences again a victim declared failed since (F-19)
  fenceRecheck: 'every-step',
  // (8) beside a newer takeover, a resumed one waits for the LPAR holding the service slot (F-21)
  concurrentTakeovers: 'slot-holder-first',
  // (9) a clean standby left as owner of record fences its dead taker (F-20)
  ownerOfRecordDetects: true,
  // (1) a taker finding the service slot removed but allocated to itself adds it back (F-22)
  addPciToOwner: 'reenable',
};
