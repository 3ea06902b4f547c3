import type { Design } from '../model/index.ts';
import { NONE } from './codes.ts';
import type { PhysicalMemory } from './memory.ts';

/** Why the gate keeper refused an inbound access. */
export type BlockReason = 'gate keeper entry blocked' | 'address outside the mapped window';

/**
 * The gate keeper [110] in the memory controller (Fig. 8): per slot, an entry that maps the
 * device's bus addresses [0, limit) onto a physical window, and a translation cache (IOTLB) that
 * may still hold the previous entry until an invalidation completes. Only the control program
 * writes it. Every refused access is counted (FLT-14, WIT-07).
 */
export class GateKeeper {
  /** Physical base of the mapped window per slot, or NONE: the entry blocks all DMA. */
  readonly entryBase: Int32Array;
  readonly entryLimit: Int32Array;
  /** A cached translation the IOTLB keeps until its invalidation completes (`gk_flush`), or NONE. */
  readonly cachedBase: Int32Array;
  readonly cachedLimit: Int32Array;
  blockedAccesses = 0;
  /** Where the last `translate` would have gone, for the blocked-access record. */
  lastReason: BlockReason = 'gate keeper entry blocked';

  constructor(slotCount: number, private readonly memory: PhysicalMemory, private readonly design: Design) {
    this.entryBase = new Int32Array(slotCount).fill(NONE);
    this.entryLimit = new Int32Array(slotCount);
    this.cachedBase = new Int32Array(slotCount).fill(NONE);
    this.cachedLimit = new Int32Array(slotCount);
  }

  /** The LPAR whose window the entry maps, or NONE. */
  entryWindow(slot: number): number {
    const base = this.entryBase[slot]!;
    return base === NONE ? NONE : this.memory.windowOf(base, this.entryLimit[slot]!);
  }

  cachedWindow(slot: number): number {
    const base = this.cachedBase[slot]!;
    return base === NONE ? NONE : this.memory.windowOf(base, this.cachedLimit[slot]!);
  }

  /** The window a DMA from the slot goes to now: a cached translation first, then the entry. */
  effectiveWindow(slot: number): number {
    return this.cachedBase[slot] !== NONE ? this.cachedWindow(slot) : this.entryWindow(slot);
  }

  /**
   * Fig. 8 (a) → (b): point the entry at `lpar`'s window (NONE blocks it). Returns true when the
   * IOTLB now holds a stale translation whose invalidation is still to complete.
   */
  rewrite(slot: number, lpar: number): boolean {
    const oldWindow = this.entryWindow(slot);
    let invalidationQueued = false;
    if (this.design.gateKeeperCache === 'invalidate-after-enable' && oldWindow !== NONE && oldWindow !== lpar && this.cachedBase[slot] === NONE) {
      this.cachedBase[slot] = this.entryBase[slot]!;
      this.cachedLimit[slot] = this.entryLimit[slot]!;
      invalidationQueued = true;
    }
    if (lpar === NONE) {
      this.entryBase[slot] = NONE;
      this.entryLimit[slot] = 0;
    } else {
      this.entryBase[slot] = this.memory.windowBase(lpar);
      this.entryLimit[slot] = this.memory.windowBytes;
    }
    return invalidationQueued;
  }

  /** The IOTLB invalidation completes: the cached translation is gone. */
  invalidate(slot: number): void {
    this.cachedBase[slot] = NONE;
    this.cachedLimit[slot] = 0;
  }

  /**
   * Translate an inbound access of `length` bytes at bus address `busAddress`: the physical
   * address, or NONE when blocked (the reason is in `lastReason`, and the access is counted).
   */
  translate(slot: number, busAddress: number, length: number): number {
    const cached = this.cachedBase[slot] !== NONE;
    const base = cached ? this.cachedBase[slot]! : this.entryBase[slot]!;
    const limit = cached ? this.cachedLimit[slot]! : this.entryLimit[slot]!;
    if (base === NONE) return this.block('gate keeper entry blocked');
    if (busAddress < 0 || busAddress + length > limit) return this.block('address outside the mapped window');
    return base + busAddress;
  }

  private block(reason: BlockReason): number {
    this.blockedAccesses += 1;
    this.lastReason = reason;
    return NONE;
  }
}
