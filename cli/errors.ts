// The CLI's error catalogue. Every error a user can cause has a code, says what was wrong with
// which input, and what to do; it exits 2 and writes nothing.

export const ERROR_CODES = {
  SC001: 'usage: unknown command or option, or a missing argument',
  SC002: 'an option has a value it cannot take',
  SC003: 'unknown design',
  SC004: 'a file cannot be read or is not JSON',
  SC005: 'a trace file does not have the trace format',
  SC006: 'a trace does not fit this version of the tool',
  SC007: 'a design file cannot be used',
  SC008: 'an output file cannot be written',
  SC009: 'a certificate file cannot be used',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class CliError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly fix: string) {
    super(message);
  }

  render(): string {
    return `error ${this.code}: ${this.message}\n  fix: ${this.fix}`;
  }
}

/** Exit codes of DESIGN.md §5. */
export const EXIT = { holds: 0, failed: 1, badInput: 2, inconclusive: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The overall exit code of several verdicts: an error dominates, then a failure, then inconclusive. */
export function exitCodeOf(verdicts: readonly ('pass' | 'counterexample' | 'inconclusive' | 'error')[]): ExitCode {
  if (verdicts.includes('error')) return EXIT.badInput;
  if (verdicts.includes('counterexample')) return EXIT.failed;
  if (verdicts.includes('inconclusive')) return EXIT.inconclusive;
  return EXIT.holds;
}

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
      return `exit code 3: inconclusive on ${inconclusive} (a bound was hit or a witness never reached: the tables above say which)`;
    default:
      return `exit code ${exitCode}`;
  }
}
