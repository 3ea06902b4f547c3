import { describe, expect, it } from 'vitest';
import { defineDesign } from '../../model/define-design.ts';
import { allCommands, COMMAND_KINDS, isPerturbation } from '../../model/index.ts';
import { renderExploreTable } from '../../reports/render/explore-table.ts';
import { explore } from './explore.ts';
import { config, design, naiveBfs, options } from './testing.ts';

// Why these tests exist: command coverage tells a user which parts of the protocol an exhaustive
// run never exercised, so nothing it proves covers them. A miscount would hide a dead handler, or
// accuse a live one. The counts are checked against the naive BFS of testing.ts, which shares
// nothing with the explorer, and the kinds each design never takes are pinned with the reason
// from the design.

describe('command coverage of an exploration', () => {
  it.each(['patent-lpar-a', 'patent-lpar-b', 'patent-card-rom', 'hardened'])('%s: every transition counted under its kind, as the naive BFS counts them', (name) => {
    const c = config(2, 1, 1, 2);
    for (const engine of ['packed', 'reference'] as const) {
      const report = explore(options(name, c, { engine }));
      const naive = naiveBfs(design(name), c);
      const expected = COMMAND_KINDS.filter((kind) => allCommands(c).some((cmd) => cmd.kind === kind)).map((kind) => ({
        kind,
        commands: allCommands(c).filter((cmd) => cmd.kind === kind).length,
        taken: naive.byKind.get(kind)?.commands.size ?? 0,
        transitions: naive.byKind.get(kind)?.transitions ?? 0,
      }));
      expect(report.coverage.kinds).toEqual(expected);
      expect(report.coverage.kinds.reduce((n, k) => n + k.transitions, 0)).toBe(report.transitions);
      expect(report.coverage.neverTaken).toEqual(expected.filter((k) => k.transitions === 0).map((k) => k.kind));
    }
  }, 60_000);

  // At the default bound (2 × 1, faults 2, writes 2). guest_shutdown is step 1108, case (b) only;
  // gk_flush needs a design that caches gate keeper translations, and no built-in one does;
  // rom_sci is the third embodiment's (Fig. 14, 15); stale_eject_ack needs the eject acknowledge
  // register, which only hardened has; a multi-port disk (DSN-05) has no slot to rem_pci or add_pci.
  const neverTaken: [string, string[]][] = [
    ['patent-lpar-a', ['guest_shutdown', 'gk_flush', 'rom_sci', 'stale_eject_ack']],
    ['patent-lpar-b', ['gk_flush', 'rom_sci', 'stale_eject_ack']],
    ['patent-ppar', ['guest_shutdown', 'gk_flush', 'rom_sci', 'stale_eject_ack']],
    ['patent-card-rom', ['guest_shutdown', 'gk_flush', 'stale_eject_ack']],
    ['prior-art-multiport', ['rem_pci', 'add_pci', 'guest_shutdown', 'gk_flush', 'rom_sci', 'stale_eject_ack']],
    ['hardened', ['guest_shutdown', 'gk_flush', 'rom_sci']],
  ];
  it.each(neverTaken)('%s never takes %j at the default bound', (name, kinds) => {
    const report = explore(options(name, config(2, 1, 2, 2), { only: ['INV-01'], engine: 'packed' }));
    expect(report.coverage.neverTaken).toEqual(kinds);
    expect(report.coverage.kinds.filter((k) => k.transitions > 0).every((k) => k.taken > 0 && k.taken <= k.commands)).toBe(true);
  }, 60_000);

  it('a design that caches gate keeper translations takes gk_flush', () => {
    const cached = defineDesign({ extends: 'patent-lpar-a', name: 'cached-gk', title: 'DSN-01 with a gate keeper cache', gateKeeperCache: 'invalidate-after-enable' });
    const report = explore({ ...options('patent-lpar-a', config(2, 1, 2, 2), { only: ['INV-01'], engine: 'packed' }), design: cached });
    expect(report.coverage.neverTaken).not.toContain('gk_flush');
    expect(report.coverage.kinds.find((k) => k.kind === 'gk_flush')!.transitions).toBeGreaterThan(0);
  }, 60_000);

  it('with no fault budget, no fault or directly issued control command is taken', () => {
    const report = explore(options('hardened', config(2, 1, 0, 2)));
    expect(report.coverage.neverTaken).toEqual(expect.arrayContaining(COMMAND_KINDS.filter(isPerturbation)));
    expect(report.coverage.kinds.filter((k) => k.transitions > 0).map((k) => k.kind)).toEqual(['device_dma', 'tick', 'client_write']);
  });

  it('with symmetry reduction, counts transitions of the reduced space, on either engine alike', () => {
    const c = config(3, 1, 1, 1);
    const packed = explore(options('patent-lpar-b', c, { symmetry: true, engine: 'packed' }));
    const reference = explore(options('patent-lpar-b', c, { symmetry: true, engine: 'reference' }));
    expect(packed.coverage).toEqual(reference.coverage);
    expect(packed.coverage.kinds.reduce((n, k) => n + k.transitions, 0)).toBe(packed.transitions);
  }, 60_000);

  it('is printed as one line, which says when a bound cut the exploration short', () => {
    const full = explore(options('hardened', config(2, 1, 2, 2), { only: ['INV-01'], engine: 'packed' }));
    expect(renderExploreTable(full, new Map())).toContain('commands: 31 of 34 kinds taken (53 of 69 commands); never taken: guest_shutdown, gk_flush, rom_sci');
    const cut = explore(options('hardened', config(2, 1, 2, 2), { only: ['INV-01'], engine: 'packed', depthMax: 1 }));
    expect(renderExploreTable(cut, new Map())).toMatch(/commands: \d+ of 34 kinds taken \(\d+ of 69 commands\); not taken before the bound: deact, /);
  });
});
