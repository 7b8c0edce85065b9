/** The launcher in a clone where `npm ci` has not run yet: one line saying what to run, exit 2. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

describe('bin/opinion.js before npm ci', () => {
  it('prints one line naming the command to run, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-unbuilt-'));
    try {
      cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      const result = spawnSync(process.execPath, [join(dir, 'bin', 'opinion.js'), 'build', 'opinions/see-migrants'], { cwd: dir, encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`opinion: not built yet: run \`npm ci\` in ${dir}/ first (it installs and builds dist/)\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
