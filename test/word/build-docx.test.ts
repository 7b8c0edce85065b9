/**
 * `opinion build --to docx`: the Word draft of the sample and of fixtures —
 * deterministic bytes, the page, styles, footer, stage header, numbering and
 * notes in its XML, and, read back with pandoc, the same text as the
 * Markdown output, paragraph by paragraph.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOutputs } from '../../src/render/index.js';
import { buildOpinion, type BuildOptions } from '../../src/opinion/index.js';
import { toWord } from '../../src/render/word/index.js';
import { packWord } from '../../src/word/document.js';
import { skipWithout } from '../helpers.js';
import { blockTexts, hasPandoc, noteTexts, pandoc, pandocJson } from './build-pandoc.js';

const SAMPLE = 'opinions/see-migrants';
const BASIC = 'test/build/fixtures/basic';
const FINAL = 'test/build/fixtures/numbering-oj';

interface Built {
  markdown: string;
  docx: Uint8Array;
  xml: Record<string, string>;
}

async function build(dir: string, options: BuildOptions = {}): Promise<Built> {
  const result = await buildOpinion(dir, { formats: ['md', 'docx'], ...options });
  expect(result.ok).toBe(true);
  const render = result.renders[0]!;
  const xml = Object.fromEntries(Object.entries(unzipSync(render.docx!)).map(([name, data]) => [name, strFromU8(data)]));
  return { markdown: render.markdown!, docx: render.docx!, xml };
}

const part = (built: Built, pattern: RegExp) =>
  Object.entries(built.xml)
    .filter(([name]) => pattern.test(name))
    .map(([, text]) => text);

let en: Built;
let fr: Built;
let final: Built;
let withNotes: Built;
let withoutNotes: Built;
beforeAll(async () => {
  [en, fr, final, withNotes, withoutNotes] = await Promise.all([
    build(SAMPLE),
    build(SAMPLE, { langs: ['fr'] }),
    build(FINAL),
    build(BASIC, { notes: true }),
    build(BASIC),
  ]);
});

describe('the Word draft', () => {
  it('is deterministic: two builds give the same bytes', async () => {
    const again = await build(SAMPLE);
    expect(Buffer.from(again.docx).equals(Buffer.from(en.docx))).toBe(true);
  });

  it('is written with the other outputs, hashed in the manifest, and not rewritten when unchanged', async () => {
    const out = mkdtempSync(join(tmpdir(), 'opinion-docx-'));
    const first = await writeOutputs(await buildOpinion(FINAL, { formats: ['md', 'docx'] }), { out });
    expect(first.written.map((path) => path.slice(out.length + 1))).toEqual(['numbering-oj/en/opinion.md', 'numbering-oj/en/opinion.docx']);
    const again = await writeOutputs(await buildOpinion(FINAL, { formats: ['md', 'docx'] }), { out });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(2);
    expect(readFileSync(join(out, 'numbering-oj', 'en', 'opinion.docx')).equals(Buffer.from(final.docx))).toBe(true);
  });

  it('is made only when asked for', async () => {
    expect((await buildOpinion(FINAL)).renders[0]!.docx).toBeUndefined();
  });

  it('leaves the other outputs as they are', async () => {
    const result = await buildOpinion(SAMPLE, { formats: ['md'] });
    expect(result.renders[0]!.markdown).toBe(en.markdown);
    expect(result.renders[0]!.docx).toBeUndefined();
  });

  it('is an A4 page in the named styles, in the draft language, with the header block as a table', () => {
    const document = en.xml['word/document.xml']!;
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    for (const style of ['OpinionStage', 'OpinionReference', 'OpinionTitle', 'OpinionKind', 'OpinionChapterHeading', 'OpinionSectionHeading', 'OpinionPoint']) {
      expect(document).toContain(`<w:pStyle w:val="${style}"/>`);
    }
    // The closing block and signature belong to the text as adopted, not to the version for the section meeting.
    expect(document).not.toContain('<w:pStyle w:val="OpinionClosing"/>');
    for (const style of ['OpinionClosing', 'OpinionSignature']) expect(final.xml['word/document.xml']).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(document).toContain('<w:tblStyle w:val="OpinionHeaderTable"/>');
    expect(en.xml['word/styles.xml']).toContain('<w:name w:val="Opinion Chapter Heading"/><w:basedOn w:val="Heading1"/>');
    expect(en.xml['word/styles.xml']).toContain('<w:lang w:val="en-GB"/>');
    expect(fr.xml['word/styles.xml']).toContain('<w:lang w:val="fr-FR"/>');
    expect(en.xml['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2018-04-10T00:00:00Z</dcterms:modified>');
  });

  it('numbers chapters and points with a Word list, as the build does (`1.`, `1.1`; `oj`: `1.1.`)', () => {
    expect(en.xml['word/document.xml']).toMatch(/<w:pStyle w:val="OpinionPoint"\/><w:numPr><w:ilvl w:val="1"\/>/);
    expect(en.xml['word/document.xml']).not.toMatch(/<w:t xml:space="preserve">1\.1<\/w:t>/);
    expect(en.xml['word/numbering.xml']).toContain('<w:lvlText w:val="%1.%2"/>');
    expect(final.xml['word/numbering.xml']).toContain('<w:lvlText w:val="%1.%2."/>');
  });

  it('has the reference, document number and page number in the footer', () => {
    const [footer] = part(en, /^word\/footer\d*\.xml$/);
    // The sample's reference is not known and it has no document number: the gap is printed where the reference goes.
    expect(footer).toContain('[to be completed] (EN)');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it('has the stage on a header line of a non-final draft, and no header when the text is final', () => {
    const [header] = part(en, /^word\/header\d*\.xml$/);
    expect(header).toContain('DRAFT OPINION – version for the section meeting');
    expect(part(final, /^word\/header\d*\.xml$/)).toEqual([]);
    expect(final.xml['word/document.xml']).not.toContain('OpinionStage');
  });

  it('has real footnotes', () => {
    expect(en.xml['word/document.xml']).toContain('<w:footnoteReference w:id="1"/>');
    expect(en.xml['word/footnotes.xml']).toContain('CECOP - CICOPA Europe, Labour integration of refugees: the cooperative formula');
    // A source cited again refers to the same footnote.
    expect(en.xml['word/document.xml']).toContain('NOTEREF _fnref3 \\f \\h');
  });

  it('has the appendix of amendments on a page of its own', () => {
    expect(final.xml['word/document.xml']).toMatch(/<w:pStyle w:val="OpinionAppendixTitle"\/><w:pageBreakBefore\/>/);
  });

  it('has internal notes with --notes only, styled as notes', () => {
    expect(withNotes.xml['word/document.xml']).toContain('<w:pStyle w:val="OpinionInternalNote"/>');
    expect(withNotes.xml['word/document.xml']).toContain('Internal: check the figures before the plenary.');
    expect(withoutNotes.xml['word/document.xml']).not.toContain('OpinionInternalNote');
    expect(withoutNotes.xml['word/document.xml']).not.toContain('Internal: check the figures');
  });
});

describe.skipIf(skipWithout(hasPandoc()))('the Word draft read back with pandoc', () => {
  it.each([
    ['en', () => en, 'Conclusions and recommendations'],
    ['fr', () => fr, 'Conclusions et recommandations'],
  ])('reads cleanly in %s: the header table as a table, footnotes as footnotes, chapters as headings', (_, get, chapter) => {
    const run = pandoc(get().docx, 'docx', ['-t', 'markdown', '--wrap=none']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}-{10,} +-{10,}$/m);
    expect(run.stdout).toContain('[^1]');
    expect(run.stdout).toMatch(/^\[\^1\]: CECOP - CICOPA Europe/m);
    expect(run.stdout).toMatch(new RegExp(`^1\\.  # ${chapter} \\{`, 'm'));
  });

  it.each([
    ['the sample in English', () => en, true],
    ['the sample in French', () => fr, true],
    ['a final text with an appendix', () => final, false],
    ['a draft with notes, lists, a table and an unnumbered chapter', () => withNotes, true],
  ])('has the text of the Markdown output, paragraph by paragraph, and its footnotes: %s', (_, get, footnotes) => {
    const word = pandocJson(get().docx, 'docx');
    const markdown = pandocJson(get().markdown, 'md');
    expect(word.stderr).toBe('');
    const texts = blockTexts(markdown.ast);
    expect(texts.length).toBeGreaterThan(10);
    expect(blockTexts(word.ast)).toEqual(texts);
    const notes = noteTexts(markdown.ast);
    expect(notes.length > 0).toBe(footnotes);
    expect(noteTexts(word.ast)).toEqual(notes);
  });
});

describe('numbers Word cannot count', () => {
  it('are written as text before a tab, for the whole document, when the numbers have a gap', async () => {
    const num = (value: string) => ({ type: 'text' as const, value, data: { hProperties: { className: ['num'] } } });
    const classed = <T extends object>(node: T, className: string) => ({ ...node, data: { hProperties: { className: className.split(' ') } } });
    const tree: Root = {
      type: 'root',
      children: [
        classed({ type: 'heading' as const, depth: 2 as const, children: [num('1.'), { type: 'text' as const, value: ' Conclusions' }] }, 'chapter'),
        classed({ type: 'paragraph' as const, children: [num('1.1'), { type: 'text' as const, value: ' First.' }] }, 'point'),
        classed({ type: 'paragraph' as const, children: [num('1.3'), { type: 'text' as const, value: ' Third, after a gap.' }] }, 'point'),
      ],
    };
    const bytes = await packWord(toWord(tree, { lang: 'en', numbering: 'eesc', title: 'Gap', date: new Date('2018-01-01T00:00:00Z') }));
    const document = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(document).not.toContain('<w:numPr>');
    expect(document).toContain('<w:t xml:space="preserve">1.3</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Third, after a gap.</w:t>');
    expect(document).toContain('<w:t xml:space="preserve">1.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Conclusions</w:t>');
  });
});
