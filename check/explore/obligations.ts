import type { Design, ModelState } from '../../model/index.ts';
import type { Liveness } from '../../properties/catalogue-types.ts';
import { ChunkedArray } from './chunked.ts';
import type { LivenessView } from './system.ts';

/** Obligations one property can name at most: a bit each in an Int32 mask. */
const MAX_OBLIGATIONS = 31;

/**
 * Per liveness property, which obligations are open in each expanded state, as a bit mask over
 * the property's obligation names (interned in order of first appearance). An obligation is one
 * named string of `Liveness.pending`, e.g. "LPAR1 is taking over but does not serve yet": a
 * violation is a fair cycle on which one of them stays open throughout.
 */
export class ObligationTable {
  readonly names: string[] = [];
  private readonly bitByName = new Map<string, number>();
  /** Per expanded state: the mask (8 bits per state while every mask fits, wider after). */
  readonly masks = new ChunkedArray('uint8');
  /** Per bit of the liveness view's own numbering (LivenessView.pendingBits): this table's bit, or -1 until met. */
  private readonly bitByViewBit = new Int32Array(32).fill(-1);

  constructor(readonly property: Liveness) {}

  bitOf(name: string): number {
    let bit = this.bitByName.get(name);
    if (bit === undefined) {
      bit = this.names.length;
      if (bit >= MAX_OBLIGATIONS) throw new RangeError(`${this.property.id} names more than ${MAX_OBLIGATIONS} obligations; widen ObligationTable's masks`);
      this.names.push(name);
      this.bitByName.set(name, bit);
    }
    return bit;
  }

  /** The mask of obligations `state` leaves open. */
  maskOf(state: ModelState, design: Design): number {
    return this.maskOfNames(this.property.pending(state, design));
  }

  /** Record the obligations `view` finds open in the next expanded state (states are expanded in index order). */
  record(view: LivenessView): void {
    const bits = view.pendingBits?.(this.property) ?? -1;
    if (bits < 0) {
      this.recordNames(view.pending(this.property));
      return;
    }
    let mask = 0;
    // Ascending view bits are `pending`'s order: new names get this table's bits in the same order as by name.
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const viewBit = 31 - Math.clz32(rest & -rest);
      let bit = this.bitByViewBit[viewBit]!;
      if (bit < 0) this.bitByViewBit[viewBit] = bit = this.bitOf(view.obligationName!(this.property, viewBit));
      mask |= 1 << bit;
    }
    this.masks.push(mask);
  }

  /** Record the obligations open in the next expanded state, by name. */
  recordNames(names: readonly string[]): void {
    this.masks.push(this.maskOfNames(names));
  }

  private maskOfNames(names: readonly string[]): number {
    let mask = 0;
    for (const name of names) mask |= 1 << this.bitOf(name);
    return mask;
  }

  maskAt(index: number): number {
    return this.masks.at(index);
  }

  /** Per expanded state, 1 where some obligation is open: the region its fair cycles lie in. */
  region(): Uint8Array {
    const out = new Uint8Array(this.masks.length);
    for (let i = 0; i < out.length; i += 1) out[i] = this.masks.at(i) === 0 ? 0 : 1;
    return out;
  }
}
