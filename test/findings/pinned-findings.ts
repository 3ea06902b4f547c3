import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDINGS, findingFixedBy } from '../../properties/findings.ts';
import { emitTest, type EmitPin } from '../../api/emit-test.ts';
import { findingTrace } from './finding-trace.ts';

// Every finding pinned as a regression test, emitted as `replay --emit-test` emits one (the same
// library function), one file per finding: its property violated on each design it names and,
// where a design fixes it, holding there. The files are committed; `npm run pin-findings` writes
// them again, and pinned-findings.test.ts fails when they differ from what this module produces
// now (a finding that moved, a model change, a new version).

export const PINNED_DIR = import.meta.dirname;
/** The emitted tests sit in this repository: they import its source, not the built package. */
const IMPORT_FROM = '../../index.ts';
const PINNED_FILE = /^F-\d+\.test\.ts$/;

/** Words wrapped into comment lines of at most `width` characters. */
function wrapped(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

/** File name → source of every finding's emitted test, in FINDINGS order; and why a finding could not be pinned. */
export async function pinnedFindingTests(): Promise<{ files: Map<string, string>; problems: Map<string, string> }> {
  const files = new Map<string, string>();
  const problems = new Map<string, string>();
  for (const f of FINDINGS) {
    const [first, ...others] = f.designs;
    const fix = findingFixedBy(f);
    // The trace is found on the finding's first design; the others and the fix replay its commands.
    const pins: EmitPin[] = [{ expect: 'violated' }, ...others.map((design) => ({ expect: 'violated' as const, design })), ...(fix === null ? [] : [{ expect: 'holds' as const, design: fix }])];
    try {
      const emitted = await emitTest(await findingTrace(f, first!), {
        pins, importFrom: IMPORT_FROM, writtenBy: 'npm run pin-findings',
        about: [...wrapped(`${f.id} of properties/findings.ts: ${f.title}`), ...wrapped(`Cause: ${f.cause}`)],
      });
      const wrong = emitted.pins.find((p) => !p.passesNow);
      if (wrong !== undefined) throw new Error(`${f.property} ${wrong.expect === 'violated' ? 'does not break' : 'still breaks'} on ${wrong.design}`);
      files.set(`${f.id}.test.ts`, emitted.source);
    } catch (error) {
      problems.set(`${f.id}.test.ts`, `${f.id}: ${(error as Error).message}`);
    }
  }
  return { files, problems };
}

/** The pinned test files now in a folder. */
export function committedPinnedFiles(dir = PINNED_DIR): string[] {
  return readdirSync(dir).filter((name) => PINNED_FILE.test(name)).sort();
}

/** How a folder's pinned tests differ from `files`: missing, stale (other bytes), or extra (no finding). */
export function pinnedFilesDiffer(files: ReadonlyMap<string, string>, dir = PINNED_DIR): { missing: string[]; stale: string[]; extra: string[] } {
  const present = committedPinnedFiles(dir);
  return {
    missing: [...files.keys()].filter((name) => !present.includes(name)),
    stale: present.filter((name) => files.has(name) && readFileSync(join(dir, name), 'utf8') !== files.get(name)),
    extra: present.filter((name) => !files.has(name)),
  };
}
