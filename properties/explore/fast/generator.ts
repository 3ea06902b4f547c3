import type { Config } from '../../../model/config.ts';
import { commandTable, tryCommand, type CommandTable } from './dispatch.ts';
import type { DesignCode } from './design-code.ts';
import type { Layout } from './layout.ts';
import { Machine } from './machine.ts';
import { FAULTS_USED } from './registers.ts';
import { checkActed } from './step-flags.ts';

/**
 * The packed successor generator: for a packed state, every command `step` would accept, in the
 * order of `enabledCommands`, each applied to the machine's registers and words. `onSuccessor`
 * gets the command's index in the table and the machine: the next state is `m.w` (packed) and
 * `m.r` (registers), the step's flags `m.flags`; they are overwritten by the next command.
 * Reentrant: each nesting level of `expand` has its own machine.
 */
export class SuccessorGenerator {
  readonly table: CommandTable;
  private readonly machines: Machine[] = [];
  private depth = 0;

  constructor(readonly config: Config, readonly code: DesignCode, readonly layout: Layout) {
    this.table = commandTable(config);
  }

  expand(words: Int32Array, offset: number, onSuccessor: (command: number, m: Machine) => void): void {
    const m = (this.machines[this.depth] ??= new Machine(this.config, this.code, this.layout));
    m.load(words, offset);
    const table = this.table;
    // Once the fault budget is spent only the other commands can be taken: walk just those.
    const spent = m.b[FAULTS_USED]! >= this.config.faultBudget;
    const n = spent ? table.unperturbed.length : table.commands.length;
    this.depth += 1;
    try {
      for (let k = 0; k < n; k += 1) {
        const i = spent ? table.unperturbed[k]! : k;
        m.begin();
        if (!tryCommand(m, table, i)) continue;
        if (m.acted !== 0) checkActed(m);
        onSuccessor(i, m);
      }
    } finally {
      this.depth -= 1;
    }
  }
}
