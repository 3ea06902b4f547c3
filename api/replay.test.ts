// Why (issue 20, and issue 18's report): a trace that gives only its commands was refused with SC006
// ("diverges … the trace was edited"), so no trace could be written by hand or by another tool;
// and replay kept only the first property a step broke, so the literal Fig. 5 on DSN-01 showed
// INV-08 at step 503 and hid INV-09, broken by the same step.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtInDesign, initialState, lpar, slot, step, type Command } from '../model/index.ts';
import { INV_07, INV_08 } from '../properties/catalogue.ts';
import { buildTrace } from '../reports/trace.ts';
import { runCli, tempDir } from '../cli/testing.ts';
import { replay } from './replay.ts';

const design = builtInDesign('patent-lpar-a')!;
const config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };
const ADD_PCI: Command = { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: slot(0) }; // Fig. 5 steps 500, 501, 503, 504
/** The README's INV-07 trace of DSN-01: a queued write, add_pci (Fig. 5 step 503), the card's DMA. */
const INV07_COMMANDS: Command[] = [{ kind: 'client_write', lpar: lpar(0) }, ADD_PCI, { kind: 'device_dma', slot: slot(0) }];

/** A trace as the tool writes it (emulator included), as JSON; `commandsOnly` keeps each state's #meta and nothing else. */
function trace(commands: readonly Command[], property: { id: string; name: string }, violationStep: number, commandsOnly: boolean): Record<string, any> {
  let state = initialState(config, design);
  const initial = state;
  const steps = commands.map((command) => {
    const result = step(state, command, design);
    state = result.state;
    return { command, outcome: result.outcome, state, phase: 'explored' as const };
  });
  const written = JSON.parse(JSON.stringify(buildTrace({
    design, config, method: 'explore', seed: null, path: null, replayPath: null, loop: null, emulator: { plantedBug: null },
    property: { ...property, why: 'as recorded' }, violationStep, initial, steps,
  })));
  if (commandsOnly) written.states = written.states.map((s: Record<string, unknown>) => ({ '#meta': s['#meta'] }));
  return written;
}

describe('a commands-only trace replays from its commands', () => {
  test('the INV-07 trace without its states gives the verdict of the trace with them, comparing no state', async () => {
    const full = await replay(trace(INV07_COMMANDS, INV_07, 3, false));
    const commandsOnly = await replay(trace(INV07_COMMANDS, INV_07, 3, true));
    expect(full).toMatchObject({ verdict: { kind: 'violated', at: 3 }, comparedStates: 3, exitCode: 1 });
    expect(commandsOnly).toEqual({ ...full, comparedStates: 0 });
  });

  test('a full trace whose commands were edited still diverges (SC006); without states the edited commands are simply what is replayed', async () => {
    const edited = (commandsOnly: boolean) => {
      const t = trace(INV07_COMMANDS, INV_07, 3, commandsOnly);
      t.states[1]['#meta'].command = { kind: 'client_write', lpar: 1 };
      return t;
    };
    await expect(replay(edited(false))).rejects.toMatchObject({ code: 'SC006', message: expect.stringContaining('diverges at step 1') });
    expect(await replay(edited(true))).toMatchObject({ verdict: { kind: 'holds' }, comparedStates: 0, exitCode: 0 });
  });
});

describe('replay lists every property a step breaks', () => {
  test('the literal Fig. 5 on DSN-01: step 503 breaks INV-08, INV-09 and INV-14 too (issue 18)', async () => {
    const result = await replay(trace([ADD_PCI], INV_08, 1, true));
    expect(result.verdict).toMatchObject({ kind: 'violated', at: 1 });
    expect(result.otherViolations).toEqual([{ id: 'INV-09', at: 1 }, { id: 'INV-14', at: 1 }]);
  });

  test('slotcheck replay prints both, says the trace records commands only, and raises no SC006', async () => {
    const file = join(tempDir(), 'fig5.itf.json');
    writeFileSync(file, JSON.stringify(trace([ADD_PCI], INV_08, 1, true)));
    const r = await runCli(['replay', file, '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('the trace records its commands only: they are replayed, and no recorded state is compared');
    expect(r.stdout).toMatch(/✗ INV-08: LPAR0's OS still holds slot 0.*\n\s+✗ INV-09: LPAR0 believes the disk in slot 0 is mounted/);
    expect(r.stdout).toContain('other properties broken along this trace (the exit code does not count them): INV-09 at step 1');
  });
});
