import type { Config } from '../../model/index.ts';

/** One exhaustive exploration a certificate rests on. */
export interface ExplorePlanItem {
  readonly config: Config;
  readonly symmetry: boolean;
  readonly statesMax: number;
  readonly depthMax: number;
}

/** One random model-versus-emulator suite a certificate rests on. */
export interface RandomPlanItem {
  readonly config: Config;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
}

/** One space on whose every transition the emulator is compared with the model (conformance/exhaustive.ts). */
export interface ConformancePlanItem {
  readonly config: Config;
  readonly statesMax: number;
  /** Which emulators of a model state are compared from it (conformance/exhaustive.ts). */
  readonly along: 'shortest-path' | 'every-edge';
}

/** What `certify` runs: recorded in the certificate, so `certify --check` can run it again. */
export interface CertificationPlan {
  readonly explore: readonly ExplorePlanItem[];
  readonly random: readonly RandomPlanItem[];
  readonly conformance: readonly ConformancePlanItem[];
}

/**
 * The default certification bound: every state of 2 LPARs × 1 slot with two faults and two client
 * writes, and of 3 LPARs × 1 slot with one fault (standbys merged by symmetry); then random runs
 * against the emulator with a fixed seed, up to four faults on 2 LPARs × 2 slots and one fault on
 * 3 LPARs × 2 slots; and the emulator against the model on every transition, refused commands
 * included, of 2 LPARs × 1 slot with one fault and two writes and of 2 LPARs × 2 slots with one
 * fault and one write; in the first also from the emulator of every other edge into each state,
 * not only the shortest path's. Three LPARs get one fault because no design here survives the new active
 * dying during its takeover (finding F-12): a certificate says what it covers.
 */
export const DEFAULT_PLAN: CertificationPlan = {
  explore: [
    { config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, symmetry: false, statesMax: 2_000_000, depthMax: 10_000 },
    { config: { lparCount: 3, slotCount: 1, faultBudget: 1, writeBudget: 1 }, symmetry: true, statesMax: 2_000_000, depthMax: 10_000 },
  ],
  random: [
    { config: { lparCount: 2, slotCount: 2, faultBudget: 4, writeBudget: 3 }, seed: 1, runs: 300, maxCommands: 60 },
    { config: { lparCount: 3, slotCount: 2, faultBudget: 1, writeBudget: 3 }, seed: 2, runs: 300, maxCommands: 60 },
  ],
  conformance: [
    { config: { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 2 }, statesMax: 100_000, along: 'every-edge' },
    // Along shortest paths only: from every edge this space takes 9 s for a patent design (539,125 pairs), against 1 s.
    { config: { lparCount: 2, slotCount: 2, faultBudget: 1, writeBudget: 1 }, statesMax: 100_000, along: 'shortest-path' },
  ],
};
