import type { Command } from '../../model/index.ts';

// Shrinking toward the shortest (issue 18). fast-check shrinks a failing run by its generated
// values: two rolls per step, resolved against the state when they run, so removing one step
// changes what every later one resolves to, and its shrunk runs stay several times longer than
// the explorer's shortest counterexample. This pass works on what the run executed instead, the
// concrete commands, replayed from the initial state: a deterministic delta debugging (Zeller and
// Hildebrandt, 2002) to a fixpoint where no single command, no pair of commands and no chunk can
// go, plus one move fast-check cannot make: replace everything after a prefix with one command
// (the explorer's shortest paths often end in a step the random run took a detour to), and on
// short traces one more: replace a run of commands, or one command, with one.
//
// A trace is kept only if it is shorter (all its steps, the fair drain's included; then fewer
// commands to replay) and breaks the same property. Every replay counts against a bound; reaching
// it ends the pass with the shortest trace so far, and says so.

/** A replay that broke the property sought. */
export interface Replayed {
  /** The commands replayed up to the one that broke the property (all of them if the drain did). */
  readonly commands: readonly Command[];
  /** Indices into `commands` of those the model refused (they changed nothing). */
  readonly refused: readonly number[];
  /** Steps in the trace: the commands, and the fair drain's steps when it ran to the failure. */
  readonly length: number;
}

export interface MinimizeInput<R extends Replayed> {
  /** A failing run's commands (its settles as the commands they took). */
  readonly commands: readonly Command[];
  /** Replay commands from the initial state; what broke the property, or null if it held. */
  readonly replay: (commands: readonly Command[]) => R | null;
  /** The commands enabled after replaying a prefix: the one-command endings tried after it. */
  readonly endingsAfter: (prefix: readonly Command[]) => readonly Command[];
  /** Replays at most. */
  readonly limit: number;
}

export interface Minimized<R extends Replayed> {
  /** The shortest failing replay found: the input's own if nothing shorter was, null if the input does not fail when replayed. */
  readonly best: R | null;
  readonly replays: number;
  /** Shorter traces kept along the way. */
  readonly accepted: number;
  readonly boundHit: boolean;
}

/** Pairs are tried on traces this long at most (their number grows with the square). */
const PAIRS_UP_TO = 40;
/** Segments are replaced on traces this long at most (their number grows with the square, times the commands enabled). */
const SEGMENTS_UP_TO = 10;

class Budget extends Error {}

export function minimizeCommands<R extends Replayed>(input: MinimizeInput<R>): Minimized<R> {
  let replays = 0;
  let accepted = 0;
  const spend = () => {
    if (replays >= input.limit) throw new Budget();
    replays += 1;
  };
  const replay = (commands: readonly Command[]): R | null => {
    spend();
    return input.replay(commands);
  };
  const endingsAfter = (prefix: readonly Command[]) => {
    spend();
    return input.endingsAfter(prefix);
  };
  const shorter = (a: R, b: R) => a.length < b.length || (a.length === b.length && a.commands.length < b.commands.length);
  let best: R | null = null;
  /** Keep `commands` if they break the property in a shorter trace than the best. */
  const attempt = (commands: readonly Command[]): boolean => {
    const found = replay(commands);
    if (found === null || !shorter(found, best!)) return false;
    best = found;
    accepted += 1;
    return true;
  };
  try {
    best = replay(input.commands);
    if (best === null) return { best: null, replays, accepted, boundHit: false };
    const refused = new Set(best.refused);
    if (refused.size > 0) attempt(best.commands.filter((_, i) => !refused.has(i)));
    for (let changed = true; changed;) {
      changed = removeChunks(() => best!.commands, attempt);
      changed = replaceEnding(best, endingsAfter, attempt) || changed;
      if (!changed && best.commands.length <= PAIRS_UP_TO) changed = removePairs(() => best!.commands, attempt);
      if (!changed && best.commands.length <= SEGMENTS_UP_TO) changed = replaceSegment(best.commands, endingsAfter, attempt);
      if (!changed && best.commands.length <= SEGMENTS_UP_TO) changed = dropAndReplaceEnding(best, endingsAfter, attempt);
    }
    return { best, replays, accepted, boundHit: false };
  } catch (e) {
    if (e instanceof Budget) return { best, replays, accepted, boundHit: true };
    throw e;
  }
}

/** ddmin's complement tests: chunks of half the trace, then quarters, … then single commands, from the end. */
function removeChunks(current: () => readonly Command[], attempt: (c: readonly Command[]) => boolean): boolean {
  let changed = false;
  for (let size = Math.max(1, current().length >> 1); size >= 1; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
    for (let start = current().length - size; start >= 0; start -= size) {
      const c = current();
      if (start + size > c.length) continue;
      if (attempt([...c.slice(0, start), ...c.slice(start + size)])) changed = true;
    }
  }
  return changed;
}

/** Each pair of commands removed together (two that only matter as a pair, such as a fault and its recovery). */
function removePairs(current: () => readonly Command[], attempt: (c: readonly Command[]) => boolean): boolean {
  for (let j = current().length - 1; j >= 1; j -= 1) {
    for (let i = j - 1; i >= 0; i -= 1) {
      const c = current();
      if (attempt(c.filter((_, k) => k !== i && k !== j))) return true;
    }
  }
  return false;
}

/**
 * A run of commands replaced by one, the longest runs first: a detour the random run took to a
 * state one command reaches (a crash, its detection and two script steps, where the explorer powers
 * the LPAR off by one deact); down to one command replaced by another (a fault on the other LPAR).
 */
function replaceSegment(
  c: readonly Command[], endingsAfter: (prefix: readonly Command[]) => readonly Command[], attempt: (c: readonly Command[]) => boolean,
): boolean {
  for (let length = c.length; length >= 1; length -= 1) {
    for (let start = 0; start + length <= c.length; start += 1) {
      const prefix = c.slice(0, start);
      const suffix = c.slice(start + length);
      for (const one of endingsAfter(prefix)) if (one !== c[start] && attempt([...prefix, one, ...suffix])) return true;
    }
  }
  return false;
}

/**
 * Two moves at once: one command dropped, and everything after a later point replaced by one
 * command. A fault that started a detour (a fail-over whose script's add_pci meets a disabled GPE)
 * holds a unit of the fault budget that the direct command (the add_pci itself) needs: neither move
 * alone keeps the failure, both together do.
 */
function dropAndReplaceEnding(
  current: Replayed, endingsAfter: (prefix: readonly Command[]) => readonly Command[], attempt: (c: readonly Command[]) => boolean,
): boolean {
  const c = current.commands;
  for (let drop = 0; drop < c.length; drop += 1) {
    const rest = c.filter((_, k) => k !== drop);
    // A prefix that ends before the dropped command is replaceEnding's own move.
    for (let length = drop + 1; length + 1 < current.length && length <= rest.length; length += 1) {
      const prefix = rest.slice(0, length);
      for (const ending of endingsAfter(prefix)) if (attempt([...prefix, ending])) return true;
    }
  }
  return false;
}

/** The shortest prefix after which one command breaks the property (in fewer steps than the trace, its drain included): keep it with that command. */
function replaceEnding(
  current: Replayed, endingsAfter: (prefix: readonly Command[]) => readonly Command[], attempt: (c: readonly Command[]) => boolean,
): boolean {
  const c = current.commands;
  for (let length = 0; length + 1 < current.length && length <= c.length; length += 1) {
    const prefix = c.slice(0, length);
    for (const ending of endingsAfter(prefix)) if (attempt([...prefix, ending])) return true;
  }
  return false;
}
