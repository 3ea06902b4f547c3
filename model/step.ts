import { isPerturbation, type Command, type CommandKind } from './commands.ts';
import { commit, refuse } from './commit.ts';
import type { Config } from './config.ts';
import type { Design } from './design.ts';
import type { Handler, Refusal } from './handler.ts';
import type { StepResult } from './outcome.ts';
import { latchSciEdges } from './sci-edge.ts';
import type { ModelState } from './state.ts';
import { argumentProblem, budgetRefusal } from './validate.ts';
import { cardInsert, cardPull, deviceError } from './handlers/card.ts';
import { clientWrite } from './handlers/client-write.ts';
import { clusterStep } from './handlers/cluster-step.ts';
import { executeControl } from './handlers/control.ts';
import { deviceDma, gkFlush, romSci, strayDma } from './handlers/device.ts';
import { guestDeviceStep } from './handlers/guest-device.ts';
import { guestSci } from './handlers/guest-sci.ts';
import { guestShutdown } from './handlers/guest-shutdown.ts';
import { guestUnmount } from './handlers/guest-unmount.ts';
import * as faults from './handlers/lpar-faults.ts';
import * as recoveries from './handlers/recoveries.ts';
import { tick } from './handlers/tick.ts';

type HandlerTable = { readonly [K in CommandKind]: Handler<Extract<Command, { kind: K }>> };

/**
 * The handler of each command kind. The mapped type makes a kind without a handler (or a handler
 * for the wrong kind) a compile error, as `.exhaustive()` would, without rebuilding a matcher on
 * every call: the explorer and the random runs ask for guards millions of times.
 */
const HANDLERS: HandlerTable = {
  deact: executeControl, act: executeControl, rem_pci: executeControl, add_pci: executeControl,
  guest_sci: guestSci, guest_configure: guestDeviceStep, guest_mount: guestDeviceStep, guest_unmount: guestUnmount,
  guest_shutdown: guestShutdown, cluster_step: clusterStep, device_dma: deviceDma, gk_flush: gkFlush, rom_sci: romSci,
  tick, client_write: clientWrite, card_insert: cardInsert,
  resume: recoveries.resume, hb_restore: recoveries.hbRestore, gpe_enable: recoveries.gpeEnable, cluster_restart: recoveries.clusterRestart,
  os_crash: faults.osCrash, service_fail: faults.serviceFail, pause: faults.pause, hb_loss: faults.hbLoss,
  device_error: deviceError, card_pull: cardPull, gpe_disable: faults.gpeDisable, spurious_sci: faults.spuriousSci,
  cluster_die: faults.clusterDie, stale_eject_ack: faults.staleEjectAck, stray_mmio: faults.strayMmio, stray_dma: strayDma,
  deact_ineffective: faults.deactIneffective, os_reboot: faults.osReboot,
};

function handlerFor(command: Command): Handler<Command> {
  return HANDLERS[command.kind] as Handler<Command>;
}

/**
 * The guard alone, for a command known to be well-formed for the state's configuration (the
 * candidates of allCommands): the budget, then the handler's own conditions.
 */
export function guardOfCandidate(state: ModelState, command: Command, perturbation: boolean, design: Design): Refusal | null {
  return (perturbation ? budgetRefusal(state.faultsUsed, state.config) : null) ?? handlerFor(command).guard(state, command, design);
}

/**
 * Why the command would be refused in this state, or null if `step` would accept it. Faults and
 * directly issued control commands draw on the fault budget, so bounded runs stay finite.
 */
export function refusalOf(state: ModelState, command: Command, design: Design): Refusal | null {
  return argumentProblem(state.config, command) ?? guardOfCandidate(state, command, isPerturbation(command.kind), design);
}

/**
 * The reducer: (state, command) → { state, effects, outcome }. Pure; a refused command returns
 * the very same state object with a reason code, and no exception escapes for a bad command.
 */
export function step(state: ModelState, command: Command, design: Design): StepResult {
  const problem = refusalOf(state, command, design);
  if (problem !== null) return refuse(state, problem.code, problem.message);
  const applied = handlerFor(command).apply(state, command, design);
  const latched = latchSciEdges(state, applied.state, design);
  const result = latched === applied.state ? applied : { ...applied, state: latched };
  if (!isPerturbation(command.kind)) return result;
  return { ...result, state: commit(result.state, (draft) => { draft.faultsUsed += 1; }).state };
}
