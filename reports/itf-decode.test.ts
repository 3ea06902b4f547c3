// Why: the HTML and Markdown reports show trace states through fromItf, and a person may hand them
// a trace Quint or Apalache wrote. Every ITF form decodes to the plain value a person expects.
import { describe, expect, test } from 'vitest';
import { at, fromItf, leaves } from './itf-decode.ts';

describe('fromItf', () => {
  test.each<[string, unknown, unknown]>([
    ['a #bigint', { '#bigint': '3' }, 3],
    ['a #bigint past 2^53, kept as text', { '#bigint': '9007199254740993' }, '9007199254740993'],
    ['a plain JSON integer (older traces)', 4, 4],
    ["Quint's unit", { '#tup': [] }, null],
    ["Apalache's unit", { tag: 'UNIT' }, null],
    ['None, as Quint writes it', { tag: 'None', value: { '#tup': [] } }, null],
    ['None, as slotcheck wrote it before', { tag: 'None', value: {} }, null],
    ['Some', { tag: 'Some', value: { '#bigint': '1' } }, 1],
    ['a set of slots', { '#set': [{ '#bigint': '0' }, { '#bigint': '2' }] }, [0, 2]],
    ['a tuple', { '#tup': [{ '#bigint': '1' }, 'a'] }, [1, 'a']],
    ['a map', { '#map': [[{ '#bigint': '0' }, true], [{ '#bigint': '1' }, false]] }, { 0: true, 1: false }],
    ['another variant, kept as a record', { tag: 'Insert', value: { '#bigint': '2' } }, { tag: 'Insert', value: 2 }],
    ['a record without its #meta', { '#meta': { index: 0 }, a: { '#bigint': '1' } }, { a: 1 }],
  ])('%s', (_, value, plain) => {
    expect(fromItf(value)).toEqual(plain);
  });

  test('at and leaves name fields as state-diff prints them', () => {
    const plain = fromItf({ lpars: [{ gpe: { insertMask: { '#set': [{ '#bigint': '0' }] } } }] });
    expect(at(plain, 'lpars', 0, 'gpe', 'insertMask')).toEqual([0]);
    expect(leaves(plain)).toEqual([['lpars[0].gpe.insertMask[0]', 0]]);
  });
});
