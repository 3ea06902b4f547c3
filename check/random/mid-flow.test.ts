// Why: the random runs' fault timing reads "which LPARs take part in a flow half done" off the
// state, on each engine its own way (mid-flow.ts): the model state for the reference engine, the packed registers for
// the packed one. The two must agree on every state, or the engines would pick different commands
// and their reports (packed-engine.test.ts) differ for a reason no one could see. Checked on the
// states of long seeded walks through every built-in design, and a variant with the card-ROM SCI
// and a gate keeper cache (fields the built-ins leave off), where every field it reads gets set.
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DESIGNS, builtInDesign, enabledCommands, initialState, step, type Config, type Design, type ModelState } from '../../model/index.ts';
import { flowLpars, flowLparsRegisters } from './mid-flow.ts';
import { PackedEngine } from './packed-engine.ts';

const VARIANT: Design = {
  ...builtInDesign('patent-lpar-b')!, name: 'variant', title: 'patent-lpar-b with card-ROM SCIs, an IOTLB and a required eject acknowledge',
  sciSource: 'card-rom', gateKeeperCache: 'invalidate-after-enable', ejectAck: 'required',
};
const CONFIG: Config = { lparCount: 3, slotCount: 2, faultBudget: 4, writeBudget: 2 };

/** The states of a seeded walk: restarts from the initial state every 40 steps. */
function walk(design: Design, steps: number, seed: number): ModelState[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
  const out: ModelState[] = [];
  let state = initialState(CONFIG, design);
  for (let i = 0; i < steps; i += 1) {
    if (i % 40 === 0) state = initialState(CONFIG, design);
    const enabled = enabledCommands(state, design);
    state = step(state, enabled[next() % enabled.length]!, design).state;
    out.push(state);
  }
  return out;
}

describe('flowLpars agrees with flowLparsRegisters', () => {
  test.each([...BUILT_IN_DESIGNS, VARIANT].map((d) => [d.name, d] as const))('%s', (_name, design) => {
    const engine = new PackedEngine(design, CONFIG);
    const m = engine.runMachine;
    const states = walk(design, 3000, 7);
    let during = 0;
    for (const state of states) {
      m.load(engine.encode(state), 0);
      const expected = flowLpars(state);
      const packed = flowLparsRegisters(m.b, CONFIG.lparCount, CONFIG.slotCount);
      if (packed !== expected) expect.fail(`they disagree (model ${expected}, registers ${packed}) on ${JSON.stringify(state)}`);
      if (expected !== 0) during += 1;
    }
    // Both answers occur, or agreement would say little.
    expect(during).toBeGreaterThan(states.length / 20);
    expect(during).toBeLessThan(states.length);
  });
});
