// The CLI's error catalogue. Every error a user can cause has a code, says what was wrong with
// which input, and what to do; it exits 2 and writes nothing.

export { ERROR_CODES, EXIT, exitCodeOf, SlotcheckError as CliError, type ErrorCode, type ExitCode } from '../api/errors.ts';
import { EXIT, type ExitCode } from '../api/errors.ts';

/**
 * The closing line of a command over several designs: its exit code and which designs decided it,
 * so that "exit code 1" never stands alone (the literal patent designs are meant to fail).
 */
export function exitLine(exitCode: ExitCode, designs: readonly { readonly design: { readonly name: string }; readonly verdict: string }[]): string {
  const named = (verdict: string) => designs.filter((d) => d.verdict === verdict).map((d) => d.design.name).join(', ');
  const inconclusive = named('inconclusive');
  switch (exitCode) {
    case EXIT.holds:
      return 'exit code 0: every property holds on every design, every applicable witness was reached';
    case EXIT.failed:
      return `exit code 1: a property failed on ${named('counterexample')}${inconclusive === '' ? '' : `; inconclusive on ${inconclusive}`} (the tables above name each; the README's findings explain the built-in designs' failures)`;
    case EXIT.inconclusive:
      return `exit code 3: inconclusive on ${inconclusive} (a bound was hit, a witness never reached, or liveness not checked with --store compact: the tables above say which)`;
    default:
      return `exit code ${exitCode}`;
  }
}
