// Why this test exists: the packed form must hold the largest configuration the model allows
// (4 LPARs × 3 slots) for any design, never let a field straddle two words, and give zero bits
// to the fields a design never changes. The word counts of the default configuration are pinned
// because the benchmark's bytes-per-state figure rests on them.
import { describe, expect, it } from 'vitest';
import { builtInDesign, type Config } from '../index.ts';
import { compileDesign } from './design-code.ts';
import { layoutFor } from './layout.ts';
import * as R from './registers.ts';

const DEFAULT: Config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };
const LARGEST: Config = { lparCount: 4, slotCount: 3, faultBudget: 1000, writeBudget: 1000 };

describe('layoutFor packs fields into 32-bit words', () => {
  it('uses 3 words per state for each built-in design in the default configuration', () => {
    for (const name of ['patent-lpar-a', 'patent-lpar-b', 'hardened']) {
      expect(layoutFor(DEFAULT, compileDesign(builtInDesign(name)!)).words).toBe(3);
    }
  });

  it('holds 4 LPARs × 3 slots with the largest budgets, no field crossing a word boundary', () => {
    const layout = layoutFor(LARGEST, compileDesign(builtInDesign('hardened')!));
    const used = new Array<number>(layout.words).fill(0);
    for (const f of layout.fields) {
      const shift = layout.shift[f.register]!;
      expect(shift + f.bits).toBeLessThanOrEqual(32);
      used[layout.word[f.register]!]! += f.bits;
    }
    const totalBits = layout.fields.reduce((sum, f) => sum + f.bits, 0);
    expect(totalBits).toBe(302);
    expect(layout.words).toBeLessThanOrEqual(Math.ceil(totalBits / 32) + 1); // first-fit wastes at most a word here
    expect(used.every((bits) => bits <= 32)).toBe(true);
  });

  it('gives no bits to what the design never sets (DSN-01: no cached translation, no ROM request, no eject wait)', () => {
    const layout = layoutFor(DEFAULT, compileDesign(builtInDesign('patent-lpar-a')!));
    for (const field of [R.GATE_KEEPER_STALE, R.ROM_TARGET, R.ROM_EVENT, R.IO_STALE, R.EJECT_AWAITING_ACK]) {
      expect(layout.mask[R.slotBase(0) + field]).toBe(0);
    }
    expect(layout.mask[R.slotBase(0) + R.OWNER]).toBe(3); // 2 LPARs and null: 2 bits
  });
});
