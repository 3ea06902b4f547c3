import { join, relative } from 'node:path';
import { initialState, type Design } from '../model/index.ts';
import type { ExploreReport } from '../properties/explore/index.ts';
import { propertyById } from '../properties/catalogue.ts';
import type { SuiteReport } from '../properties/random/suite-report.ts';
import { canonicalJson } from './canonical-json.ts';
import { buildTrace } from './trace.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** The file a counterexample trace goes to: one per design, property and seed. */
export function traceFileName(outDir: string, designName: string, propertyId: string, seed: number | null): string {
  return join(outDir, 'traces', designName, `${propertyId}${seed === null ? '' : `-seed${seed}`}.itf.json`);
}

/** Write a trace for every counterexample of a suite; returns property id → path (relative to cwd). */
export function writeSuiteTraces(report: SuiteReport, outDir: string, emulator: { readonly plantedBug: string | null } | null): Map<string, string> {
  const written = new Map<string, string>();
  for (const p of report.properties) {
    const cx = p.counterexample;
    if (cx === null) continue;
    const trace = buildTrace({
      design: report.design, config: report.config, method: 'random', seed: cx.seed, path: cx.path, replayPath: cx.replayPath,
      property: { id: p.id, name: propertyById(p.id)?.name ?? p.name, why: cx.why }, violationStep: cx.stepIndex,
      loop: cx.loopStart, emulator, initial: initialState(report.config, report.design), steps: cx.steps,
    });
    const file = traceFileName(outDir, report.design.name, p.id, cx.seed);
    writeFileAtomic(file, canonicalJson(trace));
    written.set(p.id, relative(process.cwd(), file));
  }
  return written;
}

/** Write a trace per counterexample of an exploration to `fileFor(propertyId)`; returns property id → path (relative to cwd). */
export function writeExploreTraces(report: ExploreReport, design: Design, fileFor: (propertyId: string) => string): Map<string, string> {
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
    writeFileAtomic(file, canonicalJson(trace));
    written.set(p.id, relative(process.cwd(), file));
  }
  return written;
}
