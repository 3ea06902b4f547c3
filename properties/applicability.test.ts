// Why (issue 18, classes 2 and 6): LIV-05 and WIT-05 were not applicable when `deviceErrorHotRemove`
// was false, so turning the Fig. 17 eject off also turned off the check that would catch its
// absence; INV-08 skipped failed cards and LIV-01 gave no reason for excusing them; WIT-05 counted
// any eject finished on a failed card; INV-06 called a restarted, re-declared victim "never
// fenced". Each test plants the bug in a design object and shows the property failing, and the
// correct design passing.
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DESIGNS, builtInDesign, lpar, slot, type Command, type Design, type ModelState } from '../model/index.ts';
import { play } from '../model/testing.ts';
import { explore } from '../check/explore/explore.ts';
import { config, options, property } from '../check/explore/testing.ts';
import { INV_06, INV_08, LIVENESS, WITNESSES } from './catalogue.ts';
import { LIV_01_EXCUSE } from './liveness.ts';
import { witnessesReached } from './violations.ts';

const hardened = builtInDesign('hardened')!;
const [L0, L1, S0] = [lpar(0), lpar(1), slot(0)];
const LIV_05 = LIVENESS.find((p) => p.id === 'LIV-05')!;
const LIV_01 = LIVENESS.find((p) => p.id === 'LIV-01')!;
const WIT_05 = WITNESSES.find((p) => p.id === 'WIT-05')!;

/** The witnesses each step of `commands` reaches. */
function witnessesAlong(design: Design, commands: readonly Command[]): string[][] {
  const played = play(design, commands);
  return played.results.map((result, i) => witnessesReached({ before: played.states[i]!, command: commands[i]!, result, design }, WITNESSES));
}

describe('LIV-05 applies wherever a device error can occur: in every design', () => {
  test('no built-in design makes it not applicable', () => {
    for (const d of BUILT_IN_DESIGNS) expect(LIV_05.notApplicable(d), d.name).toBeNull();
  });

  test('planted: hardened without the Fig. 17 eject leaves the owner using a dead card, and LIV-05 fails; hardened holds', () => {
    const planted: Design = { ...hardened, name: 'hardened-no-fig17', deviceErrorHotRemove: false };
    const bad = explore({ ...options('hardened', config(2, 1, 1, 0)), design: planted, only: ['LIV-05'] });
    expect(property(bad, 'LIV-05')).toMatchObject({ verdict: 'counterexample', counterexample: { why: expect.stringMatching(/^LPAR0 still uses the failed card in slot 0/) } });
    // A lasso: the device error, then a fair cycle (time passing) in which nobody stops using the card.
    expect(property(bad, 'LIV-05').counterexample).toMatchObject({ loopStart: 1, steps: [{ command: { kind: 'device_error' } }, expect.anything()] });
    const good = explore({ ...options('hardened', config(2, 1, 1, 0)), only: ['LIV-05'] });
    expect(property(good, 'LIV-05').verdict).toBe('pass');
  }, 60_000);
});

describe('WIT-05 counts only the Fig. 17 eject', () => {
  const anyIssuer: Design = { ...hardened, authorization: 'any' };
  test('the card posts the eject to its owner, which unmounts: reached', () => {
    const steps = witnessesAlong(anyIssuer, [{ kind: 'device_error', slot: S0 }, { kind: 'guest_sci', lpar: L0 }, { kind: 'guest_unmount', lpar: L0, slot: S0 }]);
    expect(steps[2]).toContain('WIT-05');
  });

  test('planted: an eject from rem_pci that finishes after the card failed is a hot-remove, not Fig. 17: not reached', () => {
    const commands: Command[] = [{ kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }, { kind: 'device_error', slot: S0 }, { kind: 'guest_sci', lpar: L0 }, { kind: 'guest_unmount', lpar: L0, slot: S0 }];
    const played = play(anyIssuer, commands);
    expect(played.results[3]!.effects).toContainEqual({ kind: 'eject-done', lpar: L0, slot: S0, cause: 'device-error' });
    expect(witnessesAlong(anyIssuer, commands).flat()).not.toContain('WIT-05');
    // And in a design without the path, where the witness does not apply, nothing is counted either.
    const noFig17: Design = { ...anyIssuer, deviceErrorHotRemove: false };
    expect(WIT_05.notApplicable(noFig17)).not.toBeNull();
    expect(WIT_05.reached({ before: played.states[3]!, command: commands[3]!, result: play(noFig17, commands).results[3]!, design: noFig17 })).toBe(false);
  });
});

describe('INV-08 speaks about failed cards; LIV-01 states why it excuses them', () => {
  // An eject lost on its way (the GPE disabled, the event dropped) to an OS whose card failed.
  const dropping: Design = { ...hardened, authorization: 'any', deviceErrorHotRemove: false, sciWhenGpeDisabled: 'drop' };
  const LOST: Command[] = [{ kind: 'device_error', slot: S0 }, { kind: 'gpe_disable', lpar: L0 }, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }];

  test('planted: a removal the OS never hears of, on a failed card, breaks INV-08 (it was skipped before)', () => {
    const end = play(dropping, LOST).final;
    expect(end.slots[0]).toMatchObject({ card: 'failed', enabled: false });
    expect(INV_08.state!(end, dropping)).toMatchObject({ holds: false, why: expect.stringMatching(/^LPAR0's OS still holds slot 0, which it can no longer reach, and no eject is on its way/) });
    const latching: Design = { ...dropping, sciWhenGpeDisabled: 'latch' };
    expect(INV_08.state!(play(latching, LOST).final, latching)).toEqual({ holds: true });
  });

  test('a hot-add onto a failed card that the OS gave up at 507 is no lost event', () => {
    const commands: Command[] = [{ kind: 'device_error', slot: S0 }, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }, { kind: 'guest_sci', lpar: L0 }, { kind: 'guest_unmount', lpar: L0, slot: S0 }, { kind: 'add_pci', issuer: L1, from: L0, slot: S0 }, { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }];
    const design: Design = { ...hardened, authorization: 'any', deviceErrorHotRemove: false };
    const end = play(design, commands).final;
    expect(end.slots[0]).toMatchObject({ card: 'failed', owner: 1, enabled: true });
    expect(end.lpars[1]!.devices[0]).toBe('none');
    expect(INV_08.state!(end, design)).toEqual({ holds: true });
  });

  test('LIV-01 excuses a takeover whose disk failed, and says so in its note', () => {
    const detected: ModelState = play(hardened, [{ kind: 'device_error', slot: S0 }]).final;
    const taking: ModelState = { ...detected, lpars: detected.lpars.map((l, i) => (i === 1 ? { ...l, role: 'takeover' } : l)) };
    expect(LIV_01.pending(taking, hardened)).toEqual([]);
    const healthy: ModelState = { ...taking, slots: taking.slots.map((s) => ({ ...s, card: 'present' })) };
    expect(LIV_01.pending(healthy, hardened)).toEqual(['LPAR1 is taking over but does not serve yet']);
    expect(LIV_01.note).toBe(LIV_01_EXCUSE);
    expect(LIV_01_EXCUSE).toMatch(/failed.*permanent fault/);
  });
});

describe('INV-06 says what happened to the victim', () => {
  const base = play(hardened, []).final;
  const withVictim = (victim: Partial<ModelState['lpars'][number]>): ModelState => ({
    ...base,
    lpars: base.lpars.map((l, i) => (i === 0 ? { ...l, ...victim } : { ...l, role: 'takeover', cluster: { ...l.cluster, script: { victim: L0, step: 5, slotMask: 1, falsePositive: false } } })),
  });
  const start = (before: ModelState) => INV_06.step!({
    before, command: { kind: 'cluster_step', lpar: L1 }, design: hardened,
    result: { state: before, effects: [{ kind: 'service-start', lpar: L1, failback: false }], outcome: { kind: 'ok' } },
  });

  test('planted: a victim act restarted as a standby and a later detection declared failed again is not "never fenced"', () => {
    const verdict = start(withVictim({ role: 'standby', service: 'stopped', detectedFailed: true }));
    expect(verdict).toEqual({ holds: false, why: 'LPAR1 started the service while LPAR0 was still running, declared failed again after it was restarted as a standby, and not fenced since' });
  });

  test('an active victim that was never powered off is "never fenced"; one restarted clean holds', () => {
    expect(start(withVictim({ detectedFailed: true }))).toEqual({ holds: false, why: 'LPAR1 started the service while LPAR0 was still running, never fenced' });
    const clean = withVictim({ role: 'standby', service: 'stopped', detectedFailed: false });
    expect(start({ ...clean, slots: clean.slots.map((s) => ({ ...s, owner: 1 as typeof L1 })) })).toEqual({ holds: true });
  });
});
