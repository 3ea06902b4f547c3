// Why this test exists: `slotcheck explore` explores several designs on worker threads
// (explore-many.ts). Which thread runs a job must change nothing but timing; a job that fails
// must fail alone, with its own error, and never leave a promise hanging.
import { describe, expect, it } from 'vitest';
import { builtInDesign, type Config } from '../../model/index.ts';
import { explore } from './explore.ts';
import { exploreMany } from './explore-many.ts';
import { PROGRESS_INTERVAL_MS, type ExploreOptions, type SearchProgress } from './options.ts';
import type { ExploreReport } from './report.ts';

const config: Config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 };
const job = (name: string, statesMax = 1_000_000): ExploreOptions => ({
  design: builtInDesign(name)!, config, symmetry: false, engine: 'packed', depthMax: 10_000, statesMax, timeLimitMs: 600_000,
});
const withoutTiming = ({ timing: _timing, ...rest }: ExploreReport) => rest;

describe('exploreMany', () => {
  const names = ['patent-lpar-a', 'patent-lpar-b', 'patent-ppar', 'hardened'];

  // here: false makes workers run every job (small jobs are otherwise all done here before a
  // worker is ready): reports cross threads by structured clone, and must arrive unchanged.
  for (const here of [false, true]) {
    it(`gives, job by job and in order, the reports explore gives in this thread (${here ? 'this thread and a worker' : 'workers only'})`, async () => {
      const jobs = names.map((name) => job(name));
      const reports = await Promise.all(exploreMany(jobs, here ? 2 : 3, { here }));
      expect(reports.map(withoutTiming)).toEqual(jobs.map((j) => withoutTiming(explore(j))));
      expect(reports.map((r) => r.design.name)).toEqual(names);
    }, 60_000);

    it(`a job that fails fails alone, with its own error (${here ? 'this thread and a worker' : 'workers only'})`, async () => {
      const bad = { ...job('hardened'), statesMax: 0 }; // assertBounds refuses it
      const outcomes = await Promise.allSettled(exploreMany([job('patent-lpar-a'), bad, job('patent-lpar-b'), bad], 2, { here }));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
      for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/statesMax must be an integer ≥ 1/);
    }, 60_000);
  }

  it('one thread, or one job, runs here', async () => {
    const [only] = exploreMany([job('hardened')], 4);
    expect(withoutTiming(await only!)).toEqual(withoutTiming(explore(job('hardened'))));
    const reports = await Promise.all(exploreMany([job('hardened'), job('patent-ppar')], 1));
    expect(reports.map((r) => r.design.name)).toEqual(['hardened', 'patent-ppar']);
  });

  // The status line of `slotcheck explore` rests on this: progress comes from whichever thread
  // explores a job, grows as the search goes, and changes nothing in the report.
  it('reports progress from a worker, growing, and the report is the same as without', async () => {
    const big: ExploreOptions = { ...job('hardened'), config: { ...config, faultBudget: 3, writeBudget: 2 } };
    const seen: [number, SearchProgress][] = [];
    const [report] = await Promise.all(exploreMany([big], 2, { here: false, onProgress: (i, p) => seen.push([i, p]) }));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([i]) => i === 0)).toBe(true);
    const states = seen.map(([, p]) => p.states);
    expect(states).toEqual([...states].sort((a, b) => a - b));
    expect(states.at(-1)!).toBeLessThanOrEqual(report!.states);
    expect(withoutTiming(report!)).toEqual(withoutTiming(explore(big)));
  }, 60_000);

  it('reports progress every PROGRESS_INTERVAL_MS of its clock in this thread', () => {
    let clock = 0;
    const seen: SearchProgress[] = [];
    const report = explore({ ...job('patent-lpar-b'), now: () => (clock += PROGRESS_INTERVAL_MS / 4), onProgress: (p) => seen.push(p) });
    // The search reads the clock once to start and once per state: state j sees (j + 1) quarter
    // intervals gone, so states 3, 7, 11 … report.
    expect(seen.length).toBe(Math.floor(report.expandedStates / 4));
    expect(seen.map((p) => p.elapsedMs)).toEqual(seen.map((_, k) => (k + 1) * PROGRESS_INTERVAL_MS));
    expect(seen.at(-1)!.depth).toBeLessThanOrEqual(report.maxDepth);
  });
});
