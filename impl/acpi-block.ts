import { EVENT_INSERT, type HotplugEvent } from './codes.ts';

/** GPE0 bit the PCI hot-plug events use (QEMU's `ACPI_PCI_HOTPLUG_STATUS` is bit 1 of GPE0; one bit here). */
const GPE_PCI_HOTPLUG = 1;

export type PostResult = 'raised' | 'latched' | 'dropped';

/**
 * The ACPI block the control program emulates for one LPAR (the patent emulates both the SCI
 * source and the GPE register), after QEMU `hw/acpi/pcihp.c`: GPE0 status (write 1 to clear)
 * and enable, the PCI "up" (insertion) and "down" (eject) bitmaps the guest reads, and the SCI
 * as a level: status AND enable. While events remain pending in the bitmaps the emulation keeps
 * the status bit latched, so a guest that clears it with work left is interrupted again.
 */
export class AcpiBlock {
  gpeStatus = 0;
  gpeEnable = GPE_PCI_HOTPLUG;
  pciUp = 0;
  pciDown = 0;
  /** Per slot: how many times an event set its bit (0 → 1); an event can be applied at most once per setting. */
  readonly insertsPosted: Uint32Array;
  readonly ejectsPosted: Uint32Array;

  constructor(slotCount: number) {
    this.insertsPosted = new Uint32Array(slotCount);
    this.ejectsPosted = new Uint32Array(slotCount);
  }

  get enabled(): boolean {
    return (this.gpeEnable & GPE_PCI_HOTPLUG) !== 0;
  }

  get statusSet(): boolean {
    return (this.gpeStatus & GPE_PCI_HOTPLUG) !== 0;
  }

  /** The SCI line: a level, status AND enable. */
  get sciAsserted(): boolean {
    return (this.gpeStatus & this.gpeEnable & GPE_PCI_HOTPLUG) !== 0;
  }

  /** A hot-plug event for `slot`. With the GPE disabled it is dropped or latched, as the design says. */
  post(slot: number, event: HotplugEvent, whenDisabled: 'drop' | 'latch'): PostResult {
    if (!this.enabled && whenDisabled === 'drop') return 'dropped';
    this.postWithoutSci(slot, event);
    this.gpeStatus |= GPE_PCI_HOTPLUG;
    return this.enabled ? 'raised' : 'latched';
  }

  /** The event's bitmap bit alone, GPE status untouched (design `hotRemoveSci: skip`). */
  postWithoutSci(slot: number, event: HotplugEvent): void {
    const bit = 1 << slot;
    if (event === EVENT_INSERT) {
      if ((this.pciUp & bit) === 0) this.insertsPosted[slot]! += 1;
      this.pciUp |= bit;
    } else {
      if ((this.pciDown & bit) === 0) this.ejectsPosted[slot]! += 1;
      this.pciDown |= bit;
    }
  }

  /** FLT-08: the status bit set with nothing pending (a duplicate SCI). */
  setStatusSpuriously(): void {
    this.gpeStatus |= GPE_PCI_HOTPLUG;
  }

  setEnabled(on: boolean): void {
    this.gpeEnable = on ? GPE_PCI_HOTPLUG : 0;
  }

  /**
   * The guest's clear of GPE0 status and of the bitmap bits it handled. Write-1-to-clear keeps
   * status set while bits remain pending; `clear-on-read` status does not.
   */
  clearHandled(upBits: number, downBits: number, relatchPending: boolean): void {
    this.gpeStatus &= ~GPE_PCI_HOTPLUG;
    this.pciUp &= ~upBits;
    this.pciDown &= ~downBits;
    if (relatchPending && (this.pciUp | this.pciDown) !== 0) this.gpeStatus |= GPE_PCI_HOTPLUG;
  }

  /** Power-on reset of the block: nothing pending, GPE enabled (the guest's ACPI init). */
  reset(): void {
    this.gpeStatus = 0;
    this.gpeEnable = GPE_PCI_HOTPLUG;
    this.pciUp = 0;
    this.pciDown = 0;
  }
}
