import { join } from 'node:path';
import type { Config, Design } from '../model/index.ts';
import type { ReplayedGap } from '../check/conformance/conformance-report.ts';
import type { ExploreReport } from '../check/explore/report.ts';
import { DEFAULT_SUITE, type SuiteReport } from '../check/random/suite-report.ts';
import { propertyById } from '../properties/catalogue.ts';
import { CONFORMANCE } from '../properties/conformance.ts';
import { canonicalJson } from './canonical-json.ts';
import { buildTrace } from './trace.ts';
import type { OutputFiles } from './output-files.ts';

/**
 * The configuration in a trace's file name, `2x1-f4-w3` (LPARs × slots, fault and write budgets):
 * runs, explorations and certifications of other configurations must not overwrite each other's
 * traces, or a replay line printed earlier would open another counterexample.
 */
export function configTag(config: Config): string {
  return `${config.lparCount}x${config.slotCount}-f${config.faultBudget}-w${config.writeBudget}`;
}

/** The file a trace goes to: traces/<design>/<property>-<what found it>.itf.json. */
function traceFile(outDir: string, designName: string, propertyId: string, method: string): string {
  return join(outDir, 'traces', designName, `${propertyId}-${method}.itf.json`);
}

/**
 * A random suite's trace: one per design, property, configuration, seed and whatever else changes
 * the commands or what they run on: `-c<N>` for a --max-commands other than the default,
 * `-model-only`, `-planted-<bug>`. (--runs does not: run k is the same run whatever the count.)
 */
export function suiteTraceFile(
  outDir: string, designName: string, propertyId: string, config: Config, seed: number,
  variant: { readonly maxCommands: number; readonly emulator: { readonly plantedBug: string | null } | null },
): string {
  const { maxCommands, emulator } = variant;
  const commands = maxCommands === DEFAULT_SUITE.maxCommands ? '' : `-c${maxCommands}`;
  const subject = emulator === null ? '-model-only' : emulator.plantedBug === null ? '' : `-planted-${emulator.plantedBug}`;
  return traceFile(outDir, designName, propertyId, `${configTag(config)}-seed${seed}${commands}${subject}`);
}

/** An exploration's trace: one per design, property, configuration and reduction. */
export function exploreTraceFile(outDir: string, designName: string, propertyId: string, config: Config, symmetry: boolean): string {
  return traceFile(outDir, designName, propertyId, `explore-${configTag(config)}${symmetry ? '-symmetry' : ''}`);
}

/** An every-transition comparison's trace: one per design, property and configuration. */
export function conformanceTraceFile(outDir: string, designName: string, propertyId: string, config: Config): string {
  return traceFile(outDir, designName, propertyId, `every-transition-${configTag(config)}`);
}

// A trace's path is shown as `join` built it from --out: relative to the working directory when
// --out was relative, absolute when it was absolute (`/tmp/x/traces/…`, not `../../tmp/x/traces/…`).

/** A trace for every counterexample of a suite, added to `out`; returns property id → path (as --out gave it). */
export function addSuiteTraces(out: OutputFiles, report: SuiteReport, outDir: string, emulator: { readonly plantedBug: string | null } | null): Map<string, string> {
  const written = new Map<string, string>();
  for (const p of report.properties) {
    const cx = p.counterexample;
    if (cx === null) continue;
    const trace = buildTrace({
      design: report.design, config: report.config, method: 'random', seed: cx.seed, path: cx.path, replayPath: cx.replayPath,
      property: { id: p.id, name: propertyById(p.id)?.name ?? p.name, why: cx.why }, violationStep: cx.stepIndex,
      loop: cx.loopStart, emulator, initial: report.initialState, steps: cx.steps,
    });
    const file = suiteTraceFile(outDir, report.design.name, p.id, report.config, cx.seed, { maxCommands: report.maxCommands, emulator });
    out.add(file, canonicalJson(trace));
    written.set(p.id, file);
  }
  return written;
}

/** A trace per counterexample of an exploration, added to `out` as `fileFor(propertyId)`; returns property id → path (as --out gave it). */
export function addExploreTraces(out: OutputFiles, report: ExploreReport, design: Design, fileFor: (propertyId: string) => string): Map<string, string> {
  const written = new Map<string, string>();
  for (const p of report.properties) {
    const cx = p.counterexample;
    if (cx === null) continue;
    const trace = buildTrace({
      design, config: report.config, method: 'explore', seed: null, path: null, replayPath: null,
      property: { id: p.id, name: propertyById(p.id)?.name ?? p.name, why: cx.why },
      violationStep: cx.steps.length, loop: cx.loopStart, emulator: { plantedBug: null },
      initial: report.initialState, steps: cx.steps,
    });
    const file = fileFor(p.id);
    out.add(file, canonicalJson(trace));
    written.set(p.id, file);
  }
  return written;
}

/**
 * A trace per gap of an every-transition comparison that a replay finds again (the first problem
 * of its step), added to `out` as `fileFor(id)`: the model's path to the state, then the command.
 * Returns id → path (as --out gave it).
 */
export function addConformanceTraces(
  out: OutputFiles, gaps: readonly ReplayedGap[], design: Design, config: Config, emulator: { readonly plantedBug: string | null }, fileFor: (id: string) => string,
): Map<string, string> {
  const written = new Map<string, string>();
  for (const gap of gaps) {
    if (!gap.firstOfStep) continue;
    const trace = buildTrace({
      design, config, method: 'every-transition', seed: null, path: null, replayPath: null,
      property: { id: gap.id, name: gap.id === CONFORMANCE.id ? CONFORMANCE.name : propertyById(gap.id)?.name ?? gap.id, why: gap.why },
      violationStep: gap.steps.length, loop: null, emulator, initial: gap.initial, steps: gap.steps,
    });
    const file = fileFor(gap.id);
    out.add(file, canonicalJson(trace));
    written.set(gap.id, file);
  }
  return written;
}
