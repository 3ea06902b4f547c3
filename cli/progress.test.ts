// Why: issue 20, "Progress". run's bar once went backwards (107 → 89 → 149 of 2000 on a failing
// design: a random suite restarts its count after each failure it shrinks); a status line on a
// terminal that reports 0 columns was cut to nothing; off a terminal long work said nothing at all.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fitted, lineWidth, LOG_INTERVAL_MS, progressBar, statusLine, throttledLines } from './progress.ts';

describe('status lines fit the terminal', () => {
  test('a terminal that reports 0 columns (or none) counts as 80', () => {
    expect(lineWidth(0)).toBe(80);
    expect(lineWidth(undefined)).toBe(80);
    expect(lineWidth(120)).toBe(120);
  });

  test('a line is cut to one column less than the width, with an ellipsis', () => {
    const text = 'exploring: hardened depth 12, 1,234,567 states, 42 s';
    expect(fitted(text, 200)).toBe(text);
    expect(fitted(text, 20)).toHaveLength(19);
    expect(fitted(text, 20)).toBe('exploring: hardene…');
    expect(fitted(text, 1)).toBe('…');
  });
});

describe('off a terminal: a line every few seconds, only on long work', () => {
  test('nothing before the first interval, then at most one line per interval', () => {
    let now = 0;
    const lines: string[] = [];
    const log = throttledLines((l) => lines.push(l), () => now, 1000);
    log('a');
    now = 999;
    log('b');
    expect(lines).toEqual([]);
    now = 1000;
    log('c');
    now = 1500;
    log('d');
    now = 2000;
    log('e');
    expect(lines).toEqual(['c\n', 'e\n']);
  });
});

describe('progressBar off a terminal (as here, in vitest)', () => {
  let written: string[];
  let write: typeof process.stderr.write;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    written = [];
    write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => { written.push(String(chunk)); return true; }) as typeof process.stderr.write;
  });
  afterEach(() => {
    process.stderr.write = write;
    vi.useRealTimers();
  });

  test('never goes backwards: a count that restarts shows the most done so far', () => {
    expect(process.stderr.isTTY).not.toBe(true);
    const bar = progressBar(2000, true);
    for (const done of [107, 89, 149]) {
      vi.advanceTimersByTime(LOG_INTERVAL_MS);
      bar.update(done, 'patent-lpar-a');
    }
    expect(written).toEqual(['patent-lpar-a: 107/2000 runs\n', 'patent-lpar-a: 107/2000 runs\n', 'patent-lpar-a: 149/2000 runs\n']);
  });

  test('short work writes nothing; --json (not enabled) never writes', () => {
    const bar = progressBar(10, true, 'orderings');
    bar.update(5, 'hardened');
    bar.stop();
    const quiet = progressBar(10, false);
    vi.advanceTimersByTime(LOG_INTERVAL_MS);
    quiet.update(7, 'hardened');
    statusLine(false).show('exploring');
    expect(written).toEqual([]);
    bar.update(9, 'hardened');
    expect(written).toEqual(['hardened: 9/10 orderings\n']);
  });
});
