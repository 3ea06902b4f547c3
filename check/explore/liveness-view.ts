import { isFairAction } from '../../properties/fairness.ts';
import type { LivenessView, TransitionSystem } from './system.ts';

/** The system's own liveness view of a state, or one over the decoded state and the catalogue. */
export function livenessOf<S>(system: TransitionSystem<S>, state: S): LivenessView {
  if (system.liveness !== undefined) return system.liveness(state);
  const model = system.toModel(state);
  return { pending: (property) => property.pending(model, system.design), isFair: (command) => isFairAction(command, model) };
}
