import { reportFromDirectory } from '../../api/reports.ts';
import { EXIT, type ExitCode } from '../errors.ts';
import { directoryOption } from '../options.ts';

/** `slotcheck report DIR`: report.html and report.md from the summaries and traces a run or an exploration left in DIR. */
export async function reportCommand(dir: string): Promise<ExitCode> {
  const written = reportFromDirectory(directoryOption('dir', dir, dir));
  process.stdout.write(`${written.files.join('\n')}\n`);
  return EXIT.holds;
}
