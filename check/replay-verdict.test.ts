// Why (a mutation study of the checkers, 2026-11-26): the replay verdict names the FIRST step at which the traced
// property breaks. A replay that let a later violation of the same property overwrite the verdict
// (dropping the `verdict.kind === 'holds'` guard in replay.ts) passed every existing test, because
// every trace the tools write ends at its violation step. Here the property keeps failing after
// the step where it first broke.
import { describe, expect, it } from 'vitest';
import { lpar, slot, type Command } from '../model/index.ts';
import { replayCommands } from './replay.ts';
import { config, design } from './explore/testing.ts';

describe('replay: the verdict is the first violation of the traced property', () => {
  it('prior-art-multiport breaks INV-01 in the initial state; later steps that break it again do not move the verdict', () => {
    const d = design('prior-art-multiport');
    const mount: Command = { kind: 'guest_mount', lpar: lpar(1), slot: slot(0) };
    const replay = replayCommands(d, config(2, 1, 0, 0), [mount], 'INV-01', null);
    expect(replay.initialViolations.map((v) => v.id)).toContain('INV-01');
    // The step changes the state, and the state it reaches still breaks INV-01 (both LPARs reach the disk).
    expect(replay.steps[0]!.result.state).not.toBe(replay.steps[0]!.before);
    expect(replay.steps[0]!.violations.map((v) => v.id)).toContain('INV-01');
    expect(replay.verdict).toMatchObject({ kind: 'violated', at: 0 });
  });
});
