// The emulator against the model on every transition (check/conformance/exhaustive.ts): how
// long it takes as the space grows, along shortest paths only and from every edge into a state.
// Measurement only: never asserted in a test.
// Run: npx tsx bench/every-transition.ts   (--all: every built-in design at 2 × 2 with one fault
// and at 2 × 1 with two faults, every edge only: 38 M pairs, about ten minutes)
import { BUILT_IN_DESIGNS, builtInDesign, type Config } from '../model/index.ts';
import { checkEveryTransition } from '../check/conformance/exhaustive.ts';

const all = process.argv.includes('--all');
const cases: [string, Config][] = all
  ? [{ lparCount: 2, slotCount: 2, faultBudget: 1, writeBudget: 1 }, { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 1 }].flatMap((c) => BUILT_IN_DESIGNS.map((d): [string, Config] => [d.name, c]))
  : [
    ['hardened', { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 }],
    ['prior-art-multiport', { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 }],
    ['hardened', { lparCount: 2, slotCount: 2, faultBudget: 1, writeBudget: 1 }],
    ['hardened', { lparCount: 3, slotCount: 1, faultBudget: 1, writeBudget: 1 }],
    ['hardened', { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 1 }],
  ];
const fmt = (n: number) => n.toLocaleString('en-US');
for (const [name, c] of cases) {
  for (const along of all ? (['every-edge'] as const) : (['shortest-path', 'every-edge'] as const)) {
    const started = performance.now();
    const r = checkEveryTransition(builtInDesign(name)!, c, { statesMax: 1_000_000, along });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${name.padEnd(20)} ${c.lparCount} × ${c.slotCount}, faults ${c.faultBudget}, writes ${c.writeBudget}, ${along.padEnd(13)}: ${fmt(r.states)} states, ` +
      `${fmt(r.otherEdges)} other edges, ${fmt(r.pairs)} pairs, ${seconds.toFixed(1)} s wall (${fmt(Math.round(r.pairs / seconds))} pairs/s), ${r.gaps.length} gap(s)`,
    );
  }
}
