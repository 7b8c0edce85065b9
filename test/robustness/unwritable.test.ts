/**
 * An output place that cannot be written (a file where a folder should be, a
 * read-only folder): every writing command says which place and why in one
 * line, exit 2, and never calls it an internal error.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { copyBasic, expectClean, run, tempDir } from './helpers.js';

const SAMPLE = join(ROOT, 'opinions', 'see-migrants');
const PRELIMINARY = join(ROOT, 'opinions', 'see-migrants-preliminary');

/** Each writing command with its output at `out`. */
const commands = (opinion: string, out: string): [string, string[]][] => [
  ['build', ['build', opinion, '--out', out, '--quiet']],
  ['diff --out', ['diff', PRELIMINARY, SAMPLE, '--out', join(out, 'redline.html'), '--quiet']],
  ['amendments sheet --out', ['amendments', 'sheet', SAMPLE, '--out', out]],
  ['amendments apply --out', ['amendments', 'apply', SAMPLE, '--out', out]],
  ['translate export --out', ['translate', 'export', SAMPLE, '--to', 'fr', '--out', join(out, 'fr.xlf')]],
  ['import --out', ['import', join(ROOT, 'test', 'import', 'fixtures', 'oj-layout.md'), '--out', out]],
  ['init', ['init', out]],
];

describe('an output place that cannot be written', () => {
  it('under a file (a part of the path is not a folder): one line naming the place, exit 2', async () => {
    const root = tempDir();
    const opinion = copyBasic(root);
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder\n');
    for (const [what, args] of commands(opinion, join(file, 'out'))) {
      const outcome = await run(args);
      expectClean(outcome, what);
      expect(outcome.code, `${what}: ${outcome.stderr}`).toBe(2);
      const lines = outcome.stderr.trim().split('\n');
      expect(lines.at(-1), what).toMatch(/^opinion: cannot write `[^`]*a-file[^`]*`: a part of the path is a file, not a folder$/);
      expect(outcome.stderr, what).not.toMatch(/opinion-(tmp|new)/);
    }
  }, 120_000);

  it.skipIf(process.getuid?.() === 0)(
    'in a read-only folder: "permission denied", exit 2',
    async () => {
      const root = tempDir();
      const opinion = copyBasic(root);
      const locked = join(root, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      try {
        for (const [what, args] of commands(opinion, join(locked, 'out'))) {
          const outcome = await run(args);
          expectClean(outcome, what);
          expect(outcome.code, `${what}: ${outcome.stderr}`).toBe(2);
          expect(outcome.stderr.trim().split('\n').at(-1), what).toMatch(/^opinion: cannot write `[^`]*locked[^`]*`: permission denied$/);
          expect(outcome.stderr, what).not.toMatch(/opinion-(tmp|new)/);
        }
        expect(existsSync(join(locked, 'out'))).toBe(false);
      } finally {
        chmodSync(locked, 0o755);
      }
    },
    120_000,
  );

  it('an existing output keeps its permissions: a private file stays private, a read-only one is refused (as `>` would)', async () => {
    const root = tempDir();
    const redline = join(root, 'redline.html');
    const args = ['diff', PRELIMINARY, SAMPLE, '--out', redline, '--quiet'];
    writeFileSync(redline, 'an older redline\n');
    chmodSync(redline, 0o600);
    expect((await run(args)).code).toBe(1);
    expect(readFileSync(redline, 'utf8')).toContain('<html');
    expect(statSync(redline).mode & 0o777).toBe(0o600);
    // The build's outputs too.
    const opinion = copyBasic(root);
    const out = join(root, 'build');
    expect((await run(['build', opinion, '--out', out, '--quiet'])).code).toBe(0);
    const built = join(out, 'o', 'en', 'opinion.md');
    chmodSync(built, 0o640);
    expect((await run(['build', opinion, '--out', out, '--quiet'])).code).toBe(0);
    expect(statSync(built).mode & 0o777).toBe(0o640);
    if (process.getuid?.() === 0) return; // root may write a read-only file, with `>` too
    chmodSync(redline, 0o444);
    const refused = await run(args);
    expectClean(refused, 'read-only');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^opinion: cannot write `[^`]*redline\.html`: permission denied$/m);
    expect(readFileSync(redline, 'utf8')).toContain('<html');
    expect(statSync(redline).mode & 0o777).toBe(0o444);
  }, 60_000);
});
