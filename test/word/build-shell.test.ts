import { ExternalHyperlink, FootnoteReferenceRun, Paragraph, TextRun, Bookmark } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { levelText, numberedItem, packWord, planNumbering, POINT_LIST, STYLE, wordDocument, wordLanguage } from '../../src/word/document.js';

const DATE = new Date('2018-04-10T00:00:00Z');

function sample(stage?: string) {
  return wordDocument({
    lang: 'fr',
    numbering: 'oj',
    title: 'Un avis',
    date: DATE,
    reference: 'INT/871',
    document: 'EESC-2017-04256-00-02-AS-TRA',
    ...(stage ? { stage } : {}),
    footnotes: new Map([[1, [new Paragraph({ style: STYLE.footnoteText, children: [new TextRun('Une note.')] })]]]),
    children: [
      new Paragraph({ style: STYLE.point, children: [new TextRun('Texte'), new FootnoteReferenceRun(1)] }),
      new Paragraph({
        children: [
          new ExternalHyperlink({ link: 'https://eesc.europa.eu', children: [new TextRun('CESE')] }),
          new Bookmark({ id: 'p-1', children: [new TextRun('marque')] }),
        ],
      }),
    ],
  });
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

describe('packWord', () => {
  it('gives the same bytes for the same document, with the fixed date', async () => {
    const first = await packWord(sample('PROJET D’AVIS'));
    const second = await packWord(sample('PROJET D’AVIS'));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const xml = parts(first);
    expect(xml['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2018-04-10T00:00:00Z</dcterms:created>');
    expect(xml['word/_rels/document.xml.rels']).toContain('Id="rIdLink1"');
    expect(xml['word/document.xml']).toContain('r:id="rIdLink1"');
    expect(xml['word/document.xml']).toMatch(/<w:bookmarkStart w:name="p-1" w:id="1"/);
    expect(Object.keys(unzipSync(first))[0]).toBe('[Content_Types].xml');
  });

  it('sets the page, language, styles, footer and stage header', async () => {
    const xml = parts(await packWord(sample('PROJET D’AVIS')));
    expect(xml['word/document.xml']).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml['word/styles.xml']).toContain('w:val="fr-FR"');
    expect(xml['word/styles.xml']).toContain('w:styleId="OpinionChapterHeading"');
    expect(xml['word/styles.xml']).toContain('<w:name w:val="Opinion Header Table"/>');
    const footer = Object.entries(xml).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toContain('INT/871 – EESC-2017-04256-00-02-AS-TRA (FR)');
    expect(footer).toMatch(/PAGE/);
    const header = Object.entries(xml).find(([name]) => /^word\/header\d*\.xml$/.test(name))![1];
    expect(header).toContain('PROJET D’AVIS');
    expect(xml['word/footnotes.xml']).toContain('Une note.');
    expect(xml['word/numbering.xml']).toContain('w:val="%1.%2."');
    // A line ending in a line break (hard break, a redlined table's rows) is not stretched across a justified line.
    expect(xml['word/settings.xml']).toMatch(/<w:compat><w:doNotExpandShiftReturn\/><w:compatSetting w:val="15" w:name="compatibilityMode"/);
  });

  it('has no header when the text is final', async () => {
    const xml = parts(await packWord(sample()));
    expect(Object.keys(xml).some((name) => /^word\/header\d*\.xml$/.test(name))).toBe(false);
  });
});

describe('planNumbering', () => {
  it('uses Word numbering when counting gives the build numbers', () => {
    const numbers = ['1', '1.1', '1.2', '2', '2.1', '3', '3.1', '3.1.1', '3.1.2', '3.2', '3.2.1', '', '4', '4.1'];
    expect(planNumbering(numbers, 'eesc')).toEqual({ mode: 'auto', levels: [0, 1, 1, 0, 1, 0, 1, 2, 2, 1, 2, undefined, 0, 1] });
  });

  it('accepts trailing dots', () => {
    expect(planNumbering(['1.', '1.1.', '1.2.'], 'oj').mode).toBe('auto');
  });

  it.each([
    ['a gap', ['1', '1.1', '1.3']],
    ['a restart', ['1', '1.1', '2', '2.2']],
    ['numbers out of sequence', ['1', '1.2', '1.1']],
    ['a skipped level', ['1', '1.1.1']],
    ['a level too deep', ['1', '1.1', '1.1.1', '1.1.1.1', '1.1.1.1.1']],
    ['a number that is not one', ['1', '1.a']],
  ])('falls back to literal numbers on %s', (_, numbers) => {
    expect(planNumbering(numbers, 'eesc').mode).toBe('literal');
  });

  it('gives the list level, or the number as text', () => {
    const auto = planNumbering(['1', '1.1'], 'eesc');
    expect(numberedItem(auto, 1, '1.1')).toEqual({ paragraph: { numbering: { reference: POINT_LIST, level: 1 } }, lead: [] });
    const literal = planNumbering(['1', '1.2'], 'eesc');
    const item = numberedItem(literal, 1, '1.2');
    expect(item.paragraph.indent).toBeDefined();
    expect(item.lead).toHaveLength(2);
    expect(numberedItem(planNumbering([''], 'eesc'), 0, '')).toEqual({ paragraph: {}, lead: [] });
  });

  it('writes the level texts of both styles', () => {
    expect([0, 1, 2, 3].map((level) => levelText(level, 'eesc'))).toEqual(['%1.', '%1.%2', '%1.%2.%3', '%1.%2.%3.%4']);
    expect([0, 1, 2].map((level) => levelText(level, 'oj'))).toEqual(['%1.', '%1.%2.', '%1.%2.%3.']);
  });

  it('maps language codes to Word language tags', () => {
    expect(['en', 'fr', 'de', 'el', 'xx'].map(wordLanguage)).toEqual(['en-GB', 'fr-FR', 'de-DE', 'el-GR', 'xx']);
  });
});
