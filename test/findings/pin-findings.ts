import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { OutputFiles } from '../../reports/output-files.ts';
import { committedPinnedFiles, PINNED_DIR, pinnedFindingTests } from './pinned-findings.ts';

// `npm run pin-findings`: write every finding's emitted test under test/findings/ (whole or not
// at all), and remove the tests of findings no longer in the catalogue. A finding that does not
// show as recorded keeps its old test and fails the script: correct properties/findings.ts.

const { files, problems } = await pinnedFindingTests();
const out = new OutputFiles();
for (const [name, source] of files) out.add(join(PINNED_DIR, name), source);
out.commit();
const stale = committedPinnedFiles().filter((name) => !files.has(name) && !problems.has(name));
for (const name of stale) rmSync(join(PINNED_DIR, name));
process.stdout.write(`${files.size} pinned finding tests written to ${PINNED_DIR}${stale.length === 0 ? '' : `; removed ${stale.join(', ')}`}\n`);
if (problems.size > 0) {
  process.stderr.write(`not pinned (correct properties/findings.ts, then run again):\n${[...problems.values()].map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
}
