import type { Config } from '../config.ts';
import { commandTable, tryCommand, type CommandTable } from './dispatch.ts';
import type { DesignCode } from './design-code.ts';
import type { Layout } from './layout.ts';
import { PackedMachine } from './machine.ts';
import { prefilterOf } from './prefilter.ts';
import { FAULTS_USED } from './registers.ts';
import { checkActed } from './step-flags.ts';

const NO_TEST = -1;
const NEVER = -2;

/** The commands worth trying, and each one's register test (./prefilter.ts) as flat arrays. */
interface Candidates {
  /** Indices into the command table, in order, without the commands the design never accepts. */
  readonly all: Int32Array;
  /** The same without perturbations: all a state whose fault budget is spent can take. */
  readonly unperturbed: Int32Array;
  /** Per command: the register to test (NO_TEST, or NEVER for a command left out of the lists), the value, and 1 if it must equal it, 0 if it must differ. */
  readonly register: Int32Array;
  readonly value: Int32Array;
  readonly equal: Uint8Array;
}

function candidatesFor(table: CommandTable, code: DesignCode): Candidates {
  const n = table.commands.length;
  const register = new Int32Array(n).fill(NO_TEST);
  const value = new Int32Array(n);
  const equal = new Uint8Array(n);
  const all: number[] = [];
  table.commands.forEach((command, i) => {
    const filter = prefilterOf(command, code);
    if (filter === 'never') {
      register[i] = NEVER;
      return;
    }
    all.push(i);
    if (filter === null) return;
    register[i] = filter.register;
    value[i] = filter.value;
    equal[i] = filter.equal ? 1 : 0;
  });
  const unperturbed = all.filter((i) => table.perturbation[i] === 0);
  return { all: Int32Array.from(all), unperturbed: Int32Array.from(unperturbed), register, value, equal };
}

/**
 * The packed successor generator: for a packed state, every command `step` would accept, in the
 * order of `enabledCommands`, each applied to the machine's registers and words. `onSuccessor`
 * gets the command's index in the table and the machine: the next state is `m.w` (packed) and
 * `m.r` (registers), the step's flags `m.flags`; they are overwritten by the next command.
 * Reentrant: each nesting level of `expand` has its own machine.
 */
export class SuccessorGenerator {
  readonly table: CommandTable;
  private readonly candidates: Candidates;
  private readonly machines: PackedMachine[] = [];
  private depth = 0;

  constructor(readonly config: Config, readonly code: DesignCode, readonly layout: Layout) {
    this.table = commandTable(config);
    this.candidates = candidatesFor(this.table, code);
  }

  expand(words: Int32Array, offset: number, onSuccessor: (command: number, m: PackedMachine) => void): void {
    const m = (this.machines[this.depth] ??= new PackedMachine(this.config, this.code, this.layout));
    m.load(words, offset);
    const { table, candidates } = this;
    const before = m.b;
    // Once the fault budget is spent only the other commands can be taken: walk just those.
    const list = before[FAULTS_USED]! >= this.config.faultBudget ? candidates.unperturbed : candidates.all;
    this.depth += 1;
    try {
      for (let k = 0; k < list.length; k += 1) {
        const i = list[k]!;
        if (this.skips(i, before)) continue;
        m.begin();
        if (!tryCommand(m, table, i)) continue;
        if (m.acted !== 0) checkActed(m);
        onSuccessor(i, m);
      }
    } finally {
      this.depth -= 1;
    }
  }

  /** Whether command `i` is not tried on the state `before` (registers): the design never accepts it, or its register test fails. */
  skips(i: number, before: Int32Array): boolean {
    const { register, value, equal } = this.candidates;
    const tested = register[i]!;
    if (tested === NEVER) return true;
    return tested >= 0 && (before[tested] === value[i]) !== (equal[i] === 1);
  }
}
