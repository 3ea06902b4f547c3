import type { Layout } from './layout.ts';

// Unpacking a state is the first thing every expansion does. A loop over the layout's field table
// reads five table entries per field; the same unpacking compiled to straight-line code (one
// shift, mask and bias with constants per field) runs about 5× faster (bench: 220 → 40 ns per
// state for DSN-02's 56 fields). The code is generated from the layout alone, so it is as
// deterministic as the layout; unpacker.test.ts checks it against `unpackByTable` field by field.

/** Write every packed field of `words` (the layout's words, from index 0) into `b` and `r`. */
export type Unpacker = (words: Int32Array, b: Int32Array, r: Int32Array) => void;

/** The reference unpacking: the layout's field table, walked. */
export function unpackByTable(layout: Layout, words: Int32Array, b: Int32Array, r: Int32Array): void {
  const unpack = layout.unpack;
  for (let k = 0; k < unpack.length; k += 5) {
    const value = ((words[unpack[k + 1]!]! >>> unpack[k + 2]!) & unpack[k + 3]!) - unpack[k + 4]!;
    b[unpack[k]!] = value;
    r[unpack[k]!] = value;
  }
}

const compiled = new WeakMap<Layout, Unpacker>();

/** The layout's unpacking as generated code, compiled once per layout. */
export function unpackerFor(layout: Layout): Unpacker {
  let unpacker = compiled.get(layout);
  if (unpacker === undefined) {
    unpacker = compileUnpacker(layout);
    compiled.set(layout, unpacker);
  }
  return unpacker;
}

function compileUnpacker(layout: Layout): Unpacker {
  const lines: string[] = [];
  for (let w = 0; w < layout.words; w += 1) lines.push(`const w${w} = words[${w}];`);
  const { unpack } = layout;
  for (let k = 0; k < unpack.length; k += 5) {
    const [register, word, shift, mask, bias] = [unpack[k]!, unpack[k + 1]!, unpack[k + 2]!, unpack[k + 3]!, unpack[k + 4]!];
    for (const n of [register, word, shift, mask, bias]) if (!Number.isSafeInteger(n)) throw new RangeError(`layout entry ${n} is not an integer`);
    lines.push(`b[${register}] = r[${register}] = ((w${word} >>> ${shift}) & ${mask}) - ${bias};`);
  }
  // new Function: the source is built from the layout's integers only (checked above), nothing read from input.
  return new Function('words', 'b', 'r', `'use strict';\n${lines.join('\n')}`) as Unpacker;
}
