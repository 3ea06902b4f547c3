import cliProgress from 'cli-progress';

/** A progress bar on stderr when it is a terminal; nothing otherwise (CI logs, pipes, --json). */
export interface Progress {
  update(done: number, label: string): void;
  stop(): void;
}

export function progressBar(total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{label} [{bar}] {value}/{total} runs', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (done, label) => bar.update(Math.min(done, total), { label }),
    stop: () => bar.stop(),
  };
}

/** A status line on stderr when it is a terminal (for work whose total is not known): rewritten in place. */
export interface StatusLine {
  show(text: string): void;
  /** Erase it (before other output, and at the end). */
  clear(): void;
}

export function statusLine(enabled: boolean): StatusLine {
  if (!enabled || !process.stderr.isTTY) return { show: () => {}, clear: () => {} };
  let shown = false;
  return {
    show: (text) => {
      const width = process.stderr.columns ?? 100;
      process.stderr.write(`\r\x1b[K${text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text}`);
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
