// Why: the score and the exit code are what CI reads. Equivalent mutants leave the denominator,
// inconclusive ones stay in it (a bound is no excuse), and one unexplained survivor is exit 1.
import { describe, expect, test } from 'vitest';
import { renderKillMatrix, renderMutateTable } from '../../reports/render/mutate-table.ts';
import { mutateExitCode, mutationScore, type MutantRow, type MutantStatus, type MutateOutcome } from './mutate-report.ts';

function row(id: string, status: MutantStatus, extra: Partial<MutantRow> = {}): MutantRow {
  return {
    id, description: `field${id}: a → b`, alsoAs: [], field: `field${id}`, design: { name: `base--${id.toLowerCase()}` }, status,
    killedBy: status === 'killed' ? 'explorer' : null, killing: [], shortest: null, failingOnBase: [], lostWitnesses: [], notApplicable: [],
    inconclusive: status === 'inconclusive' ? 'explorer: bound statesMax = 10 hit (states left)' : null, equivalentReason: status === 'equivalent' ? 'because it is the same' : null, states: 1, ...extra,
  };
}

describe('mutation score', () => {
  test('killed / (total − equivalent), with inconclusive mutants in the denominator', () => {
    const rows = [row('M001', 'killed'), row('M002', 'killed', { killedBy: 'both' }), row('M003', 'survived'), row('M004', 'equivalent'), row('M005', 'inconclusive')];
    expect(mutationScore(rows)).toEqual({ total: 5, killed: 2, survived: 1, equivalent: 1, inconclusive: 1, score: 0.5, killedBy: { explorer: 1, random: 0, both: 1 } });
  });

  test('rounded to four decimals; 1 when nothing is left to kill', () => {
    expect(mutationScore([row('M001', 'killed'), row('M002', 'survived'), row('M003', 'survived')]).score).toBe(0.3333);
    expect(mutationScore([row('M001', 'equivalent')]).score).toBe(1);
    expect(mutationScore([]).score).toBe(1);
  });

  test('exit code: 1 for an unexplained survivor (over a bound hit), 3 for a bound hit on a mutant or the base, else 0', () => {
    expect(mutateExitCode(mutationScore([row('M001', 'survived'), row('M002', 'inconclusive')]), false)).toBe(1);
    expect(mutateExitCode(mutationScore([row('M001', 'killed'), row('M002', 'inconclusive')]), false)).toBe(3);
    expect(mutateExitCode(mutationScore([row('M001', 'killed'), row('M002', 'equivalent')]), true)).toBe(3);
    expect(mutateExitCode(mutationScore([row('M001', 'killed'), row('M002', 'equivalent')]), false)).toBe(0);
  });
});

describe('kill matrix', () => {
  const rows = [
    row('M001', 'killed', { killing: [{ id: 'INV-09', explorerSteps: 4, randomSteps: null, why: 'w', traces: { explorer: 'out/t.itf.json', random: null } }], shortest: 4 }),
    row('M002', 'survived', { description: 'odd | field: x → y', lostWitnesses: ['WIT-05'] }),
    row('M003', 'equivalent'),
  ];
  const outcome: MutateOutcome = {
    base: { name: 'hardened', id: 'DSN-06', failing: [], reachedWitnesses: [], inconclusive: null },
    bound: { config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, explore: { statesMax: 2_000_000, depthMax: 10_000, timeLimitMs: 600_000 }, random: { runs: 200, seed: 1, maxCommands: 60, emulator: true } },
    mutants: rows, invalid: [{ description: 'failoverScript: duplicate act', field: 'failoverScript[4]', message: 'step "act" appears twice' }], sameAsBase: [], stale: [], score: mutationScore(rows),
  };

  test('Markdown: a row per mutant, pipes escaped, survivors with what they lose, the replay line per trace', () => {
    const md = renderKillMatrix(outcome);
    expect(md).toContain('| M001 | `fieldM001: a → b` | killed | INV-09 | 4 | explorer |');
    expect(md).toContain('`odd \\| field: x → y`');
    expect(md).toContain('- M002 `odd \\| field: x → y`: loses WIT-05.');
    expect(md).toContain('mutation score 1 / 2 = 0.5000');
    expect(md).toContain('M001 INV-09: `npx slotcheck replay out/t.itf.json`');
    expect(md).toContain('`failoverScript: duplicate act`: failoverScript[4]: step "act" appears twice');
    expect(renderKillMatrix(outcome)).toBe(md);
  });

  test('terminal: survivors stand out, the score closes the table', () => {
    const text = renderMutateTable(outcome);
    expect(text).toMatch(/M002 +SURVIVED/);
    expect(text.split('\n').at(-1)).toContain('mutation score 1 / 2 = 0.5000');
    expect(text).not.toContain('time (explore + random)');
  });

  test('terminal: each mutant\'s time when it is given (the issue asks for it; files stay without it)', () => {
    const text = renderMutateTable(outcome, new Map([['M001', { explore: 1234, random: 56 }]]));
    expect(text).toContain('time (explore + random)');
    expect(text).toMatch(/M001 +killed .* 1\.23 s \+ 0\.06 s /);
    expect(text).toMatch(/M002 +SURVIVED .* – +/);
  });
});
