import { allCommands, enabledCommands, initialState, step, type Command, type Config, type Design } from '../../model/index.ts';

/**
 * A fixed, seeded stream of commands walked on the model: mostly commands the model accepts in
 * the state reached, some of any kind (mostly refused). For determinism tests and the emulator
 * benchmark, which need the same commands every time without fast-check.
 */
export function commandStream(config: Config, design: Design, seed: number, length: number): Command[] {
  let x = seed >>> 0 || 1;
  const next = (n: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
  const all = allCommands(config);
  const out: Command[] = [];
  let state = initialState(config, design);
  for (let i = 0; i < length; i += 1) {
    const enabled = next(100) < 85 ? enabledCommands(state, design) : [];
    const command = enabled.length > 0 ? enabled[next(enabled.length)]! : all[next(all.length)]!;
    out.push(command);
    state = step(state, command, design).state;
  }
  return out;
}
