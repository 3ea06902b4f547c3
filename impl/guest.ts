import { NONE, OS_OFF, OS_RUNNING, ROLE_STANDBY, SERVICE_STOPPED } from './codes.ts';

/** A guest OS [206-x]: its power and run state, the service it runs, its PCI driver per slot. */
export class GuestOs {
  os = OS_RUNNING;
  /** FLT-03: slow or paused; takes no step and sends no heartbeat. */
  paused = false;
  service = SERVICE_STOPPED;
  /** Driver state per slot (DRIVER_*). */
  readonly drivers: Uint8Array;
  /** Step 1108 reached this OS: its clustering program is to stop the service and shut down. */
  shutdownRequested = false;
  /** Per slot: hot-plug events the ACPI handler applied, counted for INV-08 "at most once". */
  readonly insertsApplied: Uint32Array;
  readonly ejectsApplied: Uint32Array;

  constructor(slotCount: number) {
    this.drivers = new Uint8Array(slotCount);
    this.insertsApplied = new Uint32Array(slotCount);
    this.ejectsApplied = new Uint32Array(slotCount);
  }

  get poweredOn(): boolean {
    return this.os !== OS_OFF;
  }

  /** Able to take a step now: OS running and not paused. */
  get up(): boolean {
    return this.os === OS_RUNNING && !this.paused;
  }
}

/** The clustering program [103, 104] in one LPAR, and that LPAR's port on the heartbeat network. */
export class ClusterProgram {
  alive = true;
  role = ROLE_STANDBY;
  /** Ticks since this LPAR last heard the active, capped at the timeout (in whole periods). */
  silentTicks = 0;
  /** The last heartbeat heard said the active's service had failed. */
  peerServiceFailed = false;
  /** The fail-over script in progress: victim (NONE: no script), position, the victim's slots, false positive. */
  scriptVictim = NONE;
  scriptStep = 0;
  scriptSlotMask = 0;
  scriptFalsePositive = false;
  /** FLT-04: false while this LPAR's outgoing heartbeats are lost. */
  heartbeatLinkUp = true;
  /**
   * Steps run since the last tick, against the CPU share's budget (design
   * clusterStepsPerTickAtFullCpu; never counted without it). Only a tick resets it.
   */
  stepsThisTick = 0;

  get hasScript(): boolean {
    return this.scriptVictim !== NONE;
  }

  dropScript(): void {
    this.scriptVictim = NONE;
    this.scriptStep = 0;
    this.scriptSlotMask = 0;
    this.scriptFalsePositive = false;
  }
}
