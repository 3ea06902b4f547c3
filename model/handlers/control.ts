import type { ControlCommand } from '../commands.ts';
import type { Design } from '../design.ts';
import type { Handler, Refusal } from '../handler.ts';
import type { StepResult } from '../outcome.ts';
import type { ModelState } from '../state.ts';
import { act } from './act.ts';
import { addPci, addPciRefusal } from './add-pci.ts';
import { controlGuard } from './control-guard.ts';
import { deact } from './deact.ts';
import { remPci } from './rem-pci.ts';

const BY_KIND: { readonly [K in ControlCommand['kind']]: Handler<Extract<ControlCommand, { kind: K }>> } = {
  deact, act, rem_pci: remPci, add_pci: addPci,
};

function kindHandler(command: ControlCommand): Handler<ControlCommand> {
  return BY_KIND[command.kind] as Handler<ControlCommand>;
}

/** The guard of a control command, issued directly or (`viaScript`) by a step of the issuer's fail-over script. */
export function controlRefusal(state: ModelState, command: ControlCommand, design: Design, viaScript: boolean): Refusal | null {
  if (design.ports === 'multi' && (command.kind === 'add_pci' || command.kind === 'rem_pci')) {
    return { code: 'unsupported', message: `${command.kind}: a multi-port disk is wired to every partition; there is no logical hot-plug` };
  }
  const own = command.kind === 'add_pci' ? addPciRefusal(state, command, design, viaScript) : kindHandler(command).guard(state, command, design);
  return controlGuard(state, design, command, viaScript) ?? own;
}

/** The command control routine [124]: check the issuer, then the command's own conditions, then run its flow. */
export const executeControl: Handler<ControlCommand> = {
  guard(state: ModelState, command: ControlCommand, design: Design): Refusal | null {
    return controlRefusal(state, command, design, false);
  },
  apply(state: ModelState, command: ControlCommand, design: Design): StepResult {
    return kindHandler(command).apply(state, command, design);
  },
};
