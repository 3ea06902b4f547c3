// An interning store of packed states: each distinct tuple of `width` 32-bit words gets a dense
// id (0, 1, 2, … in order of first insertion). The tuples sit in fixed-size chunks in id order
// (so reading states in id order is a sequential scan, and growing copies nothing), and an
// open-addressing hash table holds one 32-bit entry per slot: id + 1 in the low 28 bits and 4
// bits of the tuple's hash above them, so that a probe compares the tuple's words only when those
// bits agree (one in 16 of the other tuples met). About 4 × width + 6–11 bytes per state, where
// a table holding each tuple inline again took 4 × (width + 1) per slot, two to four slots per
// state. A tuple's home slot is the top bits of its hash: when the table doubles, slot i's
// entries move to slots 2i and 2i + 1, so rehashing scans the old table and writes the new one
// almost in order instead of at random. Equal tuples get equal ids, so an id is a canonical key;
// ids depend only on the order of insertion, so the store is deterministic. The lookup itself is
// compiled per width (`lookupFor`). A shared store keeps its chunks and table in
// SharedArrayBuffers with one writer (the search's thread) and lock-free readers (the parallel
// search's workers, `sharedLookupFor`): a tuple's words are written before its entry, and the
// entry with Atomics.store, so a reader that sees an entry with Atomics.load sees its words.

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

/** States per chunk of the store's words. */
export const CHUNK_BITS = 14;
const CHUNK_STATES = 1 << CHUNK_BITS;
const ID_BITS = 28;
const ID_MASK = (1 << ID_BITS) - 1;
/** Largest table load before it doubles. */
const MAX_LOAD = 0.7;

/**
 * A tuple's lookup in a table: its id if the table holds it, else -1 - the empty slot where it
 * would go. The explorer does one per transition; the loop over the words (hashing, comparing)
 * compiled to straight-line code for the width runs about a third faster (bench/interning.ts).
 * The code is built from the width alone; store.test.ts checks it against hashWords and a plain
 * lookup. `chunks` hold the tuples by id, CHUNK_STATES per chunk.
 */
export type Lookup = (table: Int32Array, slotShift: number, slotMask: number, chunks: readonly Int32Array[], words: Int32Array, offset: number) => number;

const LOOKUPS = new Map<string, Lookup>();

export function lookupFor(width: number): Lookup {
  return compiledLookup(width, false);
}

/**
 * The lookup of another thread than the store's writer, in its shared table while the writer adds
 * to it: entries read with Atomics.load, and an entry whose chunk this thread has not been given
 * ends the probe. It may answer "absent" for a tuple added meanwhile, never a wrong id.
 */
export function sharedLookupFor(width: number): Lookup {
  return compiledLookup(width, true);
}

function compiledLookup(width: number, concurrent: boolean): Lookup {
  if (!Number.isInteger(width) || width < 1 || width > 64) throw new RangeError(`a tuple width of ${width} words`);
  const cacheKey = `${width}${concurrent ? 's' : ''}`;
  let lookup = LOOKUPS.get(cacheKey);
  if (lookup === undefined) {
    const words = Array.from({ length: width }, (_, i) => i);
    const source = [
      ...words.map((i) => `const w${i} = words[offset + ${i}];`),
      'let h = 0x2545f491;',
      ...words.map((i) => `h = (Math.imul(h ^ w${i}, 0x9e3779b1) + 0x7f4a7c15) | 0;`),
      'h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;',
      `const tag = h & 0xf;`,
      'let slot = h >>> slotShift;',
      'for (;;) {',
      concurrent ? '  const entry = Atomics.load(table, slot);' : '  const entry = table[slot];',
      '  if (entry === 0) return -1 - slot;',
      `  if ((entry >>> ${ID_BITS}) === tag) {`,
      `    const id = (entry & ${ID_MASK}) - 1;`,
      `    const chunk = chunks[id >>> ${CHUNK_BITS}];`,
      ...(concurrent ? ['    if (chunk === undefined) return -1 - slot;'] : []),
      `    const at = (id & ${CHUNK_STATES - 1}) * ${width};`,
      `    if (${words.map((i) => `chunk[at + ${i}] === w${i}`).join(' && ')}) return id;`,
      '  }',
      '  slot = (slot + 1) & slotMask;',
      '}',
    ];
    // new Function: the source is built from the width, an integer checked above; nothing read from input.
    lookup = new Function('table', 'slotShift', 'slotMask', 'chunks', 'words', 'offset', `'use strict';\n${source.join('\n')}`) as Lookup;
    LOOKUPS.set(cacheKey, lookup);
  }
  return lookup;
}

/** A table entry: the id + 1, and the 4 bits of the hash a probe compares first. */
function entryOf(id: number, hash: number): number {
  return ((hash & 0xf) << ID_BITS) | (id + 1);
}

export class StateStore {
  private readonly chunks: Int32Array[] = [];
  private table: Int32Array;
  private slotMask: number;
  /** 32 - log2(slots): a hash's home slot is hash >>> slotShift. */
  private slotShift: number;
  private readonly lookup: Lookup;
  private count = 0;
  /** Whether the last `intern` added a new tuple. */
  lastWasNew = false;

  /**
   * `shared`: the chunks live in SharedArrayBuffers, so that worker threads read stored states
   * (parallel/parallel-system.ts) while this thread keeps adding new ones after them.
   */
  constructor(readonly width: number, initialCapacity = 1 << 12, private readonly shared = false) {
    const slots = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity) * 2));
    this.lookup = lookupFor(width);
    this.table = this.newTable(slots);
    this.slotMask = slots - 1;
    this.slotShift = 32 - Math.log2(slots);
  }

  get size(): number {
    return this.count;
  }

  /** With `shared`: the table as it is now, for `sharedLookupFor` (a doubling replaces it; the old one stays valid, and stops growing). */
  get sharedTable(): { readonly buffer: SharedArrayBuffer; readonly slotShift: number; readonly slotMask: number } {
    if (!this.shared) throw new Error('not a shared store');
    return { buffer: this.table.buffer as SharedArrayBuffer, slotShift: this.slotShift, slotMask: this.slotMask };
  }

  private newTable(slots: number): Int32Array {
    return this.shared ? new Int32Array(new SharedArrayBuffer(4 * slots)) : new Int32Array(slots);
  }

  /** Bytes held per state: its words in chunks, and its share of the hash table. */
  get bytesPerState(): number {
    return this.count === 0 ? 0 : (this.chunks.length * CHUNK_STATES * this.width * 4 + this.table.byteLength) / this.count;
  }

  /** The id of the tuple at words[offset .. offset + width), adding it if it is new. */
  intern(words: Int32Array, offset = 0): number {
    const found = this.lookup(this.table, this.slotShift, this.slotMask, this.chunks, words, offset);
    if (found >= 0) {
      this.lastWasNew = false;
      return found;
    }
    const { width } = this;
    const slot = -1 - found;
    const id = this.count;
    if (id >= ID_MASK) throw new RangeError(`a store holds at most ${ID_MASK} states`);
    if ((id & (CHUNK_STATES - 1)) === 0) {
      const length = CHUNK_STATES * width;
      this.chunks.push(this.shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length));
    }
    const chunk = this.chunks[id >>> CHUNK_BITS]!;
    const at = (id & (CHUNK_STATES - 1)) * width;
    for (let i = 0; i < width; i += 1) chunk[at + i] = words[offset + i]!;
    const entry = entryOf(id, hashWords(chunk, at, width));
    if (this.shared) Atomics.store(this.table, slot, entry);
    else this.table[slot] = entry;
    this.count = id + 1;
    if (this.count > (this.slotMask + 1) * MAX_LOAD) this.growTable();
    this.lastWasNew = true;
    return id;
  }

  /** The chunks from `first` on (CHUNK_STATES states each, in id order); shared buffers with `shared`. */
  chunksFrom(first: number): readonly Int32Array[] {
    return this.chunks.slice(first);
  }

  /** Copy the words of state `id` into out[offset ..]. */
  read(id: number, out: Int32Array, offset = 0): void {
    if (id < 0 || id >= this.count) throw new RangeError(`no state ${id} in a store of ${this.count}`);
    const chunk = this.chunks[id >>> CHUNK_BITS]!;
    const from = (id & (CHUNK_STATES - 1)) * this.width;
    for (let i = 0; i < this.width; i += 1) out[offset + i] = chunk[from + i]!;
  }

  /** The words of states first .. first + count - 1, copied. */
  readRange(first: number, count: number): Int32Array<ArrayBuffer> {
    if (first < 0 || count < 0 || first + count > this.count) throw new RangeError(`states ${first}..${first + count - 1} are not all in a store of ${this.count}`);
    const out = new Int32Array(count * this.width);
    for (let i = 0; i < count; i += 1) this.read(first + i, out, i * this.width);
    return out;
  }

  private growTable(): void {
    const { width } = this;
    const old = this.table;
    const slots = old.length * 2;
    const table = this.newTable(slots);
    const mask = slots - 1;
    const shift = this.slotShift - 1;
    // In old-slot order, every entry's new home is at or after the previous one's (but for the
    // few that wrapped around the end): the writes sweep the new table once.
    for (let from = 0; from < old.length; from += 1) {
      const entry = old[from]!;
      if (entry === EMPTY) continue;
      const id = (entry & ID_MASK) - 1;
      let slot = hashWords(this.chunks[id >>> CHUNK_BITS]!, (id & (CHUNK_STATES - 1)) * width, width) >>> shift;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    this.table = table;
    this.slotMask = mask;
    this.slotShift = shift;
  }
}
