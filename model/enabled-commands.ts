import { COMMAND_FIELDS, COMMAND_KINDS, type ArgumentField, type Command } from './commands.ts';
import type { Config } from './config.ts';
import type { Design } from './design.ts';
import type { ModelState } from './state.ts';
import { refusalOf } from './step.ts';

const candidateCache = new Map<string, readonly Command[]>();

/**
 * Every command the configuration can express, in a fixed order: by kind in catalogue order,
 * then by arguments, lowest first. The order is part of the explorer's determinism.
 */
export function allCommands(config: Config): readonly Command[] {
  const cacheKey = `${config.lparCount}x${config.slotCount}`;
  const cached = candidateCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const range = (field: ArgumentField) => (field === 'slot' ? config.slotCount : config.lparCount);
  const out: Command[] = [];
  for (const kind of COMMAND_KINDS) {
    let partial: Record<string, unknown>[] = [{ kind }];
    for (const field of COMMAND_FIELDS[kind]) {
      partial = partial.flatMap((p) => Array.from({ length: range(field) }, (_, v) => ({ ...p, [field]: v })));
    }
    out.push(...(partial as unknown as Command[]));
  }
  candidateCache.set(cacheKey, Object.freeze(out));
  return out;
}

/** The commands `step` would accept in this state, in the stable order of `allCommands`. */
export function enabledCommands(state: ModelState, design: Design): Command[] {
  return allCommands(state.config).filter((c) => refusalOf(state, c, design) === null);
}
