import { candidates, initialState, stateKey, step, type Command, type Config, type Design, type ModelState, type StepResult } from '../../model/index.ts';
import { guardOfCandidate } from '../../model/step.ts';
import type { Invariant } from '../../properties/catalogue-types.ts';
import { INVARIANTS, WITNESSES } from '../../properties/catalogue.ts';
import { initialViolation, stepViolation, witnessesReached, type Violation } from '../../properties/violations.ts';
import type { Transition } from '../../properties/verdict.ts';
import { canonicalForm, symmetryGroup } from './symmetry.ts';
import type { StepInfo, SymmetryReduction, TransitionSystem } from './system.ts';

export interface ReferenceSystemOptions {
  /** Merge states that differ only by renaming standby LPARs (see `symmetry.ts`). */
  readonly symmetry: boolean;
  /** Limit invariants and witnesses to these ids (default: the whole catalogue). */
  readonly only?: readonly string[];
}

/** The invariants with only their state part, and with only their step part, as check.ts takes them. */
function splitInvariants(invariants: readonly Invariant[]) {
  const stateParts = invariants.filter((i) => i.state !== undefined);
  const stepParts = invariants.filter((i) => i.step !== undefined).map((i): Invariant => ({ ...i, state: undefined }));
  return { stateParts, stepParts };
}

/** Filtering by `skip` on every call would allocate; the skip set only grows, so cache by its size. */
function skippingCache(all: readonly Invariant[]) {
  let seen: ReadonlySet<string> | undefined;
  let size = -1;
  let kept: readonly Invariant[] = all;
  return (skip: ReadonlySet<string> | undefined): readonly Invariant[] => {
    if (skip === undefined || skip.size === 0) return all;
    if (skip !== seen || skip.size !== size) {
      seen = skip;
      size = skip.size;
      kept = all.filter((i) => !skip.has(i.id));
    }
    return kept;
  };
}

/**
 * The reference model as a transition system: states are the immer `ModelState`s themselves
 * (immutable, so `retain` is not needed), successors are the accepted commands of
 * `allCommands` in its order, the checks are the catalogue's through `properties/violations.ts`.
 */
export function referenceSystem(design: Design, config: Config, options: ReferenceSystemOptions): TransitionSystem<ModelState> {
  const wanted = (id: string) => options.only === undefined || options.only.includes(id);
  const { stateParts, stepParts } = splitInvariants(INVARIANTS.filter((i) => wanted(i.id)));
  const stateChecks = skippingCache(stateParts);
  const stepChecks = skippingCache(stepParts);
  const witnesses = WITNESSES.filter((w) => wanted(w.id) && w.notApplicable(design) === null);
  const candidateCommands = candidates(config);
  const group = symmetryGroup(config);
  const reduce = options.symmetry && group.permutations.length > 1;
  const transition = (before: ModelState, command: Command, info: StepInfo): Transition => ({ before, command, result: info as StepResult, design });

  // The explorer asks for a new state's key and then its orbit size: one pass over the group gives both.
  let memoState: ModelState | null = null;
  let memo = { key: '', orbit: 1 };
  const canonical = (s: ModelState) => {
    if (s !== memoState) {
      memo = canonicalForm(s, group.permutations);
      memoState = s;
    }
    return memo;
  };
  const symmetry: SymmetryReduction<ModelState> | undefined = reduce
    ? { groups: group.groups, order: group.permutations.length, exactKey: stateKey, orbitSize: (s) => canonical(s).orbit }
    : undefined;

  return {
    design,
    config,
    initial: () => initialState(config, design),
    successors(state, visit) {
      // The candidates are well-formed for the configuration, so the guard alone decides (as in
      // `enabledCommands`); `step` then runs only the accepted ones.
      for (const { command, perturbation } of candidateCommands) {
        if (guardOfCandidate(state, command, perturbation, design) !== null) continue;
        const result = step(state, command, design);
        visit(command, result.state, result);
      }
    },
    key: reduce ? (s) => canonical(s).key : stateKey,
    toModel: (s) => s,
    checkState: (s, skip) => initialViolation(s, design, stateChecks(skip)),
    checkStep: (before, command, _next, info, skip): Violation | null => stepViolation(transition(before, command, info), stepChecks(skip)),
    witnesses: (before, command, _next, info) => (witnesses.length === 0 ? [] : witnessesReached(transition(before, command, info), witnesses)),
    ...(symmetry === undefined ? {} : { symmetry }),
  };
}
