import type { Invariant, Liveness, Witness } from '../../properties/catalogue-types.ts';
import { longestOpenRun } from './bounded-response.ts';
import type { FairLassoFinder } from './fair-cycles.ts';
import type { ObligationTable } from './obligations.ts';
import { ordinalsToLocator, replayOrdinals } from './paths.ts';
import type { ExploredCounterexample, ExplorePropertyReport } from './report.ts';
import type { SearchOutcome } from './search.ts';
import type { TransitionSystem } from './system.ts';

/** What every property's verdict depends on: the search, and why it is inconclusive if a bound was hit. */
export interface VerdictContext<S> {
  readonly system: TransitionSystem<S>;
  readonly initial: S;
  readonly search: SearchOutcome;
  /** Null when nothing was left unexplored; else the note every open verdict carries. */
  readonly unexplored: string | null;
}

function pathTo<S>(ctx: VerdictContext<S>, ordinals: readonly number[]) {
  return replayOrdinals(ctx.system, ctx.initial, ordinals).steps;
}

export function invariantReport<S>(ctx: VerdictContext<S>, inv: Invariant): ExplorePropertyReport {
  const found = ctx.search.findings.violations.get(inv.id);
  const counterexample: ExploredCounterexample | null = found === undefined ? null
    : { propertyId: inv.id, why: found.why, steps: pathTo(ctx, ordinalsToLocator(ctx.search.store, found.at)), loopStart: null, fairActions: null };
  const verdict = counterexample !== null ? 'counterexample' : ctx.unexplored !== null ? 'inconclusive' : 'pass';
  return { id: inv.id, name: inv.name, expect: 'always', verdict, note: verdict === 'inconclusive' ? ctx.unexplored! : inv.note, counterexample, witness: null };
}

export function livenessReport<S>(ctx: VerdictContext<S>, live: Liveness, finder: FairLassoFinder<S> | null, table: ObligationTable | undefined): ExplorePropertyReport {
  const base = { id: live.id, name: live.name, expect: 'eventually', witness: null } as const;
  const na = live.notApplicable(ctx.system.design);
  if (na !== null || table === undefined || finder === null) return { ...base, verdict: 'not-applicable', note: na ?? 'not checked', counterexample: null };
  const lasso = finder.find(table);
  if (lasso === null) {
    if (ctx.unexplored !== null) return { ...base, verdict: 'inconclusive', note: ctx.unexplored, counterexample: null };
    if (live.withinSteps !== undefined) return boundedReport(ctx, live, table, live.withinSteps(ctx.system.design));
    return { ...base, verdict: 'pass', note: `no reachable weakly fair cycle keeps an obligation open (faults stop by construction: budgets)${live.note === undefined ? '' : `. ${live.note}`}`, counterexample: null };
  }
  const prefix = replayOrdinals(ctx.system, ctx.initial, lasso.prefix);
  const cycle = replayOrdinals(ctx.system, prefix.last, lasso.cycle);
  const keyOf = ctx.system.symmetry?.exactKey ?? ((s: S) => ctx.system.key(s));
  if (keyOf(prefix.last) !== keyOf(cycle.last)) throw new Error(`${live.id}: the lasso's cycle does not return to its first state; the system's successors are not deterministic`);
  const why = `${lasso.obligation}, in every state of a fair cycle of ${lasso.cycle.length} step(s) (in a component of ${lasso.componentStates} state(s) where it stays open; fair actions enabled throughout, each taken: ${lasso.fairActions.join(' ')})`;
  const counterexample = { propertyId: live.id, why, steps: [...prefix.steps, ...cycle.steps], loopStart: prefix.steps.length, fairActions: lasso.fairActions };
  return { ...base, verdict: 'counterexample', note: 'a reachable weakly fair cycle keeps an obligation open: see the lasso (loopStart marks the cycle)', counterexample };
}

/** A bounded response (LIV-06) once no fair lasso breaks it: the longest fair walk that keeps an obligation open. */
function boundedReport<S>(ctx: VerdictContext<S>, live: Liveness, table: ObligationTable, boundSteps: number): ExplorePropertyReport {
  const base = { id: live.id, name: live.name, expect: 'eventually', witness: null } as const;
  const run = longestOpenRun(ctx.search.graph!, table, ctx.search.expanded, ctx.system.symmetry !== undefined);
  if (run.kind === 'bounded' && run.steps <= boundSteps) {
    return { ...base, verdict: 'pass', note: `no reachable weakly fair cycle keeps an obligation open, and every one closes within ${run.steps} fair step(s) after the last fault (bound ${boundSteps})`, counterexample: null };
  }
  const prefix = replayOrdinals(ctx.system, ctx.initial, ctx.search.store.ordinalsTo(run.from));
  const walk = replayOrdinals(ctx.system, prefix.last, run.ordinals);
  const obligation = table.names[31 - Math.clz32(table.maskAt(run.from) & -table.maskAt(run.from))]!;
  const why = run.kind === 'cycle'
    ? `${obligation} around a cycle of ${run.ordinals.length} fair step(s) from step ${prefix.steps.length}: a scheduler may keep it open for more than any bound (recoveryBoundSteps ${boundSteps})`
    : `${obligation} for ${run.steps} fair step(s) after step ${prefix.steps.length}, more than the design's recoveryBoundSteps ${boundSteps}`;
  const counterexample = { propertyId: live.id, why, steps: [...prefix.steps, ...walk.steps], loopStart: run.kind === 'cycle' ? prefix.steps.length : null, fairActions: null };
  return { ...base, verdict: 'counterexample', note: 'a walk of fair steps after the last fault keeps an obligation open longer than the bound: see the trace from the step named', counterexample };
}

export function witnessReport<S>(ctx: VerdictContext<S>, wit: Witness): ExplorePropertyReport {
  const base = { id: wit.id, name: wit.name, expect: 'sometimes', counterexample: null } as const;
  const na = wit.notApplicable(ctx.system.design);
  if (na !== null) return { ...base, verdict: 'not-applicable', note: na, witness: null };
  const tally = ctx.search.findings.witnesses.get(wit.id);
  if (tally === undefined) {
    return ctx.unexplored !== null
      ? { ...base, verdict: 'inconclusive', note: ctx.unexplored, witness: null }
      : { ...base, verdict: 'unreached', note: 'no reachable transition of this configuration reaches it', witness: null };
  }
  const steps = pathTo(ctx, ordinalsToLocator(ctx.search.store, tally.at));
  const unreducedStates = ctx.search.unreduced === null ? null : tally.unreducedStates;
  return { ...base, verdict: 'reached', note: `reached in ${steps.length} step(s) at the shortest`, witness: { steps, transitions: tally.transitions, states: tally.states, unreducedStates } };
}
