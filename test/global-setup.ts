/**
 * vitest global setup: build dist/ (`npm run build`) before the tests, so that
 * the tests running the real bin (`bin/opinion.js` → `dist/cli.js`) test the
 * sources as they are, not the last build. A failed build stops the run.
 * The build is skipped when dist/ was built from exactly these inputs
 * (src/scripts/build-stamp.mjs: a hash of the sources, schemas, templates and
 * package files), as in CI after `npm ci` and on the second and third Node.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without types
import { buildIsCurrent } from '../src/scripts/build-stamp.mjs';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  if (buildIsCurrent()) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`npm run build failed before the tests (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}
