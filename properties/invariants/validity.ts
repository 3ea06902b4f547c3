import { COMMAND_FIELDS, categoryOf, isPerturbation, type Command, type Design, type ModelState } from '../../model/index.ts';
import { describeValue } from '../../model/validate.ts';
import type { Invariant } from '../catalogue-types.ts';
import { HOLDS, violated } from '../verdict.ts';

/**
 * An oracle written apart from the reducer: the reasons a command must be refused whatever the
 * machine's state otherwise allows (INV-10). Null when nothing here forbids it.
 */
export function mustBeRefused(state: ModelState, command: Command, design: Design): string | null {
  const fields = command as unknown as Record<string, unknown>;
  const kind = typeof fields.kind === 'string' ? fields.kind : '';
  const argumentsOf = Object.hasOwn(COMMAND_FIELDS, kind) ? COMMAND_FIELDS[kind as keyof typeof COMMAND_FIELDS] : undefined;
  if (argumentsOf === undefined) return `${describeValue(fields.kind)} is not a command`;
  for (const field of argumentsOf) {
    const value = fields[field];
    const limit = field === 'slot' ? state.config.slotCount : state.config.lparCount;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= limit) return `${field} ${describeValue(value)} is out of range`;
  }
  if (isPerturbation(command.kind) && state.faultsUsed >= state.config.faultBudget) return 'the fault budget is spent';
  if (categoryOf(command.kind) !== 'control') return null;
  const c = command as Extract<Command, { issuer: unknown }>;
  const issuer = state.lpars[c.issuer]!;
  if (issuer.os !== 'running' || issuer.paused) return `the issuer LPAR${c.issuer} cannot send commands`;
  if (c.kind === 'add_pci' && c.issuer === c.from) return 'add_pci from the issuer to itself';
  if (design.ports === 'multi' && (c.kind === 'add_pci' || c.kind === 'rem_pci')) return 'a multi-port design has no logical hot-plug';
  if (design.authorization === 'any') return null;
  const subject = c.kind === 'add_pci' ? c.from : c.target;
  if (issuer.cluster.script?.victim !== subject) return `LPAR${c.issuer} is not failing over LPAR${subject}`;
  if (design.authorization === 'takeover-fenced') {
    if (c.kind === 'act' && state.slots.some((s) => s.enabled && s.owner === c.target)) return `LPAR${c.target} still owns an enabled slot`;
  }
  return null;
}

export const INV_10: Invariant = {
  id: 'INV-10',
  expect: 'always',
  name: 'a command with invalid arguments or from an unauthorized issuer is refused with a reason and changes nothing',
  coverage: 'model',
  note: 'Every refusal must return the very same state object and no effects; an independent oracle lists what must be refused.',
  step({ before, command, result, design }) {
    if (result.outcome.kind === 'rejected') {
      if (result.state !== before) return violated(`${command.kind} was refused (${result.outcome.code}) but the state changed`);
      if (result.effects.length > 0) return violated(`${command.kind} was refused (${result.outcome.code}) but had effects`);
      return HOLDS;
    }
    const reason = mustBeRefused(before, command, design);
    return reason === null ? HOLDS : violated(`${command.kind} was accepted although ${reason}`);
  },
};
