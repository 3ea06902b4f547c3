// An interning store of packed states: each distinct tuple of `width` 32-bit words gets a dense
// id (0, 1, 2, … in order of first insertion), kept in one growing Int32Array, with an
// open-addressing hash table of ids. Equal tuples get equal ids, so an id is a canonical key.
// Deterministic: ids depend only on the order of insertion.

const EMPTY = 0; // table entries hold id + 1

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class StateStore {
  private data: Int32Array;
  private table: Int32Array;
  private tableMask: number;
  private hashes: Int32Array;
  private count = 0;
  /** Whether the last `intern` added a new tuple. */
  lastWasNew = false;

  constructor(readonly width: number, initialCapacity = 1 << 12) {
    const capacity = Math.max(16, initialCapacity);
    this.data = new Int32Array(capacity * width);
    this.hashes = new Int32Array(capacity);
    const tableSize = 1 << Math.ceil(Math.log2(capacity * 2));
    this.table = new Int32Array(tableSize);
    this.tableMask = tableSize - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held per state: its words, its cached hash, and its share of the hash table. */
  get bytesPerState(): number {
    return this.count === 0 ? 0 : (this.count * (this.width + 1) * 4 + this.table.length * 4) / this.count;
  }

  hashOf(words: Int32Array, offset: number): number {
    let h = 0x2545f491;
    for (let i = 0; i < this.width; i += 1) h = Math.imul(h ^ words[offset + i]!, 0x9e3779b1) + 0x7f4a7c15;
    return mix(h);
  }

  /** The id of the tuple at words[offset .. offset + width), adding it if it is new. */
  intern(words: Int32Array, offset = 0): number {
    const width = this.width;
    const hash = this.hashOf(words, offset);
    let slot = hash & this.tableMask;
    for (let entry = this.table[slot]!; entry !== EMPTY; entry = this.table[slot]!) {
      const id = entry - 1;
      if (this.hashes[id] === hash && this.equalsAt(id, words, offset)) {
        this.lastWasNew = false;
        return id;
      }
      slot = (slot + 1) & this.tableMask;
    }
    const id = this.count;
    if (id === this.hashes.length) this.growData();
    this.data.set(words.subarray(offset, offset + width), id * width);
    this.hashes[id] = hash;
    this.table[slot] = id + 1;
    this.count = id + 1;
    if (this.count * 2 > this.table.length) this.growTable();
    this.lastWasNew = true;
    return id;
  }

  /** Copy the words of state `id` into out[offset ..]. */
  read(id: number, out: Int32Array, offset = 0): void {
    if (id < 0 || id >= this.count) throw new RangeError(`no state ${id} in a store of ${this.count}`);
    const from = id * this.width;
    for (let i = 0; i < this.width; i += 1) out[offset + i] = this.data[from + i]!;
  }

  private equalsAt(id: number, words: Int32Array, offset: number): boolean {
    const from = id * this.width;
    for (let i = 0; i < this.width; i += 1) if (this.data[from + i] !== words[offset + i]) return false;
    return true;
  }

  private growData(): void {
    const capacity = this.hashes.length * 2;
    const data = new Int32Array(capacity * this.width);
    data.set(this.data);
    this.data = data;
    const hashes = new Int32Array(capacity);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private growTable(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.count; id += 1) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.tableMask = mask;
  }
}
