import type { Command } from '../model/index.ts';
import { lpar, slot } from '../model/index.ts';

/**
 * What the checkers found in the literal patent designs, each as the shortest command sequence we
 * know that shows it. `failsAt` is the 1-based step at which `property` first breaks (for a
 * liveness property: the run then settles with the obligation still open). Tests replay every
 * one; the README tells them.
 */
export interface Finding {
  readonly id: string;
  readonly designs: readonly string[];
  readonly property: string;
  readonly failsAt: number;
  readonly lparCount?: number;
  readonly title: string;
  /** Which open question of DESIGN.md §2 it comes from, and what closes it. */
  readonly cause: string;
  readonly commands: readonly Command[];
}

const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);
const cs: Command = { kind: 'cluster_step', lpar: L1 };
const mountInLpar1: Command[] = [
  { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }, { kind: 'guest_mount', lpar: L1, slot: S0 },
];
const PATENT = ['patent-lpar-a', 'patent-lpar-b'];

/** Case (a) takeover after LPAR0's OS crashed, up to and including 1103 (add_pci). */
const takeoverA: Command[] = [{ kind: 'os_crash', lpar: L0 }, { kind: 'tick' }, { kind: 'tick' }, cs, cs, cs, cs];

export const FINDINGS: readonly Finding[] = [
  {
    id: 'F-01', designs: PATENT, property: 'INV-09', failsAt: 1,
    title: 'add_pci takes the slot from a running owner without telling it; its OS keeps the disk mounted',
    cause: 'Open question 1: step 503 reassigns an enabled slot. Fixed by addWhileEnabled: reject (remove first).',
    commands: [{ kind: 'add_pci', issuer: L1, from: L0, slot: S0 }],
  },
  {
    id: 'F-02', designs: PATENT, property: 'INV-04', failsAt: 3,
    title: 'rem_pci clears the enable flag (601) but not the gate keeper: the card still DMAs into the removed LPAR',
    cause: 'Open question 3: step 601 leaves the Fig. 8 entry in place. Fixed by disableBlocksDma.',
    commands: [{ kind: 'client_write', lpar: L0 }, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }, { kind: 'device_dma', slot: S0 }],
  },
  {
    id: 'F-03', designs: ['patent-lpar-a'], property: 'INV-01', failsAt: 8,
    title: 'in a case (a) fail-over, a write the failed LPAR0 queued on the card survives the takeover: after 1103 the slot is reachable by LPAR1 (owner) and LPAR0 (its I/O)',
    cause: 'Open question 2: nothing quiesces the card before reassignment (Xen XSA-302). Fixed by inflightDmaOnReassign: quiesce or epoch.',
    commands: [{ kind: 'client_write', lpar: L0 }, ...takeoverA],
  },
  {
    id: 'F-04', designs: ['patent-lpar-a'], property: 'INV-03', failsAt: 9,
    title: "…and when the card performs it, it fetches the data from LPAR1's memory (the gate keeper now maps LPAR1) and writes it to the disk as LPAR0's write",
    cause: 'Open question 2, as F-03.',
    commands: [{ kind: 'client_write', lpar: L0 }, ...takeoverA, { kind: 'device_dma', slot: S0 }],
  },
  {
    id: 'F-05', designs: ['patent-lpar-a'], property: 'INV-07', failsAt: 13,
    title: "…and if it lands after LPAR1 started the service, a fenced LPAR's write reaches the disk under the new active",
    cause: 'Open question 2, as F-03.',
    commands: [{ kind: 'client_write', lpar: L0 }, ...takeoverA, ...mountInLpar1, cs, { kind: 'device_dma', slot: S0 }],
  },
  {
    id: 'F-06', designs: ['patent-lpar-a'], property: 'INV-06', failsAt: 11,
    title: 'a deact that reports success but leaves LPAR0 running (FLT-15) is not noticed: LPAR1 starts the service while LPAR0 still runs',
    cause: 'Open question 8: the script issues 1101 once and goes on. Fixed by an await-fenced step that re-issues deact until the LPAR is off.',
    // The explorer's shortest: the service fails (FLT-02), LPAR1 detects it (1100), its deact is
    // then reported done while LPAR0 keeps running (FLT-15), and the script goes on to 1105.
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, { kind: 'deact_ineffective', lpar: L0 }, cs, cs, cs, ...mountInLpar1, cs],
  },
  {
    id: 'F-07', designs: PATENT, property: 'INV-11', failsAt: 2,
    title: 'act on an LPAR that still owns the enabled slot boots it straight into the device',
    cause: 'Open questions 4 and 8: any LPAR may act any other, and nothing orders act after rem_pci. Fixed by authorization: takeover-fenced.',
    commands: [{ kind: 'deact', issuer: L1, target: L0 }, { kind: 'act', issuer: L1, target: L0 }],
  },
  {
    id: 'F-08', designs: PATENT, property: 'INV-05', failsAt: 3,
    title: 'any standby may hot-add the shared device to itself and touch it',
    cause: 'Open question 4: Fig. 3 commands carry no authorization. Fixed by authorization: takeover-only.',
    commands: [{ kind: 'add_pci', issuer: L1, from: L0, slot: S0 }, { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }],
  },
  {
    id: 'F-09', designs: PATENT, property: 'INV-08', failsAt: 2,
    title: "an eject for an LPAR whose GPE is disabled is dropped: its OS never learns the disk is gone",
    cause: 'Open question 5: the emulated SCI is a pulse. Fixed by sciWhenGpeDisabled: latch (ACPI status semantics).',
    commands: [{ kind: 'gpe_disable', lpar: L0 }, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }],
  },
  {
    id: 'F-10', designs: ['patent-lpar-a'], property: 'LIV-04', failsAt: 10,
    title: 'a disk that fails during the fail-over stalls the script before 1105, so the failed LPAR is never brought back',
    cause: 'Open question 8: act (1105) comes after start (1104). Fixed by ordering act right after rem_pci.',
    commands: [{ kind: 'device_error', slot: S0 }, ...takeoverA, { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }],
  },
  {
    id: 'F-12', designs: ['hardened'], property: 'LIV-01', failsAt: 11, lparCount: 3,
    title: 'hardened, three LPARs: if the new active dies during its takeover holding the slot (FLT-18), the next standby fences the old active, not the dead taker, and its takeover waits for the slot forever',
    cause: 'Open question 8: a script has one victim. Not fixed: it needs a script that fences every LPAR holding the service slots; hardened is certified with one fault when there are three LPARs.',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, cs, cs, cs, { kind: 'os_crash', lpar: L1 },
      { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'cluster_step', lpar: lpar(2) }],
  },
  {
    id: 'F-13', designs: ['patent-ppar'], property: 'INV-03', failsAt: 1,
    title: 'second embodiment: with no gate keeper, a stray DMA from the card lands in another partition\'s memory',
    cause: 'Fig. 12 has no translation on the DMA path (the SVP only switches the card). Fixed by a gate keeper with a bounds check (first embodiment).',
    commands: [{ kind: 'stray_dma', slot: S0, window: L1 }],
  },
  {
    id: 'F-14', designs: ['patent-card-rom'], property: 'LIV-05', failsAt: 2,
    title: 'third embodiment: the Fig. 17 device-error eject is dropped while the owner\'s GPE is disabled, so its OS keeps using the dead card',
    cause: 'Open question 5: drop. Fixed by sciWhenGpeDisabled: latch.',
    commands: [{ kind: 'gpe_disable', lpar: L0 }, { kind: 'device_error', slot: S0 }],
  },
  {
    id: 'F-15', designs: ['prior-art-multiport'], property: 'INV-05', failsAt: 1,
    title: 'prior art: a standby mounts the shared multi-port disk whenever it likes',
    cause: 'The multi-port disk has no owner: the problem the patent sets out to solve.',
    commands: [{ kind: 'guest_mount', lpar: L1, slot: S0 }],
  },
  {
    id: 'F-16', designs: ['prior-art-multiport'], property: 'INV-07', failsAt: 2,
    title: "prior art: a faulty standby's stray write lands on the active's disk",
    cause: "The patent's own description of the prior art: an error in the standby disturbs the active's disk.",
    commands: [{ kind: 'guest_mount', lpar: L1, slot: S0 }, { kind: 'stray_mmio', lpar: L1, slot: S0 }],
  },
  {
    id: 'F-11', designs: PATENT, property: 'INV-12', failsAt: 0, lparCount: 3,
    title: "the patent's 90% / 10% CPU split oversubscribes with two standbys (90 + 10 + 10)",
    cause: 'Open question 10: the rate of each standby. Fixed by cpuStandbyPercent 3.',
    commands: [],
  },
];
