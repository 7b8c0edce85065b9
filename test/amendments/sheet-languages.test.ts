/**
 * The amendment sheet and the list's table speak the language of the
 * opinion (or of `--lang`): every heading, action, position, outcome and
 * vote comes from the `sheet:` labels of that language. For each of the 24
 * official languages the sheet's own wording (the texts and reasons left
 * out) and the list's table are compared with the golden file
 * `golden/sheet-<lang>.md` (UPDATE_GOLDEN=1 rewrites them; review the diff).
 * The Word sheet opens in the language. The sheet is a working document the
 * Official Journal never prints: its labels are the tool's wording and draw
 * no `labels/unverified` warning (docs/languages.md).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { golden, runMain } from '../helpers.js';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';
import { SAMPLE, appendAmendments, scratch } from './scratch.js';

const GOLDEN = join(import.meta.dirname, 'golden');

/**
 * A copy of the sample with two more plenary amendments, so that every
 * label shows: a new point before a point (withdrawn) and one not yet
 * decided (illustrative test data, like the sample's amendments).
 */
function fullSample(): string {
  const { sample } = scratch();
  appendAmendments(
    sample,
    `
  - id: am-p4
    number: 4
    stage: plenary
    by: [{ name: Eva NOVÁK, group: III }]
    target: sc-autonomy
    action: insert-before
    new_id: sc-autonomy-before
    text: The EESC recalls that autonomy takes time.
    tabled: 2018-05-21
    reason: A point of principle before the specific measures.
    position: compromise
    outcome: withdrawn
  - id: am-p5
    number: 5
    stage: plenary
    by: [Anna KOWALSKA]
    target: c-public-role
    action: delete
    tabled: 2018-05-21
`,
  );
  return sample;
}

/** The sheet's own wording: the texts of the two columns and the reasons are left out. */
function wordingOf(markdown: string): string {
  const kept: string[] = [];
  const lines = markdown.split('\n');
  let skip = false;
  for (const [i, line] of lines.entries()) {
    if (lines[i - 1] === '| - | - |') continue;
    // The paragraph after a bold-only line (the reason's heading) is the reason.
    if (/^\*\*[^*]+\*\*$/.test(lines[i - 2] ?? '') && lines[i - 1] === '' && line !== '') skip = true;
    if (skip && line === '') skip = false;
    if (!skip) kept.push(line);
  }
  return kept.join('\n');
}

describe('the amendment sheet and list in every official language', () => {
  const sample = fullSample();
  for (const lang of OFFICIAL_LANGUAGES) {
    it(lang, async () => {
      const section = await runMain(['amendments', 'sheet', sample, '--lang', lang, '--quiet']);
      const plenary = await runMain(['amendments', 'sheet', sample, '--stage', 'plenary', '--lang', lang, '--quiet']);
      const list = await runMain(['amendments', 'list', sample, '--lang', lang, '--quiet']);
      for (const run of [section, plenary, list]) {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toBe('');
      }
      const actual = `${wordingOf(section.stdout)}\n---\n\n${wordingOf(plenary.stdout)}\n---\n\n${list.stdout}`;
      expect(actual).toBe(golden(join(GOLDEN, `sheet-${lang}.md`), actual));
      if (lang !== 'en') {
        // Nothing of the English wording is left (the member's names and the numbers aside).
        for (const english of [
          'Tabled by',
          'Amend as follows',
          'Reason',
          "Rapporteur's position",
          'Outcome',
          'Draft opinion',
          'Section opinion',
          'withdrawn',
          'pending',
        ])
          expect(actual, english).not.toContain(english);
      }
    });
  }
});

describe('the sheet in the language of the opinion', () => {
  it('is written in the original language without --lang: Markdown, HTML and a Word file in French', async () => {
    const { root, sample } = scratch();
    const path = join(sample, 'opinion.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^language: en\b/m, 'language: fr'));
    const out = join(root, 'sheet');
    const run = await runMain(['amendments', 'sheet', sample, '--stage', 'plenary', '--to', 'md,html,docx', '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const markdown = readFileSync(join(out, 'amendments.md'), 'utf8');
    expect(markdown).toContain('## Amendement 1 – Paragraphe 1.7');
    expect(markdown).toContain('| Avis de section | Amendement |');
    // The French text of the point, as the opinion's original now.
    expect(markdown).toContain('| Les EES ne peuvent se substituer aux pouvoirs publics');
    expect(readFileSync(join(out, 'amendments.html'), 'utf8')).toContain('<html lang="fr">');
    const files = unzipSync(readFileSync(join(out, 'amendments.docx')));
    const document = strFromU8(files['word/document.xml']!);
    for (const words of [
      'Amendements: «',
      'Déposé par: ',
      'Modifier comme suit:',
      'Avis de section',
      'Exposé des motifs',
      'Position du rapporteur: ',
      'rejeté (62 voix pour, 118 voix contre et 9 abstentions)',
    ])
      expect(document, words).toContain(words);
    expect(document).not.toContain('Tabled by');
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:val="fr-FR"');
  });

  it('opens the Word sheet in the language asked for with --lang', async () => {
    const { root, sample } = scratch();
    const out = join(root, 'sheet-de');
    const run = await runMain(['amendments', 'sheet', sample, '--lang', 'de', '--to', 'docx', '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['amendments.docx']);
    const files = unzipSync(readFileSync(join(out, 'amendments.docx')));
    const document = strFromU8(files['word/document.xml']!);
    for (const words of [
      'Änderungsanträge zu „',
      'Eingereicht von: ',
      'Entwurf einer Stellungnahme',
      'Begründung',
      'Standpunkt des Berichterstatters: ',
      'Ziffer streichen.',
    ])
      expect(document, words).toContain(words);
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:val="de-DE"');
  });

  it('refuses a --lang that is not an official language code (exit 2)', async () => {
    const run = await runMain(['amendments', 'sheet', SAMPLE, '--lang', 'xx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unexpected language `xx` for --lang, expected a code of an official EU language (bg, es, cs,');
    expect((await runMain(['amendments', 'list', SAMPLE, '--lang', 'english'])).code).toBe(2);
  });
});

describe('the wording of the sheet and the list', () => {
  // A working document the Official Journal never prints: its labels are the tool's wording, like the
  // stage banners, so nothing warns about them (docs/languages.md); the published appendix still warns on build.
  it('draws no labels/unverified warning, in any language', async () => {
    for (const lang of ['en', 'it', 'fr', 'de', 'ga']) {
      for (const verb of ['sheet', 'list']) {
        const run = await runMain(['amendments', verb, SAMPLE, '--lang', lang]);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr, `${verb} --lang ${lang}`).not.toContain('labels/unverified');
        expect(run.stderr).not.toContain('Unverified');
      }
    }
    // The sample's only warnings are its two gaps (meta/to-be-completed).
    const list = await runMain(['amendments', 'list', SAMPLE]);
    expect(list.stderr).toContain('⚠ 2 warnings');
    const quiet = await runMain(['amendments', 'sheet', SAMPLE, '--stage', 'plenary', '--lang', 'it', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('takes a label an opinion label file gives', async () => {
    const { sample } = scratch();
    mkdirSync(join(sample, 'labels'), { recursive: true });
    writeFileSync(join(sample, 'labels', 'it.yaml'), "lang: it\nsheet:\n  amend: 'Modificare nel modo seguente:'\n");
    const run = await runMain(['amendments', 'sheet', sample, '--stage', 'plenary', '--lang', 'it']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('\nModificare nel modo seguente:\n');
    expect(run.stderr).not.toContain('labels/unverified');
  });
});

describe('texts and reasons the sheet’s language lacks', () => {
  it('shows a reason given only in another language, marked with its language and with a warning at its place', async () => {
    const { sample } = scratch();
    const file = join(sample, 'amendments.yaml');
    const source = readFileSync(file, 'utf8');
    const line = source.split('\n').findIndex((l) => l.includes('reason: The design of integration policies')) + 1;
    writeFileSync(
      file,
      source.replace(
        'reason: The design of integration policies is a matter for the public authorities.',
        "reason: { fr: 'La conception des politiques d''intégration relève des pouvoirs publics.' }",
      ),
    );
    // No --lang: the sheet is in English, the opinion's language; the reason is only in French.
    const run = await runMain(['amendments', 'sheet', sample, '--stage', 'plenary']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("**Reason**\n\n(FR) La conception des politiques d'intégration relève des pouvoirs publics.\n");
    expect(run.stderr).toContain(`amendments.yaml\n  ${line}:13-${line}:`);
    expect(run.stderr).toContain(
      'warning  Missing reason in `en` of amendment `am-p1`: the sheet shows the reason of AM 1 in `fr` (marked (FR)), expected a translation  amendments/translation',
    );
    // The other amendments' reasons are English: no mark, no other warning.
    expect(run.stdout.match(/\((EN|FR)\)/g)).toEqual(['(FR)']);
    expect(run.stderr.match(/amendments\/translation/g)).toHaveLength(1);
  });

  it('marks the columns and the reason shown in the original language under --lang, in Markdown and Word', async () => {
    const { root, sample } = scratch();
    const run = await runMain(['amendments', 'sheet', sample, '--stage', 'plenary', '--lang', 'fr']);
    expect(run.code, run.stderr).toBe(0);
    // AM 1 has no French text: both columns say they are English; its reason too.
    expect(run.stdout).toContain('| (EN) SEEs cannot replace the public authorities');
    expect(run.stdout).toContain(
      '| (EN) SEEs cannot replace the public authorities, which remain responsible for reception and integration policies. They can, however, complement ~~them',
    );
    expect(run.stdout).toContain('**Exposé des motifs**\n\n(EN) The design of integration policies');
    // AM 2 deletes a point the opinion has in French: its columns are French, unmarked.
    expect(run.stdout).toContain('| Comme le souligne Federico Tsucalas');
    expect(run.stderr).toContain(
      'Missing text in `fr` of amendment `am-p1`: the sheet shows the texts of Amendement 1 in `en` (marked (EN)), expected a translation',
    );
    expect(run.stderr).toContain(
      'Missing reason in `fr` of amendment `am-p2`: the sheet shows the reason of Amendement 2 in `en` (marked (EN)), expected a translation',
    );
    const out = join(root, 'sheet-fr');
    const word = await runMain(['amendments', 'sheet', sample, '--stage', 'plenary', '--lang', 'fr', '--to', 'docx', '--out', out, '--quiet']);
    expect(word.code, word.stderr).toBe(0);
    const document = strFromU8(unzipSync(readFileSync(join(out, 'amendments.docx')))['word/document.xml']!);
    expect(document).toContain('(EN) The design of integration policies');
    expect(document).toContain('(EN) ');
  });
});
