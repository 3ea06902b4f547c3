import cliProgress from 'cli-progress';

// Progress on stderr while a command works. On a terminal: a bar, or a status line rewritten in
// place. Off a terminal (CI logs, pipes): nothing for short work, then one line every
// LOG_INTERVAL_MS, so that a long job shows it is alive without flooding the log. Never with
// --json (the callers pass `enabled: false`), never on stdout.

/** Off a terminal: the first line after this long, then one this often. */
export const LOG_INTERVAL_MS = 10_000;

/** The width a status line may take: the terminal's, or 80 when it reports none (0 columns, as some do). */
export function lineWidth(columns: number | undefined): number {
  return columns !== undefined && columns > 0 ? columns : 80;
}

/** `text` cut to fit `width` columns with the cursor after it: at most width − 1 characters. */
export function fitted(text: string, width: number): string {
  return text.length > width - 1 ? `${text.slice(0, Math.max(0, width - 2))}…` : text;
}

/** Writes a line at most once per interval, the first only after one interval (short work says nothing). */
export function throttledLines(write: (line: string) => void, now: () => number = Date.now, intervalMs = LOG_INTERVAL_MS): (line: string) => void {
  let next = now() + intervalMs;
  return (line) => {
    const t = now();
    if (t < next) return;
    next = t + intervalMs;
    write(`${line}\n`);
  };
}

/** A progress bar on stderr: a bar on a terminal, a line now and then off one; nothing when not enabled. */
export interface Progress {
  update(done: number, label: string): void;
  stop(): void;
}

/**
 * `done` never goes backwards on the bar: a random suite restarts its count after each failure it
 * shrinks (it once showed 107 → 89 → 149 of 2000), and the bar shows the most done so far.
 */
export function progressBar(total: number, enabled: boolean, unit = 'runs'): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  let most = 0;
  const shown = (done: number) => (most = Math.max(most, Math.min(done, total)));
  if (!process.stderr.isTTY) {
    const log = throttledLines((line) => process.stderr.write(line));
    return { update: (done, label) => log(`${label}: ${shown(done)}/${total} ${unit}`), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `{label} [{bar}] {value}/{total} ${unit}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (done, label) => bar.update(shown(done), { label }),
    stop: () => bar.stop(),
  };
}

/** A status line on stderr (for work whose total is not known): rewritten in place on a terminal, a line now and then off one. */
export interface StatusLine {
  show(text: string): void;
  /** Erase it (before other output, and at the end). */
  clear(): void;
}

export function statusLine(enabled: boolean): StatusLine {
  if (!enabled) return { show: () => {}, clear: () => {} };
  if (!process.stderr.isTTY) {
    const log = throttledLines((line) => process.stderr.write(line));
    return { show: log, clear: () => {} };
  }
  let shown = false;
  return {
    show: (text) => {
      process.stderr.write(`\r\x1b[K${fitted(text, lineWidth(process.stderr.columns))}`);
      shown = true;
    },
    clear: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** What Ctrl-C says while a command waits for its work, after tables that may name trace files. */
export const INTERRUPT_NOTE = 'interrupted: nothing was written; a command writes its output files all together when it finishes, so no file named above exists: run the command to the end to get them';

/**
 * Until the returned function is called, Ctrl-C (SIGINT) prints INTERRUPT_NOTE on stderr and exits
 * 130. A SIGINT listener runs only when this thread is free: where a command works synchronously
 * (a random suite, a certification, one exploration in this thread) Ctrl-C takes effect when that
 * piece is done, so commands that install it give the thread back between designs.
 */
export function installInterruptNote(): () => void {
  const note = () => {
    // A status line or a progress bar may be on the line, with the cursor hidden.
    process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K\x1b[?25h' : '\n'}${INTERRUPT_NOTE}\n`);
    process.exit(130);
  };
  process.on('SIGINT', note);
  return () => { process.off('SIGINT', note); };
}
