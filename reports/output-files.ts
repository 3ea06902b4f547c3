import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The files one command writes, written together or not at all. A command adds every file (its
 * traces, its summary, a certificate) as it works, and commits once at the end: first every
 * directory is made, then every file is written beside its place under a temporary name, and only
 * when all of them are whole is each renamed into place. A file in the way, a missing permission
 * or a full disk therefore stops the command before any of its output files appears (temporary
 * files are removed), instead of leaving the traces of the first designs without the summary that
 * lists them, or the directories made for them. Only a failure between two renames, which need no
 * space, could leave some renamed.
 *
 * A command owns a folder (reports/out/run/, …): `replaceTraces(dir)` says that after the commit
 * its traces folder holds exactly the traces this commit wrote, so that a summary lists exactly the
 * trace files beside it (a 3-row sweep once had 1,159 old traces beside it). Only `*.itf.json`
 * files under that folder are removed, and only once every new file is in place.
 */
export class OutputFiles {
  private readonly files = new Map<string, string>();
  private readonly traceFolders = new Set<string>();

  /** Add (or replace) the text a path will hold. */
  add(path: string, text: string): void {
    this.files.set(path, text);
  }

  /** The text added for a path and not yet written, if any (a report reads the traces it goes with). */
  pending(path: string): string | undefined {
    return this.files.get(path);
  }

  /** After the commit, remove every trace file (`*.itf.json`) under `dir` that it did not write, and the folders that leaves empty. */
  replaceTraces(dir: string): void {
    this.traceFolders.add(dir);
  }

  /** Write every added file; throws the first file system error, with nothing renamed into place. */
  commit(): void {
    const entries = [...this.files.entries()];
    const temporaries = entries.map(([path]) => `${path}.${process.pid}.tmp`);
    // The directories this commit makes (the top one of each new branch), removed again if it fails.
    const made: string[] = [];
    try {
      for (const dir of new Set(entries.map(([path]) => dirname(path)))) {
        const first = mkdirSync(dir, { recursive: true });
        if (first !== undefined) made.push(first);
      }
      // A directory where a file must go would fail only at its rename, after others were renamed.
      for (const [path] of entries) if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw directoryInTheWay(path);
      entries.forEach(([, text], i) => writeFileSync(temporaries[i]!, text));
      entries.forEach(([path], i) => renameSync(temporaries[i]!, path));
    } catch (error) {
      for (const temporary of temporaries) removeQuietly(temporary);
      for (const dir of made.reverse()) removeQuietly(dir);
      throw error;
    }
    const written = new Set(entries.map(([path]) => resolve(path)));
    for (const dir of this.traceFolders) removeStaleTraces(dir, written);
    this.files.clear();
    this.traceFolders.clear();
  }
}

/** Remove the trace files under `dir` not in `written` (absolute paths); then every folder under it, itself included, left empty. Symbolic links are not followed. */
function removeStaleTraces(dir: string, written: ReadonlySet<string>): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeStaleTraces(path, written);
    else if (entry.name.endsWith('.itf.json') && !written.has(resolve(path))) unlinkSync(path);
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

/** Clean up after a failed commit; the error that stopped it is the one to report, not a second one here (ENOTDIR under a file in the way). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing was written there
  }
}

function directoryInTheWay(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EISDIR: a directory is where the file must go, open '${path}'`), { code: 'EISDIR', syscall: 'open', path });
}
