#!/usr/bin/env node
// Entry point for the `slotcheck` bin: the compiled CLI in dist/ (`npm run build`; `npm ci` and
// `npm pack` build it). TypeScript is loaded only for users' design files, never for the tool.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('error SC001: slotcheck is not built (dist/cli/main.js is missing)\n  fix: run `npm run build` in the slotcheck checkout (`npm ci` runs it)\n');
  process.exit(2);
}
// `slotcheck run --json | head`: a reader that stops early is not an error of ours; stop quietly,
// as a Unix tool does on SIGPIPE (output files are written whole or not at all).
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
