import type { Config, Design } from '../model/index.ts';
import { AcpiBlock } from './acpi-block.ts';
import { DRIVER_CONFIGURED, DRIVER_MOUNTED, NONE, ROLE_ACTIVE, SERVICE_RUNNING } from './codes.ts';
import { Disk } from './disk.ts';
import { EventQueue } from './event-queue.ts';
import { GateKeeper } from './gate-keeper.ts';
import { ClusterProgram, GuestOs } from './guest.ts';
import { windowBytesFor } from './layout.ts';
import { PhysicalMemory } from './memory.ts';
import type { Observation } from './observations.ts';
import { PciCard } from './pci-card.ts';

/**
 * Test-only defects the checkers must catch. `enable-before-gatekeeper`: the gate keeper is
 * rewritten one event after the enable flag (Fig. 5 step 503). `period-counter-wraps`: the
 * heartbeat period counter is two bits wide, and the period it wraps to 0 on (every fourth) is
 * taken for a missed heartbeat. The model's state leaves the clock out, so that one shows only
 * after paths with more heartbeat periods than any shortest path of a small space has.
 */
export const PLANTED_BUGS = ['enable-before-gatekeeper', 'period-counter-wraps'] as const;
export type PlantedBug = (typeof PLANTED_BUGS)[number];

/**
 * Every register, byte and queue of the emulated machine. Components are plain objects the
 * control program, guests, card and clustering programs mutate in place; nothing here is
 * allocated per command except observations.
 */
export class Machine {
  readonly lparCount: number;
  readonly slotCount: number;
  readonly memory: PhysicalMemory;
  readonly gateKeeper: GateKeeper;
  readonly acpi: readonly AcpiBlock[];
  readonly cards: readonly PciCard[];
  readonly disk = new Disk();
  readonly guests: readonly GuestOs[];
  readonly cluster: readonly ClusterProgram[];

  /** Fig. 4, the PCI slot allocation table [108]: owner and enable flag per slot. */
  readonly owner: Int8Array;
  readonly enabled: Uint8Array;
  /** Control program bookkeeping: an add_pci waiting at step 502 for a card, per slot (or NONE). */
  readonly pendingAdd: Int8Array;
  /** Design `ejectAck: required`: the LPAR whose eject acknowledge the slot waits for (or NONE). */
  readonly ejectAckAwaited: Int8Array;
  /** Control program per LPAR: CPU allocation rate, and FLT-15 armed (the next deact fails silently). */
  readonly cpuPercent: Uint8Array;
  readonly deactFails: Uint8Array;

  /** The cluster's shared configuration: who runs the service, who ran it before, who was declared failed. */
  activeLpar = 0;
  previousActive = NONE;
  failedMask = 0;

  /** Client side of the key-value service: requests sent, highest id acknowledged. */
  writesIssued = 0;
  ackedWriteId = 0;
  faultsUsed = 0;
  /** Simulated time in ticks; only `tick` moves it, one tick at a time. */
  nowTick = 0;
  readonly queue: EventQueue;
  /** Observations of the command being applied. */
  log: Observation[] = [];

  constructor(readonly config: Config, readonly design: Design, readonly plantedBug: PlantedBug | null) {
    const { lparCount, slotCount } = config;
    this.lparCount = lparCount;
    this.slotCount = slotCount;
    this.memory = new PhysicalMemory(lparCount, windowBytesFor(config));
    this.gateKeeper = new GateKeeper(slotCount, this.memory, design);
    this.acpi = Array.from({ length: lparCount }, () => new AcpiBlock(slotCount, design.sciTrigger === 'edge'));
    this.cards = Array.from({ length: slotCount }, () => new PciCard());
    this.guests = Array.from({ length: lparCount }, () => new GuestOs(slotCount));
    this.cluster = Array.from({ length: lparCount }, () => new ClusterProgram());
    this.owner = new Int8Array(slotCount);
    this.enabled = new Uint8Array(slotCount);
    this.pendingAdd = new Int8Array(slotCount).fill(NONE);
    this.ejectAckAwaited = new Int8Array(slotCount).fill(NONE);
    this.cpuPercent = new Uint8Array(lparCount).fill(design.cpuStandbyPercent);
    this.deactFails = new Uint8Array(lparCount);
    this.queue = new EventQueue(slotCount * 5);
    this.startAsPatentFig2();
  }

  /**
   * Fig. 2, Fig. 4 state 400, Fig. 8 (a): LPAR0 active with every slot enabled and mounted; the
   * rest standbys, which with a multi-port disk (the prior art) see it configured through their own port.
   */
  private startAsPatentFig2(): void {
    for (let s = 0; s < this.slotCount; s += 1) {
      this.owner[s] = 0;
      this.enabled[s] = 1;
      this.gateKeeper.rewrite(s, 0);
      this.guests[0]!.drivers[s] = DRIVER_MOUNTED;
      if (this.design.ports === 'multi') for (let l = 1; l < this.lparCount; l += 1) this.guests[l]!.drivers[s] = DRIVER_CONFIGURED;
    }
    this.guests[0]!.service = SERVICE_RUNNING;
    this.cluster[0]!.role = ROLE_ACTIVE;
    this.cpuPercent[0] = this.design.cpuActivePercent;
  }

  observe(o: Observation): void {
    this.log.push(o);
  }

  /** The LPAR the table lets reach the slot (allocated, enable flag 1), or NONE. */
  enabledOwner(slot: number): number {
    return this.enabled[slot] === 1 ? this.owner[slot]! : NONE;
  }
}
