import { failoverCase, hasGateKeeper, type Design, type Effect } from '../model/index.ts';
import { enabledOwner } from '../model/queries.ts';
import type { Witness } from './catalogue-types.ts';
import type { Transition } from './verdict.ts';

const some = (t: Transition, test: (e: Effect) => boolean) => t.result.effects.some(test);
const always = () => null;
/** The slot was still enabled for the LPAR that finished the eject: the eject came from the card (Fig. 17), not from rem_pci. */
const fig17Eject = (t: Transition, lpar: number, slot: number) => enabledOwner(t.before.slots[slot]!) === lpar;
const noHotPlug = (d: Design) => (d.ports === 'multi' ? 'a multi-port design has no logical hot-plug' : null);

export const WITNESSES: readonly Witness[] = [
  {
    id: 'WIT-01', expect: 'sometimes', name: 'fail-over case (a) completed',
    notApplicable: (d) => (failoverCase(d) === 'a' ? null : 'the design fails over by case (b)'),
    reached: (t) => some(t, (e) => e.kind === 'failover-complete' && e.failoverCase === 'a'),
  },
  {
    id: 'WIT-02', expect: 'sometimes', name: 'fail-over case (b) completed',
    notApplicable: (d) => (failoverCase(d) === 'b' ? null : 'the design fails over by case (a)'),
    reached: (t) => some(t, (e) => e.kind === 'failover-complete' && e.failoverCase === 'b'),
  },
  {
    id: 'WIT-03', expect: 'sometimes', name: 'hot-add through step 502: empty slot, card inserted, slot added',
    notApplicable: noHotPlug,
    reached: (t) => some(t, (e) => e.kind === 'add-after-insert'),
  },
  {
    id: 'WIT-04', expect: 'sometimes', name: 'rem_pci on an inactive LPAR (602 → done)',
    notApplicable: noHotPlug,
    reached: (t) => some(t, (e) => e.kind === 'remove-inactive'),
  },
  {
    id: 'WIT-05', expect: 'sometimes', name: 'device-error hot-remove (Fig. 17)',
    notApplicable: (d) => (d.deviceErrorHotRemove ? null : 'the design has no Fig. 17 device-error path'),
    // Only the eject the failed card posted to its enabled owner: an eject of a removed slot
    // (rem_pci) whose card failed meanwhile is a hot-remove, not Fig. 17.
    reached: (t) => t.design.deviceErrorHotRemove && some(t, (e) => e.kind === 'eject-done' && e.cause === 'device-error' && fig17Eject(t, e.lpar, e.slot)),
  },
  {
    id: 'WIT-06', expect: 'sometimes', name: 'a general protection exception raised to a non-owner',
    notApplicable: (d) => (d.ports === 'multi' ? 'a multi-port device lets every partition through' : null),
    reached: (t) => some(t, (e) => e.kind === 'access' && e.result === 'gp-exception'),
  },
  {
    id: 'WIT-07', expect: 'sometimes', name: 'a DMA blocked by the gate keeper',
    notApplicable: (d) => (hasGateKeeper(d) ? null : 'the design has no gate keeper'),
    reached: (t) => some(t, (e) => e.kind === 'dma' && e.result === 'blocked'),
  },
  {
    id: 'WIT-08', expect: 'sometimes', name: 'fail-back: a second fail-over returns the service to the first LPAR',
    notApplicable: always,
    reached: (t) => some(t, (e) => e.kind === 'service-start' && e.failback),
  },
  {
    id: 'WIT-09', expect: 'sometimes', name: 'a heartbeat false positive handled (the victim was alive, the fail-over completed)',
    notApplicable: always,
    reached: (t) => some(t, (e) => e.kind === 'failover-complete' && e.falsePositive),
  },
];
