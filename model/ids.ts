// Branded identifiers. A bare number is never an LparId or a SlotId: go through the one
// constructor that checks it against the configuration.

declare const lparBrand: unique symbol;
declare const slotBrand: unique symbol;

export type LparId = number & { readonly [lparBrand]: 'LparId' };
export type SlotId = number & { readonly [slotBrand]: 'SlotId' };

export const MAX_LPARS = 4;
export const MAX_SLOTS = 3;

export function isLparId(value: unknown, lparCount: number): value is LparId {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < lparCount;
}

export function isSlotId(value: unknown, slotCount: number): value is SlotId {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < slotCount;
}

/** Trusted construction, for loops over a validated configuration and for tests. */
export function lpar(n: number): LparId {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_LPARS) throw new RangeError(`LPAR${n} is out of range 0..${MAX_LPARS - 1}`);
  return n as LparId;
}

export function slot(n: number): SlotId {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_SLOTS) throw new RangeError(`slot ${n} is out of range 0..${MAX_SLOTS - 1}`);
  return n as SlotId;
}

export function lparIds(count: number): LparId[] {
  return Array.from({ length: count }, (_, i) => lpar(i));
}

export function slotIds(count: number): SlotId[] {
  return Array.from({ length: count }, (_, i) => slot(i));
}
