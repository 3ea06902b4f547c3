// The probability that hash compaction missed a state, as reported with `--store compact`.
//
// A state is missed only if its fingerprint equals that of another state the search met, so the
// probability that any state was missed is at most the probability that two of the n states
// collide; with b-bit fingerprints behaving as a uniformly random function of the state, by the
// union bound over the n(n-1)/2 pairs:
//
//     P(some state missed) ≤ n(n-1) / 2^(b+1)      (≈ n² / 2^(b+1))
//
// This is the estimate the literature gives for hash compaction (Wolper and Leroy, "Reliable
// hashing without collision detection", CAV 1993, which SPIN's -DHC follows). SPIN itself prints
// none: in its sources (github.com/nimble-code/Spin, Src/pangen1.h, the report after a search) a
// -DHC run says "Hash-Compact %d search for:" and "hash conflicts: %9.8g (resolved)", the latter
// counting hash-table conflicts among stored (compressed) states, not missed states; only a
// bitstate run gets an estimate ("hash factor: %4g (best if > 100.)"). Doc/V3.Updates (3.2.1,
// 3.2.2) says HC stores 32 + 16 bits per state and has "a very low collision probability". So the
// figure here is the textbook bound above, from the n states actually stored. If states were
// missed the reachable count is larger, and so would be the bound; and a collision may lose more
// than one state (every state reached only through the missed one), which the bound covers since
// it bounds the probability of any collision at all.

/** The bound n(n-1)/2^(b+1) on the probability that some state was missed, capped at 1. */
export function omissionProbability(states: number, fingerprintBits: number): number {
  if (states < 2) return 0;
  return Math.min(1, (states * (states - 1)) / 2 ** (fingerprintBits + 1));
}

/** The probability in words: "≤ 1.2e-9", or "≈ 1 (collisions near certain)". */
export function omissionText(probability: number): string {
  if (probability >= 1) return '≈ 1 (collisions near certain: states were likely missed)';
  if (probability === 0) return '0';
  return `≤ ${probability.toExponential(1)}`;
}
