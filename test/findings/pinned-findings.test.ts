// Why: the findings (properties/findings.ts) are pinned as tests emitted by `replay --emit-test`
// (F-01.test.ts …, committed). A pinned test that no longer matches what the emitter writes now
// would pin an old trace or an old format: it must be written again (`npm run pin-findings`).
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FINDINGS } from '../../properties/findings.ts';
import { tempDir } from '../../cli/testing.ts';
import { committedPinnedFiles, pinnedFilesDiffer, pinnedFindingTests, PINNED_DIR } from './pinned-findings.ts';

describe('pinned findings', async () => {
  const { files, problems } = await pinnedFindingTests();

  test('every finding shows as recorded, on each of its designs and not on the one that fixes it, so it is pinned', () => {
    expect([...problems.values()]).toEqual([]);
    expect([...files.keys()]).toEqual(FINDINGS.map((f) => `${f.id}.test.ts`));
  });

  test('the committed tests are exactly what `npm run pin-findings` writes now', () => {
    const differ = pinnedFilesDiffer(files);
    expect({ ...differ, extra: differ.extra.filter((name) => !problems.has(name)) }, 'run `npm run pin-findings` and commit test/findings/').toEqual({ missing: [], stale: [], extra: [] });
  });

  test('a missing, stale or extra pinned test is told apart (planted in a copy)', () => {
    const copy = tempDir();
    cpSync(PINNED_DIR, copy, { recursive: true });
    const [first, second] = committedPinnedFiles(copy);
    rmSync(join(copy, first!));
    writeFileSync(join(copy, second!), `${files.get(second!)!}// edited by hand\n`);
    writeFileSync(join(copy, 'F-99.test.ts'), '');
    expect(pinnedFilesDiffer(files, copy)).toEqual({ missing: [first], stale: [second], extra: ['F-99.test.ts'] });
  });
});
