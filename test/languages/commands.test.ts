/**
 * Languages in every command: `validate` catches a language `build` would
 * refuse, `--lang` refuses a code that is not a language (exit 2), and
 * `build --lang all` builds each language on its own.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../helpers.js';

const FIX = 'test/build/fixtures';

function copy(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'opinion-lang-')), name);
  cpSync(join(FIX, name), dir, { recursive: true });
  return dir;
}

/** The custom-template fixture (languages en, es) with a broken placeholder in its own labels/es.yaml. */
function brokenSpanish(): string {
  const dir = copy('custom-template');
  const labels = join(dir, 'labels', 'es.yaml');
  const text = readFileSync(labels, 'utf8');
  const broken = text.replace(/^ {2}point: punto \{number\}$/m, '  point: punto {numero}');
  expect(broken).not.toBe(text);
  writeFileSync(labels, broken);
  return dir;
}

describe('validate', () => {
  it('catches a language that build would refuse (its labels are broken), with exit 1', async () => {
    const dir = brokenSpanish();
    const run = await runMain(['validate', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('labels/es.yaml');
    expect(run.stdout).toMatch(/error {2}Unexpected placeholder `\{numero\}` in `refs\.point`/);
  });

  it('flags a label file copied from English without translating it', async () => {
    const dir = copy('custom-template');
    const english = readFileSync('templates/languages/en.yaml', 'utf8')
      .replace(/^lang: en$/m, 'lang: es')
      .replace(/^locale: en-GB$/m, 'locale: es-ES');
    writeFileSync(join(dir, 'labels', 'es.yaml'), english);
    const run = await runMain(['validate', dir]);
    expect(run.stdout).toMatch(/warning {2}Unexpected copy of the English labels in a `es` label file: all \d+ labels are the English ones/);
  });

  it('flags single labels left in English, unless listed as the same on purpose', async () => {
    const dir = copy('custom-template');
    const labels = join(dir, 'labels', 'es.yaml');
    writeFileSync(labels, readFileSync(labels, 'utf8').replace(/^ {2}point: punto \{number\}$/m, '  point: point {number}'));
    const run = await runMain(['validate', dir]);
    expect(run.stdout).toMatch(/warning {2}Unexpected English label `refs\.point` \(`point \{number\}`\) in a `es` label file/);
    writeFileSync(labels, readFileSync(labels, 'utf8') + '\nsame-as-english: [refs.point]\n');
    expect((await runMain(['validate', dir])).stdout).not.toContain('refs.point');
  });
});

describe('build --lang', () => {
  it('refuses a code that is not a language, with exit 2 and the codes it takes', async () => {
    const run = await runMain(['build', `${FIX}/basic`, '--lang', 'xx', '--out', mkdtempSync(join(tmpdir(), 'opinion-lang-out-'))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'unexpected language `xx` for --lang, expected a code of an official EU language (bg, es, cs, da, de, et, el, en, fr, ga, hr, it, lv, lt, hu, mt, nl, pl, pt, ro, sk, sl, fi, sv)',
    );
  });

  it('builds each language on its own: a broken one is reported, the others are written, exit 1', async () => {
    const dir = brokenSpanish();
    const out = mkdtempSync(join(tmpdir(), 'opinion-lang-out-'));
    const run = await runMain(['build', dir, '--lang', 'all', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('custom-template es: not built, see the errors above (the other languages were written)');
    expect(existsSync(join(out, 'custom-template', 'en', 'opinion.md'))).toBe(true);
    expect(existsSync(join(out, 'custom-template', 'es'))).toBe(false);
  });
});
