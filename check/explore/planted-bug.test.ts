import { describe, expect, it } from 'vitest';
import type { ModelState, StepResult } from '../../model/index.ts';
import { commandLabel } from './command-ids.ts';
import { exploreWith } from './explore.ts';
import { referenceSystem } from './reference-system.ts';
import type { TransitionSystem } from './system.ts';
import { config, design, property, UNBOUNDED } from './testing.ts';

// Why this test exists: an explorer that never finds anything proves nothing. Here a bug is
// planted in an otherwise clean design (DSN-06 passes INV-04 in this configuration), without
// touching model/: a wrapper system whose step 503 (Fig. 5: table → LPARn, enable 1, gate keeper
// rewritten to LPARn's window, Fig. 8 a→b) forgets the gate keeper rewrite. The explorer must find
// it, with the shortest trace, and must not find it when that trace no longer fits the depth bound.

/** The reference system, except that step 503 leaves every gate keeper entry as it was. */
function gateKeeperNotRewritten(base: TransitionSystem<ModelState>): TransitionSystem<ModelState> {
  return {
    ...base,
    successors(state, visit) {
      base.successors(state, (command, next, info) => {
        const result = info as StepResult;
        if (!result.effects.some((e) => e.kind === 'patent-step' && e.step === 503)) return visit(command, next, info);
        const planted: ModelState = { ...next, slots: next.slots.map((s, i) => ({ ...s, gateKeeper: state.slots[i]!.gateKeeper })) };
        visit(command, planted, { ...result, state: planted });
      });
    },
  };
}

describe('a planted bug: step 503 skips the gate keeper rewrite', () => {
  const c = config(2, 1, 1, 0);
  const d = design('hardened');

  it('the unplanted design holds INV-04 here', () => {
    const report = exploreWith(referenceSystem(d, c, { symmetry: false }), { ...UNBOUNDED, only: ['INV-04'] });
    expect(property(report, 'INV-04').verdict).toBe('pass');
  });

  it('is found with the shortest trace: a service failure, case (b) detection, then the hardened script up to add_pci', () => {
    const report = exploreWith(gateKeeperNotRewritten(referenceSystem(d, c, { symmetry: false })), { ...UNBOUNDED, only: ['INV-04'] });
    const found = property(report, 'INV-04').counterexample!;
    expect(found.why).toBe('slot 0 is enabled for LPAR1 but the gate keeper maps nothing');
    // FLT-02; a heartbeat says the service failed; 1106 detect; deact; (fenced) rem_pci; act; 1103 add_pci → 503.
    expect(found.steps.map((s) => commandLabel(s.command))).toEqual([
      'service_fail(0)', 'tick()', 'cluster_step(1)', 'cluster_step(1)', 'cluster_step(1)', 'cluster_step(1)', 'cluster_step(1)',
    ]);
    const last = found.steps.at(-1)!.state.slots[0]!;
    expect([last.owner, last.enabled, last.gateKeeper]).toEqual([1, true, null]);
  });

  it('is not found when the depth bound is one step shorter than that trace, and the result says inconclusive', () => {
    const report = exploreWith(gateKeeperNotRewritten(referenceSystem(d, c, { symmetry: false })), { ...UNBOUNDED, depthMax: 6, only: ['INV-04'] });
    expect(property(report, 'INV-04').verdict).toBe('inconclusive');
    expect(report.boundHit?.bound).toBe('depthMax');
    expect(report.verdict).toBe('inconclusive');
  });
});
