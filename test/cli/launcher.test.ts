/** The launcher in a clone where `npm ci` has not run yet: one line saying what to run, exit 2. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('bin/opinion.js tiering flags', () => {
  it('sets them without a deprecation warning, even when deprecations are reported or thrown; on Node 20 and 22 without loading node:stream', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-flags-'));
    try {
      // What the process loaded, written as it exits.
      const preload = join(dir, 'modules.cjs');
      writeFileSync(preload, "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_OUT, process.moduleLoadList.join('\\n')));\n");
      for (const option of ['--pending-deprecation', '--throw-deprecation']) {
        const out = join(dir, `modules${option}.txt`);
        const result = spawnSync(
          process.execPath,
          [
            option,
            '-r',
            preload,
            join(ROOT, 'bin', 'opinion.js'),
            'build',
            'test/build/fixtures/numbering-oj',
            '--to',
            'html',
            '--out',
            join(dir, 'out'),
            '--force',
          ],
          { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MODULES_OUT: out, OPINION_CACHE_DIR: join(dir, 'cache') } },
        );
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/\nnumbering-oj en: [\d,]+ \/ 18,000 characters without spaces → .*opinion\.html\n$/);
        expect(result.status).toBe(0);
        const modules = readFileSync(out, 'utf8').split('\n');
        const v8Major = Number(process.versions.v8.split('.')[0]);
        if (v8Major === 11 || v8Major === 12) expect(modules.filter((name) => /^NativeModule (stream|v8)$/.test(name))).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
