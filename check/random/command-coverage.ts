import type { CommandKind, Config } from '../../model/index.ts';
import { kindsIn } from '../explore/coverage.ts';

/** Which command kinds the random runs exercised: a kind never accepted is a handler no run reached. */
export interface RunCommandCoverage {
  /** Every kind with a command in the configuration, in `COMMAND_KINDS` order, with its accepted steps. */
  readonly kinds: readonly { readonly kind: CommandKind; readonly accepted: number }[];
  /** The kinds no run had accepted. */
  readonly neverAccepted: readonly CommandKind[];
}

export function runCommandCoverage(config: Config, accepted: ReadonlyMap<CommandKind, number>): RunCommandCoverage {
  const kinds = kindsIn(config).map((kind) => ({ kind, accepted: accepted.get(kind) ?? 0 }));
  return { kinds, neverAccepted: kinds.filter((k) => k.accepted === 0).map((k) => k.kind) };
}
