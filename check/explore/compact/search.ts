import type { Command, Config, Design } from '../../../model/index.ts';
import { INVARIANT_SHIFT, STEP_INVARIANT_IDS, WITNESS_BITS, WITNESS_IDS } from '../../../model/packed/step-flags.ts';
import type { SuccessorGenerator } from '../../../model/packed/generator.ts';
import { PackedMachine } from '../../../model/packed/machine.ts';
import { STATE_INVARIANT_IDS, stateViolationMask } from '../../../properties/packed/state-checks.ts';
import { PROGRESS_INTERVAL_MS, type ExploreBounds, type SearchProgress } from '../options.ts';
import { PackedSymmetry } from '../packed/symmetry.ts';
import { PackedSystem } from '../packed/system.ts';
import type { BoundHit } from '../report.ts';
import type { SearchPlan } from '../search.ts';
import { ROOT } from '../visited-states.ts';
import { fingerprintWords, type Fingerprint } from './fingerprint.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { LevelQueue } from './level-queue.ts';
import { StatePaths } from './state-paths.ts';

/** Where a finding is: a state (by number), or the transition taking command `command` (table index) from state `from`. */
export type CompactLocator =
  | { readonly kind: 'state'; readonly index: number }
  | { readonly kind: 'step'; readonly from: number; readonly command: number };

export interface CompactWitnessTally {
  readonly at: CompactLocator;
  transitions: number;
  states: number;
  unreducedStates: number;
}

/** What a hash-compacted search found, as state numbers and command indices; `report.ts` recomputes the paths. */
export interface CompactOutcome {
  readonly paths: StatePaths;
  /** The configuration's command table: a command index names one of these. */
  readonly commands: readonly Command[];
  /** Per command index: the transitions that took it. */
  readonly taken: Int32Array;
  /** The first (so, BFS being breadth-first, a shortest) violation of each invariant found. */
  readonly violations: ReadonlyMap<string, CompactLocator>;
  readonly witnesses: ReadonlyMap<string, CompactWitnessTally>;
  readonly boundHit: BoundHit | null;
  readonly transitions: number;
  readonly expanded: number;
  readonly unreduced: { readonly states: number; readonly transitions: number } | null;
  readonly symmetry: PackedSymmetry | null;
  readonly elapsedMs: number;
  /** Measurement (bench/compact.ts): bytes held at the end by the fingerprint set, the paths, and the two level queues (their peak: they never shrink). */
  readonly bytes: { readonly fingerprints: number; readonly paths: number; readonly levels: number };
}

/** What the search is given beyond the bounds: the space, what to look for, how many fingerprint bits. */
export interface CompactSearchInput {
  readonly design: Design;
  readonly config: Config;
  readonly symmetry: boolean;
  readonly fingerprintBits: number;
  readonly plan: SearchPlan;
}

/** Ids as bits of `ids`' numbering, for those `keep` keeps. */
function bitsOf(ids: readonly string[], keep: (id: string) => boolean): number {
  return ids.reduce((mask, id, bit) => (keep(id) ? mask | (1 << bit) : mask), 0);
}

/**
 * Breadth-first search with hash compaction (SPIN's -DHC), in one thread, on the packed model:
 * a state is kept as a fingerprint (`fingerprint.ts`) in a set (`fingerprint-set.ts`), plus its
 * parent's number and the command from it (`state-paths.ts`); whole states only for the level being
 * expanded and the next (`level-queue.ts`). Checks, counts and bounds are those of
 * `searchSequential` (../search.ts) over the packed system, in the same order, so that without a
 * collision every count, finding and shortest path is the same; a collision makes the search
 * take a new state for one it has seen, and skip it and what only it leads to. No graph is kept:
 * liveness is not checked here.
 */
export function searchCompact(input: CompactSearchInput, bounds: ExploreBounds, now: () => number, onProgress?: (progress: SearchProgress) => void): CompactOutcome {
  const started = now();
  let progressAt = started;
  const { design, config, plan, fingerprintBits } = input;
  const packed = new PackedSystem(design, config); // the generator, layout and the initial state's words
  const { layout, code } = packed;
  const generator: SuccessorGenerator = packed.generator;
  const commands = generator.table.commands;
  const width = layout.words;
  const group = input.symmetry ? new PackedSymmetry(config, layout) : null;
  const reduction = group !== null && group.order > 1 ? group : null;
  const canonical = new Int32Array(width);
  const fp: Fingerprint = { hi: 0, lo: 0 };
  const seen = new FingerprintSet();
  const paths = new StatePaths();
  const taken = new Int32Array(commands.length);
  const violations = new Map<string, CompactLocator>();
  const witnesses = new Map<string, CompactWitnessTally>();
  let openState = bitsOf(STATE_INVARIANT_IDS, plan.wanted);
  let openStep = bitsOf(STEP_INVARIANT_IDS, plan.wanted);
  const wantedWitnesses = bitsOf(WITNESS_IDS, plan.wanted);
  let transitions = 0;
  let unreducedStates = 0;
  let unreducedTransitions = 0;

  /** Record the invariants of `bits` (numbered by `ids`) not found yet, at `at`; a found id is closed in both numberings. */
  const record = (bits: number, ids: readonly string[], at: CompactLocator) => {
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const id = ids[31 - Math.clz32(rest & -rest)]!;
      if (violations.has(id)) continue;
      violations.set(id, at);
      openState &= ~bitsOf(STATE_INVARIANT_IDS, (x) => x === id);
      openStep &= ~bitsOf(STEP_INVARIANT_IDS, (x) => x === id);
    }
  };
  /** The fingerprint of a state (of its orbit's canonical form, with symmetry reduction) into `fp`; returns the orbit size. */
  const fingerprint = (regs: Int32Array, words: Int32Array): number => {
    if (reduction === null) {
      fingerprintWords(words, 0, width, fingerprintBits, fp);
      return 1;
    }
    reduction.canonicalize(regs, words, canonical);
    fingerprintWords(canonical, 0, width, fingerprintBits, fp);
    return reduction.orbit;
  };

  let current = new LevelQueue(width);
  let next = new LevelQueue(width);
  const initialWords = new Int32Array(width);
  packed.store.read(packed.initial(), initialWords);
  const machine = new PackedMachine(config, code, layout);
  machine.load(initialWords, 0);
  const initialOrbit = fingerprint(machine.b, initialWords);
  seen.add(fp.hi, fp.lo);
  paths.add(ROOT, 0, 0);
  unreducedStates += initialOrbit;
  record(stateViolationMask(machine.b, config, code) & openState, STATE_INVARIANT_IDS, { kind: 'state', index: 0 });
  current.push(initialWords, initialOrbit);

  let depth = 0;
  let index = 0;
  let boundHit: BoundHit | null = null;
  search: while (current.length > 0) {
    if (depth >= bounds.depthMax) {
      boundHit = { bound: 'depthMax', limit: bounds.depthMax, detail: `${current.length} state(s) at depth ${depth} were checked but not expanded` };
      break;
    }
    for (let q = 0; q < current.length; q += 1) {
      const time = now();
      if (onProgress !== undefined && time - progressAt >= PROGRESS_INTERVAL_MS) {
        progressAt = time;
        onProgress({ states: paths.size, transitions, depth, elapsedMs: time - started });
      }
      if (time - started > bounds.timeLimitMs) {
        boundHit = { bound: 'timeLimitMs', limit: bounds.timeLimitMs, detail: `stopped at depth ${depth} with ${paths.size - index} stored state(s) not expanded` };
        break search;
      }
      const chunk = current.chunkOf(q);
      const offset = current.offsetOf(q);
      const orbit = chunk[offset + width]!;
      const from = index;
      let successors = 0;
      let cut = false;
      let reachedHere = 0;
      generator.expand(chunk, offset, (i, m) => {
        if (cut) return;
        successors += 1;
        transitions += 1;
        taken[i]! += 1;
        const flags = m.flags;
        if (flags !== 0) {
          const broken = (flags >>> INVARIANT_SHIFT) & openStep;
          if (broken !== 0) record(broken, STEP_INVARIANT_IDS, { kind: 'step', from, command: i });
          const reached = flags & WITNESS_BITS & wantedWitnesses;
          for (let rest = reached; rest !== 0; rest &= rest - 1) {
            const bit = rest & -rest;
            const id = WITNESS_IDS[31 - Math.clz32(bit)]!;
            let tally = witnesses.get(id);
            if (tally === undefined) witnesses.set(id, (tally = { at: { kind: 'step', from, command: i }, transitions: 0, states: 0, unreducedStates: 0 }));
            tally.transitions += 1;
            if ((reachedHere & bit) === 0) {
              tally.states += 1;
              tally.unreducedStates += orbit;
            }
          }
          reachedHere |= reached;
        }
        const nextOrbit = fingerprint(m.r, m.w);
        if (paths.size >= bounds.statesMax) {
          if (!seen.has(fp.hi, fp.lo)) cut = true;
          return;
        }
        if (!seen.add(fp.hi, fp.lo)) return;
        const added = paths.add(from, i, depth + 1);
        unreducedStates += nextOrbit;
        if (openState !== 0) record(stateViolationMask(m.r, config, code) & openState, STATE_INVARIANT_IDS, { kind: 'state', index: added });
        next.push(m.w, nextOrbit);
      });
      if (cut) {
        boundHit = { bound: 'statesMax', limit: bounds.statesMax, detail: `a state beyond the first ${bounds.statesMax} was met at depth ${depth + 1}; ${paths.size - index} stored state(s) not fully expanded` };
        break search;
      }
      unreducedTransitions += orbit * successors;
      index += 1;
    }
    [current, next] = [next, current];
    next.clear();
    depth += 1;
  }
  return {
    paths, commands, taken, violations, witnesses, boundHit, transitions, expanded: index,
    unreduced: reduction === null ? null : { states: unreducedStates, transitions: unreducedTransitions },
    symmetry: reduction, elapsedMs: now() - started,
    bytes: { fingerprints: seen.bytes, paths: paths.bytesPerState * paths.size, levels: current.bytes + next.bytes },
  };
}
