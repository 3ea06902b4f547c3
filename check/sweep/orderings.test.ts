// Why: the sweep must cover every ordering exactly once, keep steps that belong together, and
// start from the base design's own order.
import { describe, expect, test } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { permutations, scriptOrderings, scriptUnits } from './orderings.ts';

describe('script orderings', () => {
  test('case (a) has the five named steps as units: 120 distinct orderings, the base order first', () => {
    const script = builtInDesign('patent-lpar-a')!.failoverScript;
    const all = scriptOrderings(script);
    expect(all).toHaveLength(120);
    expect(new Set(all.map((s) => s.join())).size).toBe(120);
    expect(all[0]).toEqual(script);
  });

  test('await-fenced stays after deact, request-shutdown before it', () => {
    expect(scriptUnits(builtInDesign('hardened')!.failoverScript)).toEqual([['deact', 'await-fenced'], ['rem_pci'], ['act'], ['add_pci'], ['start']]);
    expect(scriptUnits(builtInDesign('patent-lpar-b')!.failoverScript)).toEqual([['rem_pci'], ['request-shutdown', 'deact'], ['add_pci'], ['start'], ['act']]);
    for (const s of scriptOrderings(builtInDesign('hardened')!.failoverScript)) expect(s[s.indexOf('deact') + 1]).toBe('await-fenced');
  });

  test('permutations of n items: n! of them, lexicographic', () => {
    expect(permutations([1, 2, 3])).toEqual([[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]);
  });
});
