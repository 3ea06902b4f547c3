import { builtInDesign, enabledCommands, initialState, stateKey, step, type CommandKind, type Config, type Design } from '../../model/index.ts';
import { commandLabel } from './command-ids.ts';
import type { ExploreOptions } from './options.ts';
import type { ExplorePropertyReport, ExploreReport } from './report.ts';

// Helpers shared by the explorer's tests (not used by the explorer itself).

export function design(name: string): Design {
  const found = builtInDesign(name);
  if (found === undefined) throw new Error(`no built-in design ${name}`);
  return found;
}

export function config(lparCount: number, slotCount: number, faultBudget: number, writeBudget: number): Config {
  return { lparCount, slotCount, faultBudget, writeBudget };
}

/** Bounds a test never hits unless it means to. */
export const UNBOUNDED = { depthMax: 10_000, statesMax: 10_000_000, timeLimitMs: 10 * 60 * 1000 } as const;

export function options(designName: string, c: Config, extra: Partial<ExploreOptions> = {}): ExploreOptions {
  return { design: design(designName), config: c, symmetry: false, ...UNBOUNDED, ...extra };
}

export function property(report: ExploreReport, id: string): ExplorePropertyReport {
  const found = report.properties.find((p) => p.id === id);
  if (found === undefined) throw new Error(`the report has no ${id}`);
  return found;
}

/** Per property: its verdict and the length of its counterexample or witness path. */
export function verdictSummary(report: ExploreReport): Record<string, string> {
  return Object.fromEntries(report.properties.map((p) => {
    const length = p.counterexample?.steps.length ?? p.witness?.steps.length;
    return [p.id, length === undefined ? p.verdict : `${p.verdict}@${length}`];
  }));
}

export interface NaiveBfs {
  readonly counts: { readonly states: number; readonly transitions: number };
  /** Per command kind: transitions taking it, and the distinct commands (labels) taken. */
  readonly byKind: ReadonlyMap<CommandKind, { transitions: number; commands: Set<string> }>;
}

/** The independent count: the simplest BFS there is (enabledCommands + step, a Set of stateKey), nothing shared with the explorer. */
export function naiveBfs(d: Design, c: Config): NaiveBfs {
  const start = initialState(c, d);
  const seen = new Set([stateKey(start)]);
  const byKind = new Map<CommandKind, { transitions: number; commands: Set<string> }>();
  let frontier = [start];
  let transitions = 0;
  while (frontier.length > 0) {
    const next = [];
    for (const s of frontier) {
      for (const command of enabledCommands(s, d)) {
        transitions += 1;
        const row = byKind.get(command.kind) ?? { transitions: 0, commands: new Set<string>() };
        row.transitions += 1;
        row.commands.add(commandLabel(command));
        byKind.set(command.kind, row);
        const after = step(s, command, d).state;
        const key = stateKey(after);
        if (!seen.has(key)) {
          seen.add(key);
          next.push(after);
        }
      }
    }
    frontier = next;
  }
  return { counts: { states: seen.size, transitions }, byKind };
}
