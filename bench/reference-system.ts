import { enabledCommands, initialState, stateKey, step, type Command, type Config, type Design, type ModelState } from '../model/index.ts';
import { INVARIANTS, WITNESSES } from '../properties/catalogue.ts';
import { initialViolation, witnessesReached, type Violation } from '../properties/check.ts';
import type { StepInfo, TransitionSystem } from '../properties/explore/system.ts';
import type { Transition } from '../properties/verdict.ts';

/**
 * The immer reference model as a TransitionSystem, for the benchmarks' "reference" column. The
 * explorer's own wrapper (properties/explore/, another branch) replaces this once it is merged:
 * swap the import in bench/explore.ts.
 */
export function referenceSystem(design: Design, config: Config): TransitionSystem<ModelState> {
  const stepResult = (info: StepInfo) => {
    if ('packed' in info) throw new TypeError('the reference system passes the StepResult as info');
    return info;
  };
  const transition = (before: ModelState, command: Command, info: StepInfo): Transition => ({ before, command, result: stepResult(info), design });
  return {
    design,
    config,
    initial: () => initialState(config, design),
    successors(state, visit) {
      for (const command of enabledCommands(state, design)) {
        const result = step(state, command, design);
        visit(command, result.state, result);
      }
    },
    key: stateKey,
    toModel: (state) => state,
    checkState: (state) => initialViolation(state, design, INVARIANTS),
    checkStep(before, command, _next, info): Violation | null {
      const t = transition(before, command, info);
      for (const inv of INVARIANTS) {
        const v = inv.step?.(t);
        if (v !== undefined && !v.holds) return { id: inv.id, why: v.why };
      }
      return null;
    },
    witnesses: (before, command, _next, info) => witnessesReached(transition(before, command, info), WITNESSES),
  };
}
