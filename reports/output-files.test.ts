// Why: "nothing half-written" (DESIGN.md §5) for a command's whole output, not only per file: a
// command that cannot write one of its files must leave none of them behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../cli/testing.ts';
import { OutputFiles } from './output-files.ts';

const everyFile = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everyFile(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name])).sort();

describe('OutputFiles', () => {
  test('commit writes every file whole, making directories, and replaces what was there', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'summary.json'), 'old and longer than the new text');
    const out = new OutputFiles();
    out.add(join(dir, 'traces', 'a', 'INV-03.itf.json'), '{"a":1}');
    out.add(join(dir, 'traces', 'b', 'INV-04.itf.json'), '{"b":2}');
    out.add(join(dir, 'summary.json'), '{}');
    out.commit();
    expect(everyFile(dir)).toEqual(['summary.json', join('traces', 'a', 'INV-03.itf.json'), join('traces', 'b', 'INV-04.itf.json')]);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('{}');
    expect(readFileSync(join(dir, 'traces', 'b', 'INV-04.itf.json'), 'utf8')).toBe('{"b":2}');
  });

  test('a file in the way of the last directory: it throws, and none of the files appears', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'traces'));
    writeFileSync(join(dir, 'traces', 'b'), 'in the way');
    const out = new OutputFiles();
    out.add(join(dir, 'traces', 'a', 'INV-03.itf.json'), '{"a":1}');
    out.add(join(dir, 'traces', 'b', 'INV-04.itf.json'), '{"b":2}');
    out.add(join(dir, 'summary.json'), '{}');
    expect(() => out.commit()).toThrow(/EEXIST|ENOTDIR/);
    expect(everyFile(dir)).toEqual([join('traces', 'b')]); // the obstacle only: no file, no temporary
    expect(readdirSync(join(dir, 'traces'))).toEqual(['b']); // and no directory made for the others
  });

  test('a directory where a file must go: it throws before writing, and none of the files appears', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'summary.json.d'));
    const out = new OutputFiles();
    out.add(join(dir, 'first.json'), '1');
    out.add(join(dir, 'summary.json.d'), '2'); // its temporary would write fine; only its rename would fail
    out.add(join(dir, 'third.json'), '3');
    expect(() => out.commit()).toThrow(/EISDIR/);
    expect(existsSync(join(dir, 'first.json'))).toBe(false);
    expect(everyFile(dir)).toEqual([]); // summary.json.d is an empty directory: no file, no temporary
  });
});
