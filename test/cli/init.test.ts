import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, runBin } from '../helpers.js';
import { validateOpinion } from '../../src/validate/index.js';

describe('opinion init', () => {
  it('scaffolds an opinion that validates, with schema links that survive a move', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'new-opinion');
    const run = runBin(['init', dir, '--reference', 'SOC/812', '--title', "Title: with 'quotes' # and a hash", '--rapporteur', 'Jane DOE', '--language', 'fr']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('text/fr/01-conclusions-and-recommendations.md');
    const { files } = await validateOpinion(dir);
    // Valid, with a warning for every fact nobody gave (no error).
    expect(files.flatMap((f) => f.messages.filter((m) => m.fatal !== false).map((m) => m.reason))).toEqual([]);
    const meta = readFileSync(join(dir, 'opinion.yaml'), 'utf8');
    expect(meta).toContain(`title: "Title: with 'quotes' # and a hash"`);
    expect(meta).toContain('reference: SOC/812');
    // The schema line is the schema's own https $id, never a path into the install folder.
    for (const kind of ['opinion', 'glossary']) {
      const link = /\$schema=(\S+)/.exec(readFileSync(join(dir, `${kind}.yaml`), 'utf8'))![1]!;
      expect(link).toBe(`https://cdn.jsdelivr.net/npm/eesc-opinion@0/schemas/${kind}.schema.json`);
      expect(JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')).$id).toBe(link);
    }
  });

  it('a moved opinion keeps working links: no schema warning after a move', async () => {
    const base = mkdtempSync(join(tmpdir(), 'opinion-init-'));
    expect(runBin(['init', join(base, 'a', 'draft')]).code).toBe(0);
    renameSync(join(base, 'a', 'draft'), join(base, 'moved'));
    const { files } = await validateOpinion(join(base, 'moved'));
    // The scaffold's facts are gaps nobody filled yet (issue 14: meta/to-be-completed warnings); nothing else is reported.
    expect(files.flatMap((f) => f.messages.map((m) => m.ruleId)).filter((id) => id !== 'meta/to-be-completed')).toEqual([]);
  });

  it('writes no fact nobody gave: a scaffold builds with visible gaps and warnings, not dates', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'soc');
    expect(runBin(['init', dir, '--reference', 'SOC/850']).code).toBe(0);
    const { files } = await validateOpinion(dir);
    const warnings = files
      .filter((f) => f.path.endsWith('opinion.yaml'))
      .flatMap((f) => f.messages.map((m) => `${m.line}:${m.column} ${m.fatal === false ? 'warning' : 'other'} ${m.ruleId} ${m.reason.split(',')[0]}`));
    expect(warnings).toEqual([
      expect.stringMatching(/^\d+:8 warning meta\/to-be-completed `title` is to be completed$/),
      expect.stringMatching(/^\d+:7 warning meta\/to-be-completed `kind` is to be completed$/),
      expect.stringMatching(/^\d+:14 warning meta\/to-be-completed `legal_basis` is to be completed$/),
      expect.stringMatching(/^\d+:11 warning meta\/to-be-completed `rapporteurs\[0\]\.name` is to be completed$/),
      expect.stringMatching(/^\d+:9 warning meta\/to-be-completed `decision\.date` is to be completed$/),
      expect.stringMatching(/^\d+:15 warning meta\/to-be-completed `version_date` is to be completed$/),
    ]);
    const out = mkdtempSync(join(tmpdir(), 'opinion-init-out-'));
    const build = runBin(['build', dir, '-o', out, '--to', 'md']);
    expect(build.code).toBe(0);
    const md = readFileSync(join(out, 'soc', 'en', 'opinion.md'), 'utf8');
    expect(md).toContain('SOC/850');
    // Not a date or a legal basis anywhere: gaps instead. The section is the one
    // the reference's code names (SOC), a fact given (merge of issues 13 and 14).
    expect(md).not.toMatch(/\d{1,2}\.\d{1,2}\.\d{4}|\d{4}|Single Market|Rule 29|Article 304|Brussels/);
    expect(md).toMatch(/\| Plenary assembly decision \| \\\[to be completed] +\|/);
    expect(md).toMatch(/\| Legal basis +\| \\\[to be completed] +\|/);
    expect(md).toMatch(/\| Section responsible +\| Employment, Social Affairs and Citizenship +\|/);
    expect(readFileSync(join(dir, 'opinion.yaml'), 'utf8')).toContain('section: Employment, Social Affairs and Citizenship');
    expect(md).toContain('Version 1 of \\[to be completed]');
  });

  it('a scaffold in another language is in that language: the English example prose becomes gaps', async () => {
    const base = mkdtempSync(join(tmpdir(), 'opinion-init-'));
    const dir = join(base, 'pl');
    expect(runBin(['init', dir, '--language', 'pl', '--languages', 'pl,en']).code).toBe(0);
    const out = join(base, 'out');
    const build = runBin(['build', dir, '-o', out, '--to', 'md', '--lang', 'all']);
    expect(build.code).toBe(0);
    const pl = readFileSync(join(out, 'pl', 'pl', 'opinion.md'), 'utf8');
    // The Polish chapters hold the Polish gap mark where the English scaffold has example sentences;
    // principles and recommendations are `to be completed`, and no English glossary entry is inserted.
    expect(pl).toContain('1.1 \\[do uzupełnienia]');
    expect(pl).toContain('2.2 **\\[do uzupełnienia]**: \\[do uzupełnienia]');
    expect(pl).not.toMatch(/EESC|Committee|principle|Commission|topic|footnote/i);
    // The English translation of a Polish original is not written yet: gaps too, with the same points and ids.
    const en = readFileSync(join(out, 'pl', 'en', 'opinion.md'), 'utf8');
    expect(en).toContain('1.1 \\[to be completed]');
    expect(en).not.toContain('The EESC considers');
    expect(readFileSync(join(dir, 'text', 'en', '02-general-comments.md'), 'utf8')).toMatch(/\{#g-first\} \[to be completed\] :ref\{#c-first\}/);
    // check reports the gaps (meta/to-be-completed in the YAML, text/to-be-completed in the prose) and nothing that a gap cannot help.
    const check = runBin(['check', dir, '--format', 'json']);
    const ruleIds = new Set(
      (JSON.parse(check.stdout) as { files: { messages: { ruleId: string }[] }[] }).files.flatMap((f) => f.messages.map((m) => m.ruleId)),
    );
    expect(ruleIds).toContain('text/to-be-completed');
    expect([...ruleIds].filter((id) => !['meta/to-be-completed', 'text/to-be-completed', 'coverage/glossary-unused'].includes(id))).toEqual([]);
  });

  it('writes the facts given as options, and validates without a warning on them', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'given');
    const run = runBin([
      'init',
      dir,
      '--reference',
      'not yet assigned',
      '--title',
      'Fair work',
      '--kind',
      'own-initiative',
      '--legal-basis',
      'Rule 52(2) of the Rules of Procedure',
      '--section',
      'Employment, Social Affairs and Citizenship',
      '--rapporteur',
      'Jane DOE',
      '--decided-by',
      'bureau',
      '--decision-date',
      '2026-01-21',
      '--stage',
      'study-group',
      '--version-date',
      '2026-02-01',
      '--languages',
      'en,fr',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('text/fr/01-conclusions-and-recommendations.md');
    const meta = readFileSync(join(dir, 'opinion.yaml'), 'utf8');
    for (const line of [
      'reference: not yet assigned',
      'kind: own-initiative',
      'legal_basis: Rule 52(2) of the Rules of Procedure',
      'section: Employment, Social Affairs and Citizenship',
      '  by: bureau',
      '  date: 2026-01-21',
      'stage: study-group',
      'version_date: 2026-02-01',
      'languages: [en, fr]',
    ]) {
      expect(meta).toContain(line);
    }
    const { files } = await validateOpinion(dir);
    const onMeta = files.filter((f) => f.path.endsWith('opinion.yaml')).flatMap((f) => f.messages.map((m) => `${m.ruleId}: ${m.reason}`));
    expect(onMeta).toEqual([]);
    const out = mkdtempSync(join(tmpdir(), 'opinion-init-out-'));
    expect(runBin(['build', dir, '-o', out, '--to', 'md']).code).toBe(0);
    const md = readFileSync(join(out, 'given', 'en', 'opinion.md'), 'utf8');
    expect(md).toContain('\\[reference not yet assigned]');
    expect(md).toContain('| Bureau decision     | 21.1.2026');
  });

  it('rejects a bad date or language option before writing anything', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'x');
    expect(runBin(['init', dir, '--decision-date', '2026-02-30']).stderr).toBe(
      'opinion: unexpected --decision-date `2026-02-30`, expected a real date written YYYY-MM-DD, e.g. 2018-05-23\n',
    );
    expect(runBin(['init', dir, '--languages', 'en,xx']).stderr).toContain('unexpected language `xx` in --languages');
    expect(existsSync(dir)).toBe(false);
  });

  it('takes the original language as --lang too, as import, build and diff name a language', () => {
    const base = mkdtempSync(join(tmpdir(), 'opinion-init-'));
    expect(runBin(['init', join(base, 'pl'), '--lang', 'pl']).code).toBe(0);
    expect(readFileSync(join(base, 'pl', 'opinion.yaml'), 'utf8')).toMatch(/^language: pl /mu);
    expect(existsSync(join(base, 'pl', 'text', 'pl'))).toBe(true);
    const both = runBin(['init', join(base, 'both'), '--lang', 'pl', '--language', 'de']);
    expect([both.code, both.stderr]).toEqual([2, "error: option '-l, --lang <code>' cannot be used with option '--language <code>'\n"]);
    expect(existsSync(join(base, 'both'))).toBe(false);
  });

  it('never overwrites: a non-empty folder is refused with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-init-'));
    writeFileSync(join(dir, 'opinion.yaml'), 'mine\n');
    const run = runBin(['init', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`opinion: \`${dir}\` already exists and is not empty; init never overwrites anything: choose a new folder\n`);
    expect(readFileSync(join(dir, 'opinion.yaml'), 'utf8')).toBe('mine\n');
  });

  it('accepts an existing empty folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'empty');
    mkdirSync(dir);
    expect(runBin(['init', dir]).code).toBe(0);
  });

  it('rejects a malformed reference before writing anything', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'x');
    const run = runBin(['init', dir, '--reference', 'int-835']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('opinion: unexpected reference `int-835`, expected a section code and a number, e.g. INT/835\n');
  });
});
