import { join } from 'node:path';
import { beforeAll, describe, test } from 'vitest';
import type { Config } from '../model/index.ts';
import type { ExploreBounds } from '../check/explore/options.ts';
import { CATALOGUE } from '../properties/catalogue.ts';
import { CONFORMANCE } from '../properties/conformance.ts';
import { configWith, resolveDesignInputs, type DesignInput } from './designs.ts';
import { explore, EXPLORE_DEFAULTS } from './explore.ts';
import { run, RUN_DEFAULTS } from './run.ts';

// `slotcheck/vitest`: one vitest test per property ID of a design at a bound, named by the ID and
// its sentence, so that a suite lists the catalogue and a failure says which property, why, and the
// line that replays its trace.

export interface PropertyTestOptions {
  /** `explore` (default): every state within the bound; `random`: the random suite against the emulator, CONFORMANCE included. */
  readonly method?: 'explore' | 'random';
  /** Default: the command's own (explore 2 × 1, faults 2, writes 2; random faults 4, writes 3). */
  readonly config?: Partial<Config>;
  /** explore only. */
  readonly bounds?: Partial<ExploreBounds>;
  readonly symmetry?: boolean;
  /** random only. */
  readonly runs?: number;
  readonly seed?: number;
  /** Properties the design is known to break (a finding pinned): their tests pass when they are broken, and fail, saying so, when they hold. */
  readonly expectViolated?: readonly string[];
  /** Where traces go, as `out` of explore and run (default reports/out/vitest: traces under its explore/ and run/); the failure message names the file and the replay command. Test files share it, so none removes another's traces. */
  readonly out?: string;
  /** Time for the whole check, in ms (default 600,000). */
  readonly timeoutMs?: number;
}

interface Verdict {
  readonly id: string;
  readonly verdict: string;
  readonly note: string;
  readonly counterexample: { readonly why: string; readonly trace: string | null } | null;
}

function failure(design: string, v: Verdict): string {
  const cx = v.counterexample;
  if (cx === null) return `${v.id} is ${v.verdict} on ${design}${v.note === '' ? '' : `: ${v.note}`}`;
  const replay = cx.trace === null ? '' : `\n  trace: ${cx.trace}\n  replay: npx slotcheck replay ${cx.trace}`;
  return `${v.id} violated on ${design}: ${cx.why}${replay}`;
}

/**
 * Register a `describe` with one test per property of the catalogue for `design` (built-in name,
 * DSN id or a Design object), checked once for all of them. A property that does not apply to the
 * design is skipped; an unreached witness, a bound hit or a counterexample fails its test.
 */
export function describeProperties(designInput: DesignInput, options: PropertyTestOptions = {}): void {
  const { design } = resolveDesignInputs([designInput])[0]!;
  const method = options.method ?? 'explore';
  const config = configWith(options.config, method === 'explore' ? EXPLORE_DEFAULTS.config : RUN_DEFAULTS.config);
  const out = options.out ?? join('reports', 'out', 'vitest');
  const expected = new Set(options.expectViolated ?? []);
  const ids = [...(method === 'random' ? [CONFORMANCE] : []), ...CATALOGUE];
  for (const id of expected) if (!ids.some((p) => p.id === id)) throw new RangeError(`expectViolated names ${id}, which ${method} does not check`);
  const label = `${design.id} ${design.name}, ${config.lparCount} LPARs × ${config.slotCount} slot(s), faults ${config.faultBudget}, writes ${config.writeBudget} (${method})`;

  describe(label, () => {
    let verdicts: Promise<Map<string, Verdict>>;
    beforeAll(() => {
      const found = method === 'explore'
        ? explore({ designs: [design], config, out, keepOtherTraces: true, ...(options.bounds === undefined ? {} : { bounds: options.bounds }), ...(options.symmetry === undefined ? {} : { symmetry: options.symmetry }) })
        : run({ designs: [design], config, out, keepOtherTraces: true, ...(options.runs === undefined ? {} : { runs: options.runs }), ...(options.seed === undefined ? {} : { seed: options.seed }) });
      verdicts = found.then((r) => new Map<string, Verdict>(r.designs[0]!.properties.map((p) => [p.id, p])));
      verdicts.catch(() => {}); // reported by every test that awaits it
    });
    for (const property of ids) {
      test(`${property.id} ${property.name}`, async (context) => {
        const v = (await verdicts).get(property.id);
        if (v === undefined) throw new Error(`${property.id} was not checked on ${design.name}`);
        if (v.verdict === 'not-applicable') return context.skip(`${property.id} does not apply to ${design.name}: ${v.note}`);
        if (expected.has(property.id)) {
          if (v.verdict !== 'counterexample') throw new Error(`${property.id} was expected to be violated on ${design.name} (a pinned finding) but is ${v.verdict}: remove it from expectViolated if it is fixed`);
          return;
        }
        if (v.verdict !== 'pass' && v.verdict !== 'reached') throw new Error(failure(design.name, v));
      }, options.timeoutMs ?? 600_000);
    }
  });
}
