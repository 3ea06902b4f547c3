import { describe, expect, it } from 'vitest';
import { allCommands, initialState, lpar, refusalOf, slot, stateKey, step, type Command, type Design, type ModelState, type StepResult } from '../../model/index.ts';
import { LIVENESS } from '../../properties/catalogue.ts';
import { isFairAction } from '../../properties/fairness.ts';
import { commandLabel } from './command-ids.ts';
import { explore, exploreWith } from './explore.ts';
import { referenceSystem } from './reference-system.ts';
import type { ExploredCounterexample, ExploreReport } from './report.ts';
import type { TransitionSystem } from './system.ts';
import { config, design, options, property, UNBOUNDED } from './testing.ts';

// Why these tests exist: a liveness verdict rests on the fairness argument in fair-cycles.ts.
// (1) Every lasso the explorer reports on the real model is re-checked here with nothing but
// `step`, `refusalOf`, `isFairAction` and the catalogue: it replays, its cycle closes, the
// obligation is open in every state of the cycle, and every fair action enabled throughout the
// cycle is taken on it. (2) Toy systems pin the cases the real model rarely shows: a cycle of
// several states, a fair action that leaves the cycle (no violation), a cycle that must detour
// to a state where an action is disabled, and a reduced graph whose cycle returns to a renamed
// copy of its start.

function checkLassoIndependently(report: ExploreReport, d: Design, cx: ExploredCounterexample): void {
  const live = LIVENESS.find((p) => p.id === cx.propertyId)!;
  const states: ModelState[] = [report.initialState];
  for (const s of cx.steps) {
    const result = step(states.at(-1)!, s.command, d);
    expect(result.outcome.kind).toBe('ok');
    expect(stateKey(result.state)).toBe(stateKey(s.state));
    states.push(result.state);
  }
  const loopStart = cx.loopStart!;
  const cycleStates = states.slice(loopStart, -1);
  expect(cycleStates.length).toBeGreaterThan(0);
  expect(stateKey(states.at(-1)!), 'the cycle closes').toBe(stateKey(states[loopStart]!));
  const obligation = cx.why.slice(0, cx.why.indexOf(', in every state'));
  for (const s of cycleStates) expect(live.pending(s, d)).toContain(obligation);
  const taken = new Set(cx.steps.slice(loopStart).map((s) => commandLabel(s.command)));
  for (const s of cx.steps.slice(loopStart)) expect(isFairAction(s.command, states[cx.steps.indexOf(s)]!), 'only fair actions on the cycle').toBe(true);
  const enabledThroughout = allCommands(report.config).filter((c) => cycleStates.every((s) => isFairAction(c, s) && refusalOf(s, c, d) === null));
  for (const c of enabledThroughout) expect(taken, `${commandLabel(c)} is enabled throughout the cycle`).toContain(commandLabel(c));
  expect([...cx.fairActions!].sort()).toEqual(enabledThroughout.map(commandLabel).sort());
}

describe('lassos on the real model, re-checked independently', () => {
  it.each([
    ['patent-lpar-a', 2, 1, 2, 1, false],
    ['patent-lpar-b', 2, 1, 2, 1, false],
    ['patent-lpar-a', 3, 1, 1, 1, true],
  ] as const)('%s, %i LPARs × %i slot, faults %i, writes %i, symmetry %s', (name, lpars, slots, faults, writes, symmetry) => {
    const d = design(name);
    const report = explore(options(name, config(lpars, slots, faults, writes), { symmetry }));
    const lassos = report.properties.filter((p) => p.expect === 'eventually' && p.counterexample !== null);
    expect(lassos.length).toBeGreaterThan(0);
    for (const p of lassos) checkLassoIndependently(report, d, p.counterexample!);
  }, 120_000);

  it('the hardened design keeps every liveness property (and every invariant) at 2 LPARs × 1 slot, faults 2, writes 1', () => {
    const report = explore(options('hardened', config(2, 1, 2, 1)));
    expect(report.verdict).toBe('pass');
    expect(report.properties.filter((p) => p.expect !== 'sometimes').map((p) => p.verdict)).toEqual(Array(20).fill('pass')); // 14 invariants and 6 liveness
  }, 60_000);

  it('a planted liveness bug is found: LPAR1 never mounts the disk (Fig. 5 step 508 dropped)', () => {
    const d = design('hardened');
    const base = referenceSystem(d, config(2, 1, 1, 0), { symmetry: false });
    const neverMounts: TransitionSystem<ModelState> = {
      ...base,
      successors: (state, visit) => base.successors(state, (command, next, info) => {
        if (command.kind !== 'guest_mount' || command.lpar !== 1) visit(command, next, info);
      }),
    };
    const report = exploreWith(neverMounts, { ...UNBOUNDED, only: ['LIV-01', 'LIV-02'] });
    const cx = property(report, 'LIV-02').counterexample!;
    expect(cx.why).toMatch(/^LPAR1 owns slot 0 but has not mounted it, in every state of a fair cycle/);
    expect(cx.steps[cx.loopStart! - 1]!.state.lpars[1]!.devices[0]).toBe('configured');
    expect(property(report, 'LIV-01').verdict).toBe('counterexample');
  });
});

// ---- toy systems: a handful of numbered states, real commands as labels ----

const TICK: Command = { kind: 'tick' };
const SCI1: Command = { kind: 'guest_sci', lpar: lpar(1) };
const SCI0: Command = { kind: 'guest_sci', lpar: lpar(0) };
const MOUNT: Command = { kind: 'guest_mount', lpar: lpar(1), slot: slot(0) };
const STEP1: Command = { kind: 'cluster_step', lpar: lpar(1) };
const CRASH: Command = { kind: 'os_crash', lpar: lpar(0) }; // a fault: never fair

/** LIV-02 open (LPAR1 owns slot 0, has not mounted it) or closed (mounted). */
function toyState(open: boolean): ModelState {
  const hardened = design('hardened');
  const s = initialState(config(2, 1, 0, 0), hardened);
  return {
    ...s,
    lpars: s.lpars.map((l, i) => ({ ...l, devices: [i === 1 ? (open ? 'configured' : 'mounted') : 'none'] })),
    slots: s.slots.map((sl) => ({ ...sl, owner: lpar(1), gateKeeper: lpar(1) })),
  };
}

function toySystem(edges: Record<number, [Command, number][]>, open: readonly number[], orbitOf?: (n: number) => number): TransitionSystem<number> {
  const d = design('hardened');
  const base = referenceSystem(d, config(2, 1, 0, 0), { symmetry: false });
  const states = new Map([true, false].map((o) => [o, toyState(o)]));
  return {
    design: d, config: base.config,
    initial: () => 0,
    successors: (n, visit) => { for (const [command, m] of edges[n] ?? []) visit(command, m, { packed: m }); },
    key: orbitOf ?? ((n) => n),
    toModel: (n) => states.get(open.includes(n))!,
    checkState: () => null, checkStep: () => null, witnesses: () => [],
    ...(orbitOf === undefined ? {} : {
      symmetry: { groups: ['toy: states 1 and 2 are renamed copies'], order: 2, exactKey: (n: number) => n, orbitSize: (n: number) => (n === 1 || n === 2 ? 2 : 1) },
    }),
  };
}

function liv02(system: TransitionSystem<number>) {
  const report = exploreWith(system, { ...UNBOUNDED, only: ['LIV-02'] });
  const p = property(report, 'LIV-02');
  const cx = p.counterexample;
  return { verdict: p.verdict, commands: cx?.steps.map((s) => commandLabel(s.command)) ?? [], loopStart: cx?.loopStart ?? null, fair: cx?.fairActions ?? null };
}

describe('fair cycles on toy graphs (LIV-02 open in the listed states)', () => {
  it('a two-state cycle is fair when the action leaving it is enabled in only one of its states', () => {
    const edges = { 0: [[TICK, 1]], 1: [[SCI1, 2], [MOUNT, 3]], 2: [[SCI1, 1]], 3: [[TICK, 3]] } as Record<number, [Command, number][]>;
    expect(liv02(toySystem(edges, [0, 1, 2]))).toEqual({
      verdict: 'counterexample', commands: ['tick()', 'guest_sci(1)', 'guest_sci(1)'], loopStart: 1, fair: ['guest_sci(1)'],
    });
  });

  it('… and not fair when that action is enabled in both states: weak fairness forces it', () => {
    const edges = { 0: [[TICK, 1]], 1: [[SCI1, 2], [MOUNT, 3]], 2: [[SCI1, 1], [MOUNT, 3]], 3: [[TICK, 3]] } as Record<number, [Command, number][]>;
    expect(liv02(toySystem(edges, [0, 1, 2])).verdict).toBe('pass');
  });

  it('a cycle of faults alone is no violation: faults stop', () => {
    const edges = { 0: [[TICK, 1]], 1: [[CRASH, 2], [MOUNT, 3]], 2: [[CRASH, 1], [MOUNT, 3]], 3: [[TICK, 3]] } as Record<number, [Command, number][]>;
    expect(liv02(toySystem(edges, [0, 1, 2])).verdict).toBe('pass');
  });

  it('the cycle detours through the state where a leaving action is disabled, so that it is visibly fair', () => {
    // tick loops everywhere; cluster_step(1) goes 1→2→3 and guest_sci(0) 3→1; guest_mount leaves from 1 and 2 only.
    const edges = {
      0: [[TICK, 1]],
      1: [[TICK, 1], [STEP1, 2], [MOUNT, 4]],
      2: [[TICK, 2], [STEP1, 3], [MOUNT, 4]],
      3: [[TICK, 3], [SCI0, 1]],
      4: [[TICK, 4]],
    } as Record<number, [Command, number][]>;
    expect(liv02(toySystem(edges, [0, 1, 2, 3]))).toEqual({
      verdict: 'counterexample', commands: ['tick()', 'tick()', 'cluster_step(1)', 'cluster_step(1)', 'guest_sci(0)'], loopStart: 1, fair: ['tick()'],
    });
  });

  it('with symmetry reduction a cycle that returns to a renamed copy is unfolded into the concrete cycle', () => {
    const edges = { 0: [[TICK, 1]], 1: [[SCI1, 2], [MOUNT, 3]], 2: [[SCI1, 1]], 3: [[TICK, 3]] } as Record<number, [Command, number][]>;
    const reduced = toySystem(edges, [0, 1, 2], (n) => (n === 2 ? 1 : n));
    const report = exploreWith(reduced, { ...UNBOUNDED, only: ['LIV-02'] });
    expect(report.states).toBe(3);
    expect(report.unreduced).toEqual({ states: 4, transitions: 6 });
    expect(liv02(reduced)).toEqual(liv02(toySystem(edges, [0, 1, 2])));
  });

  it('a state with only a tick self-loop and an open obligation is a violation (nothing fair is left to do)', () => {
    const edges = { 0: [[TICK, 1]], 1: [[TICK, 1]] } as Record<number, [Command, number][]>;
    expect(liv02(toySystem(edges, [1]))).toEqual({ verdict: 'counterexample', commands: ['tick()', 'tick()'], loopStart: 1, fair: ['tick()'] });
  });

  it('… and a fault that could leave that state does not rescue it: weak fairness never forces a fault', () => {
    // A mutation study (2026-11-26) let any edge out of a lone state end its lasso; only one pinned length noticed.
    const edges = { 0: [[TICK, 1]], 1: [[TICK, 1], [CRASH, 2]], 2: [[TICK, 2]] } as Record<number, [Command, number][]>;
    expect(liv02(toySystem(edges, [1]))).toEqual({ verdict: 'counterexample', commands: ['tick()', 'tick()'], loopStart: 1, fair: ['tick()'] });
  });
});

describe('the toy system stands in for a model step', () => {
  it('its open state really opens LIV-02 and its closed one does not', () => {
    const d = design('hardened');
    const live = LIVENESS.find((p) => p.id === 'LIV-02')!;
    expect(live.pending(toyState(true), d)).toEqual(['LPAR1 owns slot 0 but has not mounted it']);
    expect(live.pending(toyState(false), d)).toEqual([]);
    const info: StepResult = step(toyState(true), TICK, d);
    expect(info.outcome.kind).toBe('ok');
  });
});
