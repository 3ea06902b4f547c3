// Why (issue 18, open question 2): how a `quiesce` design quiesces the card is a design field,
// `quiesceBy`: a function-level reset at step 503 (DSN-06), the reset at step 601 instead, or a
// drain at 503 (wait for the card's write to complete before the slot changes hands). A reset at
// 601 never happens to a slot reassigned without a rem_pci, so the old owner's write lands in the
// new owner's window: INV-03, INV-01 and INV-07 must catch it. On hardened every slot goes through
// 601 before 503, so both variants are correct alternatives there; and a reset at 601 even closes
// the window a design that leaves the gate keeper mapped at 601 has.
import { describe, expect, it } from 'vitest';
import { initialState, lpar, slot, step, type Command, type Design } from '../../model/index.ts';
import { commandLabel } from './command-ids.ts';
import { exploreWith } from './explore.ts';
import { referenceSystem } from './reference-system.ts';
import { config, design, property, UNBOUNDED } from './testing.ts';

const c = config(2, 1, 1, 1);
const explore = (d: Design, only?: string[]) => exploreWith(referenceSystem(d, c, { symmetry: false }), { ...UNBOUNDED, ...(only === undefined ? {} : { only }) });
const verdicts = (d: Design) => Object.fromEntries(explore(d).properties.map((p) => [p.id, p.verdict]));
const hardened = design('hardened');

describe('quiesceBy', () => {
  // hardened, except that any LPAR may add_pci a slot still enabled for another (the patent's choices).
  const reassigning: Design = { ...hardened, addWhileEnabled: 'reassign', authorization: 'any' };

  it('reset-at-rem-pci on a design that reassigns an enabled slot: the old owner\'s write lands in the new owner\'s window', () => {
    const r = explore({ ...reassigning, quiesceBy: 'reset-at-rem-pci' }, ['INV-01', 'INV-03', 'INV-07']);
    const found = property(r, 'INV-03').counterexample!;
    expect(found.steps.map((s) => commandLabel(s.command))).toEqual(['client_write(0)', 'add_pci(1,0,0)', 'device_dma(0)']);
    expect(found.why).toMatch(/LPAR0's I\/O.*LPAR1's window/);
    expect(property(r, 'INV-01').counterexample!.steps).toHaveLength(2);
    expect(property(r, 'INV-07').counterexample!.steps).toHaveLength(3);
  });

  it('the same design with the reset at 503 (or a drain there) holds INV-01, INV-03 and INV-07', () => {
    for (const by of ['reset-at-add-pci', 'drain-at-add-pci'] as const) {
      const r = explore({ ...reassigning, quiesceBy: by }, ['INV-01', 'INV-03', 'INV-07']);
      expect(r.properties.map((p) => p.verdict), by).toEqual(['pass', 'pass', 'pass']);
    }
  });

  it('a drain completes the write through the old entry before 503 reassigns; a reset loses it', () => {
    const d: Design = { ...reassigning, clientAck: 'after-durable' };
    const write: Command = { kind: 'client_write', lpar: lpar(0) };
    const add: Command = { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: slot(0) };
    const before = step(initialState(c, d), write, d).state;
    expect(before.slots[0]!.io).not.toBeNull();
    const drained = step(before, add, { ...d, quiesceBy: 'drain-at-add-pci' });
    expect(drained.state.slots[0]!.io).toBeNull();
    expect(drained.state.disk).toEqual({ writeId: 1, intact: true });
    expect(drained.effects).toContainEqual({ kind: 'dma', slot: 0, issuer: 0, window: 0, result: 'landed', reason: "issuer's window" });
    const reset = step(before, add, { ...d, quiesceBy: 'reset-at-add-pci' });
    expect(reset.state.slots[0]!.io).toBeNull();
    expect(reset.state.disk).toEqual(before.disk);
    expect(reset.effects.some((e) => e.kind === 'io-aborted')).toBe(true);
  });

  it('on hardened both variants are correct alternatives: every property holds', () => {
    const base = verdicts(hardened);
    expect(Object.entries(base).filter(([id, v]) => id.startsWith('INV') && v !== 'pass')).toEqual([]);
    expect(verdicts({ ...hardened, quiesceBy: 'drain-at-add-pci' })).toEqual(base);
    expect(verdicts({ ...hardened, quiesceBy: 'reset-at-rem-pci' })).toEqual(base);
  });

  it('a reset at 601 closes the window a gate keeper left mapped at 601 opens (INV-03, INV-04)', () => {
    const unblocked: Design = { ...hardened, disableBlocksDma: false };
    expect(property(explore(unblocked, ['INV-03']), 'INV-03').counterexample!.steps).toHaveLength(7);
    const r = explore({ ...unblocked, quiesceBy: 'reset-at-rem-pci' }, ['INV-03', 'INV-04']);
    expect(r.properties.map((p) => p.verdict)).toEqual(['pass', 'pass']);
  });
});
