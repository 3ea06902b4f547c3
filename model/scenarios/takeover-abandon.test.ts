// Why: under exclusive arbitration (DSN-06) a takeover that another standby already completed is
// abandoned — the case a journaled script resumed after its LPAR was reset (FLT-16) runs into. Random
// runs rarely reach it (three LPARs, two faults in the right order), so it is pinned here, on the
// model and on the emulator.
import { expect, test } from 'vitest';
import { hardened } from '../designs/hardened.ts';
import type { Command } from '../commands.ts';
import { lpar, slot } from '../ids.ts';
import { play, scenarioConfig } from '../testing.ts';
import { ConformanceChecker } from '../../check/conformance/checker.ts';
import { referenceModelStep } from '../../check/conformance/model-step.ts';

const [L0, L1, L2] = [lpar(0), lpar(1), lpar(2)];
const cs = (l: typeof L0): Command => ({ kind: 'cluster_step', lpar: l });
const commands: Command[] = [
  { kind: 'service_fail', lpar: L0 }, { kind: 'tick' },
  cs(L1), //                                    LPAR1 detects and announces its takeover…
  { kind: 'os_crash', lpar: L1 }, //            …and dies (FLT-18)
  cs(L2), cs(L2), cs(L2), cs(L2), cs(L2), //   LPAR2 detects: deact, await-fenced, rem_pci, act, add_pci
  { kind: 'guest_sci', lpar: L2 }, { kind: 'guest_configure', lpar: L2, slot: slot(0) }, { kind: 'guest_mount', lpar: L2, slot: slot(0) },
  cs(L2), //                                    1104: LPAR2 serves
  { kind: 'os_reboot', lpar: L1 }, //           LPAR1 comes back with its journaled script (FLT-16)…
  cs(L1), //                                    …and abandons it: LPAR2 already took over
];

test('a resumed takeover that another LPAR completed is abandoned (model and emulator agree)', () => {
  const config = scenarioConfig(3, 1);
  const run = play(hardened, commands, config);
  expect(run.results.map((r) => (r.outcome.kind === 'ok' ? 'ok' : r.outcome.code))).toEqual(commands.map(() => 'ok'));
  const beforeLast = run.states[run.states.length - 2]!;
  expect(beforeLast.lpars[1]).toMatchObject({ role: 'takeover', cluster: { script: { victim: L0 } } });
  expect(run.final.serviceOwner).toBe(L2);
  expect(run.final.lpars[1]).toMatchObject({ role: 'standby', cluster: { script: null } });
  expect(run.results.at(-1)!.effects).toContainEqual({ kind: 'takeover-abandoned', lpar: L1, victim: L0, by: L2 });

  const checker = new ConformanceChecker(config, hardened);
  run.results.forEach((result, i) => {
    const found = checker.step(referenceModelStep({ before: run.states[i]!, command: commands[i]!, result, design: hardened }));
    expect(found.disagreement, `step ${i + 1}`).toBeNull();
  });
});
