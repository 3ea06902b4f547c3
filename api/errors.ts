// Errors a user can cause, from the library as from the command line: a code from the catalogue
// below, what was wrong with which input, and what to do. The CLI exits 2 with them.

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
  SC010: 'a scenario file does not have the scenario format',
  SC011: 'shard folders that do not make one whole run',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class SlotcheckError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly fix: string) {
    super(message);
    this.name = 'SlotcheckError';
  }

  render(): string {
    return `error ${this.code}: ${this.message}\n  fix: ${this.fix}`;
  }
}

/** Exit codes of DESIGN.md §5; the library's results carry the one the CLI would exit with. */
export const EXIT = { holds: 0, failed: 1, badInput: 2, inconclusive: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The overall exit code of several verdicts: an error dominates, then a failure, then inconclusive. */
export function exitCodeOf(verdicts: readonly ('pass' | 'counterexample' | 'inconclusive' | 'error')[]): ExitCode {
  if (verdicts.includes('error')) return EXIT.badInput;
  if (verdicts.includes('counterexample')) return EXIT.failed;
  if (verdicts.includes('inconclusive')) return EXIT.inconclusive;
  return EXIT.holds;
}
