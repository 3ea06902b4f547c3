// One breadth-first level of whole states, for hash compaction: the fingerprint set cannot give a
// state back, so the states still to expand are kept here as packed words (plus the orbit size,
// with symmetry reduction), and only for the current level and the next. Fixed-size chunks that
// never copy; a level's chunks are reused by the level after next.

const CHUNK_BITS = 14;
const CHUNK_STATES = 1 << CHUNK_BITS;

export class LevelQueue {
  private readonly chunks: Int32Array[] = [];
  private count = 0;
  /** Words per entry: the state's words, then its orbit size. */
  readonly stride: number;

  constructor(readonly width: number) {
    this.stride = width + 1;
  }

  get length(): number {
    return this.count;
  }

  push(words: Int32Array, orbit: number): void {
    const at = this.count;
    const c = at >>> CHUNK_BITS;
    if (c >= this.chunks.length) this.chunks.push(new Int32Array(CHUNK_STATES * this.stride));
    const chunk = this.chunks[c]!;
    const from = (at & (CHUNK_STATES - 1)) * this.stride;
    for (let i = 0; i < this.width; i += 1) chunk[from + i] = words[i]!;
    chunk[from + this.width] = orbit;
    this.count = at + 1;
  }

  /** The chunk holding entry `i`; its words start at `offsetOf(i)`, its orbit size after them. */
  chunkOf(i: number): Int32Array {
    return this.chunks[i >>> CHUNK_BITS]!;
  }

  offsetOf(i: number): number {
    return (i & (CHUNK_STATES - 1)) * this.stride;
  }

  /** Empty the queue, keeping its chunks for the level after next. */
  clear(): void {
    this.count = 0;
  }

  get bytes(): number {
    return this.chunks.reduce((sum, c) => sum + c.byteLength, 0);
  }
}
