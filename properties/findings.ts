import type { Command, Design } from '../model/index.ts';
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
  readonly slotCount?: number;
  readonly title: string;
  /** Which open question of DESIGN.md §2 it comes from, and what closes it. */
  readonly cause: string;
  readonly commands: readonly Command[];
  /**
   * A candidate met on the way to a design: the fields in which it differed from the first design
   * named (that design's earlier version). The finding is replayed on the design with these.
   */
  readonly candidate?: { readonly name: string; readonly description: string; readonly fields: Partial<Design> };
  /** The built-in design that does not show it, where that is not the rule of findings.test.ts. */
  readonly fixedBy?: string;
}

const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);
const cs: Command = { kind: 'cluster_step', lpar: L1 };
const cs0: Command = { kind: 'cluster_step', lpar: L0 };
const cs2: Command = { kind: 'cluster_step', lpar: lpar(2) };
const mountInLpar1: Command[] = [
  { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }, { kind: 'guest_mount', lpar: L1, slot: S0 },
];
const PATENT = ['patent-lpar-a', 'patent-lpar-b'];

/** DSN-07 as first built (2026-12-02): hardened with slot-holder victims and slot lists re-read, nothing more. */
const DSN07_FIRST: Finding['candidate'] = {
  name: 'hardened-fence-all-first',
  description: 'DSN-07 as first built: failoverVictims slot-holders and scriptSlots current only',
  fields: { failoverVictims: 'slot-holders', fenceRecheck: 'once', concurrentTakeovers: 'all-proceed', ownerOfRecordDetects: false, addPciToOwner: 'refuse' },
};

/** Case (a) takeover after LPAR0's OS crashed, up to and including 1103 (add_pci). */
const takeoverA: Command[] = [{ kind: 'os_crash', lpar: L0 }, { kind: 'tick' }, { kind: 'tick' }, cs, cs, cs, cs];

/** The design a finding is shown on: the built-in design named, or the candidate met on the way to it. */
export function findingDesign(f: Finding, base: Design): Design {
  return f.candidate === undefined ? base : { ...base, ...f.candidate.fields, name: f.candidate.name };
}

/**
 * The built-in design that does not show a finding, or null while it is open: the one named, else
 * for a candidate the design it led to, else hardened for a patent design's and DSN-07 for hardened's.
 */
export function findingFixedBy(f: Finding): string | null {
  if (f.fixedBy !== undefined) return f.fixedBy;
  if (f.candidate !== undefined) return f.designs[0]!;
  return f.designs.includes('hardened-fence-all') ? null : f.designs.includes('hardened') ? 'hardened-fence-all' : 'hardened';
}

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
    cause: 'Open question 8: a script has one victim, the LPAR that last started the service. Fixed by failoverVictims: slot-holders (DSN-07): past a standby restarted clean, the victim is the LPAR the service slot is allocated to, and every slot holder is fenced.',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, cs, cs, cs, { kind: 'os_crash', lpar: L1 },
      { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'cluster_step', lpar: lpar(2) }],
  },
  {
    id: 'F-17', designs: ['hardened'], property: 'LIV-01', failsAt: 20, slotCount: 2,
    title: "hardened, two slots: a fail-over's add_pci for slot 1 waits at 502 (card pulled); the next fail-over records the victim's slots at detection (slot 0 only); the card insert then completes the waiting add, slot 1 goes to the new victim, the script never removes it, and act (1105) is refused forever",
    cause: 'Open question 8: the script keeps the slot list it read at detection. Fixed by scriptSlots: current (DSN-07): the slots are re-read from the table at every step.',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, cs, cs, cs, cs, ...mountInLpar1, { kind: 'card_pull', slot: slot(1) },
      cs, cs, { kind: 'service_fail', lpar: L1 }, { kind: 'tick' }, cs0, { kind: 'card_insert', slot: slot(1) }, cs0, cs0],
  },
  {
    id: 'F-18', designs: ['hardened'], property: 'INV-06', failsAt: 12, lparCount: 3,
    title: 'hardened, three LPARs: the taker LPAR1 dies (FLT-18) after fencing and restarting LPAR0; LPAR2 declares LPAR0, a clean standby, failed again; LPAR1 is reset (FLT-16), resumes its journaled script at 1104 and starts the service while LPAR0, declared failed and not fenced since, runs',
    cause: 'Open question 8, the design and not the model: detection names the LPAR that last started the service, which the dead takeover had already fenced, and the resumed script does not look again. The disk is never reachable by two LPARs; the fence the cluster declared is not honoured. Fixed by failoverVictims: slot-holders (DSN-07): LPAR2 fences LPAR1, which holds the slot.',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, cs, cs, cs, { kind: 'os_crash', lpar: L1 }, cs2,
      { kind: 'os_reboot', lpar: L1 }, { kind: 'guest_mount', lpar: L1, slot: S0 }, cs],
  },
  {
    id: 'F-19', designs: ['hardened-fence-all'], property: 'INV-06', failsAt: 14, lparCount: 3, candidate: DSN07_FIRST,
    title: 'DSN-07 as first built, three LPARs, three faults: the taker LPAR1 dies after restarting LPAR0 and before add_pci; LPAR2 declares LPAR0 (still the table owner of the disabled slot) failed; LPAR1 is reset, resumes its journaled script at add_pci, takes the slot and starts the service while LPAR0, declared failed again, runs unfenced',
    cause: 'Open question 8: a journaled takeover resumed after a reset goes on from where it was, past a fence that no longer holds. Fixed by fenceRecheck: every-step (DSN-07): before each step the script re-checks every earlier goal from the first, so LPAR1 fences LPAR0 again.',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, cs, cs, { kind: 'os_crash', lpar: L1 }, cs2,
      { kind: 'os_reboot', lpar: L1 }, cs, ...mountInLpar1, cs],
  },
  {
    id: 'F-20', designs: ['hardened-fence-all'], property: 'LIV-04', failsAt: 10, lparCount: 3, candidate: DSN07_FIRST,
    title: 'DSN-07 as first built, three LPARs, three faults: the taker LPAR1 dies holding the slot, LPAR2 declares it failed and dies too (FLT-18 twice); LPAR0, restarted clean, still counts as the active, so nobody detects anything and LPAR1 is never brought back',
    cause: 'Open question 9: only a standby that hears the active detects, and the active of record is a standby. Fixed by ownerOfRecordDetects (DSN-07): a clean standby left as the owner of record, its service down, detects when no running LPAR is taking over and fences the taker holding the slot.',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, cs, cs, cs, { kind: 'os_crash', lpar: L1 }, cs2, { kind: 'os_crash', lpar: lpar(2) }],
  },
  {
    id: 'F-21', designs: ['hardened-fence-all'], property: 'LIV-01', failsAt: 13, lparCount: 3, candidate: DSN07_FIRST,
    title: 'DSN-07 as first built, three LPARs, three faults: LPAR1 dies after deact; LPAR2 takes the slot over; LPAR1 is reset and resumes its journaled script, whose slot holders now include LPAR2: it removes the slot from the LPAR taking over, and both takeovers stall',
    cause: 'Open question 8: two takeovers at once after a reset. Fixed by concurrentTakeovers: slot-holder-first (DSN-07): of two running takers, one declared failed since it started waits, else the one holding the service slot goes first and the other waits for it.',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, { kind: 'os_crash', lpar: L1 }, cs2, cs2, cs2, cs2,
      { kind: 'os_reboot', lpar: L1 }, cs, { kind: 'guest_sci', lpar: lpar(2) }, { kind: 'guest_configure', lpar: lpar(2), slot: S0 }],
  },
  {
    id: 'F-22', designs: ['hardened-fence-all'], property: 'LIV-01', failsAt: 17, lparCount: 3,
    candidate: {
      name: 'hardened-fence-all-candidate-2',
      description: 'DSN-07 with fenceRecheck and concurrentTakeovers, not yet addPciToOwner',
      fields: { failoverVictims: 'slot-holders', ownerOfRecordDetects: false, addPciToOwner: 'refuse' },
    },
    title: 'a DSN-07 candidate, three LPARs, three faults: LPAR2 fences the dead taker LPAR1, removes the service slot from it and restarts it, then dies; LPAR1, a clean standby the table still gives the removed slot, detects LPAR0, but add_pci from itself is refused (Fig. 5 needs m ≠ n), so it never gets the disk',
    cause: 'Open question 8 with the patent\'s own rule: a removed slot goes back only by add_pci from another LPAR. Fixed by addPciToOwner: reenable (DSN-07): a script may enable again a removed slot the table still allocates to its issuer (503–504).',
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, cs, cs, cs, cs, { kind: 'os_crash', lpar: L1 }, cs2, cs2, cs2, cs2,
      { kind: 'tick' }, { kind: 'os_crash', lpar: lpar(2) }, cs, cs, cs],
  },
  {
    id: 'F-23', designs: ['hardened-fence-all'], property: 'LIV-04', failsAt: 13, lparCount: 3,
    candidate: {
      name: 'hardened-fence-all-candidate-3',
      description: 'DSN-07 with fenceRecheck, concurrentTakeovers, ownerOfRecordDetects and addPciToOwner, fencing slot holders only',
      fields: { failoverVictims: 'slot-holders' },
    },
    title: 'a DSN-07 candidate, three LPARs, three faults: the card is pulled, LPAR1\'s add_pci waits at 502, LPAR1 dies; LPAR2 declares it failed, powers it off (which drops the waiting add) and dies; LPAR0, clean and owner of record, holds the slot itself, so it has no taker to fence, and LPAR1 stays off',
    cause: 'Open question 8: a fence that only follows the slot table misses an LPAR that holds nothing. Fixed by failoverVictims: slot-holders-and-down (DSN-07): every LPAR whose OS is down is power-cycled too, and the owner of record detects a dead taker, or else an LPAR declared failed, that is down.',
    commands: [{ kind: 'card_pull', slot: S0 }, { kind: 'guest_sci', lpar: L0 }, { kind: 'guest_unmount', lpar: L0, slot: S0 }, { kind: 'tick' },
      cs, cs, cs, cs, cs, { kind: 'os_crash', lpar: L1 }, cs2, cs2, { kind: 'os_crash', lpar: lpar(2) }],
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
    id: 'F-28', designs: ['hardened'], property: 'INV-09', failsAt: 5,
    candidate: {
      name: 'hardened-card-rom',
      description: "hardened with the card's ROM as the SCI source (third embodiment, Fig. 14, 15)",
      fields: { sciSource: 'card-rom' },
    },
    title: "third embodiment on hardened, three faults: the taker removes the live victim's slot (601), and the card is pulled before its ROM raises the eject SCI (Fig. 15), so the request goes with the card and the victim's OS keeps the disk mounted with no eject on its way",
    cause: "Open question 5 on the third embodiment: the eject SCI of a hot remove is raised by the very card being removed. Fixed by sciSource: control-program (hardened): the control program raises the SCI itself, card or no card. Found by `mutate` at 2 × 1 with three faults; within two faults it passes every property.",
    commands: [{ kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, cs, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }, { kind: 'card_pull', slot: S0 }],
  },
  {
    id: 'F-24', designs: ['patent-lpar-a', 'patent-lpar-b', 'patent-ppar', 'patent-card-rom'], property: 'INV-14', failsAt: 1,
    title: 'add_pci (503) takes the slot from a running OS that still has the disk mounted: the I/O it had outstanding is lost',
    cause: 'Open questions 1 and 6: step 503 reassigns an enabled slot, and nothing waits for the eject acknowledge. Fixed by addWhileEnabled: reject with ejectAck: required.',
    commands: [{ kind: 'add_pci', issuer: L1, from: L0, slot: S0 }],
  },
  {
    id: 'F-25', designs: ['patent-lpar-a', 'patent-lpar-b', 'patent-ppar'], property: 'LIV-05', failsAt: 1,
    title: 'a device error with no Fig. 17 path: nothing makes the owner\'s OS stop using the dead card',
    cause: 'A device error (FLT-05) can occur in every design; these have no device-error hot-remove. Fixed by deviceErrorHotRemove (Fig. 17) with sciWhenGpeDisabled: latch.',
    commands: [{ kind: 'device_error', slot: S0 }],
  },
  {
    id: 'F-26', designs: ['patent-lpar-a', 'patent-lpar-b', 'patent-ppar'], property: 'LIV-06', failsAt: 4,
    title: 'a direct add_pci takes the service\'s slot from the active, which still heartbeats as healthy: nobody fails over, and the service never runs again',
    cause: 'Open questions 1 and 4: any LPAR may reassign an enabled slot. Fixed by addWhileEnabled: reject and authorization: takeover-only.',
    commands: [{ kind: 'add_pci', issuer: L1, from: L0, slot: S0 }, { kind: 'os_reboot', lpar: L1 }, { kind: 'guest_mount', lpar: L1, slot: S0 }, { kind: 'tick' }],
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
  {
    id: 'F-27', designs: ['hardened-fence-all'], property: 'LIV-06', failsAt: 67, lparCount: 4, slotCount: 2,
    title: 'at 4 × 2 with two faults, a lost heartbeat sets off takeovers one after another (each fencing every slot holder and every LPAR that is down), and the service stays down for 26 fair steps after the last fault, more than the default bound of 25',
    cause: 'Open question 9 and LIV-06 (issue 18): DSN-07 states no recoveryBoundSteps, so the default 25 (hardened\'s longest recovery at 2 × 2) applies; DSN-07 needs 29 fair steps at 4 × 2 f2 w2 and 34 at 3 × 2 f3 w2. Open: a design must state the recovery it guarantees, and no built-in design does.',
    commands: [
      { kind: 'hb_loss', lpar: lpar(0) }, { kind: 'tick' }, { kind: 'tick' }, { kind: 'cluster_step', lpar: lpar(1) }, { kind: 'cluster_step', lpar: lpar(1)
      }, { kind: 'cluster_step', lpar: lpar(1) }, { kind: 'cluster_step', lpar: lpar(1) }, { kind: 'cluster_step', lpar: lpar(1) }, { kind: 'cluster_step',
      lpar: lpar(1) }, { kind: 'guest_sci', lpar: lpar(1) }, { kind: 'guest_configure', lpar: lpar(1), slot: slot(0) }, { kind: 'guest_mount', lpar:
      lpar(1), slot: slot(0) }, { kind: 'cluster_step', lpar: lpar(1) }, { kind: 'cluster_step', lpar: lpar(1) }, { kind: 'cluster_step', lpar: lpar(2) }, {
      kind: 'cluster_step', lpar: lpar(2) }, { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'cluster_step', lpar:
      lpar(2) }, { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'guest_sci', lpar: lpar(2) }, { kind: 'guest_configure', lpar: lpar(2), slot: slot(0) }, {
      kind: 'guest_mount', lpar: lpar(2), slot: slot(0) }, { kind: 'cluster_step', lpar: lpar(2) }, { kind: 'tick' }, { kind: 'cluster_step', lpar: lpar(2)
      }, { kind: 'cluster_step', lpar: lpar(0) }, { kind: 'cluster_step', lpar: lpar(0) }, { kind: 'cluster_step', lpar: lpar(0) }, { kind: 'cluster_step',
      lpar: lpar(0) }, { kind: 'cluster_step', lpar: lpar(0) }, { kind: 'cluster_step', lpar: lpar(0) }, { kind: 'guest_sci', lpar: lpar(0) }, { kind:
      'guest_configure', lpar: lpar(0), slot: slot(0) }, { kind: 'guest_mount', lpar: lpar(0), slot: slot(0) }, { kind: 'cluster_step', lpar: lpar(0) }, {
      kind: 'cluster_step', lpar: lpar(0) }, { kind: 'card_pull', slot: slot(0) }, { kind: 'guest_sci', lpar: lpar(0) }, { kind: 'card_insert', slot:
      slot(0) }, { kind: 'client_write', lpar: lpar(0) }, { kind: 'guest_configure', lpar: lpar(0), slot: slot(1) }, { kind: 'guest_mount', lpar: lpar(0),
      slot: slot(1) }, { kind: 'cluster_step', lpar: lpar(3) }, { kind: 'device_dma', slot: slot(0) }, { kind: 'tick' }, { kind: 'tick' }, { kind:
      'hb_restore', lpar: lpar(0) }, { kind: 'tick' }, { kind: 'guest_unmount', lpar: lpar(0), slot: slot(0) }, { kind: 'guest_sci', lpar: lpar(0) }, {
      kind: 'guest_configure', lpar: lpar(0), slot: slot(0) }, { kind: 'guest_mount', lpar: lpar(0), slot: slot(0) }, { kind: 'tick' }, { kind:
      'cluster_step', lpar: lpar(3) }, { kind: 'cluster_step', lpar: lpar(3) }, { kind: 'cluster_step', lpar: lpar(3) }, { kind: 'tick' }, { kind: 'tick' },
      { kind: 'cluster_step', lpar: lpar(3) }, { kind: 'cluster_step', lpar: lpar(3) }, { kind: 'guest_sci', lpar: lpar(3) }, { kind: 'guest_configure',
      lpar: lpar(3), slot: slot(0) }, { kind: 'guest_mount', lpar: lpar(3), slot: slot(0) }, { kind: 'cluster_step', lpar: lpar(3) }, { kind: 'guest_sci',
      lpar: lpar(3) }, { kind: 'guest_configure', lpar: lpar(3), slot: slot(1) }, { kind: 'guest_mount', lpar: lpar(3), slot: slot(1) }, { kind: 'tick' }, {
      kind: 'cluster_step', lpar: lpar(3) }
    ],
  },
];
