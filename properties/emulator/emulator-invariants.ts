import { EMU_INV_13 } from './availability-checks.ts';
import { EMU_INV_01, EMU_INV_02, EMU_INV_03, EMU_INV_04, EMU_INV_05 } from './containment-checks.ts';
import type { EmulatorInvariant } from './emulator-invariant.ts';
import { EMU_INV_07, EMU_INV_08, EMU_INV_09, EMU_INV_14 } from './service-checks.ts';

/** The catalogue invariants checked on the emulator, in catalogue order. */
export const EMULATOR_INVARIANTS: readonly EmulatorInvariant[] = [EMU_INV_01, EMU_INV_02, EMU_INV_03, EMU_INV_04, EMU_INV_05, EMU_INV_07, EMU_INV_08, EMU_INV_09, EMU_INV_13, EMU_INV_14];
