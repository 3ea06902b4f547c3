import { dirname, isAbsolute, join } from 'node:path';
import { readScenario, runScenario, type ScenarioResult } from '../../api/scenario.ts';
import { verdictText } from '../../check/scenario/expectations.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import type { Design } from '../../model/index.ts';
import { loadDesignFile, looksLikePath, resolveDesign } from '../design-loader.ts';
import { EXIT, type ExitCode } from '../errors.ts';

export interface ScenarioOptions {
  readonly design?: string;
  readonly quiet?: boolean;
  readonly json?: boolean;
}

/** The design the file names: a built-in, or a design file found from the scenario file's folder. */
async function designOf(file: string, named: string): Promise<Design> {
  if (!looksLikePath(named)) return resolveDesign(named);
  return loadDesignFile(isAbsolute(named) ? named : join(dirname(file), named));
}

function lines(r: ScenarioResult, quiet: boolean): string[] {
  const out = [`${r.file ?? 'the scenario'}: ${r.title}`];
  out.push(`running ${r.steps.length} step(s) on ${r.design.id} ${r.design.name}, ${r.config.lparCount} LPARs × ${r.config.slotCount} slot${r.config.slotCount === 1 ? '' : 's'}, on the model and the emulator`);
  for (const v of r.initialViolations) out.push(`    0. the initial state\n       ✗ ${v.id}: ${v.why}`);
  for (const s of r.steps) {
    out.push(`  ${String(s.index).padStart(3)}. ${s.label}`);
    if (!quiet) for (const change of s.changes) out.push(`         ${change}`);
    for (const v of s.violations) out.push(`       ✗ ${v.id}${v.on === 'emulator' ? ' (emulator)' : ''}: ${v.why}`);
    if (s.witnesses.length > 0) out.push(`       reaches ${s.witnesses.join(', ')}`);
  }
  const holding = r.properties.filter((p) => p.kind === 'holds').map((p) => p.id);
  out.push('properties:');
  for (const p of r.properties) if (p.kind !== 'holds') out.push(`  ${verdictText(p)}`);
  out.push(`  ${holding.length === 0 ? 'none holds' : `hold: ${holding.join(', ')}`}`);
  const failed = r.expectations.filter((e) => !e.met);
  out.push(`expectations (${r.expectations.length}):`);
  // The properties that hold as expected on one line ("all others" names a dozen); every other expectation on its own.
  const holdAsExpected = r.expectations.filter((e) => e.kind === 'holds' && e.met);
  for (const e of r.expectations) if (!holdAsExpected.includes(e)) out.push(e.met ? `  ✓ ${e.expected}` : `  ✗ ${e.expected}; actual: ${e.actual}`);
  if (holdAsExpected.length > 0) out.push(`  ✓ hold: ${holdAsExpected.map((e) => e.expected.replace(/ holds$/, '')).join(', ')}`);
  out.push(failed.length === 0
    ? `exit code 0: every expectation holds (${r.expectations.length})`
    : `exit code 1: ${failed.length} of ${r.expectations.length} expectation(s) do not hold (marked ✗ above, each with what the run showed)`);
  return out;
}

/** `slotcheck scenario FILE`: run a scenario file; exit 0 when its expectations hold, 1 when one does not. */
export async function scenarioCommand(file: string, options: ScenarioOptions): Promise<ExitCode> {
  const spec = readScenario(file);
  const design = options.design === undefined ? await designOf(file, spec.design) : await resolveDesign(options.design);
  const result = runScenario(spec, design, file);
  process.stdout.write(options.json ? canonicalJson(result) : `${lines(result, options.quiet ?? false).join('\n')}\n`);
  return result.exitCode === EXIT.holds ? EXIT.holds : EXIT.failed;
}
