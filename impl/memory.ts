import { NONE } from './codes.ts';

/** Physical main memory [205]: one byte array, one window per LPAR (Fig. 7). */
export class PhysicalMemory {
  readonly bytes: Uint8Array;

  constructor(readonly lparCount: number, readonly windowBytes: number) {
    this.bytes = new Uint8Array(lparCount * windowBytes);
  }

  windowBase(lpar: number): number {
    return lpar * this.windowBytes;
  }

  /** The LPAR whose window holds the whole range, or NONE. */
  windowOf(physicalAddress: number, length: number): number {
    if (physicalAddress < 0 || length <= 0) return NONE;
    const lpar = Math.floor(physicalAddress / this.windowBytes);
    if (lpar >= this.lparCount) return NONE;
    return physicalAddress + length <= (lpar + 1) * this.windowBytes ? lpar : NONE;
  }
}
