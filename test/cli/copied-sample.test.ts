/**
 * The sample opinions copied out of the repository, as a user who starts
 * from them does: their YAML files link their schemas by https address (as
 * `init` writes them), so no command warns about a schema link there.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runBin } from '../helpers.js';
import { SCHEMA_BASE } from '../../src/core/schema-url.js';

const SAMPLES = ['see-migrants', 'see-migrants-preliminary'];

describe('the samples copied outside the repository', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-copied-'));
  for (const name of SAMPLES) cpSync(join(ROOT, 'opinions', name), join(dir, name), { recursive: true });

  it('link every schema by the https address init writes', () => {
    for (const name of SAMPLES) {
      for (const file of readdirSync(join(ROOT, 'opinions', name)).filter((f) => f.endsWith('.yaml'))) {
        const first = readFileSync(join(ROOT, 'opinions', name, file), 'utf8').split('\n')[0];
        expect(first).toBe(`# yaml-language-server: $schema=${SCHEMA_BASE}/${file.replace(/\.yaml$/, '')}.schema.json`);
      }
    }
  });

  it.each([
    ['validate', ['validate', 'see-migrants', 'see-migrants-preliminary']],
    ['check', ['check', 'see-migrants', 'see-migrants-preliminary']],
    ['stats', ['stats', 'see-migrants']],
    ['build', ['build', 'see-migrants', '--out', 'out']],
    ['diff', ['diff', 'see-migrants-preliminary', 'see-migrants']],
    ['amendments list', ['amendments', 'list', 'see-migrants']],
  ])(
    '%s prints no schema-link warning',
    (_name, args) => {
      const run = runBin(args, { cwd: dir });
      expect(run.code, run.stderr).toBeLessThan(2);
      expect(run.stdout + run.stderr).not.toMatch(/schema-link|schema link|no such file/);
    },
    60_000,
  );
});
