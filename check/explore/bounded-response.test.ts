// Why: issue 18 class 3, "the service runs again within a bounded number of fair steps after the
// last fault" (LIV-06). A bounded response that cannot fail proves nothing: each bug is planted in
// a design object — a bound below what hardened needs, a timeout so long that recovery is slow, a
// standby given 0% of the CPU that never takes over — and must fail LIV-06 on both engines with
// the same trace length, while hardened passes. The walk search itself is checked on hand-built
// graphs: the longest walk through open states counts the step that closes the obligation, and a
// cycle of fair steps that keeps it open has no bound.
import { describe, expect, it } from 'vitest';
import { builtInDesign, categoryOf, enabledCommands, initialState, lpar, step, type Design, type ModelState } from '../../model/index.ts';
import { play, scenarioConfig } from '../../model/testing.ts';
import { LIVENESS } from '../../properties/catalogue.ts';
import { replayCommands } from '../replay.ts';
import { longestOpenRun } from './bounded-response.ts';
import { explore } from './explore.ts';
import { ExploredGraph } from './graph.ts';
import { ObligationTable } from './obligations.ts';
import { config, property, UNBOUNDED } from './testing.ts';

const hardened = builtInDesign('hardened')!;
const small = config(2, 1, 1, 0);

function liv06(design: Design, engine: 'reference' | 'packed') {
  return property(explore({ design, config: small, symmetry: false, ...UNBOUNDED, engine, only: ['LIV-06'] }), 'LIV-06');
}

describe('LIV-06 bounded recovery on the explorer (2 LPARs × 1 slot, one fault)', () => {
  it.each(['reference', 'packed'] as const)('hardened recovers within 14 fair steps, under the default bound of 25 (%s engine)', (engine) => {
    const report = liv06(hardened, engine);
    expect(report.verdict).toBe('pass');
    expect(report.note).toMatch(/within 14 fair step\(s\) after the last fault \(bound 25\)/);
  }, 60_000);

  it.each(['reference', 'packed'] as const)('a bound of 13, one below what hardened needs, fails on a 14-step walk that never serves (%s engine)', (engine) => {
    const found = liv06({ ...hardened, recoveryBoundSteps: 13 }, engine).counterexample!;
    expect(found.why).toMatch(/^no LPAR serves for 14 fair step\(s\) after step \d+, more than the design's recoveryBoundSteps 13$/);
    const from = Number(/after step (\d+)/.exec(found.why)![1]);
    expect(found.steps.length - from).toBe(14);
    expect(found.loopStart).toBeNull();
    // Replay confirms it on the model: the stretch passes the bound within the trace, and not with the default bound.
    const commands = found.steps.map((s) => s.command);
    const replayed = replayCommands({ ...hardened, recoveryBoundSteps: 13 }, small, commands, 'LIV-06', null);
    expect(replayed.verdict).toMatchObject({ kind: 'violated', why: expect.stringMatching(/^no LPAR serves for 14 fair step\(s\) from step \d+, more than the design's recoveryBoundSteps 13$/) });
    expect(replayCommands(hardened, small, commands, 'LIV-06', null).verdict.kind).toBe('holds');
  }, 60_000);

  it('a heartbeat timeout of 20 ticks recovers from a crash too slowly for the default bound', () => {
    const found = liv06({ ...hardened, heartbeatTimeoutTicks: 20 }, 'packed').counterexample!;
    expect(found.why).toMatch(/more than the design's recoveryBoundSteps 25$/);
    expect(found.steps.map((s) => s.command.kind)).toContain('os_crash');
  }, 60_000);

  it.each(['reference', 'packed'] as const)('a standby given 0%% of the CPU never takes over: a fair lasso where nobody serves (class 4, %s engine)', (engine) => {
    const found = liv06({ ...hardened, cpuStandbyPercent: 0 }, engine).counterexample!;
    expect(found.why).toMatch(/^no LPAR serves, in every state of a fair cycle/);
    expect(found.loopStart).not.toBeNull();
  }, 60_000);
});

// Why: clusterStepsPerTickAtFullCpu gives a CPU share a meaning beyond 0%: the share buys
// floor(cpuPercent × steps / 100) clustering steps per tick. A share that buys the standby no step
// must fail LIV-06 though its active (9 steps per tick) keeps sending heartbeats, so INV-13 holds.
// A budget also lengthens recovery as LIV-06 counts it: a tick that gives a standby a fresh budget
// changes the state, so the longest fair walk takes one after every clustering step (19 fair
// steps against 14 without a budget). That walk is open to every budget of 1 step or more, and a
// budget of 1 only makes it compulsory, so LIV-06 cannot tell a tight budget from a generous one
// (both 19); the size of the budget shows in time instead: the ticks a recovery needs at best.
describe('LIV-06 and the CPU step budget (clusterStepsPerTickAtFullCpu, class 4; 2 LPARs × 1 slot, one fault)', () => {
  it.each(['reference', 'packed'] as const)('10 steps per tick at 100%%: the standby\'s 3%% buys 0, it never takes over (a fair lasso), while the active\'s 90%% buys 9 and INV-13 holds (%s engine)', (engine) => {
    const d = { ...hardened, clusterStepsPerTickAtFullCpu: 10 };
    const report = explore({ design: d, config: small, symmetry: false, ...UNBOUNDED, engine, only: ['INV-13', 'LIV-06'] });
    expect(property(report, 'INV-13').verdict).toBe('pass');
    const found = property(report, 'LIV-06').counterexample!;
    expect(found.why).toMatch(/^no LPAR serves, in every state of a fair cycle/);
    expect(found.steps.map((s) => s.command.kind)).toEqual(['service_fail', 'tick', 'tick']);
    expect(found.loopStart).toBe(2);
    // The same design without the budget takes over, as hardened does.
    expect(liv06({ ...d, clusterStepsPerTickAtFullCpu: undefined }, engine).verdict).toBe('pass');
  }, 60_000);

  const s10 = { ...hardened, cpuStandbyPercent: 10 }; // 90 + 10: the standby's share buys 1 step per tick at 10, 10 at 100
  it.each(['reference', 'packed'] as const)('a bound of 18: met without a budget (14 fair steps), broken by every budget, 1 or 10 standby steps per tick alike (19, %s engine)', (engine) => {
    expect(liv06({ ...s10, recoveryBoundSteps: 18 }, engine).note).toMatch(/within 14 fair step\(s\) after the last fault \(bound 18\)/);
    const tight = liv06({ ...s10, recoveryBoundSteps: 18, clusterStepsPerTickAtFullCpu: 10 }, engine).counterexample!;
    const generous = liv06({ ...s10, recoveryBoundSteps: 18, clusterStepsPerTickAtFullCpu: 100 }, engine).counterexample!;
    for (const found of [tight, generous]) {
      expect(found.why).toBe("no LPAR serves for 19 fair step(s) after step 3, more than the design's recoveryBoundSteps 18");
      expect(found.steps).toHaveLength(22);
      // A tick after each clustering step of the takeover: the walk every budget of 1 or more allows.
      expect(found.steps.slice(7, 17).map((s) => s.command.kind)).toEqual(Array.from({ length: 5 }, () => ['tick', 'cluster_step']).flat());
    }
    expect(liv06({ ...s10, recoveryBoundSteps: 19, clusterStepsPerTickAtFullCpu: 10 }, engine).note).toMatch(/within 19 fair step\(s\)/);
  }, 60_000);

  /** Ticks from the active's crash until some LPAR serves, taking every protocol step as soon as it is enabled. */
  function ticksToRecover(d: Design): number {
    let state: ModelState = play(d, [{ kind: 'os_crash', lpar: lpar(0) }]).final;
    let ticks = 0;
    for (let i = 0; i < 200 && !state.lpars.some((l) => l.service === 'running'); i += 1) {
      const next = enabledCommands(state, d).find((c) => categoryOf(c.kind) === 'protocol');
      if (next === undefined) ticks += 1;
      state = step(state, next ?? { kind: 'tick' }, d).state;
    }
    return ticks;
  }

  it('the budget\'s size is the time a takeover takes: 7 ticks at 1 standby step per tick, 4 at 2, 3 at 3, the 2-tick timeout alone from 6', () => {
    expect(initialState(scenarioConfig(), s10).lpars.map((l) => l.cpuPercent)).toEqual([90, 10]);
    const budgets = [10, 20, 30, 60, 100, undefined];
    expect(budgets.map((k) => ticksToRecover({ ...s10, clusterStepsPerTickAtFullCpu: k }))).toEqual([7, 4, 3, 2, 2, 2]);
  });
});

describe('longestOpenRun on hand-built graphs', () => {
  const live = LIVENESS.find((p) => p.id === 'LIV-06')!;
  /** rows: per state, its edges as [target, fair]; open: per state, whether the obligation is open. */
  function build(rows: readonly (readonly [number, boolean])[][], open: readonly boolean[]) {
    const graph = new ExploredGraph();
    for (const row of rows) {
      for (const [target, fair] of row) graph.addEdge(target, 0, fair, false);
      graph.endRow();
    }
    const table = new ObligationTable(live);
    for (const o of open) table.recordNames(o ? ['no LPAR serves'] : []);
    return { graph, table };
  }

  it('counts the longest walk through open states, the closing step included, and follows fair edges only', () => {
    // 0 serves; 1 → 2 → 3 → 0 is the long way, 1 → 0 the short one; 2 → 4 is unfair.
    const { graph, table } = build([[[1, false]], [[0, true], [2, true]], [[3, true], [4, false]], [[0, true]], [[0, true]]], [false, true, true, true, true]);
    expect(longestOpenRun(graph, table, 5, false)).toEqual({ kind: 'bounded', steps: 3, from: 1, ordinals: [1, 0, 0] });
  });

  it('a cycle of fair steps that keeps the obligation open is unbounded, fair or not', () => {
    const { graph, table } = build([[[1, false]], [[2, true]], [[1, true], [0, true]]], [false, true, true]);
    expect(longestOpenRun(graph, table, 3, false)).toEqual({ kind: 'cycle', from: 1, ordinals: [0, 0] });
  });

  it('a step back to the same state is no step without symmetry, and a cycle (a renamed copy) with it', () => {
    const { graph, table } = build([[[1, false]], [[1, true], [0, true]]], [false, true]);
    expect(longestOpenRun(graph, table, 2, false)).toMatchObject({ kind: 'bounded', steps: 1 });
    expect(longestOpenRun(graph, table, 2, true)).toMatchObject({ kind: 'cycle', from: 1 });
  });
});
