// Why: certificates are hashed and traces compared byte for byte, so canonicalJson must give
// exactly the bytes it always gave (JSON.stringify of the key-sorted value); and a trace or a
// certificate read from a file may nest 100,000 levels deep, which once overflowed the stack
// ("Maximum call stack size exceeded") in the recursive key sort and in JSON.stringify itself.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, nestedBeyond } from './canonical-json.ts';

/** The former canonicalJson, recursive: the bytes the new one must give wherever this one worked. */
function recursiveCanonicalJson(value: unknown, indent = 2): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const member = (v as Record<string, unknown>)[key];
        if (member !== undefined) out[key] = sortKeys(member);
      }
      return out;
    }
    return v;
  };
  const text = JSON.stringify(sortKeys(value), null, indent === 0 ? undefined : indent);
  return indent === 0 ? text : `${text}\n`;
}

const deep = (levels: number, leaf: unknown = 0): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? [value] : { x: value };
  return value;
};

describe('canonicalJson', () => {
  test('gives the same bytes as the recursive version, on one line and indented', () => {
    const value = fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true, withBoxedValues: true, withDate: true }));
    fc.assert(fc.property(value, fc.constantFrom(0, 2), (v, indent) => {
      expect(canonicalJson(v, indent)).toBe(recursiveCanonicalJson(v, indent));
    }), { numRuns: 2000 });
  });

  test('integer-like keys, empty members, undefined and functions are written as JSON.stringify writes them', () => {
    const value = { b: [undefined, () => 1, {}], 10: 'ten', 9: 'nine', a: undefined, f: () => 1, '': [], 'é': { z: 1, y: [1, [2]] } };
    for (const indent of [0, 2]) expect(canonicalJson(value, indent)).toBe(recursiveCanonicalJson(value, indent));
  });

  test('a value 100,000 levels deep is written, not a stack overflow', () => {
    const text = canonicalJson(deep(100_000), 0);
    expect(text.length).toBe(100_000 + 50_000 * 6 + 1);
    expect(JSON.parse(text)).toBeTruthy();
  });
});

describe('nestedBeyond', () => {
  test('names the path to the first array or object beyond the limit, and null within it', () => {
    expect(nestedBeyond({ a: [1, { b: 2 }] }, 3)).toBeNull();
    expect(nestedBeyond({ a: [1, { b: 2 }] }, 2)).toEqual(['a', 1]);
    expect(nestedBeyond({ a: 1, b: deep(100_000) }, 64)).toEqual(['b', ...Array.from({ length: 63 }, (_, i) => (i % 2 === 0 ? 'x' : 0))]);
    expect(nestedBeyond('text', 0)).toBeNull();
  });
});
