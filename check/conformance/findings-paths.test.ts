// Why: the exhaustive comparisons of the emulator against the model stop at two LPARs and one
// fault, but DSN-07's fields (fenceRecheck, concurrentTakeovers, ownerOfRecordDetects,
// addPciToOwner, failoverVictims slot-holders-and-down) act only with three LPARs and three
// faults. Every finding's path, then a fair drain to the end, is compared step by step on the
// designs it names, the candidate it was met on, and the design that fixes it.
import { describe, expect, it } from 'vitest';
import { builtInDesign, initialState, type Command } from '../../model/index.ts';
import { scenarioConfig } from '../../model/testing.ts';
import { FINDINGS, findingDesign, findingFixedBy } from '../../properties/findings.ts';
import { drainFairly } from '../random/drain.ts';
import { ConformanceChecker } from './checker.ts';
import { compareStep } from './exhaustive.ts';

const cases = FINDINGS.flatMap((f) => {
  const named = f.designs.map((name) => ({ label: f.candidate?.name ?? name, design: findingDesign(f, builtInDesign(name)!) }));
  const fixer = findingFixedBy(f);
  const fixed = fixer === null ? [] : [{ label: fixer, design: builtInDesign(fixer)! }];
  return [...named, ...fixed].map((c) => ({ id: f.id, ...c, finding: f }));
});

describe('the emulator agrees with the model along every finding\'s path', () => {
  it.each(cases)('$id on $label', ({ design, finding }) => {
    const config = scenarioConfig(finding.lparCount ?? 2, finding.slotCount ?? 1);
    const checker = new ConformanceChecker(config, design);
    let state = initialState(config, design);
    const problems: string[] = [];
    const compare = (command: Command, at: string) => {
      const { result, parted } = compareStep(checker, state, command, design);
      for (const p of parted.filter((x) => x.id === 'CONFORMANCE')) problems.push(`${at} ${command.kind}: ${p.why}`);
      state = result.state;
    };
    finding.commands.forEach((c, i) => compare(c, `step ${i + 1}`));
    // The fair steps after the path, as the liveness findings are decided (findings.test.ts).
    const drained: Command[] = [];
    drainFairly(state, design, 200, (_before, command) => drained.push(command));
    drained.forEach((c, i) => compare(c, `drain ${i + 1}`));
    expect(problems).toEqual([]);
  });
});
