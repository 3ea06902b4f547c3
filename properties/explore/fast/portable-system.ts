import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { initialState } from '../../../model/initial-state.ts';
import type { StepInfo } from '../system.ts';
import { PackedSystem, packedStepInfo } from './packed-system.ts';

/**
 * The packed system with self-contained states, for the explorer's worker threads
 * (`exploreWithWorkers`): a state is the string of its packed words, two 16-bit characters per
 * word (6 characters in the default configuration), so it survives v8 serialisation and is its
 * own key in every thread. Same generator and checks as FastSystem; a string per successor
 * instead of an id, state invariants computed when asked rather than cached, and a violation's
 * sentence computed at once (it must cross threads as plain data).
 */
export class PortableFastSystem extends PackedSystem<string> {
  // Violations travel from worker threads to the coordinator by structured clone: plain data only.
  protected override readonly eagerWhy = true;
  private readonly readBuffers: Int32Array[] = [];
  private depth = 0;

  initial(): string {
    return wordsToString(this.packModel(initialState(this.config, this.design)));
  }

  successors(state: string, visit: (command: Command, next: string, info: StepInfo) => void): void {
    const words = (this.readBuffers[this.depth] ??= new Int32Array(this.layout.words));
    this.readWords(state, words);
    const commands = this.generator.table.commands;
    this.depth += 1;
    try {
      this.generator.expand(words, 0, (i, m) => visit(commands[i]!, wordsToString(m.w), packedStepInfo(m.flags)));
    } finally {
      this.depth -= 1;
    }
  }

  key(state: string): string {
    return state;
  }

  protected readWords(state: string, out: Int32Array): void {
    if (state.length !== out.length * 2) throw new RangeError(`a packed state of this layout has ${out.length * 2} characters, not ${state.length}`);
    for (let w = 0; w < out.length; w += 1) out[w] = state.charCodeAt(2 * w) | (state.charCodeAt(2 * w + 1) << 16);
  }
}

function wordsToString(words: Int32Array): string {
  let out = '';
  for (let w = 0; w < words.length; w += 1) out += String.fromCharCode(words[w]! & 0xffff, words[w]! >>> 16);
  return out;
}

/** The explorer's worker hook (`SystemFactory`): `{ module: <this file>, exportName: 'portableFastSystemFromSpec', spec }`. */
export function portableFastSystemFromSpec(spec: { readonly design: Design; readonly config: Config }): PortableFastSystem {
  return new PortableFastSystem(spec.design, spec.config);
}
