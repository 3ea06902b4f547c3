// Growing arrays of small integers in fixed-size chunks, for the explorer's per-state and
// per-edge tables: a doubling array holds up to twice what it needs and, while it grows, the
// old copy as well (three times at the peak); chunks hold what is pushed plus one partly
// filled chunk, and never copy. `bytesPerElement` is the narrowest type the values need
// (parents and targets 4, successor ordinals and command ids 2, orbit sizes and masks 1).

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const LOW = CHUNK - 1;

type Kind = 'int32' | 'uint16' | 'uint8';
type Chunk = Int32Array | Uint16Array | Uint8Array;

const make = (kind: Kind, length: number): Chunk =>
  kind === 'int32' ? new Int32Array(length) : kind === 'uint16' ? new Uint16Array(length) : new Uint8Array(length);

const LIMIT: Record<Kind, [number, number]> = { int32: [-(2 ** 31), 2 ** 31 - 1], uint16: [0, 0xffff], uint8: [0, 0xff] };

export class ChunkedArray {
  private chunks: Chunk[] = [];
  private count = 0;

  constructor(private kind: Kind) {}

  get length(): number {
    return this.count;
  }

  /** Drop the elements from `length` on (only shrinks). */
  truncate(length: number): void {
    if (length > this.count) throw new RangeError(`truncate to ${length}: only ${this.count} elements`);
    this.count = length;
    this.chunks.length = Math.ceil(length / CHUNK);
  }

  push(value: number): void {
    const at = this.count;
    for (let [min, max] = LIMIT[this.kind]; value < min || value > max; [min, max] = LIMIT[this.kind]) {
      if (this.kind === 'int32') throw new RangeError(`${value} does not fit 32 bits`);
      this.widen();
    }
    if ((at & LOW) === 0 && this.chunks.length === at >>> CHUNK_BITS) this.chunks.push(make(this.kind, CHUNK));
    this.chunks[at >>> CHUNK_BITS]![at & LOW] = value;
    this.count = at + 1;
  }

  at(index: number): number {
    if (index < 0 || index >= this.count) throw new RangeError(`index ${index} of ${this.count}`);
    return this.chunks[index >>> CHUNK_BITS]![index & LOW]!;
  }

  /** A contiguous copy as Int32 (for the few callers that need an array). */
  view(): Int32Array {
    const out = new Int32Array(this.count);
    this.chunks.forEach((chunk, i) => out.set(chunk.subarray(0, Math.min(CHUNK, this.count - i * CHUNK)), i * CHUNK));
    return out;
  }

  get bytes(): number {
    return this.chunks.reduce((sum, c) => sum + c.byteLength, 0);
  }

  /** Store wider values from now on (uint8 → uint16 → int32), converting what is held. */
  private widen(): void {
    const kind: Kind = this.kind === 'uint8' ? 'uint16' : 'int32';
    this.chunks = this.chunks.map((c) => {
      const wide = make(kind, CHUNK);
      wide.set(c);
      return wide;
    });
    this.kind = kind;
  }
}
