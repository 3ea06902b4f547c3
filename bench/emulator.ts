// Emulator speed on a fixed command stream (not a test: timings vary with the machine).
//   npx tsx bench/emulator.ts [commands]
// Measures, per design: `apply` alone; `apply` + the field-by-field conformance comparison +
// the emulator-side invariants (what the suite's subject adds per command, the model excluded);
// and `abstract()` alone. The model's steps are precomputed so they are not timed.
import { BUILT_IN_DESIGNS, initialState, step, type ModelState, type StepResult } from '../model/index.ts';
import { Emulator } from '../impl/index.ts';
import { ConformanceChecker } from '../check/conformance/checker.ts';
import { commandStream } from '../check/conformance/command-stream.ts';
import { referenceModelStep } from '../check/conformance/model-step.ts';

const total = Number(process.argv[2] ?? 200_000);
const config = { lparCount: 4, slotCount: 3, faultBudget: 40, writeBudget: 40 };
const streamLength = 20_000;

function rate(label: string, commands: number, run: () => void): void {
  run(); // warm up
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`  ${label.padEnd(44)} ${Math.round(commands / seconds).toLocaleString('en-US').padStart(11)} commands/s  (${((seconds * 1e6) / commands).toFixed(2)} µs each)`);
}

for (const design of BUILT_IN_DESIGNS) {
  const stream = commandStream(config, design, 1, streamLength);
  const rounds = Math.max(1, Math.round(total / streamLength));
  const transitions: { before: ModelState; result: StepResult }[] = [];
  let state = initialState(config, design);
  for (const command of stream) {
    const result = step(state, command, design);
    transitions.push({ before: state, result });
    state = result.state;
  }
  const accepted = transitions.filter((t) => t.result.outcome.kind === 'ok').length;
  console.log(`${design.name}: ${stream.length} commands × ${rounds} rounds, ${accepted} accepted per round`);
  rate('apply', stream.length * rounds, () => {
    for (let r = 0; r < rounds; r += 1) {
      const emu = new Emulator(config, design);
      for (const c of stream) emu.apply(c);
    }
  });
  rate('apply + state comparison + emulator invariants', stream.length * rounds, () => {
    for (let r = 0; r < rounds; r += 1) {
      const checker = new ConformanceChecker(config, design);
      for (let i = 0; i < stream.length; i += 1) {
        const t = transitions[i]!;
        const found = checker.step(referenceModelStep({ before: t.before, command: stream[i]!, result: t.result, design }));
        if (found.disagreement !== null) throw new Error(found.disagreement);
      }
    }
  });
  rate('apply + abstract()', stream.length * rounds, () => {
    for (let r = 0; r < rounds; r += 1) {
      const emu = new Emulator(config, design);
      for (const c of stream) {
        emu.apply(c);
        emu.abstract();
      }
    }
  });
}
