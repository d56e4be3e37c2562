/** Paths of the built app. Tests of the entry points run what users run: the build output. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BUILT_START = join(ROOT, 'out', 'main', 'start.js');
export const BUILT_CLI = join(ROOT, 'out', 'main', 'cli.js');

export function requireBuild(): void {
  if (!existsSync(BUILT_START) || !existsSync(BUILT_CLI)) throw new Error('Build first: npm run build (npm test does this).');
}
