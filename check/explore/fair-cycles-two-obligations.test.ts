// Why (a mutation study of the checkers, 2026-11-26): a liveness obligation is violated only by a fair cycle on which
// THAT obligation is open in every state. `LocalGraph.rowsWithin(bit)` must cut the graph down to
// the states where bit `bit` is set; with `(mask >>> bit) !== 0` instead of `(mask >>> bit) & 1`
// it also kept the states where only a later obligation is open, and no test noticed: every toy
// graph had one obligation. Here two obligations of LIV-02 take turns: each is open in one state of
// a two-state cycle and closed in the other, so neither is open forever and LIV-02 holds.
import { describe, expect, it } from 'vitest';
import { initialState, lpar, slot, type Command, type ModelState } from '../../model/index.ts';
import { LIVENESS } from '../../properties/catalogue.ts';
import { commandLabel } from './command-ids.ts';
import { exploreWith } from './explore.ts';
import { referenceSystem } from './reference-system.ts';
import type { TransitionSystem } from './system.ts';
import { config, design, property, UNBOUNDED } from './testing.ts';

const SCI1: Command = { kind: 'guest_sci', lpar: lpar(1) };
const MOUNT0: Command = { kind: 'guest_mount', lpar: lpar(1), slot: slot(0) };

/** LPAR1 owns both slots (enabled, cards present) and has mounted exactly the slots in `mounted`. */
function twoSlotState(mounted: readonly number[]): ModelState {
  const s = initialState(config(2, 2, 0, 0), design('hardened'));
  return {
    ...s,
    lpars: s.lpars.map((l, i) => ({ ...l, devices: l.devices.map((_, k) => (i !== 1 ? 'none' : mounted.includes(k) ? 'mounted' : 'configured')) })),
    slots: s.slots.map((sl) => ({ ...sl, owner: lpar(1), gateKeeper: lpar(1), enabled: true, card: 'present' })),
  };
}

/** State n of a toy graph stands for `models[n]`; only LIV-02 is asked about. */
function toySystem(edges: Record<number, [Command, number][]>, models: Record<number, ModelState>): TransitionSystem<number> {
  const d = design('hardened');
  const base = referenceSystem(d, config(2, 2, 0, 0), { symmetry: false });
  return {
    design: d, config: base.config,
    initial: () => 0,
    successors: (n, visit) => { for (const [command, m] of edges[n] ?? []) visit(command, m, { packed: m }); },
    key: (n) => n,
    toModel: (n) => models[n]!,
    checkState: () => null, checkStep: () => null, witnesses: () => [],
  };
}

function liv02(system: TransitionSystem<number>) {
  const p = property(exploreWith(system, { ...UNBOUNDED, only: ['LIV-02'] }), 'LIV-02');
  return { verdict: p.verdict, why: p.counterexample?.why ?? null, commands: p.counterexample?.steps.map((s) => commandLabel(s.command)) ?? [] };
}

describe('fair cycles keep to the states where their own obligation is open', () => {
  const live = LIVENESS.find((p) => p.id === 'LIV-02')!;
  const onlySlot0Open = twoSlotState([1]);
  const onlySlot1Open = twoSlotState([0]);

  it('the toy states open one LIV-02 obligation each', () => {
    expect(live.pending(onlySlot0Open, design('hardened'))).toEqual(['LPAR1 owns slot 0 but has not mounted it']);
    expect(live.pending(onlySlot1Open, design('hardened'))).toEqual(['LPAR1 owns slot 1 but has not mounted it']);
  });

  it('a fair cycle whose two states each leave a different obligation open violates neither', () => {
    const edges = { 0: [[SCI1, 1]], 1: [[SCI1, 0]] } as Record<number, [Command, number][]>;
    expect(liv02(toySystem(edges, { 0: onlySlot0Open, 1: onlySlot1Open }))).toEqual({ verdict: 'pass', why: null, commands: [] });
  });

  it('… while the same cycle with slot 1 open in both states is a violation of that obligation alone', () => {
    const bothOpen = twoSlotState([]);
    const edges = { 0: [[SCI1, 1]], 1: [[SCI1, 0], [MOUNT0, 1]] } as Record<number, [Command, number][]>;
    const found = liv02(toySystem(edges, { 0: bothOpen, 1: onlySlot1Open }));
    expect(found.verdict).toBe('counterexample');
    expect(found.why).toMatch(/^LPAR1 owns slot 1 but has not mounted it, in every state of a fair cycle/);
  });
});
