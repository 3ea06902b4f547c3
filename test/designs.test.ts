// Why this test exists: `npm test` lists every built-in design's properties by ID (slotcheck/vitest,
// api/vitest.ts), each checked by the explorer at its default bound (2 LPARs × 1 slot, two faults,
// two writes). The patent designs' broken properties are findings (README, properties/findings.ts)
// pinned here: each must stay broken until a design change fixes it, and everything else must hold.
import { describeProperties } from '../api/vitest.ts';

// INV-14: add_pci (Fig. 5) takes the slot from a running OS that still has the disk mounted.
// LIV-05 (issue 18): a device error can occur in every design; without the Fig. 17 path (DSN-01…03,
// DSN-05) nothing makes the owner stop using the dead card, and on DSN-04 the eject is dropped while
// the GPE is disabled (F-14).
// LIV-06 (issue 18): a direct add_pci takes the service's slot from the active, which still heartbeats
// as healthy, so nobody fails over and the service never runs again (a fair lasso of 4 steps).
const PATENT = ['INV-01', 'INV-03', 'INV-04', 'INV-05', 'INV-06', 'INV-07', 'INV-08', 'INV-09', 'INV-11', 'INV-14', 'LIV-01', 'LIV-02', 'LIV-03', 'LIV-04', 'LIV-05', 'LIV-06'];

describeProperties('patent-lpar-a', { expectViolated: PATENT });
describeProperties('patent-lpar-b', { expectViolated: PATENT });
describeProperties('patent-ppar', { expectViolated: PATENT });
describeProperties('patent-card-rom', { expectViolated: PATENT });
describeProperties('prior-art-multiport', { expectViolated: ['INV-01', 'INV-02', 'INV-05', 'INV-06', 'INV-07', 'INV-08', 'INV-11', 'LIV-01', 'LIV-02', 'LIV-04', 'LIV-05', 'LIV-06'] });
describeProperties('hardened');
// The random suite against the emulator, which adds CONFORMANCE: hardened at 2 LPARs × 2 slots, as certified.
describeProperties('hardened', { method: 'random', config: { slotCount: 2 }, runs: 300 });
describeProperties('hardened-fence-all'); // DSN-07: hardened plus failoverVictims slot-holders and scriptSlots current (issue 19)
