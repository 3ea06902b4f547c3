// Why this test exists: hash compaction's omission probability (omission.ts) assumes fingerprints
// behave like random values. Packed states are highly structured (small fields, most words
// equal between neighbours), so this checks it on every state of a real space: cut to a few
// bits, each lane collides as often as random values would, and the two lanes together collide
// as rarely as their joint width says, which they would not if one lane's collisions brought
// the other's. And the set that holds fingerprints, and the probability formula, on their own.
import { describe, expect, it } from 'vitest';
import { PackedSystem } from '../packed/system.ts';
import { config, design } from '../testing.ts';
import { fingerprintWords, type Fingerprint } from './fingerprint.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { omissionProbability, omissionText } from './omission.ts';

/** Every state of patent-lpar-b at 2 × 1, faults 2, writes 2 (59,147), as packed words. */
function everyState(): { words: Int32Array; width: number; count: number } {
  const system = new PackedSystem(design('patent-lpar-b'), config(2, 1, 2, 2));
  system.initial();
  for (let head = 0; head < system.stateCount; head += 1) system.successors(head, () => {});
  return { words: system.store.readRange(0, system.stateCount), width: system.layout.words, count: system.stateCount };
}

/** Pairs of equal values: Σ over values of k(k-1)/2. */
function collidingPairs(values: Iterable<number | string>): number {
  const counts = new Map<number | string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let pairs = 0;
  for (const k of counts.values()) pairs += (k * (k - 1)) / 2;
  return pairs;
}

describe('fingerprints of packed states behave like random values', () => {
  const { words, width, count } = everyState();
  const fp: Fingerprint = { hi: 0, lo: 0 };
  const his: number[] = [];
  const los: number[] = [];
  for (let i = 0; i < count; i += 1) {
    fingerprintWords(words, i * width, width, 64, fp);
    his.push(fp.hi >>> 0);
    los.push(fp.lo >>> 0);
  }
  const expectedPairs = (bits: number) => (count * (count - 1)) / 2 / 2 ** bits;

  it('64 bits: no two of 59,147 states share a fingerprint', () => {
    expect(count).toBe(59_147);
    expect(collidingPairs(his.map((h, i) => `${h}:${los[i]}`))).toBe(0);
  });

  it.each([16, 20])('each lane cut to %i bits collides about as often as random values (within 25%)', (bits) => {
    const mask = 2 ** bits - 1;
    for (const lane of [his, los]) {
      const pairs = collidingPairs(lane.map((v) => v & mask));
      expect(pairs / expectedPairs(bits)).toBeGreaterThan(0.75);
      expect(pairs / expectedPairs(bits)).toBeLessThan(1.25);
    }
  });

  it('the lanes are independent: 16 bits of each together collide as 32 random bits would (0.4 pairs expected)', () => {
    const pairs = collidingPairs(his.map((h, i) => (h & 0xffff) * 65_536 + (los[i]! & 0xffff)));
    expect(expectedPairs(32)).toBeLessThan(0.5);
    expect(pairs).toBeLessThanOrEqual(4); // Poisson(0.41): P(≥ 5) < 1e-4
  });

  it('a fingerprint cut to b bits keeps the low bits of the low lane, then of the high lane', () => {
    const cut: Fingerprint = { hi: 0, lo: 0 };
    fingerprintWords(words, 0, width, 64, fp);
    fingerprintWords(words, 0, width, 8, cut);
    expect(cut).toEqual({ hi: 0, lo: fp.lo & 0xff });
    fingerprintWords(words, 0, width, 40, cut);
    expect(cut).toEqual({ hi: fp.hi & 0xff, lo: fp.lo });
  });
});

describe('FingerprintSet', () => {
  it('adds each fingerprint once, across growth, the all-zero one included', () => {
    const set = new FingerprintSet(16);
    const values = Array.from({ length: 5_000 }, (_, i) => [Math.imul(i, 0x9e3779b1) & 0xfff, i % 7] as const);
    for (const [hi, lo] of values) expect(set.add(hi, lo)).toBe(true);
    for (const [hi, lo] of values) expect(set.add(hi, lo)).toBe(false);
    expect(set.size).toBe(values.length);
    expect(set.has(0, 0)).toBe(true); // i = 0 gives (0, 0): held by the flag, not a slot
    expect(set.has(1, 1_000)).toBe(false);
    expect(set.bytes).toBeLessThanOrEqual((8 * values.length) / 0.375);
  });
});

describe('omission probability', () => {
  it('is n(n-1)/2^(b+1), 0 for one state, capped at 1', () => {
    expect(omissionProbability(1, 64)).toBe(0);
    expect(omissionProbability(2 ** 16, 32)).toBeCloseTo(0.5, 4);
    expect(omissionProbability(1e6, 64)).toBe((1e6 * (1e6 - 1)) / 2 ** 65);
    expect(omissionProbability(1e9, 16)).toBe(1);
    expect(omissionText(1)).toMatch(/^≈ 1/);
    expect(omissionText(2.96e-11)).toBe('≤ 3.0e-11');
  });
});
