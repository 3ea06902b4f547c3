import type { ControlCommand } from '../commands.ts';
import { commit } from '../commit.ts';
import { refusal, type Handler } from '../handler.ts';
import { bootMutably } from '../mutators/power.ts';
import { lparAt } from '../queries.ts';

type Act = Extract<ControlCommand, { kind: 'act' }>;

/** Fig. 3(b), step 1105: power the target on; it boots as a standby. */
export const act: Handler<Act> = {
  guard(state, c) {
    return lparAt(state, c.target).os !== 'off' ? refusal('already-on', `LPAR${c.target} is already active`) : null;
  },
  apply(state, c, design) {
    return commit(state, (draft, emit) => {
      bootMutably(draft, design, c.target, emit, 'act');
      draft.lpars[c.target]!.detectedFailed = false;
    });
  },
};
