import { allCommands, COMMAND_KINDS, type CommandKind, type Config } from '../../model/index.ts';
import type { CommandIds } from './command-ids.ts';
import type { CommandCoverage, KindCoverage } from './report.ts';

/** The explored transitions per command kind, from the search's count per command id. */
export function commandCoverage(config: Config, commandIds: CommandIds, taken: Int32Array): CommandCoverage {
  const byKind = new Map<CommandKind, { commands: number; taken: number; transitions: number }>();
  for (const command of allCommands(config)) {
    const id = commandIds.find(command);
    const transitions = id === undefined ? 0 : taken[id] ?? 0;
    const row = byKind.get(command.kind) ?? { commands: 0, taken: 0, transitions: 0 };
    byKind.set(command.kind, { commands: row.commands + 1, taken: row.taken + (transitions > 0 ? 1 : 0), transitions: row.transitions + transitions });
  }
  const kinds: KindCoverage[] = kindsIn(config).map((kind) => ({ kind, ...byKind.get(kind)! }));
  return { kinds, neverTaken: kinds.filter((k) => k.transitions === 0).map((k) => k.kind) };
}

/** The kinds with a command in the configuration (`allCommands`), in `COMMAND_KINDS` order. */
export function kindsIn(config: Config): CommandKind[] {
  const present = new Set(allCommands(config).map((c) => c.kind));
  return COMMAND_KINDS.filter((kind) => present.has(kind));
}
