import type { Config } from './config.ts';
import type { LparId } from './ids.ts';

/** `off` is powered off; the others are powered on. `shutdown`: the OS stopped itself (step 1108). */
export type OsState = 'off' | 'running' | 'crashed' | 'shutdown';
export type Role = 'active' | 'standby' | 'takeover';
export type ServiceState = 'stopped' | 'running' | 'failed';
/** What a guest OS believes about one slot (Fig. 5 steps 505–508, Fig. 6 steps 604–606). */
export type GuestDevice = 'none' | 'inserting' | 'configured' | 'mounted' | 'ejecting';

/** The emulated ACPI block the control program keeps for one LPAR. Masks are bit-per-slot. */
export interface GpeState {
  readonly status: boolean;
  readonly enabled: boolean;
  readonly insertMask: number;
  readonly ejectMask: number;
  /**
   * Design `sciTrigger: edge` only: a rising edge of the SCI line (status AND enable) the OS has
   * not taken yet. Absent otherwise, so level designs' states are what they were.
   */
  readonly sciEdge?: true;
}

/** A fail-over in progress in one LPAR's clustering program. */
export interface Script {
  readonly victim: LparId;
  /** Index into the design's failover script. */
  readonly step: number;
  /** The victim's slots when it was detected, bit per slot. */
  readonly slotMask: number;
  /** Detected while the victim's OS and service were in fact alive (FLT-03/FLT-04). */
  readonly falsePositive: boolean;
}

export interface ClusterState {
  /** The clustering program runs (it dies with the OS, or alone by FLT-09). */
  readonly alive: boolean;
  /** Ticks since this LPAR last heard the active, capped at the design's timeout (model/heartbeat.ts). */
  readonly silenceTicks: number;
  /** The last heartbeat heard said the active's service had failed (case (b) detection). */
  readonly peerServiceFailed: boolean;
  readonly script: Script | null;
  /**
   * Design `clusterStepsPerTickAtFullCpu` only: the `cluster_step`s this LPAR took since the last
   * tick, against its budget (model/cluster-budget.ts). Absent when 0, so other designs' states are what they were.
   */
  readonly stepsThisTick?: number;
}

export interface LparState {
  readonly os: OsState;
  /** FLT-03: slow or paused. A paused LPAR takes no step and sends no heartbeat. */
  readonly paused: boolean;
  readonly role: Role;
  readonly service: ServiceState;
  /** Per slot. */
  readonly devices: readonly GuestDevice[];
  readonly gpe: GpeState;
  readonly cluster: ClusterState;
  /** FLT-04: this LPAR's outgoing heartbeats are lost. */
  readonly heartbeatLinkUp: boolean;
  /** Step 1108 reached this OS: stop the service and shut down. */
  readonly shutdownRequested: boolean;
  /** FLT-15: the next deact of this LPAR reports success but leaves it running. */
  readonly deactIneffective: boolean;
  readonly cpuPercent: number;
  /** A standby declared this LPAR failed; cleared when `act` brings it back (LIV-04). */
  readonly detectedFailed: boolean;
}

export type CardState = 'present' | 'absent' | 'failed';

/** The card's one in-flight I/O: a disk write whose data the card fetches by DMA. */
export interface InflightIo {
  readonly issuer: LparId;
  readonly writeId: number;
  /** Started under an earlier ownership epoch (design `epoch`): the card must drop it. */
  readonly stale: boolean;
}

/** A logical SCI the control program asked the card's ROM to raise (Fig. 14, Fig. 15). */
export interface RomSciRequest {
  readonly target: LparId;
  readonly event: 'insert' | 'eject';
}

export interface SlotState {
  readonly card: CardState;
  /** Fig. 4: the LPAR the slot is allocated to, and its enable flag. */
  readonly owner: LparId | null;
  readonly enabled: boolean;
  /** Fig. 8: whose memory window the device's DMA is translated into; null blocks all DMA. */
  readonly gateKeeper: LparId | null;
  /** A translation still cached for an earlier window, until its invalidation completes. */
  readonly gateKeeperStale: LparId | null;
  /** Step 502: an add_pci from this LPAR waits for a card to be inserted. */
  readonly pendingAdd: LparId | null;
  readonly romSci: RomSciRequest | null;
  readonly io: InflightIo | null;
  /** Design `ejectAck: required`: the slot waits for this LPAR to acknowledge its eject. */
  readonly ejectAwaitingAck: LparId | null;
}

export interface DiskState {
  /** Write id of the data last written to the service's disk (slot 0); 0 is the initial data. */
  readonly writeId: number;
  /** False when the data came from a memory window other than the writer's. */
  readonly intact: boolean;
}

export interface ModelState {
  readonly config: Config;
  readonly lpars: readonly LparState[];
  readonly slots: readonly SlotState[];
  readonly disk: DiskState;
  /** The LPAR that last started the service: the one the cluster believes active. */
  readonly serviceOwner: LparId;
  /** The LPAR the service moved away from at the last switch (fail-back detection, WIT-08). */
  readonly previousServiceOwner: LparId | null;
  readonly writesIssued: number;
  /** Highest write id acknowledged to a client. */
  readonly ackedWriteId: number;
  readonly faultsUsed: number;
}
