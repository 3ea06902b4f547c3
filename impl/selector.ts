import { CARD_PRESENT } from './codes.ts';
import type { Machine } from './machine.ts';

export type AccessResult = 'completed' | 'gp-exception' | 'no-device';

/** The selector [117]: does an outbound access from `lpar` go through to the slot? */
export function selectorAllows(m: Machine, lpar: number, slot: number): boolean {
  if (m.design.ports === 'multi') return m.guests[lpar]!.poweredOn;
  return m.enabled[slot] === 1 && m.owner[slot] === lpar;
}

/**
 * An outbound MMIO or config access. The control program checks the table: a refused access
 * raises a general protection exception to its issuer and never reaches the card; an allowed one
 * reaches the card's registers if a working card answers, else it master-aborts (no device).
 */
export function outboundAccess(m: Machine, lpar: number, slot: number, access: 'config' | 'mmio'): AccessResult {
  let result: AccessResult;
  if (!selectorAllows(m, lpar, slot)) result = 'gp-exception';
  else if (m.cards[slot]!.state !== CARD_PRESENT) result = 'no-device';
  else {
    result = 'completed';
    m.cards[slot]!.accessesServed += 1;
  }
  m.observe({ kind: 'access', lpar, slot, access, result });
  return result;
}
