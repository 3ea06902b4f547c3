// Why this test exists: docs/mutation-matrix.md is a copy of `mutate --design hardened`'s kill
// matrix for readers of the README, and a copy goes stale. hardened's certificate is the checked
// record (`certify --check` recomputes it in `npm test`), so every row of the copy must say what
// the certificate says: the mutants in order, what each changes, its status and killing properties,
// and the score line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface CertifiedMutant { readonly description: string; readonly status: string; readonly killing: readonly string[] }

const doc = readFileSync(new URL('../docs/mutation-matrix.md', import.meta.url), 'utf8');
const certificate = JSON.parse(readFileSync(new URL('../reports/certificates/hardened.json', import.meta.url), 'utf8')) as {
  mutation: { mutants: CertifiedMutant[] }[];
};

/** The kill matrix's rows: | Mnnn | `what changed` | status | killers | … */
function rows(markdown: string): CertifiedMutant[] {
  return [...markdown.matchAll(/^\| M\d{3} \| `(.+?)` \| (\w+) \| ([^|]+) \|/gm)].map((m) => ({
    description: m[1]!,
    status: m[2]!,
    killing: m[3]!.trim() === '–' ? [] : m[3]!.split(',').map((s) => s.trim()),
  }));
}

describe('docs/mutation-matrix.md says what hardened\'s certificate records', () => {
  const mutants = certificate.mutation[0]!.mutants;
  const recorded = mutants.map(({ description, status, killing }) => ({ description, status, killing: [...killing] }));

  it('every mutant, in order, with its change, status and killing properties', () => {
    expect(mutants.length).toBeGreaterThan(0);
    expect(rows(doc)).toEqual(recorded);
  });

  it('the score line counts them', () => {
    const killed = mutants.filter((m) => m.status === 'killed').length;
    const equivalent = mutants.filter((m) => m.status === 'equivalent').length;
    expect(doc).toContain(`(${mutants.length} mutants: ${killed} killed, `);
    expect(doc).toContain(`, ${equivalent} equivalent, `);
  });

  it('the comparison can fail: a row whose status is changed no longer matches', () => {
    const edited = doc.replace(/^(\| M001 \| `[^`]+` \| )killed/m, '$1equivalent');
    expect(edited).not.toBe(doc);
    expect(rows(edited)).not.toEqual(recorded);
  });
});
