import { describe, expect, it } from 'vitest';
import { enabledCommands, initialState, lpar, step, stateKey, type Command, type ModelState } from '../../model/index.ts';
import { referenceSystem } from './reference-system.ts';
import { config, design } from './testing.ts';

// Why this test exists: the explorer trusts the reference system to be the model: the same
// accepted commands in the order of `enabledCommands` (the order makes counterexamples
// deterministic), the same next states, and invariant checks that honour `skip` (without it a
// state breaking two invariants would hide the second one's shortest counterexample).

describe('the reference transition system', () => {
  const d = design('patent-lpar-a');
  const c = config(2, 1, 1, 1);

  it('enumerates exactly enabledCommands, in order, with step\'s next state', () => {
    const system = referenceSystem(d, c, { symmetry: false });
    let state: ModelState = initialState(c, d);
    for (const command of [{ kind: 'client_write', lpar: lpar(0) }, { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: 0 }] as Command[]) {
      const seen: [Command, string][] = [];
      system.successors(state, (cmd, next) => seen.push([cmd, stateKey(next)]));
      expect(seen).toEqual(enabledCommands(state, d).map((cmd) => [cmd, stateKey(step(state, cmd, d).state)]));
      state = step(state, command, d).state;
    }
  });

  it('checkState returns each broken invariant in turn when the earlier ones are skipped', () => {
    const system = referenceSystem(d, c, { symmetry: false });
    // A standby's add_pci steals the slot while LPAR0 still has the disk mounted (FLT-10): its I/O is lost too (INV-14).
    const s = step(initialState(c, d), { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: 0 } as Command, d).state;
    const skip = new Set<string>();
    const found: string[] = [];
    for (let v = system.checkState(s, skip); v !== null; v = system.checkState(s, skip)) {
      found.push(v.id);
      skip.add(v.id);
    }
    expect(found).toEqual(['INV-08', 'INV-09', 'INV-14']);
  });

  it('`only` limits the checks and the witnesses', () => {
    const system = referenceSystem(d, c, { symmetry: false, only: ['INV-09', 'WIT-06'] });
    const s = step(initialState(c, d), { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: 0 } as Command, d).state;
    expect(system.checkState(s)?.id).toBe('INV-09');
    const stray = { kind: 'stray_mmio', lpar: lpar(1), slot: 0 } as Command;
    const start = initialState(c, d);
    const result = step(start, stray, d);
    expect(system.witnesses(start, stray, result.state, result)).toEqual(['WIT-06']);
  });

  it('with symmetry on and 3 LPARs, keys are canonical and the reduction describes itself', () => {
    const c3 = config(3, 1, 1, 1);
    const system = referenceSystem(d, c3, { symmetry: true });
    const start = initialState(c3, d);
    const crash1 = step(start, { kind: 'os_crash', lpar: lpar(1) }, d).state;
    const crash2 = step(start, { kind: 'os_crash', lpar: lpar(2) }, d).state;
    expect(system.key(crash1)).toBe(system.key(crash2));
    expect(system.symmetry?.exactKey(crash1)).not.toBe(system.symmetry?.exactKey(crash2));
    expect(system.symmetry?.orbitSize(crash1)).toBe(2);
    expect(system.symmetry?.groups[0]).toMatch(/^LPARs 1\.\.2 \(the standbys\)/);
  });
});
