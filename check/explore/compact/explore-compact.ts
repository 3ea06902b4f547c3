import { initialState } from '../../../model/index.ts';
import type { Invariant, Liveness, Witness } from '../../../properties/catalogue-types.ts';
import { INVARIANTS, LIVENESS, WITNESSES } from '../../../properties/catalogue.ts';
import { CommandIds } from '../command-ids.ts';
import { commandCoverage } from '../coverage.ts';
import type { ExploreOptions } from '../options.ts';
import type { ExplorePropertyReport, ExploreReport, StoreReport } from '../report.ts';
import { assertBounds, overallVerdict, planForDesign } from '../search-plan.ts';
import type { SearchPlan } from '../search.ts';
import { FULL_FINGERPRINT_BITS, fingerprintBitsProblem } from './fingerprint.ts';
import { omissionProbability, omissionText } from './omission.ts';
import { recomputeViolation, recomputeWitness, type Recomputed } from './recompute.ts';
import { searchCompact, type CompactLocator, type CompactOutcome } from './search.ts';

const WHAT_IS_PROVEN = [
  'PROBABILISTIC (hash compaction, --store compact): every state met was kept as a fingerprint, not as itself, so two states with one fingerprint were taken for one and the second was neither checked nor expanded;',
  'with probability at most store.omissionProbability some reachable state was missed, and with it whatever only it leads to. Within that: every state kept was checked and expanded, unless boundHit says otherwise.',
  'Invariants: state parts checked on every state kept, step parts on every transition explored; each counterexample was found on a real state and is exact: its commands were recomputed on the reference model and replayed (a shortest one unless a state of a shorter path was missed).',
  'Liveness is not checked with --store compact. Nothing is claimed for larger configurations or for the emulator.',
].join(' ');

const LIVENESS_NOTE = 'not checked with --store compact: liveness needs the graph of explored transitions, which hash compaction does not keep; explore with --store exact (the default) to check it';

/**
 * `explore` with `store: 'compact'`: the search of search.ts, then a report in the shape of the
 * exact one, every path recomputed on the model (recompute.ts), and `store` saying that every
 * verdict is probabilistic and with which probability a state was missed (omission.ts).
 */
export function exploreCompact(options: ExploreOptions): ExploreReport {
  assertBounds(options);
  if (options.engine === 'reference') throw new RangeError('store compact runs on the packed engine (it fingerprints packed states): leave engine unset or packed');
  const bits = options.fingerprintBits ?? FULL_FINGERPRINT_BITS;
  const bitsProblem = fingerprintBitsProblem(bits);
  if (bitsProblem !== null) throw new RangeError(bitsProblem);
  const plan = planForDesign(options.design, options);
  const now = options.now ?? (() => performance.now()); // measurement and the time bound only
  const search = searchCompact({ design: options.design, config: options.config, symmetry: options.symmetry, fingerprintBits: bits, plan }, options, now, options.onProgress);
  return compactReport(options, plan, search, bits);
}

function compactReport(options: ExploreOptions, plan: SearchPlan, search: CompactOutcome, bits: number): ExploreReport {
  const { design, config } = options;
  const bound = search.boundHit;
  const unexplored = bound === null ? null : `inconclusive: bound ${bound.bound} = ${bound.limit} was hit (${bound.detail})`;
  const states = search.paths.size;
  const probability = omissionProbability(states, bits);
  const probabilistic = `probabilistic: hash compaction, P(a state was missed) ${omissionText(probability)}`;
  const notReproduced: string[] = [];
  let pathsRecomputed = 0;
  const commandsAt = (at: CompactLocator) => (at.kind === 'state' ? search.paths.commandsTo(at.index) : [...search.paths.commandsTo(at.from), at.command]).map((i) => search.commands[i]!);
  const counted = (id: string, r: Recomputed): Recomputed => {
    pathsRecomputed += 1;
    if (!r.reproduced) notReproduced.push(id);
    return r;
  };

  const invariant = (inv: Invariant): ExplorePropertyReport => {
    const base = { id: inv.id, name: inv.name, expect: 'always', witness: null } as const;
    const at = search.violations.get(inv.id);
    if (at === undefined) {
      return unexplored !== null
        ? { ...base, verdict: 'inconclusive', note: unexplored, counterexample: null }
        : { ...base, verdict: 'pass', note: `${inv.note} (${probabilistic})`, counterexample: null };
    }
    const r = counted(inv.id, recomputeViolation(design, config, commandsAt(at), inv.id));
    if (!r.reproduced) return { ...base, verdict: 'inconclusive', note: `the search found ${inv.id} broken but its path does not reproduce it: ${r.why}; not reported as a counterexample (a bug: please report it)`, counterexample: null };
    return { ...base, verdict: 'counterexample', note: inv.note, counterexample: { propertyId: inv.id, why: r.why, steps: r.steps, loopStart: null, fairActions: null } };
  };
  const liveness = (live: Liveness): ExplorePropertyReport => {
    const na = live.notApplicable(design);
    return { id: live.id, name: live.name, expect: 'eventually', witness: null, counterexample: null, verdict: na === null ? 'inconclusive' : 'not-applicable', note: na ?? LIVENESS_NOTE };
  };
  const witness = (wit: Witness): ExplorePropertyReport => {
    const base = { id: wit.id, name: wit.name, expect: 'sometimes', counterexample: null } as const;
    const na = wit.notApplicable(design);
    if (na !== null) return { ...base, verdict: 'not-applicable', note: na, witness: null };
    const tally = search.witnesses.get(wit.id);
    if (tally === undefined) {
      return unexplored !== null
        ? { ...base, verdict: 'inconclusive', note: unexplored, witness: null }
        : { ...base, verdict: 'unreached', note: `no explored transition reaches it (${probabilistic})`, witness: null };
    }
    const r = counted(wit.id, recomputeWitness(design, config, commandsAt(tally.at), wit.id));
    if (!r.reproduced) return { ...base, verdict: 'inconclusive', note: `the search found ${wit.id} reached but its path does not reproduce it: ${r.why} (a bug: please report it)`, witness: null };
    const unreducedStates = search.unreduced === null ? null : tally.unreducedStates;
    return { ...base, verdict: 'reached', note: `reached in ${r.steps.length} step(s) at the shortest`, witness: { steps: r.steps, transitions: tally.transitions, states: tally.states, unreducedStates } };
  };

  const properties: ExplorePropertyReport[] = [
    ...INVARIANTS.filter((p) => plan.wanted(p.id)).map(invariant),
    ...LIVENESS.filter((p) => plan.wanted(p.id)).map(liveness),
    ...WITNESSES.filter((p) => plan.wanted(p.id)).map(witness),
  ];
  const store: StoreReport = {
    kind: 'compact', probabilistic: true, fingerprintBits: bits, omissionProbability: probability, pathsRecomputed, notReproduced,
    note: `hash compaction, ${states} states as ${bits}-bit fingerprints, P(a state was missed) ${omissionText(probability)}, liveness not checked, ${pathsRecomputed} path(s) recomputed on the model${notReproduced.length === 0 ? '' : ` (${notReproduced.join(', ')} not reproduced)`}`,
  };
  const symmetry = search.symmetry;
  return {
    design: { name: design.name, id: design.id }, config,
    bounds: { depthMax: options.depthMax, statesMax: options.statesMax, timeLimitMs: options.timeLimitMs },
    only: options.only === undefined ? null : [...options.only], verdict: overallVerdict(properties), boundHit: bound,
    states, transitions: search.transitions, expandedStates: search.expanded, maxDepth: search.paths.maxDepth,
    coverage: commandCoverage(config, ...takenByCommandId(search)),
    symmetry: symmetry === null ? { applied: false, order: 1, groups: [] } : { applied: true, order: symmetry.order, groups: symmetry.groups },
    unreduced: search.unreduced, store, initialState: initialState(config, design), properties, note: WHAT_IS_PROVEN,
    timing: { elapsedMs: search.elapsedMs, transitionsPerSecond: search.elapsedMs > 0 ? Math.round((search.transitions / search.elapsedMs) * 1000) : 0 },
  };
}

/** The search's count per command index, as the command ids and counts `commandCoverage` reads. */
function takenByCommandId(search: CompactOutcome): [CommandIds, Int32Array] {
  const ids = new CommandIds();
  const counts: number[] = [];
  search.commands.forEach((command, i) => {
    if (search.taken[i]! === 0) return;
    ids.idOf(command);
    counts.push(search.taken[i]!);
  });
  return [ids, Int32Array.from(counts)];
}
