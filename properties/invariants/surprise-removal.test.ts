// Why (issue 18, class 1): a slot taken from a live guest that still had it mounted passed every
// property when no eject acknowledge was required, because INV-08 and INV-09 took "an eject is in
// flight" as cover for as long as it lasted, and nothing said what the guest loses. These tests
// plant that bug in hardened (as a design object) and show INV-14, INV-08 and INV-09 catch it,
// on the reference and on the packed twin, while hardened itself holds.
import { describe, expect, test } from 'vitest';
import { builtInDesign, lpar, slot, type Command, type Design, type ModelState } from '../../model/index.ts';
import { play } from '../../model/testing.ts';
import { toRegisters } from '../../model/packed/codec.ts';
import { compileDesign } from '../../model/packed/design-code.ts';
import { layoutFor } from '../../model/packed/layout.ts';
import * as R from '../../model/packed/registers.ts';
import { explore } from '../../check/explore/explore.ts';
import { config, options, property } from '../../check/explore/testing.ts';
import { STATE_INVARIANT_IDS, stateViolationMask } from '../packed/state-checks.ts';
import { INV_08, INV_09, INV_14 } from '../catalogue.ts';

const hardened = builtInDesign('hardened')!;
/** hardened without the eject acknowledge, and with any LPAR allowed to command any other: a slot can leave a live guest. */
const surpriseRemoval: Design = { ...hardened, name: 'hardened-surprise-removal', ejectAck: 'not-required', authorization: 'any' };
const [L0, L1, S0] = [lpar(0), lpar(1), slot(0)];
/** LPAR1 removes the slot from LPAR0, which runs with the disk mounted, and takes it at once (Fig. 6 then Fig. 5). */
const TAKE: Command[] = [
  { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 },
  { kind: 'add_pci', issuer: L1, from: L0, slot: S0 },
];

/** The state invariants the packed twin finds broken in `state`. */
function packedViolations(state: ModelState, design: Design): string[] {
  const code = compileDesign(design);
  const regs = new Int32Array(R.REGISTER_COUNT);
  toRegisters(state, code, layoutFor(state.config, code), regs);
  const mask = stateViolationMask(regs, state.config, code);
  return STATE_INVARIANT_IDS.filter((_, k) => (mask & (1 << k)) !== 0);
}

describe('INV-14: no I/O a running OS issued is lost by a removal it did not agree to', () => {
  test('planted: without the eject acknowledge the slot moves while LPAR0 still has the disk mounted', () => {
    const end = play(surpriseRemoval, TAKE).final;
    expect(end.slots[0]).toMatchObject({ owner: 1, enabled: true });
    expect(end.lpars[0]!.devices[0]).toBe('mounted');
    expect(INV_14.state!(end, surpriseRemoval)).toEqual({
      holds: false,
      why: "slot 0 is enabled for LPAR1 while LPAR0's OS, running and never declared failed, has the disk mounted: its outstanding I/O is lost",
    });
    expect(packedViolations(end, surpriseRemoval)).toContain('INV-14');
  });

  test('planted: an OS still flushing (ejecting, before 606) loses its I/O as well', () => {
    const [remove, add] = TAKE;
    const end = play(surpriseRemoval, [remove!, { kind: 'guest_sci', lpar: L0 }, add!]).final;
    expect(end.lpars[0]!.devices[0]).toBe('ejecting');
    expect(INV_14.state!(end, surpriseRemoval)).toMatchObject({ holds: false, why: expect.stringMatching(/still flushing it before its unmount \(606\)/) });
    expect(packedViolations(end, surpriseRemoval)).toContain('INV-14');
  });

  test('hardened: the slot waits for the eject acknowledge, so add_pci is refused and INV-14 holds', () => {
    const played = play({ ...hardened, authorization: 'any' }, TAKE);
    expect(played.results[1]!.outcome).toMatchObject({ kind: 'rejected', code: 'eject-not-acknowledged' });
    expect(INV_14.state!(played.final, hardened)).toEqual({ holds: true });
    expect(packedViolations(played.final, hardened)).not.toContain('INV-14');
  });

  test('a declared-failed OS is not counted: fencing it is what a fail-over does', () => {
    const end = play(surpriseRemoval, TAKE).final;
    const declared: ModelState = { ...end, lpars: end.lpars.map((l, i) => (i === 0 ? { ...l, detectedFailed: true } : l)) };
    expect(INV_14.state!(declared, surpriseRemoval)).toEqual({ holds: true });
    expect(packedViolations(declared, surpriseRemoval)).not.toContain('INV-14');
  });

  test('the explorer finds the planted bug at 2 × 1 with two faults, and hardened holds', () => {
    const planted = explore({ ...options('hardened', config(2, 1, 2, 0)), design: surpriseRemoval, only: ['INV-14'] });
    expect(property(planted, 'INV-14')).toMatchObject({ verdict: 'counterexample', counterexample: { steps: expect.any(Array) } });
    expect(property(planted, 'INV-14').counterexample!.steps).toHaveLength(2);
    const base = explore({ ...options('hardened', config(2, 1, 2, 0)), only: ['INV-14'] });
    expect(property(base, 'INV-14').verdict).toBe('pass');
  }, 60_000);
});

describe('INV-08 and INV-09: an eject covers a stale view only for a bounded time', () => {
  test('hardened without the eject acknowledge (mutant of `slotcheck mutate`) is killed with three faults: the taker hands the slot on under a pending eject', () => {
    const mutant: Design = { ...hardened, name: 'hardened-no-eject-ack', ejectAck: 'not-required' };
    const report = explore({ ...options('hardened', config(2, 1, 3, 0)), design: mutant, only: ['INV-09'] });
    expect(property(report, 'INV-09')).toMatchObject({ verdict: 'counterexample', counterexample: { why: expect.stringMatching(/enabled for LPAR1 and an eject that can no longer make the removal orderly/) } });
    expect(property(report, 'INV-09').counterexample!.steps.map((s) => s.command.kind)).toEqual(['service_fail', 'tick', 'cluster_step', 'rem_pci', 'add_pci']);
    const base = explore({ ...options('hardened', config(2, 1, 3, 0)), only: ['INV-09'] });
    expect(property(base, 'INV-09').verdict).toBe('pass');
  }, 120_000);

  test('an eject still in the GPE block stops covering once the slot is enabled for another LPAR', () => {
    const end = play(surpriseRemoval, TAKE).final;
    expect(end.lpars[0]!.gpe.ejectMask).toBe(1); // the eject is "in flight" for as long as LPAR0 does not read it
    expect(INV_09.state!(end, surpriseRemoval)).toMatchObject({ holds: false, why: expect.stringMatching(/enabled for LPAR1 and an eject that can no longer make the removal orderly/) });
    expect(INV_08.state!(end, surpriseRemoval)).toMatchObject({ holds: false, why: expect.stringMatching(/already enabled for LPAR1/) });
    expect(packedViolations(end, surpriseRemoval)).toEqual(expect.arrayContaining(['INV-08', 'INV-09']));
  });

  test('an eject whose GPE status is not asserted can never be delivered, and covers nothing', () => {
    // Fig. 6 on hardened (any issuer allowed): 601 disables the slot, 603 posts the eject with GPE status set.
    const design: Design = { ...hardened, authorization: 'any' };
    const removed = play(design, [TAKE[0]!]).final;
    expect(removed.lpars[0]!.gpe).toMatchObject({ status: true, ejectMask: 1 });
    expect(INV_09.state!(removed, design)).toEqual({ holds: true });
    expect(packedViolations(removed, design)).toEqual([]);
    // The same eject with no status bit behind it: no SCI will ever fire for it, yet before the bound it covered forever.
    const stuck: ModelState = { ...removed, lpars: removed.lpars.map((l, i) => (i === 0 ? { ...l, gpe: { ...l.gpe, status: false } } : l)) };
    expect(INV_09.state!(stuck, design)).toMatchObject({ holds: false });
    expect(INV_08.state!(stuck, design)).toMatchObject({ holds: false });
    expect(packedViolations(stuck, design)).toEqual(expect.arrayContaining(['INV-08', 'INV-09']));
  });
});
