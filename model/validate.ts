import { COMMAND_FIELDS, type Command, type CommandKind } from './commands.ts';
import { isLparId, isSlotId } from './ids.ts';
import type { Config } from './config.ts';

import type { Refusal } from './handler.ts';


/** A value as text for a message, whatever it is (JSON input can hold objects that cannot print). */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/**
 * Argument checks that do not depend on the design: a known kind, every argument of that kind
 * present, LPAR and slot numbers inside the configuration. Commands parsed from JSON reach the
 * reducer with whatever numbers they had, so nothing here trusts the static type.
 */
export function argumentProblem(config: Config, command: Command): Refusal | null {
  if (command === null || typeof command !== 'object') return { code: 'malformed', message: `a command is an object with a "kind", not ${describeValue(command)}` };
  const fields = command as unknown as Record<string, unknown>;
  const kind = fields.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(COMMAND_FIELDS, kind)) {
    return { code: 'malformed', message: `unknown command kind ${describeValue(kind)}` };
  }
  const { lparCount, slotCount } = config;
  for (const field of COMMAND_FIELDS[kind as CommandKind]) {
    const value = fields[field];
    if (field === 'slot') {
      if (!isSlotId(value, slotCount)) {
        return { code: 'unknown-slot', message: `${kind}.slot is ${describeValue(value)}; this configuration has slots 0..${slotCount - 1}` };
      }
    } else if (!isLparId(value, lparCount)) {
      return { code: 'unknown-lpar', message: `${kind}.${field} is ${describeValue(value)}; this configuration has LPAR0..LPAR${lparCount - 1}` };
    }
  }
  return null;
}
