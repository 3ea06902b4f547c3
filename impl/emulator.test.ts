// Why: the emulator's contract with its callers — determinism (same commands ⇒ same abstraction
// and the same observations, byte for byte), "refused means unchanged", and never throwing on
// a malformed command — independent of whether it agrees with the model.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DESIGNS, builtInDesign, type Command } from '../model/index.ts';
import { commandStream } from '../check/conformance/command-stream.ts';
import { Emulator } from './emulator.ts';

const config = { lparCount: 3, slotCount: 2, faultBudget: 8, writeBudget: 4 };

describe('Emulator', () => {
  it.each(BUILT_IN_DESIGNS.map((d) => [d.name]))('is deterministic: two emulators fed the same 3000 commands agree on every step (%s)', (name) => {
    const design = builtInDesign(name)!;
    const commands = commandStream(config, design, 7, 3000);
    const a = new Emulator(config, design);
    const b = new Emulator(config, design);
    let accepted = 0;
    for (const c of commands) {
      const sa = a.apply(c);
      const sb = b.apply(c);
      expect(JSON.stringify(sb)).toBe(JSON.stringify(sa));
      expect(JSON.stringify(b.abstract())).toBe(JSON.stringify(a.abstract()));
      if (sa.outcome.kind === 'ok') accepted += 1;
    }
    expect(Buffer.from(b.machine.memory.bytes).equals(Buffer.from(a.machine.memory.bytes))).toBe(true);
    expect(accepted).toBeGreaterThan(1000); // the stream exercised the machine, not only refusals
  });

  it('changes nothing, registers and bytes included, when it refuses a command', () => {
    const design = builtInDesign('patent-lpar-a')!;
    const emu = new Emulator(config, design);
    let refused = 0;
    for (const c of commandStream(config, design, 11, 1500)) {
      const before = JSON.stringify(emu.abstract());
      const memory = Buffer.from(emu.machine.memory.bytes);
      const disk = Buffer.from(emu.machine.disk.sector);
      const step = emu.apply(c);
      if (step.outcome.kind === 'ok') continue;
      refused += 1;
      expect(step.observations).toEqual([]);
      expect(JSON.stringify(emu.abstract())).toBe(before);
      expect(memory.equals(Buffer.from(emu.machine.memory.bytes))).toBe(true);
      expect(disk.equals(Buffer.from(emu.machine.disk.sector))).toBe(true);
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('refuses malformed commands with the model\'s codes instead of throwing', () => {
    const emu = new Emulator(config, builtInDesign('hardened')!);
    const bad = (c: unknown) => emu.apply(c as Command).outcome;
    expect(bad({ kind: 'reboot_everything' })).toMatchObject({ kind: 'rejected', code: 'malformed' });
    expect(bad({ kind: 'deact', issuer: 1, target: 9 })).toMatchObject({ code: 'unknown-lpar' });
    expect(bad({ kind: 'device_dma', slot: -1 })).toMatchObject({ code: 'unknown-slot' });
    expect(bad({ kind: 'rem_pci', issuer: 1, target: 0 })).toMatchObject({ code: 'unknown-slot' });
    expect(bad({ kind: 'guest_sci', lpar: 1.5 })).toMatchObject({ code: 'unknown-lpar' });
    expect(bad(null)).toMatchObject({ code: 'malformed' });
  });
});
