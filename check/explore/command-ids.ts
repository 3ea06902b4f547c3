import { COMMAND_FIELDS, type Command } from '../../model/index.ts';

/** A command written as `kind(a,b)` with its arguments in `COMMAND_FIELDS` order: stable and readable. */
export function commandLabel(command: Command): string {
  const fields = command as unknown as Record<string, unknown>;
  const args = COMMAND_FIELDS[command.kind].map((f) => String(fields[f]));
  return `${command.kind}(${args.join(',')})`;
}

/**
 * Small integer ids for commands, so the graph stores a command per edge in a typed array and
 * liveness compares actions across states. The reference system hands out the same command
 * objects every time (identity lookup); other systems may build fresh ones (lookup by label).
 */
export class CommandIds {
  private readonly byObject = new Map<Command, number>();
  private readonly byLabel = new Map<string, number>();
  private readonly commands: Command[] = [];

  idOf(command: Command): number {
    const known = this.byObject.get(command);
    if (known !== undefined) return known;
    const label = commandLabel(command);
    let id = this.byLabel.get(label);
    if (id === undefined) {
      id = this.commands.length;
      this.commands.push(command);
      this.byLabel.set(label, id);
    }
    this.byObject.set(command, id);
    return id;
  }

  /** The id of a command given out before, by label; undefined if it never was. */
  find(command: Command): number | undefined {
    return this.byObject.get(command) ?? this.byLabel.get(commandLabel(command));
  }

  command(id: number): Command {
    const found = this.commands[id];
    if (found === undefined) throw new RangeError(`no command with id ${id}`);
    return found;
  }

  get count(): number {
    return this.commands.length;
  }
}
