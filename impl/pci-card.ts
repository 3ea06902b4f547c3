import { CARD_PRESENT, NONE, type HotplugEvent, EVENT_INSERT } from './codes.ts';

/**
 * The single-port PCI card [111] in one slot: the registers the owner's driver programs by MMIO
 * (DMA address, write id, doorbell), a command queue of depth 1, the ownership epoch it tags I/O
 * with, and the request register its ROM [1003] services (third embodiment, Fig. 14 / Fig. 15).
 */
export class PciCard {
  state = CARD_PRESENT;
  dmaAddressRegister = 0;
  writeIdRegister = 0;
  /** The queued write: who programmed it, its id, where its data is, the epoch it was tagged with. */
  queued = false;
  queuedIssuer = NONE;
  queuedWriteId = 0;
  queuedBusAddress = 0;
  queuedEpoch = 0;
  /** Ownership epoch register, written by the control program at each reassignment (design `epoch`). */
  epoch = 0;
  /** The ROM's request register: raise an SCI at this LPAR for this event, or nothing (NONE). */
  romTarget = NONE;
  romEvent: HotplugEvent = EVENT_INSERT;
  /** MMIO and config accesses that reached the card's registers. */
  accessesServed = 0;

  /** The driver rings the doorbell: the write named by the registers is queued. */
  ringDoorbell(issuer: number): void {
    this.queued = true;
    this.queuedIssuer = issuer;
    this.queuedWriteId = this.writeIdRegister;
    this.queuedBusAddress = this.dmaAddressRegister;
    this.queuedEpoch = this.epoch;
  }

  dequeue(): void {
    this.queued = false;
    this.queuedIssuer = NONE;
    this.queuedWriteId = 0;
    this.queuedBusAddress = 0;
    this.queuedEpoch = 0;
  }

  clearRomRequest(): void {
    this.romTarget = NONE;
    this.romEvent = EVENT_INSERT;
  }
}
