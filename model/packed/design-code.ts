import { addPciToOwner, clusterStepBudget, concurrentTakeovers, countsClusterSteps, failoverCase, failoverVictims, fenceRecheck, hasGateKeeper, lateGateKeeperRewrite, quiesceBy, sciHandler, sciTrigger, gpeStatusClear, hotRemoveSci, scriptSlots, timeoutTicks, type Design, type ScriptStep } from '../design.ts';
import { CPU_ACTIVE, CPU_OFF, CPU_STANDBY } from './registers.ts';

// A Design compiled to plain numbers and booleans, read by the packed successor generator. Every
// field of model/design.ts is either compiled here or named in UNUSED_FIELDS with the reason the
// model's reducer does not read it; `satisfies` below makes a new Design field a compile error
// until it is placed in one or the other.

export const STEP_DEACT = 0;
export const STEP_REM_PCI = 1;
export const STEP_REQUEST_SHUTDOWN = 2;
export const STEP_AWAIT_FENCED = 3;
export const STEP_ADD_PCI = 4;
export const STEP_START = 5;
export const STEP_ACT = 6;

const STEP_CODES: Record<ScriptStep, number> = {
  deact: STEP_DEACT, rem_pci: STEP_REM_PCI, 'request-shutdown': STEP_REQUEST_SHUTDOWN, 'await-fenced': STEP_AWAIT_FENCED,
  add_pci: STEP_ADD_PCI, start: STEP_START, act: STEP_ACT,
};

export const AUTH_ANY = 0;
export const AUTH_TAKEOVER_ONLY = 1;
export const AUTH_TAKEOVER_FENCED = 2;

export const INFLIGHT_NONE = 0;
export const INFLIGHT_QUIESCE = 1;
export const INFLIGHT_EPOCH = 2;

export const QUIESCE_RESET_AT_ADD = 0;
export const QUIESCE_RESET_AT_REM = 1;
export const QUIESCE_DRAIN_AT_ADD = 2;

export interface DesignCode {
  readonly multiPort: boolean;
  readonly gateKeeper: boolean; // embodiment 'lpar'
  readonly sciFromRom: boolean;
  readonly deviceErrorHotRemove: boolean;
  readonly addRejectWhileEnabled: boolean;
  readonly inflight: number;
  readonly quiesceBy: number; // QUIESCE_*, read under INFLIGHT_QUIESCE
  readonly cacheUntilFlush: boolean; // gateKeeperCache 'invalidate-after-enable'
  readonly lateGateKeeperRewrite: boolean; // gateKeeperOrder 'enable-then-rewrite', with a gate keeper
  readonly disableBlocksDma: boolean;
  readonly authorization: number;
  readonly sciLatch: boolean;
  readonly sciOneEvent: boolean; // sciHandler 'one-event-per-sci'
  readonly gpeClearOnRead: boolean; // gpeStatusClear 'clear-on-read'
  readonly skipRemoveSci: boolean; // hotRemoveSci 'skip'
  readonly sciEdge: boolean; // sciTrigger 'edge'
  readonly ejectAckRequired: boolean;
  readonly ackBeforeDurable: boolean;
  readonly script: Int32Array;
  readonly scriptHasShutdown: boolean;
  readonly scriptSurvivesRestart: boolean;
  readonly exclusiveTakeover: boolean;
  readonly slotHolderVictims: boolean; // failoverVictims 'slot-holders' or 'slot-holders-and-down'
  readonly downVictims: boolean; // failoverVictims 'slot-holders-and-down'
  readonly currentScriptSlots: boolean; // scriptSlots 'current'
  readonly fenceRecheckEveryStep: boolean; // fenceRecheck 'every-step'
  readonly slotHolderFirst: boolean; // concurrentTakeovers 'slot-holder-first'
  readonly ownerOfRecordDetects: boolean;
  readonly addPciToOwnerReenables: boolean; // addPciToOwner 'reenable'
  /** model/heartbeat.ts: the timeout and the period, in ticks. */
  readonly timeoutTicks: number;
  readonly periodTicks: number;
  readonly caseA: boolean;
  /** Canonical CPU codes: equal rates share the lowest code, so equal states pack equally. */
  readonly cpuActiveCode: number;
  readonly cpuStandbyCode: number;
  /** cpuPercent of each code. */
  readonly cpuPercent: readonly [number, number, number];
  /** clusterStepBudget of each CPU code: steps per tick (Infinity when the design sets no budget). */
  readonly clusterBudget: readonly [number, number, number];
  /** clusterStepsPerTickAtFullCpu is set: each LPAR counts its steps (R.CLUSTER_STEPS). */
  readonly countsClusterSteps: boolean;
}

/** Design fields the reducer never reads: labels, and LIV-06's bound (the explorer reads it). */
const UNUSED_FIELDS = ['name', 'id', 'title', 'recoveryBoundSteps'] as const;

const COMPILED = {
  embodiment: true, ports: true, sciSource: true, deviceErrorHotRemove: true, addWhileEnabled: true,
  inflightDmaOnReassign: true, gateKeeperCache: true, disableBlocksDma: true, authorization: true,
  sciWhenGpeDisabled: true, ejectAck: true, clientAck: true, failoverScript: true, scriptSurvivesRestart: true,
  takeoverArbitration: true, failoverVictims: true, scriptSlots: true, cpuActivePercent: true, cpuStandbyPercent: true,
  fenceRecheck: true, concurrentTakeovers: true, ownerOfRecordDetects: true, addPciToOwner: true,
  heartbeatPeriodTicks: true, heartbeatTimeoutTicks: true,
  gateKeeperOrder: true, quiesceBy: true, sciHandler: true, gpeStatusClear: true, hotRemoveSci: true, sciTrigger: true, clusterStepsPerTickAtFullCpu: true,
} as const;
void (COMPILED satisfies Record<Exclude<keyof Design, (typeof UNUSED_FIELDS)[number]>, true>);

export function compileDesign(design: Design): DesignCode {
  const standby = design.cpuStandbyPercent;
  const active = design.cpuActivePercent;
  const cpuStandbyCode = standby === 0 ? CPU_OFF : CPU_STANDBY;
  const cpuActiveCode = active === 0 ? CPU_OFF : active === standby ? cpuStandbyCode : CPU_ACTIVE;
  return Object.freeze({
    multiPort: design.ports === 'multi',
    gateKeeper: hasGateKeeper(design),
    sciFromRom: design.sciSource === 'card-rom',
    deviceErrorHotRemove: design.deviceErrorHotRemove,
    addRejectWhileEnabled: design.addWhileEnabled === 'reject',
    inflight: design.inflightDmaOnReassign === 'quiesce' ? INFLIGHT_QUIESCE : design.inflightDmaOnReassign === 'epoch' ? INFLIGHT_EPOCH : INFLIGHT_NONE,
    quiesceBy: quiesceBy(design) === 'reset-at-rem-pci' ? QUIESCE_RESET_AT_REM : quiesceBy(design) === 'drain-at-add-pci' ? QUIESCE_DRAIN_AT_ADD : QUIESCE_RESET_AT_ADD,
    cacheUntilFlush: design.gateKeeperCache === 'invalidate-after-enable',
    lateGateKeeperRewrite: lateGateKeeperRewrite(design),
    disableBlocksDma: design.disableBlocksDma,
    authorization: design.authorization === 'any' ? AUTH_ANY : design.authorization === 'takeover-only' ? AUTH_TAKEOVER_ONLY : AUTH_TAKEOVER_FENCED,
    sciLatch: design.sciWhenGpeDisabled === 'latch',
    sciOneEvent: sciHandler(design) === 'one-event-per-sci',
    gpeClearOnRead: gpeStatusClear(design) === 'clear-on-read',
    skipRemoveSci: hotRemoveSci(design) === 'skip',
    sciEdge: sciTrigger(design) === 'edge',
    ejectAckRequired: design.ejectAck === 'required',
    ackBeforeDurable: design.clientAck === 'before-durable',
    script: Int32Array.from(design.failoverScript, (s) => STEP_CODES[s]),
    scriptHasShutdown: design.failoverScript.includes('request-shutdown'),
    scriptSurvivesRestart: design.scriptSurvivesRestart,
    exclusiveTakeover: design.takeoverArbitration === 'exclusive',
    slotHolderVictims: failoverVictims(design) !== 'service-owner',
    downVictims: failoverVictims(design) === 'slot-holders-and-down',
    currentScriptSlots: scriptSlots(design) === 'current',
    fenceRecheckEveryStep: fenceRecheck(design) === 'every-step',
    slotHolderFirst: concurrentTakeovers(design) === 'slot-holder-first',
    ownerOfRecordDetects: design.ownerOfRecordDetects === true,
    addPciToOwnerReenables: addPciToOwner(design) === 'reenable',
    timeoutTicks: timeoutTicks(design),
    periodTicks: design.heartbeatPeriodTicks,
    caseA: failoverCase(design) === 'a',
    cpuActiveCode,
    cpuStandbyCode,
    cpuPercent: [0, standby, active] as const,
    clusterBudget: [0, clusterStepBudget(design, standby), clusterStepBudget(design, active)] as const,
    countsClusterSteps: countsClusterSteps(design),
  });
}
