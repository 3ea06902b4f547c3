// Why: properties/equivalent-mutants.json is a claim about the catalogue, and claims go stale:
// a property added later may kill a mutant once called equivalent, or a schema change may rename
// it. Every entry in scope at the default bound must name a mutant that exists and still
// survives; an entry out of scope must name a mutant that exists.
import { describe, expect, test } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { committedEntries, inScope } from './equivalents.ts';
import { generateMutants } from './mutants.ts';
import { mutate } from './mutate.ts';

const hardened = builtInDesign('hardened')!;
const config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };

describe('properties/equivalent-mutants.json', () => {
  test('every entry for hardened names one of its mutants (by description)', () => {
    const descriptions = new Set(generateMutants(hardened).mutants.flatMap((m) => [m.description, ...m.alsoAs]));
    for (const d of committedEntries('hardened').keys()) expect(descriptions.has(d), d).toBe(true);
  });

  test('every entry in scope at the default bound names a surviving mutant, and justifies it', async () => {
    const r = await mutate({ base: hardened, config, statesMax: 2_000_000, depthMax: 10_000, timeLimitMs: 600_000, runs: 200, seed: 1, maxCommands: 60 });
    expect(r.outcome.stale).toEqual([]);
    const inScopeEntries = [...committedEntries('hardened')].filter(([, e]) => inScope(e, config));
    for (const [d] of inScopeEntries) {
      const row = r.outcome.mutants.find((m) => m.description === d || m.alsoAs.includes(d))!;
      expect(row.status, d).toBe('equivalent');
    }
    expect(r.outcome.base.inconclusive).toBeNull();
    expect(r.outcome.score.inconclusive).toBe(0);
  }, 300_000);

  test('an entry with `within` holds only up to that configuration', () => {
    const entry = committedEntries('hardened').get('takeoverArbitration: exclusive → none')!;
    expect(inScope(entry, config)).toBe(true);
    expect(inScope(entry, { ...config, lparCount: 3 })).toBe(false);
  });
});
