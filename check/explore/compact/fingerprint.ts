// The 64-bit fingerprint hash compaction keeps of a state instead of the state (SPIN's -DHC):
// two 32-bit lanes over the packed words, each built differently (a multiply-rotate round per
// word with its own constants and rotations, then its own finaliser), so that inputs colliding in
// one lane are not thereby more likely to collide in the other; a shared structure with two seeds
// would not do, since a round function with seed-independent differential collisions (MurmurHash3
// has them) collides in both lanes at once. `fingerprint.test.ts` checks on every state of a
// space that truncated fingerprints collide as often as random values would, lane by lane.
//
// A fingerprint may be cut to fewer bits (`FingerprintBits`): an internal option, so that tests
// can watch collisions happen and the omission probability grow. Fewer than 64 bits keep the low
// bits of the low lane, then of the high lane.

/** The fingerprint of the last `fingerprintWords` call: high and low 32 bits (signed int32 values). */
export interface Fingerprint {
  hi: number;
  lo: number;
}

export const FULL_FINGERPRINT_BITS = 64;
export const MIN_FINGERPRINT_BITS = 4;

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

/** Writes the fingerprint of words[offset .. offset + width) into `out`, cut to `bits` bits. */
export function fingerprintWords(words: Int32Array, offset: number, width: number, bits: number, out: Fingerprint): void {
  let a = 0x2545f491 ^ width;
  let b = 0x6c8e9cf5 ^ Math.imul(width, 0x27d4eb2f);
  for (let i = 0; i < width; i += 1) {
    const w = words[offset + i]!;
    let k = Math.imul(w, 0xcc9e2d51);
    k = Math.imul(rotl(k, 15), 0x1b873593);
    a = Math.imul(rotl(a ^ k, 13), 5) + 0xe6546b64 | 0;
    b = Math.imul(rotl((b + Math.imul(w, 0x85ebca77)) | 0, 17), 0x9e3779b1);
  }
  // Lane a: MurmurHash3's finaliser; lane b: a different avalanche (Wang-style shifts and primes).
  a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13; a = Math.imul(a, 0xc2b2ae35); a ^= a >>> 16;
  b ^= b >>> 15; b = Math.imul(b, 0x2c1b3c6d); b ^= b >>> 12; b = Math.imul(b, 0x297a2d39); b ^= b >>> 15;
  if (bits >= 64) {
    out.hi = a;
    out.lo = b;
  } else if (bits > 32) {
    out.hi = a & ((1 << (bits - 32)) - 1);
    out.lo = b;
  } else {
    out.hi = 0;
    out.lo = bits === 32 ? b : b & ((1 << bits) - 1);
  }
}

/** Whether `bits` is a fingerprint width this explorer takes. */
export function fingerprintBitsProblem(bits: number): string | null {
  return Number.isInteger(bits) && bits >= MIN_FINGERPRINT_BITS && bits <= FULL_FINGERPRINT_BITS
    ? null
    : `fingerprintBits must be an integer from ${MIN_FINGERPRINT_BITS} to ${FULL_FINGERPRINT_BITS}, got ${String(bits)}`;
}
