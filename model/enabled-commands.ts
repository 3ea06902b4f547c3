import { COMMAND_FIELDS, COMMAND_KINDS, isPerturbation, type ArgumentField, type Command } from './commands.ts';
import type { Config } from './config.ts';
import type { Design } from './design.ts';
import type { ModelState } from './state.ts';
import { guardOfCandidate } from './step.ts';

/** A command the configuration can express, with what checking it needs, computed once. */
export interface Candidate {
  readonly command: Command;
  readonly perturbation: boolean;
}

const candidateCache = new Map<string, readonly Candidate[]>();

/**
 * Every command the configuration can express, in a fixed order: by kind in catalogue order,
 * then by arguments, lowest first. The order is part of the explorer's determinism.
 */
export function candidates(config: Config): readonly Candidate[] {
  const cacheKey = `${config.lparCount}x${config.slotCount}`;
  const cached = candidateCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const range = (field: ArgumentField) => (field === 'slot' ? config.slotCount : config.lparCount);
  const out: Candidate[] = [];
  for (const kind of COMMAND_KINDS) {
    let partial: Record<string, unknown>[] = [{ kind }];
    for (const field of COMMAND_FIELDS[kind]) {
      partial = partial.flatMap((p) => Array.from({ length: range(field) }, (_, v) => ({ ...p, [field]: v })));
    }
    for (const command of partial as unknown as Command[]) out.push(Object.freeze({ command: Object.freeze(command), perturbation: isPerturbation(kind) }));
  }
  candidateCache.set(cacheKey, Object.freeze(out));
  return out;
}

const commandCache = new Map<readonly Candidate[], readonly Command[]>();

export function allCommands(config: Config): readonly Command[] {
  const all = candidates(config);
  let commands = commandCache.get(all);
  if (commands === undefined) {
    commands = Object.freeze(all.map((c) => c.command));
    commandCache.set(all, commands);
  }
  return commands;
}

/** Of the given candidates, the commands `step` would accept in this state, in their order. */
export function enabledAmong(state: ModelState, design: Design, among: readonly Candidate[]): Command[] {
  const out: Command[] = [];
  for (const c of among) if (guardOfCandidate(state, c.command, c.perturbation, design) === null) out.push(c.command);
  return out;
}

/** The commands `step` would accept in this state, in the stable order of `allCommands`. */
export function enabledCommands(state: ModelState, design: Design): Command[] {
  return enabledAmong(state, design, candidates(state.config));
}
