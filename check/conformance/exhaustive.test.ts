// Why: the random runs compare the emulator with the model on sampled paths. This compares them
// on every transition of small spaces, refused commands included, and must catch the planted
// emulator bug (the gate keeper rewritten one event after the enable flag, Fig. 5 step 503) on
// the shortest path that shows it. From the emulator of every edge into a state ('every-edge'),
// it must also catch a bug in state the model leaves out (a heartbeat period counter that wraps),
// which no shortest path of the space reaches.
import { describe, expect, it } from 'vitest';
import { allCommands, builtInDesign, type Config } from '../../model/index.ts';
import { checkEveryTransition } from './exhaustive.ts';

const small: Config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 };

describe('conformance on every transition', () => {
  // States: the explorer's exact counts for the same bound (check/explore/explore.test.ts).
  it.each([
    ['patent-lpar-a', 420], ['patent-lpar-b', 720], ['patent-ppar', 420], ['patent-card-rom', 475], ['prior-art-multiport', 1467], ['hardened', 370], ['hardened-fence-all', 370],
  ] as const)('%s, 2 LPARs × 1 slot, one fault, one write: every command from each of %i states agrees', (name, states) => {
    const r = checkEveryTransition(builtInDesign(name)!, small, { statesMax: 100_000 });
    expect(r.gaps).toEqual([]);
    expect(r.boundHit).toBe(false);
    expect(r.states).toBe(states);
    expect(r.pairs).toBe(states * allCommands(small).length);
  }, 60_000);

  it.each(['patent-lpar-b', 'hardened', 'hardened-fence-all'])('%s, 2 LPARs × 2 slots, one fault, one write: agrees', (name) => {
    const r = checkEveryTransition(builtInDesign(name)!, { ...small, slotCount: 2 }, { statesMax: 100_000 });
    expect(r.gaps).toEqual([]);
    expect(r.accepted).toBeGreaterThan(r.states);
  }, 60_000);

  it.each([
    // DSN-01: a directly issued add_pci reassigns the slot at once (503 enables before the gate keeper follows).
    ['patent-lpar-a', [], 'add_pci'],
    // DSN-06: only the fail-over script may add_pci. The service fails (FLT-02), a heartbeat period
    // passes, LPAR1 detects it (1100), then deact (await-fenced passes in the same step: LPAR0 is
    // off), rem_pci, act; its next step is add_pci (1103).
    ['hardened', ['service_fail', 'tick', 'cluster_step', 'cluster_step', 'cluster_step', 'cluster_step'], 'cluster_step'],
  ] as const)('catches the planted bug enable-before-gatekeeper on %s as CONFORMANCE, on the shortest path', (name, path, kind) => {
    const r = checkEveryTransition(builtInDesign(name)!, small, { statesMax: 100_000, emulator: { plantedBug: 'enable-before-gatekeeper' } });
    const gap = r.gaps.find((g) => g.id === 'CONFORMANCE')!;
    expect(gap.why).toMatch(/gateKeeper: model 1, emulator/);
    expect(gap.path.map((c) => c.kind)).toEqual(path);
    expect(gap.command.kind).toBe(kind);
    // The emulator's own check sees it too, on the same step: the slot enabled, the gate keeper not yet rewritten.
    expect(r.gaps.find((g) => g.id === 'INV-04')).toMatchObject({ path: gap.path, command: gap.command, why: expect.stringMatching(/\(emulator\)$/) });
  }, 60_000);

  it.each([
    ['patent-lpar-a', 420], ['patent-lpar-b', 720], ['patent-ppar', 420], ['patent-card-rom', 475], ['prior-art-multiport', 1467], ['hardened', 370], ['hardened-fence-all', 370],
  ] as const)('%s, 2 LPARs × 1 slot, one fault, one write: every command from the emulator of every edge into each of %i states agrees', (name, states) => {
    const r = checkEveryTransition(builtInDesign(name)!, small, { statesMax: 100_000, along: 'every-edge' });
    expect(r.gaps).toEqual([]);
    expect(r.states).toBe(states);
    expect(r.otherEdges).toBeGreaterThan(states); // self-loops and edges into states reached first another way
    expect(r.pairs).toBe((states + r.otherEdges) * allCommands(small).length);
  }, 60_000);

  it.each(['patent-lpar-a', 'hardened'])('catches the planted bug period-counter-wraps on %s from another edge, and not along shortest paths', (name) => {
    const emulator = { plantedBug: 'period-counter-wraps' as const };
    expect(checkEveryTransition(builtInDesign(name)!, small, { statesMax: 100_000, emulator }).gaps).toEqual([]);
    const r = checkEveryTransition(builtInDesign(name)!, small, { statesMax: 100_000, emulator, along: 'every-edge' });
    // LPAR0 pauses (FLT-03), two periods of silence, it resumes, a period heard: a state first
    // reached with two periods behind it, now with three. The fourth is taken for a missed one.
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0]).toMatchObject({ id: 'CONFORMANCE', command: { kind: 'tick' }, why: expect.stringMatching(/silenceTicks: model 0, emulator 1/) });
    expect(r.gaps[0]!.path.map((c) => c.kind)).toEqual(['pause', 'tick', 'tick', 'resume', 'tick']);
  }, 60_000);

  it('stops at statesMax and says so', () => {
    const r = checkEveryTransition(builtInDesign('hardened')!, small, { statesMax: 50 });
    expect(r.boundHit).toBe(true);
    expect(r.states).toBe(50);
  });
});
