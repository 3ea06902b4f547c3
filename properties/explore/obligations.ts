import type { Design, ModelState } from '../../model/index.ts';
import type { Liveness } from '../catalogue-types.ts';
import { GrowableInt32 } from './state-store.ts';

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
  readonly masks = new GrowableInt32();

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

  /** Record the obligations open in the next expanded state (states are expanded in index order). */
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
}
