// Why this test exists: the explorer records a state's open obligations from the liveness view's
// bits (LivenessView.pendingBits) rather than its names; the table must number them exactly as
// it numbers names, in order of first appearance, or fair-cycle reports would name another
// obligation. The packed view's bits and names are compared with the catalogue's `pending` by
// the agreement tests (model/packed/agreement.testing.ts).
import { describe, expect, it } from 'vitest';
import { LIVENESS } from '../../properties/catalogue.ts';
import type { Liveness } from '../../properties/catalogue-types.ts';
import { ObligationTable } from './obligations.ts';
import type { LivenessView } from './system.ts';

const property: Liveness = LIVENESS.find((p) => p.id === 'LIV-02')!;
const NAMES = ['a', 'b', 'c', 'd'];

/** A view whose numbering is NAMES, showing the given bits. */
function viewOf(bits: number): LivenessView {
  const pending = NAMES.filter((_, i) => (bits & (1 << i)) !== 0);
  return { pending: () => pending, pendingBits: () => bits, obligationName: (_p, bit) => NAMES[bit]!, isFair: () => true };
}

describe('ObligationTable.record', () => {
  it('numbers obligations met by bits as it numbers them by name: in order of first appearance', () => {
    const byBits = new ObligationTable(property);
    const byNames = new ObligationTable(property);
    for (const bits of [0b0000, 0b1100, 0b0101, 0b0011, 0b1111, 0b0000]) {
      byBits.record(viewOf(bits));
      byNames.recordNames(viewOf(bits).pending(property));
    }
    expect(byBits.names).toEqual(['c', 'd', 'a', 'b']);
    expect(byBits.names).toEqual(byNames.names);
    expect(Array.from(byBits.masks.view())).toEqual(Array.from(byNames.masks.view()));
    expect(Array.from(byBits.masks.view())).toEqual([0b0000, 0b0011, 0b0101, 0b1100, 0b1111, 0b0000]);
  });

  it('asks a view for names when it does not number the property', () => {
    const table = new ObligationTable(property);
    table.record({ pending: () => ['x', 'y'], pendingBits: () => -1, isFair: () => true });
    table.record({ pending: () => ['y'], isFair: () => true });
    expect(table.names).toEqual(['x', 'y']);
    expect(Array.from(table.masks.view())).toEqual([0b11, 0b10]);
  });
});
