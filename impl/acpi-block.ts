import { EVENT_INSERT, type HotplugEvent } from './codes.ts';

/** GPE0 bit the PCI hot-plug events use (QEMU's `ACPI_PCI_HOTPLUG_STATUS` is bit 1 of GPE0; one bit here). */
const GPE_PCI_HOTPLUG = 1;

export type PostResult = 'raised' | 'latched' | 'dropped';

/**
 * The ACPI block the control program emulates for one LPAR (the patent emulates both the SCI
 * source and the GPE register), after QEMU `hw/acpi/pcihp.c`: GPE0 status (write 1 to clear)
 * and enable, the PCI "up" (insertion) and "down" (eject) bitmaps the guest reads, and the SCI
 * as a level: status AND enable. While events remain pending in the bitmaps the emulation keeps
 * the status bit latched, so a guest that clears it with work left is interrupted again. An
 * edge-triggered block (design `sciTrigger: edge`) also latches each rising edge of that line in
 * `sciEdge` until the guest takes it; the latch sits behind the enable, so a line that drops
 * (GPE disabled, block reset) loses an edge not yet taken.
 */
export class AcpiBlock {
  gpeStatus = 0;
  gpeEnable = GPE_PCI_HOTPLUG;
  pciUp = 0;
  pciDown = 0;
  /** A rising edge of the SCI line the guest has not taken (edge-triggered blocks only). */
  sciEdge = false;
  /** Per slot: how many times an event set its bit (0 → 1); an event can be applied at most once per setting. */
  readonly insertsPosted: Uint32Array;
  readonly ejectsPosted: Uint32Array;

  constructor(slotCount: number, private readonly edgeTriggered = false) {
    this.insertsPosted = new Uint32Array(slotCount);
    this.ejectsPosted = new Uint32Array(slotCount);
  }

  get enabled(): boolean {
    return (this.gpeEnable & GPE_PCI_HOTPLUG) !== 0;
  }

  get statusSet(): boolean {
    return (this.gpeStatus & GPE_PCI_HOTPLUG) !== 0;
  }

  /** Edge-triggered, the line high and no edge latched: no SCI comes for what the block holds until the line drops. */
  get sciStuck(): boolean {
    return this.edgeTriggered && this.sciAsserted && !this.sciEdge;
  }

  /** The SCI line: a level, status AND enable. */
  get sciAsserted(): boolean {
    return (this.gpeStatus & this.gpeEnable & GPE_PCI_HOTPLUG) !== 0;
  }

  /** After a write to status or enable: a rising line latches an edge, a low one holds none. */
  private latchEdge(wasAsserted: boolean): void {
    if (this.edgeTriggered) this.sciEdge = this.sciAsserted && (this.sciEdge || !wasAsserted);
  }

  /** A hot-plug event for `slot`. With the GPE disabled it is dropped or latched, as the design says. */
  post(slot: number, event: HotplugEvent, whenDisabled: 'drop' | 'latch'): PostResult {
    if (!this.enabled && whenDisabled === 'drop') return 'dropped';
    const was = this.sciAsserted;
    this.postWithoutSci(slot, event);
    this.gpeStatus |= GPE_PCI_HOTPLUG;
    this.latchEdge(was);
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
    const was = this.sciAsserted;
    this.gpeStatus |= GPE_PCI_HOTPLUG;
    this.latchEdge(was);
  }

  setEnabled(on: boolean): void {
    const was = this.sciAsserted;
    this.gpeEnable = on ? GPE_PCI_HOTPLUG : 0;
    this.latchEdge(was);
  }

  /**
   * The guest's clear of GPE0 status and of the bitmap bits it handled, which takes its edge.
   * Write-1-to-clear keeps status set while bits remain pending; `clear-on-read` status does not.
   * The clear and the relatch are one trapped access: a status kept set never drops the line, so
   * it makes no new edge.
   */
  clearHandled(upBits: number, downBits: number, relatchPending: boolean): void {
    const was = this.sciAsserted;
    this.sciEdge = false;
    this.pciUp &= ~upBits;
    this.pciDown &= ~downBits;
    const keep = relatchPending && (this.pciUp | this.pciDown) !== 0;
    this.gpeStatus = keep ? this.gpeStatus | GPE_PCI_HOTPLUG : this.gpeStatus & ~GPE_PCI_HOTPLUG;
    this.latchEdge(was);
  }

  /** Power-on reset of the block: nothing pending, GPE enabled (the guest's ACPI init). */
  reset(): void {
    this.gpeStatus = 0;
    this.gpeEnable = GPE_PCI_HOTPLUG;
    this.pciUp = 0;
    this.pciDown = 0;
    this.sciEdge = false;
  }
}
