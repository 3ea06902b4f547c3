/** Asynchronous events the machine holds until the scheduler (a command) delivers them. */
export const EV_DMA = 0; //                the card performs its queued write (`device_dma`)
export const EV_IOTLB_INVALIDATE = 1; //   a gate keeper cache invalidation completes (`gk_flush`)
export const EV_ROM_SCI = 2; //            the card's ROM raises the requested SCI (`rom_sci`)
export const EV_GK_REWRITE = 3; //         planted bug only: a gate keeper rewrite issued late
export const EV_GK_POSTED = 4; //          gateKeeperOrder enable-then-rewrite: step 503's entry write lands (`gk_flush`)
export type EventKind = typeof EV_DMA | typeof EV_IOTLB_INVALIDATE | typeof EV_ROM_SCI | typeof EV_GK_REWRITE | typeof EV_GK_POSTED;

/**
 * Pending events ordered by (tick, sequence number). There is at most one event of each kind per
 * slot, so the capacity is exact; exceeding it is a bug in the emulator, not a bound of a run.
 */
export class EventQueue {
  private readonly kinds: Int8Array;
  private readonly slots: Int8Array;
  private readonly args: Int32Array;
  private readonly ticks: Float64Array;
  private readonly seqs: Float64Array;
  private count = 0;
  private nextSeq = 0;

  constructor(private readonly capacity: number) {
    this.kinds = new Int8Array(capacity);
    this.slots = new Int8Array(capacity);
    this.args = new Int32Array(capacity);
    this.ticks = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Schedule an event, or keep the one already pending of that kind for that slot (its arg updated). */
  schedule(kind: EventKind, slot: number, arg: number, tick: number): void {
    const at = this.find(kind, slot);
    if (at >= 0) {
      this.args[at] = arg;
      return;
    }
    if (this.count >= this.capacity) throw new Error(`event queue over its exact capacity ${this.capacity}: an emulator bug`);
    // Kept sorted by (tick, seq): a new event is never earlier than one already queued for the same tick.
    let i = this.count;
    while (i > 0 && this.ticks[i - 1]! > tick) {
      this.copy(i - 1, i);
      i -= 1;
    }
    this.kinds[i] = kind;
    this.slots[i] = slot;
    this.args[i] = arg;
    this.ticks[i] = tick;
    this.seqs[i] = this.nextSeq;
    this.nextSeq += 1;
    this.count += 1;
  }

  has(kind: EventKind, slot: number): boolean {
    return this.find(kind, slot) >= 0;
  }

  argOf(kind: EventKind, slot: number): number {
    const at = this.find(kind, slot);
    return at < 0 ? -1 : this.args[at]!;
  }

  /** Remove the pending event; false if there was none. */
  cancel(kind: EventKind, slot: number): boolean {
    const at = this.find(kind, slot);
    if (at < 0) return false;
    for (let i = at; i + 1 < this.count; i += 1) this.copy(i + 1, i);
    this.count -= 1;
    return true;
  }

  private find(kind: EventKind, slot: number): number {
    for (let i = 0; i < this.count; i += 1) if (this.kinds[i] === kind && this.slots[i] === slot) return i;
    return -1;
  }

  private copy(from: number, to: number): void {
    this.kinds[to] = this.kinds[from]!;
    this.slots[to] = this.slots[from]!;
    this.args[to] = this.args[from]!;
    this.ticks[to] = this.ticks[from]!;
    this.seqs[to] = this.seqs[from]!;
  }
}
