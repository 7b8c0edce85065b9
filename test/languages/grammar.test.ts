/**
 * Generated text stays grammatical in languages with cases. An acronym's
 * expansion inserted by the build would be in the dictionary form whatever
 * the sentence needs ("Der Europäischer Wirtschafts- und Sozialausschuss
 * (EWSA)", "dem Europäischer Sozialfonds"). In DE, PL and EL (and every
 * language whose nouns inflect) the build inserts nothing: the author writes
 * the first use out in the right case, and the build checks that it did.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../helpers.js';
import { buildOpinion } from '../../src/opinion/index.js';
import { checkOpinion } from '../../src/check/index.js';

interface Case {
  lang: string;
  term: string;
  expansion: string;
  /** A sentence whose first use is not written out. */
  bare: string;
  /** The same sentence with the first use written out in the case it needs (not the dictionary form). */
  written: string;
  /** A first use written out with other words than the expansion. */
  wrong: string;
}

const CASES: Case[] = [
  {
    lang: 'de',
    term: 'ESF',
    expansion: 'Europäischer Sozialfonds',
    bare: 'Die Mittel aus dem ESF sollten vereinfacht werden.',
    written: 'Die Mittel aus dem Europäischen Sozialfonds (ESF) sollten vereinfacht werden.',
    wrong: 'Die Mittel aus dem Fonds für Migration (ESF) sollten vereinfacht werden.',
  },
  {
    lang: 'pl',
    term: 'EKES',
    expansion: 'Europejski Komitet Ekonomiczno-Społeczny',
    bare: 'Opinia EKES jest jasna.',
    written: 'Opinia Europejskiego Komitetu Ekonomiczno-Społecznego (EKES) jest jasna.',
    wrong: 'Opinia Komitetu Regionów i Parlamentu (EKES) jest jasna.',
  },
  {
    lang: 'el',
    term: 'ΕΟΚΕ',
    expansion: 'Ευρωπαϊκή Οικονομική και Κοινωνική Επιτροπή',
    bare: 'Η γνωμοδότηση της ΕΟΚΕ είναι σαφής.',
    written: 'Η γνωμοδότηση της Ευρωπαϊκής Οικονομικής και Κοινωνικής Επιτροπής (ΕΟΚΕ) είναι σαφής.',
    wrong: 'Η γνωμοδότηση του Ευρωπαϊκού Κοινοβουλίου και της Επιτροπής (ΕΟΚΕ) είναι σαφής.',
  },
];

async function opinionWith(c: Case, sentence: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'opinion-grammar-')), `g-${c.lang}`);
  expect((await runMain(['init', dir, '--language', c.lang])).code).toBe(0);
  writeFileSync(join(dir, 'glossary.yaml'), `glossary:\n  - id: g-acronym\n    term: ${c.term}\n    expansion: ${c.expansion}\n    kind: acronym\n`);
  writeFileSync(join(dir, 'text', c.lang, '01-conclusions-and-recommendations.md'), `# Titel\n\n{#c-first} ${sentence}\n\n{#c-second} ${c.term}.\n`);
  return dir;
}

const warnings = (files: { messages: { ruleId?: string | null | undefined; reason: string }[] }[]) =>
  files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'glossary/expansion-needed').map((m) => m.reason));

describe('acronym expansions in languages with cases', () => {
  for (const c of CASES) {
    describe(c.lang, () => {
      it('never inserts the dictionary form; reports a first use that is not written out', async () => {
        const build = await buildOpinion(await opinionWith(c, c.bare));
        const md = build.renders[0]!.markdown!;
        expect(md).not.toContain(`${c.expansion} (${c.term})`);
        expect(md).toContain(c.bare);
        expect(warnings(build.files)).toEqual([
          `Missing the written-out expansion at the first use of \`${c.term}\`, expected “… (${c.term})” with “${c.expansion}” in the case the sentence needs`,
        ]);
        // At the acronym, on the point's line after its `{#c-first} ` marker.
        const at = build.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'glossary/expansion-needed'));
        const column = '{#c-first} '.length + c.bare.indexOf(c.term) + 1;
        expect(at.map((m) => [m.line, m.column, m.place && 'end' in m.place ? m.place.end.column : undefined])).toEqual([[3, column, column + c.term.length]]);
      });

      it('accepts the expansion written out in the case the sentence needs, and leaves it as written', async () => {
        const build = await buildOpinion(await opinionWith(c, c.written));
        expect(warnings(build.files)).toEqual([]);
        expect(build.renders[0]!.markdown).toContain(c.written);
        expect(build.renders[0]!.markdown).not.toContain(`${c.expansion} (${c.term})`);
      });

      it('check: reports a use before the expansion written out in the case the sentence needs, and a second one', async () => {
        const dir = await opinionWith(c, c.bare);
        writeFileSync(
          join(dir, 'text', c.lang, '01-conclusions-and-recommendations.md'),
          `# Titel\n\n{#c-first} ${c.bare}\n\n{#c-second} ${c.written}\n\n{#c-third} ${c.written}\n`,
        );
        const result = await checkOpinion(dir);
        const messages = result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'glossary/acronym-before-expansion'));
        const found = messages.map((m) => `${m.line}: ${m.reason}`);
        expect(found).toEqual([
          `3: Unexpected \`${c.term}\` before it is spelled out, expected the expansion at its first use`,
          `7: Unexpected second expansion of \`${c.term}\`, expected it only at its first use`,
        ]);
        // The build never inserts the expansion in these languages: the note says to move it, not to drop it.
        const column = '{#c-second} '.length + c.written.toLowerCase().indexOf(c.expansion.toLowerCase().slice(0, 4)) + 1;
        expect(messages[0]!.note).toBe(
          `It is spelled out at text/${c.lang}/01-conclusions-and-recommendations.md:5:${column}. In \`${c.lang}\` the build never inserts an expansion, so move it to the first use, in the case the sentence needs`,
        );
      });

      it('reports a first use written out with other words than the expansion', async () => {
        const build = await buildOpinion(await opinionWith(c, c.wrong));
        expect(warnings(build.files)).toEqual([
          `Unexpected words before the first \`(${c.term})\`, expected the glossary's expansion “${c.expansion}” (in whatever case the sentence needs)`,
        ]);
      });
    });
  }

  it('still inserts the expansion in English, where it cannot break agreement', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-grammar-')), 'g-en');
    expect((await runMain(['init', dir, '--language', 'en'])).code).toBe(0);
    writeFileSync(join(dir, 'text', 'en', '01-conclusions-and-recommendations.md'), '# Conclusions\n\n{#c-first} The EESC considers this.\n');
    const build = await buildOpinion(dir);
    expect(build.renders[0]!.markdown).toContain('The European Economic and Social Committee (EESC) considers this.');
  });
});
