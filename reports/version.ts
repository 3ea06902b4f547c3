import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own package.json: beside the sources in a checkout, one level further up from dist/. */
function packageJsonPath(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'slotcheck') return candidate;
    if (dirname(dir) === dir) throw new Error('slotcheck cannot find its own package.json');
  }
}

/** The tool's version, from package.json: traces and certificates record it. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(packageJsonPath(), 'utf8')) as { version: string }).version;
