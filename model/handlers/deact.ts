import type { ControlCommand } from '../commands.ts';
import { commit } from '../commit.ts';
import { refusal, type Handler } from '../handler.ts';
import { powerOffMutably } from '../mutators/power.ts';
import { lparAt } from '../queries.ts';

type Deact = Extract<ControlCommand, { kind: 'deact' }>;

/** Fig. 3(a), steps 1101 / 1109: power the target LPAR off. */
export const deact: Handler<Deact> = {
  guard(state, c) {
    return lparAt(state, c.target).os === 'off' ? refusal('already-off', `LPAR${c.target} is already deactivated`) : null;
  },
  apply(state, c) {
    if (lparAt(state, c.target).deactIneffective) {
      // FLT-15: the command routine reports success, the LPAR keeps running.
      return commit(state, (draft, emit) => {
        draft.lpars[c.target]!.deactIneffective = false;
        emit({ kind: 'deact-ineffective', lpar: c.target });
      });
    }
    return commit(state, (draft) => powerOffMutably(draft, c.target));
  },
};
