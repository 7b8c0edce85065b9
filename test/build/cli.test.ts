/**
 * `opinion build` as a user runs it: in-process through `main` (fast) and
 * through the real bin, with exit codes, stdout and stderr.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, runMain } from '../helpers.js';

const FIX = 'test/build/fixtures';
const out = () => mkdtempSync(join(tmpdir(), 'opinion-cli-'));

describe('opinion build (in-process)', () => {
  it('builds an opinion, prints the length and where the files went, exits 0', async () => {
    const dir = out();
    // --quiet: the fixture prints the appendix, whose English wording is not yet verified (a warning, tested below).
    const run = await runMain(['build', `${FIX}/numbering-oj`, '--out', dir, '--quiet']);
    expect(run).toEqual({
      code: 0,
      stdout: `numbering-oj en: 235 / 18,000 characters without spaces → ${dir}/numbering-oj/en/opinion.{md,html,json}\n`,
      stderr: '',
    });
    expect(readdirSync(join(dir, 'numbering-oj', 'en')).sort()).toEqual(['opinion.html', 'opinion.json', 'opinion.md']);
  });

  it('warns, naming them, about printed labels that no published opinion confirmed', async () => {
    const dir = out();
    const run = await runMain(['build', `${FIX}/numbering-oj`, '--out', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('templates/languages/en.yaml');
    expect(run.stdout).toMatch(/warning {2}Unverified labels in this `en` draft: `appendix\.title`, .*labels\/unverified/);
  });

  it('builds every language with --lang all, and only the outputs asked for with --to', async () => {
    const dir = out();
    const run = await runMain(['build', `${FIX}/languages`, '--out', dir, '--lang', 'all', '--to', 'md', '--quiet']);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/:.*→/, ' →')),
    ).toEqual(['en', 'fr', 'it', 'de'].map((lang) => `languages ${lang} → ${dir}/languages/${lang}/opinion.md`));
    expect(existsSync(join(dir, 'languages', 'fr', 'opinion.html'))).toBe(false);
  });

  it('exits 1 on errors in the sources, reports them at file:line:column and writes nothing', async () => {
    const dir = out();
    const run = await runMain(['build', `${FIX}/missing-translation`, '--out', dir, '--lang', 'fr']);
    expect(run.code).toBe(1);
    // (The section, written as the label `sections.int` words it, is printed in French without a translation.)
    expect(run.stdout).toContain(
      `${FIX}/missing-translation/principles.yaml\n  9:7-9:30  error  Missing the \`fr\` translation of \`text\` of principle \`p-one\``,
    );
    expect(run.stdout).toContain('missing-translation: not built, 3 errors in the sources (nothing written)\n');
    expect(existsSync(join(dir, 'missing-translation'))).toBe(false);
  });

  it('reports a reference in a folded YAML text at the reference itself, as validate does', async () => {
    const dir = out();
    const source = join(dir, 'folded');
    cpSync('test/validate/fixtures/valid', source, { recursive: true });
    const meta = join(source, 'opinion.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^# yaml-language-server: .*\n/, ''));
    // A recommendation no `::recommendations` places: validate lets the reference be, the build refuses it.
    writeFileSync(
      join(source, 'principles.yaml'),
      'principles:\n  - id: p-inclusion\n    title: Inclusion\n    text: >-\n      Social economy enterprises act inclusively,\n      as :ref{#rec-fund} asks.\n',
    );
    const chapter = join(source, 'text', 'en', '01-conclusions-and-recommendations.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\n::principles\n`);
    const run = await runMain(['build', source, '--out', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${source}/principles.yaml\n  6:10-6:25  error  Unexpected reference to recommendation \`rec-fund\`, which is not in the text`,
    );
  });

  it("reports a template error at the template's file:line:column", async () => {
    const run = await runMain(['build', `${FIX}/template-errors`, '--out', out()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${FIX}/template-errors/draft-template.md\n  3:1-3:8  error  Unexpected slot \`::headr\`, did you mean \`::header\`?  template/unknown-slot`,
    );
  });

  it('protects a hand-edited output: exit 1, names the file, --force keeps a backup', async () => {
    const dir = out();
    await runMain(['build', `${FIX}/numbering-oj`, '--out', dir]);
    const md = join(dir, 'numbering-oj', 'en', 'opinion.md');
    writeFileSync(md, 'edited\n');
    const refused = await runMain(['build', `${FIX}/numbering-oj`, '--out', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `${md}\n  1:1  error  Unexpected changes to a built file: it was edited by hand since the last build, and is not overwritten  build/hand-edited`,
    );
    expect(refused.stdout).toContain('--force');
    const forced = await runMain(['build', `${FIX}/numbering-oj`, '--out', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(
      new RegExp(
        `kept a copy of the hand-edited ${md.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} in ${md.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\.\\d{8}-\\d{6}\\.bak`,
      ),
    );
    expect(readFileSync(md, 'utf8')).not.toBe('edited\n');
  });

  it('keeps stdout clean for machines with --format json (build lines on stderr)', async () => {
    const run = await runMain(['build', `${FIX}/basic`, '--out', out(), '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    // The unused footnote, and the section adoption and closing date after the version's own date.
    expect(report.summary.warnings).toBe(3);
    expect(run.stderr).toMatch(/^basic en: [\d,]+ \/ 18,000 characters without spaces → /);
  });

  it('exits 2 when it cannot run: bad option values, missing paths or files', async () => {
    expect(await runMain(['build', `${FIX}/basic`, '--to', 'rtf'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'opinion: unexpected output `rtf` for --to, expected md, html, json, docx or pdf (comma-separated)\n',
    });
    expect((await runMain(['build', `${FIX}/basic`, '--lang', 'French'])).code).toBe(2);
    expect((await runMain(['build', `${FIX}/nowhere`])).stderr).toBe(`opinion: cannot read \`${FIX}/nowhere\`: no such file or folder\n`);
    expect((await runMain(['build', `${FIX}/basic`, '--template', 'missing.md'])).stderr).toBe(
      'opinion: cannot read `missing.md` given to --template: no such file\n',
    );
  });

  it('builds several opinions in one run, with a progress line on a terminal', async () => {
    const run = await runMain(['build', 'opinions', '--out', out(), '--lang', 'all', '--to', 'json', '--quiet'], { tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[1/2] building opinions/see-migrants…');
    expect(run.stderr).toContain('[2/2] building opinions/see-migrants-preliminary…');
    expect(run.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(run.stdout.split('\n').filter((line) => line.includes(' characters without spaces → '))).toHaveLength(8);
  });
});

describe('opinion build (real bin)', () => {
  it('builds the sample opinion in four languages', () => {
    const dir = out();
    const run = runBin(['build', 'opinions/see-migrants', '--lang', 'all', '--out', dir, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // After the sample's warnings (two facts to be completed), a line per language.
    expect(run.stdout).toMatch(/(?:^|\n)see-migrants en: [\d,]+ \/ 18,000 characters without spaces → /);
    for (const lang of ['en', 'fr', 'it', 'de'])
      expect(readdirSync(join(dir, 'see-migrants', lang)).sort()).toEqual(['opinion.html', 'opinion.json', 'opinion.md']);
  });

  it('prints its help', () => {
    const run = runBin(['build', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: opinion build [options] [paths...]');
    expect(run.stdout).toContain('--watch');
  });
});
