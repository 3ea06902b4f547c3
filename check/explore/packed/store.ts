// An interning store of packed states: each distinct tuple of `width` 32-bit words gets a dense
// id (0, 1, 2, … in order of first insertion). The tuples sit in one growing Int32Array in id
// order (so reading states in id order is a sequential scan), and again inline in an
// open-addressing hash table of (id + 1, words…) slots, so that a lookup touches one cache line
// in the common case. A tuple's home slot is the top bits of its hash: when the table doubles,
// slot i's entries move to slots 2i and 2i + 1, so rehashing scans the old table and writes the
// new one almost in order instead of at random. Equal tuples get equal ids, so an id is a
// canonical key; ids depend only on the order of insertion, so the store is deterministic. The
// lookup itself is compiled per width (`lookupFor`).

const EMPTY = 0;

/** The hash of a tuple: a slot is its top bits (so tables that split by the low bits stay spread). */
export function hashWords(words: Int32Array, offset: number, width: number): number {
  let h = 0x2545f491;
  for (let i = 0; i < width; i += 1) h = (Math.imul(h ^ words[offset + i]!, 0x9e3779b1) + 0x7f4a7c15) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A tuple's lookup in a table: its id if the table holds it, else -1 - the empty slot where it
 * would go. The explorer does one per transition; the loop over the words (hashing, comparing)
 * compiled to straight-line code for the width runs about a third faster (bench/interning.ts).
 * The code is built from the width alone; store.test.ts checks it against hashWords and a plain
 * lookup.
 */
export type Lookup = (table: Int32Array, slotShift: number, slotMask: number, words: Int32Array, offset: number) => number;

const LOOKUPS = new Map<number, Lookup>();

export function lookupFor(width: number): Lookup {
  if (!Number.isInteger(width) || width < 1 || width > 64) throw new RangeError(`a tuple width of ${width} words`);
  let lookup = LOOKUPS.get(width);
  if (lookup === undefined) {
    const words = Array.from({ length: width }, (_, i) => i);
    const source = [
      ...words.map((i) => `const w${i} = words[offset + ${i}];`),
      'let h = 0x2545f491;',
      ...words.map((i) => `h = (Math.imul(h ^ w${i}, 0x9e3779b1) + 0x7f4a7c15) | 0;`),
      'h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;',
      'let slot = h >>> slotShift;',
      'for (;;) {',
      `  const at = slot * ${width + 1};`,
      '  const entry = table[at];',
      '  if (entry === 0) return -1 - slot;',
      `  if (${words.map((i) => `table[at + ${i + 1}] === w${i}`).join(' && ')}) return entry - 1;`,
      '  slot = (slot + 1) & slotMask;',
      '}',
    ];
    // new Function: the source is built from the width, an integer checked above; nothing read from input.
    lookup = new Function('table', 'slotShift', 'slotMask', 'words', 'offset', `'use strict';\n${source.join('\n')}`) as Lookup;
    LOOKUPS.set(width, lookup);
  }
  return lookup;
}

export class StateStore {
  private data: Int32Array<ArrayBuffer>;
  private table: Int32Array;
  private slotMask: number;
  /** 32 - log2(slots): a hash's home slot is hash >>> slotShift. */
  private slotShift: number;
  private readonly slotWidth: number;
  private readonly lookup: Lookup;
  private count = 0;
  /** Whether the last `intern` added a new tuple. */
  lastWasNew = false;

  constructor(readonly width: number, initialCapacity = 1 << 12) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.slotWidth = width + 1;
    this.lookup = lookupFor(width);
    this.data = new Int32Array(capacity * width);
    this.table = new Int32Array(capacity * 2 * this.slotWidth);
    this.slotMask = capacity * 2 - 1;
    this.slotShift = 32 - Math.log2(capacity * 2);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held per state: its words in id order, and its share of the hash table. */
  get bytesPerState(): number {
    return this.count === 0 ? 0 : (this.count * this.width * 4 + this.table.byteLength) / this.count;
  }

  /** The id of the tuple at words[offset .. offset + width), adding it if it is new. */
  intern(words: Int32Array, offset = 0): number {
    const found = this.lookup(this.table, this.slotShift, this.slotMask, words, offset);
    if (found >= 0) {
      this.lastWasNew = false;
      return found;
    }
    const { width, slotWidth, table } = this;
    const slot = -1 - found;
    const id = this.count;
    if ((id + 1) * width > this.data.length) this.growData();
    const at = slot * slotWidth;
    table[at] = id + 1;
    for (let i = 0; i < width; i += 1) {
      table[at + 1 + i] = words[offset + i]!;
      this.data[id * width + i] = words[offset + i]!;
    }
    this.count = id + 1;
    if (this.count * 2 > this.slotMask + 1) this.growTable();
    this.lastWasNew = true;
    return id;
  }

  /** Copy the words of state `id` into out[offset ..]. */
  read(id: number, out: Int32Array, offset = 0): void {
    if (id < 0 || id >= this.count) throw new RangeError(`no state ${id} in a store of ${this.count}`);
    const from = id * this.width;
    for (let i = 0; i < this.width; i += 1) out[offset + i] = this.data[from + i]!;
  }

  /** The words of states first .. first + count - 1, copied. */
  readRange(first: number, count: number): Int32Array<ArrayBuffer> {
    if (first < 0 || count < 0 || first + count > this.count) throw new RangeError(`states ${first}..${first + count - 1} are not all in a store of ${this.count}`);
    return this.data.slice(first * this.width, (first + count) * this.width);
  }

  private growData(): void {
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
  }

  private growTable(): void {
    const { width, slotWidth } = this;
    const old = this.table;
    const oldSlots = this.slotMask + 1;
    const slots = oldSlots * 2;
    const table = new Int32Array(slots * slotWidth);
    const mask = slots - 1;
    const shift = this.slotShift - 1;
    // In old-slot order, every entry's new home is at or after the previous one's (but for the
    // few that wrapped around the end): the writes sweep the new table once.
    for (let from = 0; from < oldSlots; from += 1) {
      const at = from * slotWidth;
      if (old[at] === EMPTY) continue;
      let slot = hashWords(old, at + 1, width) >>> shift;
      while (table[slot * slotWidth] !== EMPTY) slot = (slot + 1) & mask;
      const to = slot * slotWidth;
      for (let i = 0; i < slotWidth; i += 1) table[to + i] = old[at + i]!; // not set(subarray): a view per entry costs more than the copy
    }
    this.table = table;
    this.slotMask = mask;
    this.slotShift = shift;
  }
}
