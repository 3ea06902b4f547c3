// Why this test exists: more designs will come (DSN-03…05 and users' files), and the packed
// system compiles every Design field (design-code.ts). The built-in designs leave most field
// values unexercised (card-ROM SCIs, cached translations, epochs, multi-port, …), so here the
// design itself is random: every field over all its values, random fail-over scripts, heartbeat
// and CPU rates that coincide or are 0 (the packed CPU code must stay canonical), a clustering
// step budget per tick absent or from 1 to 100 steps at 100% (budgets of 0, 1 and more), and random
// configurations up to 4 LPARs × 3 slots. Along random walks the packed successors must match
// the reference exactly (see agreement.test.ts). Seed pinned.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { SCRIPT_STEPS, type Config, type Design } from '../index.ts';
import { walkDisagreement } from './agreement.testing.ts';
import { PackedSystem } from '../../check/explore/packed/system.ts';

const percent = fc.constantFrom(0, 3, 10, 45, 90);

const designArbitrary: fc.Arbitrary<Design> = fc.record({
  name: fc.constant('random'),
  id: fc.constant('user'),
  title: fc.constant('a random design'),
  embodiment: fc.constantFrom('lpar', 'ppar'),
  ports: fc.constantFrom('single', 'multi'),
  sciSource: fc.constantFrom('control-program', 'card-rom'),
  deviceErrorHotRemove: fc.boolean(),
  addWhileEnabled: fc.constantFrom('reassign', 'reject'),
  inflightDmaOnReassign: fc.constantFrom('none', 'quiesce', 'epoch'),
  gateKeeperCache: fc.constantFrom('none', 'invalidate-after-enable', 'invalidate-before-enable'),
  disableBlocksDma: fc.boolean(),
  authorization: fc.constantFrom('any', 'takeover-only', 'takeover-fenced'),
  sciWhenGpeDisabled: fc.constantFrom('drop', 'latch'),
  ejectAck: fc.constantFrom('not-required', 'required'),
  clientAck: fc.constantFrom('after-durable', 'before-durable'),
  failoverScript: fc.array(fc.constantFrom(...SCRIPT_STEPS), { maxLength: 8 }),
  scriptSurvivesRestart: fc.boolean(),
  takeoverArbitration: fc.constantFrom('none', 'exclusive'),
  failoverVictims: fc.constantFrom('service-owner', 'slot-holders', 'slot-holders-and-down'),
  scriptSlots: fc.constantFrom('at-detection', 'current'),
  fenceRecheck: fc.constantFrom('once', 'every-step'),
  concurrentTakeovers: fc.constantFrom('all-proceed', 'slot-holder-first'),
  ownerOfRecordDetects: fc.boolean(),
  addPciToOwner: fc.constantFrom('refuse', 'reenable'),
  gateKeeperOrder: fc.constantFrom('rewrite-then-enable', 'enable-then-rewrite'),
  quiesceBy: fc.constantFrom('reset-at-add-pci', 'reset-at-rem-pci', 'drain-at-add-pci'),
  sciHandler: fc.constantFrom('scan-every-slot', 'one-event-per-sci'),
  gpeStatusClear: fc.constantFrom('write-1-to-clear', 'clear-on-read'),
  hotRemoveSci: fc.constantFrom('raise', 'skip'),
  sciTrigger: fc.constantFrom('level', 'edge'),
  heartbeatPeriodTicks: fc.integer({ min: 1, max: 3 }),
  heartbeatTimeoutTicks: fc.integer({ min: 1, max: 9 }),
  cpuActivePercent: percent,
  cpuStandbyPercent: percent,
  clusterStepsPerTickAtFullCpu: fc.option(fc.constantFrom(1, 10, 34, 100), { nil: undefined }),
});

const configArbitrary: fc.Arbitrary<Config> = fc.record({
  lparCount: fc.integer({ min: 2, max: 4 }),
  slotCount: fc.integer({ min: 1, max: 3 }),
  faultBudget: fc.integer({ min: 0, max: 6 }),
  writeBudget: fc.integer({ min: 0, max: 4 }),
});

describe('the packed system agrees with the reference model for any design', () => {
  it('random designs and configurations, random walks (pinned seed)', () => {
    fc.assert(
      fc.property(designArbitrary, configArbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (design, config, choices) => {
        const problem = walkDisagreement(new PackedSystem(design, config), choices);
        if (problem !== null) throw new Error(problem);
      }),
      { seed: 0x0de5_1a2b, numRuns: 400 },
    );
  }, 120_000);
});
