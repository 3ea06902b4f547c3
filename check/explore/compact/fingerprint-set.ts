// The set of fingerprints hash compaction has seen: open addressing with linear probing in one
// Int32Array, two words (high, low) per slot, load at most 3/4, so 8 bytes per slot and 10.7–21
// bytes per state between doublings. All-zero marks an empty slot, so the fingerprint 0 is held
// by a flag instead. A slot's home is a mix of both words (a cut-down fingerprint has a zero high
// word). Nothing but fingerprints is stored: which state a fingerprint came from is not known,
// so two states with one fingerprint are one state here (the collision hash compaction accepts).

const MAX_LOAD = 0.75;

export class FingerprintSet {
  private table: Int32Array;
  private slotMask: number;
  /** 32 - log2(slots): a fingerprint's home slot is its mix >>> slotShift. */
  private slotShift: number;
  private holdsZero = false;
  private count = 0;

  constructor(initialSlots = 1 << 12) {
    const slots = 1 << Math.max(4, Math.ceil(Math.log2(initialSlots)));
    this.table = new Int32Array(slots * 2);
    this.slotMask = slots - 1;
    this.slotShift = 32 - Math.log2(slots);
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.table.byteLength;
  }

  /** Add the fingerprint (hi, lo); true if it was not in the set. */
  add(hi: number, lo: number): boolean {
    if ((hi | lo) === 0) {
      if (this.holdsZero) return false;
      this.holdsZero = true;
      this.count += 1;
      return true;
    }
    const table = this.table;
    const mask = this.slotMask;
    for (let slot = home(hi, lo, this.slotShift); ; slot = (slot + 1) & mask) {
      const at = slot << 1;
      const h = table[at]!;
      const l = table[at + 1]!;
      if ((h | l) === 0) {
        table[at] = hi;
        table[at + 1] = lo;
        this.count += 1;
        if (this.count > (mask + 1) * MAX_LOAD) this.grow();
        return true;
      }
      if (h === hi && l === lo) return false;
    }
  }

  has(hi: number, lo: number): boolean {
    if ((hi | lo) === 0) return this.holdsZero;
    const table = this.table;
    for (let slot = home(hi, lo, this.slotShift); ; slot = (slot + 1) & this.slotMask) {
      const h = table[slot << 1]!;
      const l = table[(slot << 1) + 1]!;
      if ((h | l) === 0) return false;
      if (h === hi && l === lo) return true;
    }
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.slotMask + 1) * 2;
    if (slots > 2 ** 30) throw new RangeError('more than 805 million fingerprints: a slot index must stay below 2^30 (statesMax is at most 200 million)');
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    const shift = this.slotShift - 1;
    for (let at = 0; at < old.length; at += 2) {
      const hi = old[at]!;
      const lo = old[at + 1]!;
      if ((hi | lo) === 0) continue;
      let slot = home(hi, lo, shift);
      while ((table[slot << 1]! | table[(slot << 1) + 1]!) !== 0) slot = (slot + 1) & mask;
      table[slot << 1] = hi;
      table[(slot << 1) + 1] = lo;
    }
    this.table = table;
    this.slotMask = mask;
    this.slotShift = shift;
  }
}

/** The home slot: the top bits of a mix of both words (the low word alone, for a fingerprint cut to 32 bits or fewer). */
function home(hi: number, lo: number, slotShift: number): number {
  return (hi ^ Math.imul(lo, 0x9e3779b1)) >>> slotShift;
}
