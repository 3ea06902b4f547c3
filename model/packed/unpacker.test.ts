// Why this test exists: Machine.load unpacks states with code generated from the layout
// (unpacker.ts). It must write exactly what the layout's field table says, for every layout: every
// built-in design and random configurations, on random words (every bit pattern, not only
// reachable states).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DESIGNS } from '../index.ts';
import { compileDesign } from './design-code.ts';
import { layoutFor } from './layout.ts';
import { REGISTER_COUNT } from './registers.ts';
import { unpackByTable, unpackerFor } from './unpacker.ts';

describe('the generated unpacker', () => {
  it('writes what the field table says, for every built-in design and configuration (pinned seed)', () => {
    const config = fc.record({
      lparCount: fc.integer({ min: 2, max: 4 }),
      slotCount: fc.integer({ min: 1, max: 3 }),
      faultBudget: fc.integer({ min: 0, max: 6 }),
      writeBudget: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...BUILT_IN_DESIGNS), config, fc.array(fc.integer(), { minLength: 8, maxLength: 8 }), (design, cfg, random) => {
        const layout = layoutFor(cfg, compileDesign(design));
        const words = Int32Array.from(random.slice(0, layout.words));
        const [b1, r1, b2, r2] = [0, 1, 2, 3].map(() => new Int32Array(REGISTER_COUNT).fill(7));
        unpackByTable(layout, words, b1!, r1!);
        unpackerFor(layout)(words, b2!, r2!);
        expect(b2).toEqual(b1);
        expect(r2).toEqual(r1);
        expect(layout.words).toBeLessThanOrEqual(8);
      }),
      { seed: 0x0c0d_e9e4, numRuns: 300 },
    );
  });

  it('is compiled once per layout', () => {
    const layout = layoutFor({ lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, compileDesign(BUILT_IN_DESIGNS[0]!));
    expect(unpackerFor(layout)).toBe(unpackerFor(layout));
  });
});
