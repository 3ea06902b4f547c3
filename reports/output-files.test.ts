// Why: "nothing half-written" (DESIGN.md §5) for a command's whole output, not only per file: a
// command that cannot write one of its files must leave none of them behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

// Why: a command's folder must hold exactly the traces its summary lists (issue 20: a 3-row sweep
// had 1,159 old traces beside it), and clearing the old ones must touch nothing else.
describe('OutputFiles.replaceTraces', () => {
  const write = (path: string, text = 'old') => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };

  test('after the commit the traces folder holds exactly the traces it wrote; other files, and files outside it, stay', () => {
    const dir = tempDir();
    write(join(dir, 'run', 'traces', 'a', 'INV-01-old.itf.json'));
    write(join(dir, 'run', 'traces', 'gone', 'INV-02-old.itf.json'));
    write(join(dir, 'run', 'traces', 'a', 'notes.txt'));
    write(join(dir, 'run', 'shard-1-of-2', 'traces', 'a', 'INV-01-old.itf.json'));
    write(join(dir, 'explore', 'traces', 'a', 'INV-01-old.itf.json'));
    const out = new OutputFiles();
    out.add(join(dir, 'run', 'traces', 'a', 'INV-03-new.itf.json'), 'new');
    out.add(join(dir, 'run', 'run-summary.json'), '{}');
    out.replaceTraces(join(dir, 'run', 'traces'));
    out.commit();
    expect(everyFile(dir)).toEqual([
      join('explore', 'traces', 'a', 'INV-01-old.itf.json'),
      join('run', 'run-summary.json'),
      join('run', 'shard-1-of-2', 'traces', 'a', 'INV-01-old.itf.json'),
      join('run', 'traces', 'a', 'INV-03-new.itf.json'),
      join('run', 'traces', 'a', 'notes.txt'),
    ]);
    expect(existsSync(join(dir, 'run', 'traces', 'gone'))).toBe(false); // a folder it emptied goes too
  });

  test('a commit that fails removes nothing: the old traces stay with the old summary', () => {
    const dir = tempDir();
    write(join(dir, 'traces', 'a', 'INV-01-old.itf.json'));
    mkdirSync(join(dir, 'summary.json'));
    const out = new OutputFiles();
    out.add(join(dir, 'summary.json'), '{}');
    out.replaceTraces(join(dir, 'traces'));
    expect(() => out.commit()).toThrow(/EISDIR/);
    expect(everyFile(dir)).toEqual([join('traces', 'a', 'INV-01-old.itf.json')]);
  });

  test('a symbolic link in the traces folder is not followed', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    write(join(elsewhere, 'keep.itf.json'));
    mkdirSync(join(dir, 'traces'));
    symlinkSync(elsewhere, join(dir, 'traces', 'link'));
    const out = new OutputFiles();
    out.replaceTraces(join(dir, 'traces'));
    out.commit();
    expect(readdirSync(elsewhere)).toEqual(['keep.itf.json']);
  });
});
