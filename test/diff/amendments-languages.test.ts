/**
 * The amendment sheet of a comparison is worded in the language of the
 * texts compared: the `sheet:` labels of that language's label file, as
 * `opinion amendments sheet` words its sheet; never English words around
 * French texts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatAmendments } from '../../src/diff/index.js';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';
import { diffFixture } from './helpers.js';
import { runMain } from '../helpers.js';

/** Comparisons that need every kind of wording: moves, splits, merges, additions, deletions, chapters and footnotes. */
const FIXTURES = ['moved-and-edited', 'moved', 'split', 'merged', 'added', 'deleted', 'chapter-moved-with-notes', 'footnotes', 'chapter-reordered'];

/** The English sheet's own words (the texts compared are English: these must not come from them). */
const ENGLISH =
  /Amendments to|as follows|Move |Split into|Merge into|Delete|New point|New text|Heading|Section opinion|\| Amendment \||\*\*Reason\*\*|No amendments|## AM /u;

describe('the amendment sheet of a comparison in each language', () => {
  for (const lang of OFFICIAL_LANGUAGES.filter((code) => code !== 'en')) {
    it(`words every kind of amendment in ${lang}`, () => {
      for (const name of FIXTURES) {
        const sheet = formatAmendments(diffFixture(name), { lang });
        const lines = sheet.split('\n');
        // The sheet's own lines: all but the rows of texts compared (the table rows under its header).
        const own = lines.filter((line, i) => !line.startsWith('|') || lines[i + 1] === '| - | - |');
        const english = own.filter((line) => ENGLISH.test(line));
        expect(english, `${name} in ${lang}`).toEqual([]);
        expect(sheet).not.toContain('{');
      }
    });
  }

  it('takes the language of the texts compared, unless asked for another', () => {
    const english = formatAmendments(diffFixture('moved-and-edited'));
    expect(english).toContain('\n## AM 1\n');
    expect(english).toMatch(/Move after point [\d.]+ and amend as follows:/u);
    const result = diffFixture('moved-and-edited');
    expect(formatAmendments({ ...result, new: { ...result.new, lang: 'de' } })).toMatch(/Verschieben nach Ziffer [\d.]+ und ändern:/u);
    expect(formatAmendments(result, { lang: 'pl' })).toMatch(/Przenieść po punkcie [\d.]+ i zmienić następująco:/u);
    // A language without a label file: English, never a mix.
    expect(formatAmendments(result, { lang: 'xx' })).toBe(english);
  });

  it('takes --lang for drafts too, in Markdown and in Word', async () => {
    const fixture = 'test/diff/fixtures/moved-and-edited';
    const run = await runMain(['diff', `${fixture}/old.md`, `${fixture}/new.md`, '--lang', 'de', '--format', 'amendments', '--quiet']);
    expect(run.stdout).toMatch(/\n## Änderungsantrag 1\n/u);
    expect(run.stdout).toMatch(/Verschieben nach Ziffer [\d.]+ und ändern:/u);
    const out = join(mkdtempSync(join(tmpdir(), 'opinion-sheet-')), 'sheet.docx');
    await runMain(['diff', `${fixture}/old.md`, `${fixture}/new.md`, '--lang', 'de', '--format', 'amendments', '--out', out, '--quiet']);
    expect(strFromU8(unzipSync(readFileSync(out))['word/document.xml'] as Uint8Array)).toContain('Stellungnahme der Fachgruppe');
    // A code that is not one of the 24 is refused, not taken silently for English.
    const wrong = await runMain(['diff', `${fixture}/old.md`, `${fixture}/new.md`, '--lang', 'fre', '--format', 'amendments']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("argument 'fre' is invalid. Allowed choices are bg, cs, da, de,");
  });

  it('is French for the French texts of two opinion folders, in Markdown and in Word', async () => {
    const run = await runMain(['diff', 'opinions/see-migrants-preliminary', 'opinions/see-migrants', '--lang', 'fr', '--format', 'amendments', '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^# Amendements: «Les coopératives et les entreprises de l'économie sociale dans l'intégration des migrants»\n/u);
    expect(run.stdout).toContain('\n## Amendement 1\n\n**Paragraphe 1.1**\n\nModifier comme suit:\n\n| Avis de section | Amendement |\n');
    expect(run.stdout).not.toMatch(ENGLISH);
    const dir = mkdtempSync(join(tmpdir(), 'opinion-sheet-'));
    const out = join(dir, 'sheet.docx');
    expect(
      (await runMain(['diff', 'opinions/see-migrants-preliminary', 'opinions/see-migrants', '--lang', 'fr', '--format', 'amendments', '--out', out, '--quiet']))
        .code,
    ).toBe(1);
    const xml = strFromU8(unzipSync(readFileSync(out))['word/document.xml'] as Uint8Array).replace(/<[^>]+>/gu, ' ');
    for (const words of ['Amendements: «Les coopératives', 'Am.', 'Paragraphe', 'Avis de section', 'Amendement', 'Exposé des motifs', 'Modifier comme suit:'])
      expect(xml).toContain(words);
    expect(xml).not.toMatch(/Section opinion|Amend as follows|Reason/u);
  });
});
