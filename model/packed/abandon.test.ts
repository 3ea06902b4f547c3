// Why this test exists: main's model added a clustering step that random walks and the 2-LPAR
// exhaustive spaces never reach: under exclusive arbitration, a takeover whose victim another
// LPAR has already replaced (that LPAR started the service and runs it) is abandoned, e.g. a
// journaled script resumed after a reset, too late (model/handlers/cluster-plan.ts, `abandon`).
// It needs three LPARs; the state is built by hand, and the packed successors must agree.
import { describe, expect, it } from 'vitest';
import { builtInDesign, initialState, step, type LparId, type ModelState } from '../index.ts';
import { disagreement } from './agreement.testing.ts';
import { PackedSystem } from '../../check/explore/packed/system.ts';

const design = builtInDesign('hardened')!;
const config = { lparCount: 3, slotCount: 1, faultBudget: 2, writeBudget: 1 } as const;

/** LPAR1 still runs a takeover of LPAR0, which LPAR2 has already completed: it serves, with the slot. */
function lateTakeover(): ModelState {
  const s = initialState(config, design);
  const [l0, l1, l2] = s.lpars as [ModelState['lpars'][0], ModelState['lpars'][0], ModelState['lpars'][0]];
  return {
    ...s,
    serviceOwner: 2 as LparId,
    previousServiceOwner: 0 as LparId,
    lpars: [
      { ...l0, role: 'standby', service: 'stopped', devices: ['none'], cpuPercent: design.cpuStandbyPercent },
      { ...l1, role: 'takeover', cluster: { ...l1.cluster, script: { victim: 0 as LparId, step: 1, slotMask: 1, falsePositive: false } } },
      { ...l2, role: 'active', service: 'running', devices: ['mounted'], cpuPercent: design.cpuActivePercent },
    ],
    slots: [{ ...s.slots[0]!, owner: 2 as LparId, gateKeeper: 2 as LparId }],
  };
}

describe('a late takeover under exclusive arbitration (3 LPARs, hardened)', () => {
  it('is abandoned by the reference, and the packed system agrees on every successor', () => {
    const state = lateTakeover();
    const abandoned = step(state, { kind: 'cluster_step', lpar: 1 as LparId }, design);
    expect(abandoned.effects.map((e) => e.kind)).toEqual(['takeover-abandoned']);
    expect(disagreement(state, new PackedSystem(design, config)).problem).toBeNull();
  });
});
