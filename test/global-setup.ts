/**
 * vitest global setup: build dist/ (`npm run build`) before the tests, so that
 * the tests running the real bin (`bin/opinion.js` → `dist/cli.js`) test the
 * sources as they are, not the last build. A failed build stops the run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`npm run build failed before the tests (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}
