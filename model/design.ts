// A design is every decision the patent leaves open (DESIGN.md §2, "What the patent leaves
// open", items 1–10), plus the embodiment. The reducer reads these fields and nothing else, so a
// design change is a data change that the checkers can certify.

/** Steps of the clustering program's fail-over script, after detection (Fig. 9). */
export type ScriptStep =
  | 'deact' //            1101 / 1109: power the failed LPAR off
  | 'rem_pci' //          1102 / 1107: logically remove its slots
  | 'request-shutdown' // 1108: tell its OS to stop the service and shut down
  | 'await-fenced' //     not in the patent: wait until it is confirmed off or shut down, re-issuing deact
  | 'add_pci' //          1103: hot-add the slots to this LPAR
  | 'start' //            1104: confirm access (disk mounted), start the service
  | 'act'; //             1105: power the failed LPAR on again, as the standby

export const SCRIPT_STEPS: readonly ScriptStep[] = ['deact', 'rem_pci', 'request-shutdown', 'await-fenced', 'add_pci', 'start', 'act'];

export interface Design {
  /** Short name used on the command line, e.g. `patent-lpar-a`. */
  readonly name: string;
  /** Catalogue id (DSN-01…), or `user` for a design from a user's file. */
  readonly id: string;
  readonly title: string;

  /** First embodiment (LPARs, gate keeper) or second (physical partitions, SVP, no gate keeper). */
  readonly embodiment: 'lpar' | 'ppar';
  /** `multi` is the prior art: a multi-port disk every partition reaches at any time. */
  readonly ports: 'single' | 'multi';
  /** Who raises the logical SCI: the control program (Fig. 5 step 504) or the card's ROM (Fig. 14). */
  readonly sciSource: 'control-program' | 'card-rom';
  /** Fig. 17: on an unrecoverable device error the card posts an eject to the owner's GPE. */
  readonly deviceErrorHotRemove: boolean;

  /** (1) add_pci while the slot is still enabled for another LPAR. */
  readonly addWhileEnabled: 'reassign' | 'reject';
  /** (2) DMA the card started for the old owner that completes after reassignment. */
  readonly inflightDmaOnReassign: 'none' | 'quiesce' | 'epoch';
  /** (3) whether the gate keeper caches translations, and whether invalidation completes before enable. */
  readonly gateKeeperCache: 'none' | 'invalidate-after-enable' | 'invalidate-before-enable';
  /** (3) whether step 601 also blocks the gate keeper entry, or only clears the enable flag. */
  readonly disableBlocksDma: boolean;
  /**
   * (4) `any`: any running LPAR may issue any command. `takeover-only`: only an LPAR failing over
   * a victim, and only against that victim. `takeover-fenced`: that, and no act while the target
   * still owns an enabled slot (it would boot straight into the device).
   */
  readonly authorization: 'any' | 'takeover-only' | 'takeover-fenced';
  /** (5) a logical SCI for an LPAR whose GPE is disabled: dropped, or latched in GPE status. */
  readonly sciWhenGpeDisabled: 'drop' | 'latch';
  /** (6) whether the slot may move on only after the guest acknowledges the eject. */
  readonly ejectAck: 'not-required' | 'required';
  /** (7) when the service acknowledges a client write. */
  readonly clientAck: 'after-durable' | 'before-durable';
  /** (8) the fail-over script, run by the clustering program after it detects a failure. */
  readonly failoverScript: readonly ScriptStep[];
  /** (8) whether a restarted clustering program resumes its script (journaled) or forgets it. */
  readonly scriptSurvivesRestart: boolean;
  /**
   * (8) with more than one standby: `none`, every standby that detects the failure runs its
   * script; `exclusive`, a standby does not start while another running LPAR announces (over the
   * heartbeat network) that it is taking over.
   */
  readonly takeoverArbitration: 'none' | 'exclusive';
  /**
   * Fields added after DSN-06 are optional, and absent means the earlier behaviour, so that the
   * designs certified before them keep their content hash.
   *
   * (8) whom a fail-over fences. `service-owner`: the LPAR that last started the service, alone.
   * `slot-holders`: that LPAR — or, when it is a standby already restarted clean (a takeover died
   * before 1104), the LPAR the service slot is allocated or promised to (502) — and, re-read at
   * every step, every other LPAR that holds a slot in the table or waits for one at 502: the
   * script powers each off (deact) and on again (act), and removes and adds its slots.
   * `slot-holders-and-down`: those, and every other LPAR whose OS is down (crashed or off), so a
   * dead taker's journaled script is wiped and an LPAR declared failed is brought back.
   */
  readonly failoverVictims?: 'service-owner' | 'slot-holders' | 'slot-holders-and-down';
  /**
   * (8) the slots the script removes and adds: `at-detection`, those the victim held when it was
   * declared failed; `current`, those the table gives the script's victims, re-read at every step
   * (a slot a waiting add_pci hands the victim after detection is removed too).
   */
  readonly scriptSlots?: 'at-detection' | 'current';
  /**
   * (8) when the script checks that its victims are fenced: `once`, at the step that fences them,
   * so a script resumed after a reset goes on from where it was; `every-step`, before each step the
   * script re-checks every earlier step's goal from the first, so a victim declared failed again
   * since (by another standby) is fenced again before the service starts. A victim restarted clean
   * by act counts as fenced.
   */
  readonly fenceRecheck?: 'once' | 'every-step';
  /**
   * (8) two running LPARs taking over at once (a journaled script resumed after a reset beside the
   * takeover another standby started meanwhile): `all-proceed`, both run their scripts;
   * `slot-holder-first`: one declared failed since it started waits for the other (which fences
   * it); else only the one the service slot is allocated or promised to (502) goes on, and the
   * others wait for it to finish or fail.
   */
  readonly concurrentTakeovers?: 'all-proceed' | 'slot-holder-first';
  /**
   * (9) whether a standby restarted clean that is still the service's owner of record (its taker
   * died before 1104) detects, as a standby hearing a failed active does, when no running LPAR is
   * taking over and another LPAR holds the service slot. Without it nobody listens for that taker.
   */
  readonly ownerOfRecordDetects?: boolean;
  /**
   * (1) add_pci for a slot allocated to the issuer itself but removed (enable flag 0): `refuse`, as
   * Fig. 5 needs m ≠ n; `reenable`, steps 503–504 enable it for its owner again — a takeover that
   * finds the service slot already allocated to it (a taker fenced it and died) can then use it.
   */
  readonly addPciToOwner?: 'refuse' | 'reenable';
  /**
   * LIV-06: fair steps within which, after the last fault, some LPAR serves again (the service
   * runs with its disk mounted on the enabled slot). Absent means RECOVERY_BOUND_STEPS_DEFAULT.
   */
  readonly recoveryBoundSteps?: number;
  /**
   * (3) the order of the two writes of step 503 (Fig. 5, Fig. 8 a → b). `rewrite-then-enable`: the
   * gate keeper maps the new owner's window by the time its enable flag is 1, so no step sees the
   * new owner enabled while DMA still goes to another window. This is what DSN-01…06 do, taking
   * 503 as one step (the patent names both writes in it, the rewrite "furthermore" after the flag,
   * and says nothing of a window between them). `enable-then-rewrite`: the flag is set first and
   * the gate keeper write lands later (`gk_flush`); until then DMA still goes to the window the
   * entry mapped before. From a blocked entry (or the same window) nothing is left pending: in that
   * window the gate keeper could only block DMA, never misdirect it.
   */
  readonly gateKeeperOrder?: 'rewrite-then-enable' | 'enable-then-rewrite';
  /**
   * (2) how `inflightDmaOnReassign: quiesce` quiesces the card (read only then).
   * `reset-at-add-pci`: a function-level reset at step 503, losing the write the card holds.
   * `reset-at-rem-pci`: the reset at step 601 instead, so a slot reassigned without a rem_pci
   * (addWhileEnabled reassign) is not reset at all. `drain-at-add-pci`: step 503 first waits for
   * the card's write to complete, through the gate keeper as it maps before the rewrite, so the
   * write is delayed to 503 rather than lost (blocked, if 601 blocked the entry).
   */
  readonly quiesceBy?: 'reset-at-add-pci' | 'reset-at-rem-pci' | 'drain-at-add-pci';
  /**
   * (5) the OS's ACPI handler, for one SCI: `scan-every-slot` reads the GPE and takes every
   * pending insertion and eject (events coalesced into one SCI are all seen); `one-event-per-sci`
   * takes one (the lowest slot's eject, else insertion) and clears the rest of its work for the
   * next SCI.
   */
  readonly sciHandler?: 'scan-every-slot' | 'one-event-per-sci';
  /**
   * (5) GPE status when the OS clears it: `write-1-to-clear`, as ACPI, and the control program
   * keeps it set while events remain pending in the bitmaps (QEMU's pcihp), so the SCI asserts
   * again for them; `clear-on-read`, the OS's read clears it whatever remains pending, so an
   * event left pending waits for something else to raise the status.
   */
  readonly gpeStatusClear?: 'write-1-to-clear' | 'clear-on-read';
  /**
   * (5) Fig. 6 step 603: `raise` the logical SCI for a hot-remove of a running LPAR; `skip`, post
   * the eject in the GPE bitmaps with no SCI, so the OS sees it only when something else interrupts.
   */
  readonly hotRemoveSci?: 'raise' | 'skip';
  /**
   * (5) How the OS's interrupt controller takes the SCI line (GPE status AND enable). `level`: the
   * OS takes an SCI whenever the line is high. `edge`: once per rising edge, latched per LPAR
   * (`gpe.sciEdge`) until the OS takes it; a handler that leaves status at 1 (events still
   * pending, or an insertion deferred behind an eject) makes no new edge, so those events wait
   * until status is cleared and raised again (the lost edge). The latch sits behind the enable: a
   * GPE disabled while the edge waits discards it (the OS dispatches only enabled GPEs) and
   * enabling it with status set is a new edge. An edge that reaches a paused OS stays latched
   * until it resumes; one that reaches a crashed or shut-down OS stays latched, never taken, and
   * power-on clears it with the rest of the ACPI block.
   */
  readonly sciTrigger?: 'level' | 'edge';
  /** (9) heartbeat period and the silence after which the peer is declared failed. */
  readonly heartbeatPeriodTicks: number;
  readonly heartbeatTimeoutTicks: number;
  /**
   * (10) CPU allocation rates: the active LPAR, and each standby. An LPAR given 0% runs nothing:
   * its clustering program takes no step (no detection, no script) and sends no heartbeat.
   */
  readonly cpuActivePercent: number;
  readonly cpuStandbyPercent: number;
  /**
   * (10) What a CPU share buys: the clustering-program steps (`cluster_step`: detection, each
   * script step, abandon) an LPAR given 100% may take between two ticks. An LPAR's budget is
   * floor(cpuPercent × this / 100) steps per tick (`clusterStepBudget`), counted per LPAR in
   * `cluster.stepsThisTick` and reset by every tick; an active whose budget is 0 sends no heartbeat.
   * Absent: unbounded, any share above 0% runs as if it had the whole CPU (the patent's reading).
   */
  readonly clusterStepsPerTickAtFullCpu?: number;
}

/** Ticks of silence after which a standby may declare the active failed (model/heartbeat.ts). */
export function timeoutTicks(design: Design): number {
  return Math.max(1, design.heartbeatTimeoutTicks);
}

/** Case (b) of Fig. 9 is the script that asks the failed OS to shut down first. */
export function failoverCase(design: Design): 'a' | 'b' {
  return design.failoverScript.includes('request-shutdown') ? 'b' : 'a';
}

export function hasGateKeeper(design: Design): boolean {
  return design.embodiment === 'lpar';
}

/** The design's `failoverVictims`; designs written before the field have one victim. */
export function failoverVictims(design: Design): 'service-owner' | 'slot-holders' | 'slot-holders-and-down' {
  return design.failoverVictims ?? 'service-owner';
}

/** The design's `fenceRecheck`; designs written before the field check a fence once. */
export function fenceRecheck(design: Design): 'once' | 'every-step' {
  return design.fenceRecheck ?? 'once';
}

/** The design's `concurrentTakeovers`; designs written before the field let every taker proceed. */
export function concurrentTakeovers(design: Design): 'all-proceed' | 'slot-holder-first' {
  return design.concurrentTakeovers ?? 'all-proceed';
}

/** The design's `addPciToOwner`; designs written before the field refuse it, as Fig. 5 does. */
export function addPciToOwner(design: Design): 'refuse' | 'reenable' {
  return design.addPciToOwner ?? 'refuse';
}

/** The design's `sciTrigger`; designs written before the field take the SCI as a level. */
export function sciTrigger(design: Design): 'level' | 'edge' {
  return design.sciTrigger ?? 'level';
}

/**
 * The clustering-program steps an LPAR given `cpuPercent` may take between two ticks:
 * floor(cpuPercent × clusterStepsPerTickAtFullCpu / 100). Without the field, unbounded above 0%
 * (Infinity) and 0 at 0%, as designs written before it behave. A budget of 0 runs nothing.
 */
export function clusterStepBudget(design: Design, cpuPercent: number): number {
  const full = design.clusterStepsPerTickAtFullCpu;
  if (full === undefined) return cpuPercent > 0 ? Number.POSITIVE_INFINITY : 0;
  return Math.floor((cpuPercent * full) / 100);
}

/** Whether the design bounds clustering steps per tick, so that each LPAR counts them (`cluster.stepsThisTick`). */
export function countsClusterSteps(design: Design): boolean {
  return design.clusterStepsPerTickAtFullCpu !== undefined;
}

/** The design's `scriptSlots`; designs written before the field record the slots at detection. */
export function scriptSlots(design: Design): 'at-detection' | 'current' {
  return design.scriptSlots ?? 'at-detection';
}


/**
 * LIV-06's bound when a design states none: `hardened`'s longest recovery (fair steps from the
 * last fault until some LPAR serves again) over the configurations where it holds every other
 * property — 19 at 2 LPARs × 1 slot with 2 faults and 2 writes (the default bound), 18 at 3 × 1
 * with 1 fault, 20 at 2 × 2 with 1 fault, 25 at 2 × 2 with 2 faults (each slot adds its rem_pci,
 * add_pci and hot-plug handshake). That is the timeout, detection, its six-step script, the SCI,
 * GPE read, configure and mount, and the victim's eject acknowledge; a design that never serves
 * again fails LIV-06 whatever the bound.
 */
export const RECOVERY_BOUND_STEPS_DEFAULT = 25;

/** The design's `recoveryBoundSteps`, or the default. */
export function recoveryBoundSteps(design: Design): number {
  return design.recoveryBoundSteps ?? RECOVERY_BOUND_STEPS_DEFAULT;
}

/** The design's `gateKeeperOrder`; designs written before the field rewrite the gate keeper in step 503 itself. */
export function gateKeeperOrder(design: Design): 'rewrite-then-enable' | 'enable-then-rewrite' {
  return design.gateKeeperOrder ?? 'rewrite-then-enable';
}

/** Step 503 sets the enable flag before the gate keeper write lands (a design with a gate keeper only). */
export function lateGateKeeperRewrite(design: Design): boolean {
  return hasGateKeeper(design) && gateKeeperOrder(design) === 'enable-then-rewrite';
}

/** The design's `quiesceBy`; designs written before the field reset the card at step 503. */
export function quiesceBy(design: Design): 'reset-at-add-pci' | 'reset-at-rem-pci' | 'drain-at-add-pci' {
  return design.quiesceBy ?? 'reset-at-add-pci';
}

/** The design's `sciHandler`; designs written before the field scan every slot on an SCI. */
export function sciHandler(design: Design): 'scan-every-slot' | 'one-event-per-sci' {
  return design.sciHandler ?? 'scan-every-slot';
}

/** The design's `gpeStatusClear`; designs written before the field keep status set while events are pending. */
export function gpeStatusClear(design: Design): 'write-1-to-clear' | 'clear-on-read' {
  return design.gpeStatusClear ?? 'write-1-to-clear';
}

/** The design's `hotRemoveSci`; designs written before the field raise step 603's SCI. */
export function hotRemoveSci(design: Design): 'raise' | 'skip' {
  return design.hotRemoveSci ?? 'raise';
}
