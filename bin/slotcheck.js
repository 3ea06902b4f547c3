#!/usr/bin/env node
// Entry point for the `slotcheck` bin: the sources are TypeScript, loaded through tsx so that a
// fresh `npm ci` needs no build step.
import { register } from 'tsx/esm/api';

register();
// `slotcheck run --json | head`: a reader that stops early is not an error of ours; stop quietly,
// as a Unix tool does on SIGPIPE (output files are written whole or not at all).
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
