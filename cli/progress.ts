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
