import type { Design } from '../design.ts';
import { patentLparA } from './patent-lpar-a.ts';

/**
 * DSN-06: the first embodiment plus what real systems learned. Each change answers one of the
 * patent's open questions with the practice that closes a known failure.
 */
export const hardened: Design = {
  ...patentLparA,
  name: 'hardened',
  id: 'DSN-06',
  title: 'The patent plus quiesce, fencing, latched events, eject acknowledge and authorization',
  deviceErrorHotRemove: true, // Fig. 17: the card tells its owner
  addWhileEnabled: 'reject', // (1) a slot moves only after it was removed
  inflightDmaOnReassign: 'quiesce', // (2) function-level reset before reassignment (Xen XSA-302)
  gateKeeperCache: 'none', // (3) no cached translation outlives a rewrite
  disableBlocksDma: true, // (3) step 601 blocks inbound DMA too
  authorization: 'takeover-fenced', // (4) only the LPAR failing over a victim may command it, in fencing order
  sciWhenGpeDisabled: 'latch', // (5) ACPI semantics: status latches, SCI asserts once enabled
  ejectAck: 'required', // (6) the slot waits for the guest's eject acknowledge (or for power off)
  clientAck: 'after-durable', // (7)
  // (8) fence confirmed first; the victim comes back as soon as it owns nothing, so a takeover
  // that stalls (a dead disk) does not also keep it off.
  failoverScript: ['deact', 'await-fenced', 'rem_pci', 'act', 'add_pci', 'start'],
  scriptSurvivesRestart: true, // (8) the script's progress is journaled; a restart resumes it
  takeoverArbitration: 'exclusive', // (8) one takeover at a time among several standbys
  cpuStandbyPercent: 3, // (10) 90 + 3 per standby stays within 100% up to 4 LPARs
};
