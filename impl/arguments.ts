import { COMMAND_FIELDS, type Command, type CommandKind, type Config } from '../model/index.ts';
import { refuse, type Refusal } from './refusal.ts';

function inRange(value: unknown, count: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;
}

/**
 * The command decoder: a known kind, and every argument of that kind an LPAR or slot number the
 * machine has. Commands parsed from JSON arrive with whatever they had, so nothing trusts the type.
 */
export function argumentRefusal(config: Config, command: Command): Refusal | null {
  if (typeof command !== 'object' || command === null) return refuse('malformed', `a command is an object with a kind, not ${String(command)}`);
  const fields = command as unknown as Record<string, unknown>;
  const kind = fields.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(COMMAND_FIELDS, kind)) return refuse('malformed', `no command kind ${JSON.stringify(kind)}`);
  for (const field of COMMAND_FIELDS[kind as CommandKind]) {
    const value = fields[field];
    if (field === 'slot') {
      if (!inRange(value, config.slotCount)) return refuse('unknown-slot', `${kind}.slot ${String(value)} is not a slot of this machine (0..${config.slotCount - 1})`);
    } else if (!inRange(value, config.lparCount)) {
      return refuse('unknown-lpar', `${kind}.${field} ${String(value)} is not an LPAR of this machine (0..${config.lparCount - 1})`);
    }
  }
  return null;
}
