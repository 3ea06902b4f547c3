// Why this test exists: toModel/fromModel are how traces and reports see packed states; a state
// the layout cannot hold must be refused by name, never packed into a different state.
import { describe, expect, it } from 'vitest';
import { builtInDesign, initialState, stateKey, type Config, type ModelState } from '../index.ts';
import { PackedSystem } from '../../check/explore/packed/system.ts';

const CONFIG: Config = { lparCount: 3, slotCount: 2, faultBudget: 2, writeBudget: 2 };

describe('the packed codec', () => {
  it('decodes what it encodes (Fig. 4 state 400: every slot allocated to LPAR0, enabled)', () => {
    for (const name of ['patent-lpar-a', 'patent-lpar-b', 'hardened']) {
      const design = builtInDesign(name)!;
      const fast = new PackedSystem(design, CONFIG);
      const state = initialState(CONFIG, design);
      expect(stateKey(fast.toModel(fast.fromModel(state)))).toBe(stateKey(state));
      expect(fast.fromModel(state)).toBe(fast.initial());
    }
  });

  it('refuses a cached translation under a design without a cache, and a write id beyond the budget', () => {
    const design = builtInDesign('patent-lpar-a')!;
    const fast = new PackedSystem(design, CONFIG);
    const state = initialState(CONFIG, design);
    const cached: ModelState = { ...state, slots: state.slots.map((s) => ({ ...s, gateKeeperStale: s.owner })) };
    expect(() => fast.fromModel(cached)).toThrow(/zero-bit/);
    expect(() => fast.fromModel({ ...state, writesIssued: 4 })).toThrow(/2-bit/);
  });
});
