// Why: the packed random runs compare the emulator with the model through `abstractRegisters`
// instead of `abstract()`. It must be the same abstraction: on every step of long command
// streams, for every design and with the planted bug, it gives exactly the registers that
// `toRegisters(abstract())` gives.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DESIGNS } from '../../model/index.ts';
import { Emulator } from '../../impl/index.ts';
import { toRegisters } from '../../model/packed/codec.ts';
import { compileDesign } from '../../model/packed/design-code.ts';
import { layoutFor } from '../../model/packed/layout.ts';
import { REGISTER_COUNT } from '../../model/packed/registers.ts';
import { abstractRegisters } from './abstract-registers.ts';
import { commandStream } from './command-stream.ts';

describe('abstractRegisters', () => {
  it.each(BUILT_IN_DESIGNS.flatMap((d) => [[d.name, d, false], [d.name, d, true]] as const))('equals toRegisters(abstract()) on every step (%s, planted bug %s)', (_name, design, planted) => {
    const config = { lparCount: 4, slotCount: 3, faultBudget: 8, writeBudget: 4 };
    const code = compileDesign(design);
    const layout = layoutFor(config, code);
    const emu = new Emulator(config, design, { plantedBug: planted ? 'enable-before-gatekeeper' : null });
    const expected = new Int32Array(REGISTER_COUNT);
    const actual = new Int32Array(REGISTER_COUNT);
    let steps = 0;
    for (const c of commandStream(config, design, 5, 1500)) {
      emu.apply(c);
      toRegisters(emu.abstract(), code, layout, expected);
      abstractRegisters(emu.machine, code, layout, actual);
      expect(Array.from(actual), JSON.stringify(c)).toEqual(Array.from(expected));
      steps += 1;
    }
    expect(steps).toBe(1500);
  });
});
