import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The files one command writes, written together or not at all. A command adds every file (its
 * traces, its summary, a certificate) as it works, and commits once at the end: first every
 * directory is made, then every file is written beside its place under a temporary name, and only
 * when all of them are whole is each renamed into place. A file in the way, a missing permission
 * or a full disk therefore stops the command before any of its output files appears (temporary
 * files are removed), instead of leaving the traces of the first designs without the summary that
 * lists them. Only a failure between two renames, which need no space, could leave some renamed.
 */
export class OutputFiles {
  private readonly files = new Map<string, string>();

  /** Add (or replace) the text a path will hold. */
  add(path: string, text: string): void {
    this.files.set(path, text);
  }

  /** Write every added file; throws the first file system error, with nothing renamed into place. */
  commit(): void {
    const entries = [...this.files.entries()];
    for (const dir of new Set(entries.map(([path]) => dirname(path)))) mkdirSync(dir, { recursive: true });
    // A directory where a file must go would fail only at its rename, after others were renamed.
    for (const [path] of entries) if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw directoryInTheWay(path);
    const temporaries = entries.map(([path]) => `${path}.${process.pid}.tmp`);
    try {
      entries.forEach(([, text], i) => writeFileSync(temporaries[i]!, text));
      entries.forEach(([path], i) => renameSync(temporaries[i]!, path));
    } catch (error) {
      for (const temporary of temporaries) rmSync(temporary, { force: true });
      throw error;
    }
    this.files.clear();
  }
}

function directoryInTheWay(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EISDIR: a directory is where the file must go, open '${path}'`), { code: 'EISDIR', syscall: 'open', path });
}
