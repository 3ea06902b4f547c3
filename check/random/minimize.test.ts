// Why: the minimizing pass decides how long every random counterexample is (issue 18: within 1.5×
// the explorer's shortest). Each of its moves must do what it claims, on properties made up so
// that only that move can shorten the trace: chunks and single commands removed, a pair that only
// goes together, the ending replaced after a prefix, a run of commands replaced by one; it must
// never keep a trace that does not fail, and it must say when its bound stopped it.
import { describe, expect, test } from 'vitest';
import type { Command, LparId } from '../../model/index.ts';
import { minimizeCommands, type Replayed } from './minimize.ts';

// Letters for commands: only their kind matters to the made-up properties below.
const LETTERS = { A: 'os_crash', B: 'pause', C: 'hb_loss', D: 'gpe_disable', E: 'spurious_sci', X: 'cluster_die', Y: 'os_reboot', Z: 'service_fail', t: 'tick' } as const;
type Letter = keyof typeof LETTERS;
const cmd = (l: Letter): Command => (l === 't' ? { kind: 'tick' } : ({ kind: LETTERS[l], lpar: 0 as LparId } as Command));
const letter = (c: Command): Letter => (Object.entries(LETTERS).find(([, kind]) => kind === c.kind)![0] as Letter);
const word = (s: string) => [...s].map((l) => cmd(l as Letter));
const spell = (commands: readonly Command[]) => commands.map(letter).join('');

/** A replay for a property that breaks at the first step where `brokenAt` says so (the index of that step, or -1). */
function replayOf(brokenAt: (letters: string) => number) {
  return (commands: readonly Command[]): Replayed | null => {
    const at = brokenAt(spell(commands));
    if (at < 0) return null;
    return { commands: commands.slice(0, at + 1), refused: [], length: at + 1 };
  };
}

/** The index where `pattern` first completes as a subsequence of `letters`, or -1. */
function subsequenceEnd(letters: string, pattern: string): number {
  let p = 0;
  for (let i = 0; i < letters.length; i += 1) if (letters[i] === pattern[p] && (p += 1) === pattern.length) return i;
  return -1;
}

const minimize = (input: string, brokenAt: (letters: string) => number, endings = '', limit = 10_000) =>
  minimizeCommands({ commands: word(input), replay: replayOf(brokenAt), endingsAfter: () => word(endings), limit });

describe('minimizing a failing run', () => {
  test('removes every command the failure does not need', () => {
    const result = minimize('tAttBtt', (s) => subsequenceEnd(s, 'AB'));
    expect(spell(result.best!.commands)).toBe('AB');
    expect(result.boundHit).toBe(false);
  });

  test('removes two commands that only go together (a fault and its recovery)', () => {
    // Breaks when Z is there and X and Y come as many times each: neither alone can go.
    const brokenAt = (s: string) => (s.includes('Z') && s.split('X').length === s.split('Y').length ? s.length - 1 : -1);
    expect(spell(minimize('XZY', brokenAt).best!.commands)).toBe('Z');
  });

  test('replaces the ending after a prefix with one command', () => {
    // ABC breaks it, and so does A then E: no command of ABC can go, but E can end it after A.
    const brokenAt = (s: string) => Math.max(subsequenceEnd(s, 'ABC'), subsequenceEnd(s, 'AE'));
    expect(spell(minimize('ABC', brokenAt).best!.commands)).toBe('ABC');
    expect(spell(minimize('ABC', brokenAt, 'E').best!.commands)).toBe('AE');
  });

  test('replaces a run of commands with one', () => {
    // ABCD breaks it, and so does E then D: the run ABC goes for one E, D stays.
    const brokenAt = (s: string) => Math.max(subsequenceEnd(s, 'ABCD'), subsequenceEnd(s, 'ED'));
    expect(spell(minimize('ABCD', brokenAt, 'E').best!.commands)).toBe('ED');
  });

  test('drops a command and replaces the ending at once, where neither move alone keeps the failure', () => {
    // A detour breaks it (A starts a fail-over, D, three steps) and so does the direct D then E;
    // but A and D spend the budget of two that E needs, so E is enabled only after a prefix with
    // fewer than two of them: only A dropped and the ending after D replaced by E give DE.
    const brokenAt = (s: string) => Math.max(subsequenceEnd(s, 'ADttt'), subsequenceEnd(s, 'DE'));
    const endingsAfter = (prefix: readonly Command[]) => word(spell(prefix).replace(/[^AD]/g, '').length < 2 ? 'tE' : 't');
    const result = minimizeCommands({ commands: word('ADttt'), replay: replayOf(brokenAt), endingsAfter, limit: 10_000 });
    expect(spell(result.best!.commands)).toBe('DE');
  });

  test('keeps only traces that break the property, and keeps the input when nothing shorter does', () => {
    const result = minimize('AB', (s) => subsequenceEnd(s, 'AB'), 'tCD');
    expect(spell(result.best!.commands)).toBe('AB');
    expect(result.accepted).toBe(0);
  });

  test('a run that does not break the property when replayed is no counterexample', () => {
    expect(minimize('tt', (s) => subsequenceEnd(s, 'AB')).best).toBeNull();
  });

  test('stopping at the bound says so, with the shortest failing trace found so far', () => {
    const result = minimize('tAttttBtt', (s) => subsequenceEnd(s, 'AB'), '', 3);
    expect(result.boundHit).toBe(true);
    expect(result.replays).toBe(3);
    expect(subsequenceEnd(spell(result.best!.commands), 'AB')).toBeGreaterThanOrEqual(0);
    expect(result.best!.commands.length).toBeLessThan(9);
  });
});
