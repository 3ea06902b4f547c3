// Why: the kill rule decides the score. An obviously bad mutant (hardened letting add_pci take an
// enabled slot: finding F-01's bug) must be killed, by the property that names the harm; a
// property that already fails on the base must not count; a justified survivor is equivalent; and
// a bound that stops a check makes the mutant inconclusive, never killed or survived.
import { describe, expect, test } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { generateMutants } from './mutants.ts';
import { judgeMutant, mutate, staleJustifications, type MutateOptions } from './mutate.ts';

const hardened = builtInDesign('hardened')!;
const { mutants } = generateMutants(hardened);
const pick = (description: string) => mutants.find((m) => m.description === description)!;
const options: MutateOptions = {
  base: hardened, config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, statesMax: 2_000_000, depthMax: 10_000, timeLimitMs: 600_000,
  runs: 50, seed: 1, maxCommands: 60, justifications: new Map(),
};

describe('mutate', () => {
  test('hardened with add_pci reassigning an enabled slot is killed by INV-08 and INV-09 (F-01), shortest 4 steps', async () => {
    const planted = pick('addWhileEnabled: reject → reassign');
    const r = await mutate({ ...options, mutants: [planted] });
    const row = r.outcome.mutants[0]!;
    expect(row.status).toBe('killed');
    expect(row.killing.map((k) => k.id)).toEqual(['INV-08', 'INV-09']);
    expect(row.shortest).toBe(4);
    expect(row.killedBy === 'explorer' || row.killedBy === 'both').toBe(true);
    expect(r.outcome.base.failing).toEqual([]);
    expect(r.outcome.score).toMatchObject({ total: 1, killed: 1, score: 1 });
  });

  test('a property failing on the base cannot kill; a justified survivor is equivalent, an unjustified one survives', async () => {
    const planted = pick('addWhileEnabled: reject → reassign');
    const epoch = pick('inflightDmaOnReassign: quiesce → epoch');
    const r = await mutate({ ...options, mutants: [planted, epoch], justifications: new Map([[epoch.description, 'ownership epochs drop the stale DMA']]) });
    const [p, e] = r.checks;
    const asIfBaseFailed = judgeMutant(p!.mutant, p!.explore, p!.random, { failing: new Set(['INV-08', 'INV-09']), reached: new Set(), notApplicable: new Set() }, new Map());
    expect(asIfBaseFailed.status).toBe('survived');
    expect(asIfBaseFailed.failingOnBase).toEqual(['INV-08', 'INV-09']);
    expect(e!.row.status).toBe('equivalent');
    expect(e!.row.equivalentReason).toBe('ownership epochs drop the stale DMA');
    expect(judgeMutant(e!.mutant, e!.explore, e!.random, { failing: new Set(), reached: new Set(), notApplicable: new Set() }, new Map()).status).toBe('survived');
    expect(staleJustifications(r.outcome.mutants, new Map([[epoch.description, 'x'], ['nothing: a → b', 'y'], [planted.description, 'z']]))).toEqual([planted.description, 'nothing: a → b']);
  });

  test('a bound hit makes an unkilled mutant inconclusive (exit 3), with the bound named', async () => {
    const epoch = pick('inflightDmaOnReassign: quiesce → epoch');
    const r = await mutate({ ...options, statesMax: 1000, runs: 5, mutants: [epoch] });
    expect(r.outcome.mutants[0]!.status).toBe('inconclusive');
    expect(r.outcome.mutants[0]!.inconclusive).toContain('statesMax = 1000');
    expect(r.outcome.base.inconclusive).toContain('statesMax = 1000');
  });

  test('the same result on one thread and on two', async () => {
    const chosen = [pick('clientAck: after-durable → before-durable'), pick('failoverScript: drop act'), pick('ejectAck: required → not-required')];
    const one = await mutate({ ...options, runs: 20, mutants: chosen, threads: 1 });
    const two = await mutate({ ...options, runs: 20, mutants: chosen, threads: 2 });
    expect(two.outcome).toEqual(one.outcome);
  });
});
