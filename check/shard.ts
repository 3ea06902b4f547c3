// A deterministic share of a command's jobs (designs, sweep orderings, mutants), so that one run
// can be split over machines (`--shard i/N`) and merged back (`slotcheck merge`). Job k of the
// canonical job order (0-based) goes to shard (k mod N) + 1: neighbours, which often cost alike,
// land on different shards.

/** Shard `index` of `count`, 1-based as written on the command line (`--shard 2/3`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Whether job `k` (0-based, canonical order) belongs to `shard`; without a shard, every job does. */
export function inShard(k: number, shard: Shard | undefined): boolean {
  return shard === undefined || k % shard.count === shard.index - 1;
}

/** The jobs of `shard`, with their indices in the canonical order (all of them without a shard). */
export function shareOf<T>(jobs: readonly T[], shard: Shard | undefined): { readonly job: T; readonly k: number }[] {
  return jobs.flatMap((job, k) => (inShard(k, shard) ? [{ job, k }] : []));
}
