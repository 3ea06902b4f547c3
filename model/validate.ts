import { COMMAND_FIELDS, COMMAND_KINDS, type Command, type CommandKind } from './commands.ts';
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

/** A command field with what is wrong with it ('' for the command as a whole). */
export interface CommandShapeProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A command as JSON from a file, before any configuration: an object with a known kind and exactly
 * that kind's arguments, each an integer. Every own key counts, `__proto__` included.
 */
export function commandShapeProblems(value: unknown): CommandShapeProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ field: '', message: `a command is an object with a "kind", not ${describeValue(value)}` }];
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(COMMAND_FIELDS, kind)) {
    return [{ field: 'kind', message: `unknown command kind ${describeValue(kind)}; the kinds are ${COMMAND_KINDS.join(', ')}` }];
  }
  const fields: readonly string[] = COMMAND_FIELDS[kind as CommandKind];
  const problems: CommandShapeProblem[] = [];
  for (const field of fields) {
    if (!Number.isInteger(record[field])) problems.push({ field, message: `${kind} needs an integer "${field}"` });
  }
  for (const key of Object.keys(record)) {
    if (key !== 'kind' && !fields.includes(key)) problems.push({ field: key, message: `${kind} takes no "${key}" (it takes ${fields.join(', ') || 'no arguments'})` });
  }
  return problems;
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

/** Why a fault or directly issued control command is refused with `faultsUsed` spent, or null. */
export function budgetRefusal(faultsUsed: number, config: Config): Refusal | null {
  if (faultsUsed < config.faultBudget) return null;
  return { code: 'fault-budget-spent', message: `all ${config.faultBudget} faults and direct control commands of this run are spent` };
}
