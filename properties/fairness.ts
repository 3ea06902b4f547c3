import { categoryOf, type Command, type ModelState } from '../model/index.ts';

/**
 * The actions weak fairness applies to in a state: every protocol step, and every environment
 * step except a client write (clients may stop writing) and a card insertion nobody asked for
 * (the system manager inserts a card when step 502 asks). Faults and directly issued control
 * commands are not fair: "once faults stop" means they are not taken any more.
 */
export function isFairAction(command: Command, state: ModelState): boolean {
  const category = categoryOf(command.kind);
  if (category === 'protocol') return true;
  if (category !== 'environment' || command.kind === 'client_write') return false;
  return command.kind !== 'card_insert' || state.slots[command.slot]?.pendingAdd != null;
}
