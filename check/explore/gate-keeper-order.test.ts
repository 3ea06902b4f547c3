// Why (issue 18, open question 3): the order of step 503's two writes is a design field,
// `gateKeeperOrder`. The wrong order must open a window that INV-04 (and INV-01) catch, on the
// shortest path; and the model's order must not (the emulator's side is in
// check/conformance/design-fields.test.ts). On hardened the wrong order is a correct
// alternative: 601 blocks the entry (disableBlocksDma) and add_pci is refused on an enabled slot,
// so 503 always starts from a blocked entry, and enabling first can only delay DMA.
import { describe, expect, it } from 'vitest';
import { initialState, lpar, slot, step, type Command, type Design } from '../../model/index.ts';
import { INV_01, INV_04 } from '../../properties/invariants/containment.ts';
import { HOLDS } from '../../properties/verdict.ts';
import { commandLabel } from './command-ids.ts';
import { exploreWith } from './explore.ts';
import { referenceSystem } from './reference-system.ts';
import { config, design, property, UNBOUNDED } from './testing.ts';

const c = config(2, 1, 1, 1);
const explore = (d: Design, only: string[]) => exploreWith(referenceSystem(d, c, { symmetry: false }), { ...UNBOUNDED, only });

describe('gateKeeperOrder: enable-then-rewrite', () => {
  const patent = design('patent-lpar-a');
  const late: Design = { ...patent, gateKeeperOrder: 'enable-then-rewrite' };
  const addPci: Command = { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: slot(0) };

  it('on the literal patent (add_pci reassigns an enabled slot) one add_pci enables LPAR1 while DMA still goes to LPAR0: INV-04 and INV-01 fail', () => {
    const r = explore(late, ['INV-01', 'INV-04']);
    const found = property(r, 'INV-04').counterexample!;
    expect(found.why).toBe("slot 0 is enabled for LPAR1 but the gate keeper write has not landed: it still maps LPAR0's window");
    expect(found.steps.map((s) => commandLabel(s.command))).toEqual(['add_pci(1,0,0)']);
    expect(property(r, 'INV-01').counterexample!.why).toBe('slot 0 is reachable by LPAR0 and LPAR1');
  });

  it("the model's order leaves no such state: after the same add_pci, and once the late write lands (gk_flush), INV-04 and INV-01 hold", () => {
    const start = initialState(c, patent);
    const inOrder = step(start, addPci, patent).state;
    const opened = step(start, addPci, late).state;
    const closed = step(opened, { kind: 'gk_flush', slot: slot(0) }, late);
    expect(closed.outcome.kind).toBe('ok');
    for (const [s, d] of [[inOrder, patent], [closed.state, late]] as const) {
      expect(INV_04.state!(s, d)).toEqual(HOLDS);
      expect(INV_01.state!(s, d)).toEqual(HOLDS);
    }
    expect(INV_04.state!(opened, late).holds).toBe(false);
  });

  it('on hardened it is a correct alternative: every property keeps its verdict, over the same states', () => {
    const base = exploreWith(referenceSystem(design('hardened'), c, { symmetry: false }), UNBOUNDED);
    const mutant = exploreWith(referenceSystem({ ...design('hardened'), gateKeeperOrder: 'enable-then-rewrite' }, c, { symmetry: false }), UNBOUNDED);
    expect(mutant.properties.map((p) => [p.id, p.verdict])).toEqual(base.properties.map((p) => [p.id, p.verdict]));
    expect(mutant.states).toBe(base.states);
  });
});
