import type { Config } from '../config.ts';
import type { DesignCode } from './design-code.ts';
import type { Layout } from './layout.ts';
import { REGISTER_COUNT } from './registers.ts';
import { unpackerFor, type Unpacker } from './unpacker.ts';

/**
 * The working memory of the packed successor generator. `load` unpacks a state into `b` (the
 * state before the step, never written) and `r` (the state being built); every write goes
 * through `set`, which updates the register and its bits in the packed words `w` at once, and
 * logs the register so that `begin` can restore `r` for the next command cheaply. What a step
 * did that the catalogue's step checks and witnesses look at is gathered in `flags`
 * (./step-flags.ts).
 */
export class PackedMachine {
  readonly b = new Int32Array(REGISTER_COUNT);
  readonly r = new Int32Array(REGISTER_COUNT);
  readonly w: Int32Array;
  private readonly source: Int32Array;
  private readonly undo = new Int32Array(REGISTER_COUNT * 4);
  private readonly unpackFields: Unpacker;
  private undoLength = 0;
  private undoOverflow = false;
  /** Step flags of the command being applied. */
  flags = 0;
  /** LPARs brought back by an accepted act in this step, bit per LPAR (INV-11 looks at them after the step). */
  acted = 0;

  constructor(readonly config: Config, readonly d: DesignCode, readonly layout: Layout) {
    this.w = new Int32Array(layout.words);
    this.source = new Int32Array(layout.words);
    this.unpackFields = unpackerFor(layout);
    for (let i = 0; i < REGISTER_COUNT; i += 1) this.b[i] = -layout.bias[i]!; // zero-bit registers keep their default
    this.r.set(this.b);
  }

  /** Unpack the words at words[offset ..] as the state before the next steps. */
  load(words: Int32Array, offset: number): void {
    this.begin(); // registers the layout does not pack must be back at their defaults
    const { source, w } = this;
    for (let i = 0; i < source.length; i += 1) {
      source[i] = words[offset + i]!;
      w[i] = source[i]!;
    }
    this.unpackFields(source, this.b, this.r);
  }

  /** Start a step from the loaded state: undo the previous step's writes. */
  begin(): void {
    this.flags = 0;
    this.acted = 0;
    if (this.undoLength === 0) return; // a refused command writes nothing
    const { r, b, undo, w, source } = this;
    if (this.undoOverflow) r.set(b);
    else for (let i = 0; i < this.undoLength; i += 1) r[undo[i]!] = b[undo[i]!]!;
    for (let i = 0; i < w.length; i += 1) w[i] = source[i]!;
    this.undoLength = 0;
    this.undoOverflow = false;
  }

  set(register: number, value: number): void {
    if (this.r[register] === value) return;
    this.r[register] = value;
    const { word, shift, mask, bias, keep } = this.layout;
    const w = word[register]!;
    this.w[w] = (this.w[w]! & keep[register]!) | (((value + bias[register]!) & mask[register]!) << shift[register]!);
    if (this.undoLength < this.undo.length) this.undo[this.undoLength] = register;
    else this.undoOverflow = true;
    this.undoLength += 1;
  }
}
