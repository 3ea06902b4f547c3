import fc from 'fast-check';
import { candidates, COMMAND_FIELDS, COMMAND_KINDS, categoryOf, type Candidate, type Command, type CommandCategory, type Config } from '../../model/index.ts';
import { SERVICE_SLOT } from '../../model/queries.ts';
import type { RunContext } from './run-context.ts';

type Model = object;

type PickCategory = CommandCategory | 'perturbation' | 'device';

/**
 * Percent of picks per category: mostly protocol steps, so that flows run to their end. The
 * card's own steps (DMA, a gate keeper flush, the ROM's SCI) get a smaller share, so that work
 * the device holds often outlives a reassignment: the races of FLT-11 need that.
 */
const CATEGORY_SHARE: readonly (readonly [PickCategory, number])[] = [
  ['protocol', 45], ['device', 10], ['environment', 25], ['perturbation', 20],
];

const DEVICE_STEPS = new Set<Command['kind']>(['device_dma', 'gk_flush', 'rom_sci']);

function pickCategoryOf(command: Command): PickCategory {
  if (DEVICE_STEPS.has(command.kind)) return 'device';
  const category = categoryOf(command.kind);
  return category === 'fault' || category === 'control' ? 'perturbation' : category;
}

interface Buckets {
  readonly all: readonly Candidate[];
  /** Candidate indices per pick category, in candidate order. */
  readonly byCategory: ReadonlyMap<PickCategory, readonly number[]>;
  readonly everything: readonly number[];
}

const bucketCache = new WeakMap<Config, Buckets>();

/** The configuration's candidate commands, grouped by pick category (computed once per configuration object). */
function bucketsFor(config: Config): Buckets {
  let buckets = bucketCache.get(config);
  if (buckets === undefined) {
    const all = candidates(config);
    const byCategory = new Map<PickCategory, number[]>();
    all.forEach((c, i) => {
      const category = pickCategoryOf(c.command);
      byCategory.set(category, [...(byCategory.get(category) ?? []), i]);
    });
    buckets = { all, byCategory, everything: all.map((_, i) => i) };
    bucketCache.set(config, buckets);
  }
  return buckets;
}

function categoryFor(roll: number): PickCategory {
  let acc = 0;
  for (const [category, share] of CATEGORY_SHARE) {
    acc += share;
    if (roll < acc) return category;
  }
  return 'protocol';
}

/** A perturbation aimed at what the service depends on: the active LPAR, or the service's slot. */
function aimsAtService(command: Command, serviceOwner: number): boolean {
  const c = command as Partial<Record<'lpar' | 'target' | 'from' | 'slot', number>>;
  const lpar = c.lpar ?? c.target ?? c.from;
  return lpar === undefined ? c.slot === SERVICE_SLOT : lpar === serviceOwner;
}

/**
 * Pick one of the commands enabled now: first a category by weight, then one of its commands.
 * Generated as two numbers, so fast-check shrinks it like any other value.
 */
export class PickCommand implements fc.Command<Model, RunContext> {
  resolved: Command | null = null;
  constructor(readonly categoryRoll: number, readonly indexRoll: number) {}
  check(): boolean {
    return true;
  }
  run(_m: Model, ctx: RunContext): void {
    const { all, byCategory, everything } = bucketsFor(ctx.config);
    const wanted = categoryFor(this.categoryRoll);
    const inCategory = ctx.enabledAmong(byCategory.get(wanted) ?? []);
    const enabled = inCategory.length > 0 ? inCategory : ctx.enabledAmong(everything);
    // Half the perturbations aim at the active LPAR or the service's slot: their failures drive
    // fail-overs, second fail-overs (fail-back), false positives and empty-slot hot-adds.
    const aimed = wanted === 'perturbation' && this.indexRoll % 2 === 0 ? inCategory.filter((i) => aimsAtService(all[i]!.command, ctx.serviceOwner)) : [];
    const pool = aimed.length > 0 ? aimed : enabled;
    const index = wanted === 'perturbation' ? Math.floor(this.indexRoll / 2) : this.indexRoll;
    if (pool.length === 0) {
      this.resolved = { kind: 'tick' };
      ctx.apply(this.resolved);
      return;
    }
    const chosen = pool[index % pool.length]!;
    this.resolved = all[chosen]!.command;
    ctx.applyCandidate(chosen);
  }
  toString(): string {
    return this.resolved === null ? `pick(${this.categoryRoll},${this.indexRoll})` : JSON.stringify(this.resolved);
  }
}

/** A command taken as it is, possibly refused or with arguments outside the configuration. */
export class RawCommand implements fc.Command<Model, RunContext> {
  constructor(readonly command: Command) {}
  check(): boolean {
    return true;
  }
  run(_m: Model, ctx: RunContext): void {
    ctx.apply(this.command);
  }
  toString(): string {
    return JSON.stringify(this.command);
  }
}

/**
 * Let the protocol run: every fair step, round-robin, until nothing changes (or a few rounds).
 * A scheduling choice like any other; it makes flows finish, so that later faults hit the state
 * a completed fail-over leaves (second fail-overs, fail-back).
 */
export class SettleCommand implements fc.Command<Model, RunContext> {
  constructor(readonly rounds: number) {}
  check(): boolean {
    return true;
  }
  run(_m: Model, ctx: RunContext): void {
    ctx.settle(this.rounds, 'generated');
  }
  toString(): string {
    return `settle(${this.rounds})`;
  }
}

/** Any command of any kind, with arguments from -1 to one past the configuration's range. */
function rawCommandArbitrary(config: Config): fc.Arbitrary<RawCommand> {
  return fc.constantFrom(...COMMAND_KINDS).chain((kind) => {
    const fields = COMMAND_FIELDS[kind];
    const args = fields.map((f) => fc.integer({ min: -1, max: f === 'slot' ? config.slotCount : config.lparCount }));
    return fc.tuple(...args).map((values) => {
      const command: Record<string, unknown> = { kind };
      fields.forEach((f, i) => { command[f] = values[i]; });
      return new RawCommand(command as unknown as Command);
    });
  });
}

/** 75% picks among enabled commands, 15% raw commands (mostly refused: INV-10's material), 10% settle. */
export function commandArbitrary(config: Config): fc.Arbitrary<fc.Command<Model, RunContext>> {
  const pick = fc.tuple(fc.nat(99), fc.nat(999_999)).map(([c, i]) => new PickCommand(c, i));
  const settle = fc.integer({ min: 1, max: 30 }).map((rounds) => new SettleCommand(rounds));
  return fc.oneof({ weight: 15, arbitrary: pick }, { weight: 3, arbitrary: rawCommandArbitrary(config) }, { weight: 2, arbitrary: settle });
}
