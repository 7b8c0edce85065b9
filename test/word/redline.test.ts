/**
 * The Word redline read back by an independent reader (pandoc): Accept All
 * gives the new draft's paragraphs and Reject All the old draft's, each
 * footnote where the text first calls it, revisions carry their author and
 * date, moves are Word's moves with their comments, and renumbering alone
 * is no revision. The
 * amendment sheet is read back as a table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/core/draft.js';
import { diffDrafts } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { loadDrafts } from '../../src/drafts/load.js';
import { amendmentsDocx } from '../../src/diff/format/word/amendments.js';
import { defaultAuthor, defaultDate, redlineDocx, redlineModel, type RedlineOptions } from '../../src/diff/format/word/index.js';
import { redlineDocument } from '../../src/diff/format/word/word.js';
import { packWord } from '../../src/word/document.js';
import { draftMarked, draftParagraphs } from './redline-model.test.js';
import { skipWithout } from '../helpers.js';
import { hasPandoc, readWord, type ReadParagraph } from './redline-pandoc.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIFF_FIXTURES = join(ROOT, 'test', 'diff', 'fixtures');
const OWN_FIXTURES = join(import.meta.dirname, 'redline');

interface Pair {
  old: Draft;
  new: Draft;
}

function markdownPair(dir: string): Pair {
  const read = (name: string) => parseMarkdownDraft(readFileSync(join(dir, name), 'utf8'), name).draft;
  return { old: read('old.md'), new: read('new.md') };
}

async function redline(pair: Pair, options: RedlineOptions = {}): Promise<Uint8Array> {
  return redlineDocx(diffDrafts(pair.old, pair.new), pair, options);
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** A paragraph read back, without a number written as text (`1.1\t`, `(3)\t`). */
const withoutLiteralNumber = (paragraph: ReadParagraph): string => paragraph.text.replace(/^(?:\(\d+\)|\d+(?:\.\d+)*\.?)\s+/u, '');

/**
 * The body as read back: from the first chapter title, as many paragraphs as
 * the draft has. pandoc keeps a heading whose paragraph mark is deleted
 * (inserted) as an empty heading after Accept (Reject) All, where Word removes
 * it: empty paragraphs are left out (the marks are checked in the XML).
 */
function body(read: ReadParagraph[], draft: Draft, marked = false): string[] {
  const expected = draftParagraphs(draft);
  const first = expected[0]?.text;
  const kept = read.filter((paragraph) => withoutLiteralNumber(paragraph) !== '');
  const start = Math.max(kept.map(withoutLiteralNumber).indexOf(first ?? ''), 0);
  return kept
    .slice(start, start + expected.length)
    .map((paragraph) => (marked ? withoutLiteralNumber({ ...paragraph, text: paragraph.marked }) : withoutLiteralNumber(paragraph)));
}

const texts = (draft: Draft): string[] => draftParagraphs(draft).map((paragraph) => paragraph.text);
const nonEmptyRows = (rows: string[][]): string[][] => rows.filter((row) => row.some((cell) => cell !== ''));
const tableRows = (draft: Draft): string[][] =>
  draft.header
    .filter((field) => !['stage', 'stage_purpose', 'version', 'reference', 'document', 'kind_line', 'preamble', 'closing'].includes(field.field))
    .map((field) => [field.label, field.value]);

/** Accept All reads as the new draft and Reject All as the old one: body paragraphs and header rows. */
function expectBothVersions(bytes: Uint8Array, pair: Pair): { accepted: ReturnType<typeof readWord>; rejected: ReturnType<typeof readWord> } {
  const accepted = readWord(bytes, 'accept');
  const rejected = readWord(bytes, 'reject');
  expect(body(accepted.paragraphs, pair.new)).toEqual(texts(pair.new));
  expect(body(rejected.paragraphs, pair.old)).toEqual(texts(pair.old));
  // Footnotes are real footnotes where the text first calls them (pandoc does not read the further calls, NOTEREF fields).
  expect(body(accepted.paragraphs, pair.new, true)).toEqual(draftMarked(pair.new, true));
  expect(body(rejected.paragraphs, pair.old, true)).toEqual(draftMarked(pair.old, true));
  expect(nonEmptyRows(accepted.rows)).toEqual(tableRows(pair.new));
  expect(nonEmptyRows(rejected.rows)).toEqual(tableRows(pair.old));
  return { accepted, rejected };
}

/**
 * `count` moves, each from one range and to one range of the same name (`move1`, `move2`…), each range closed with
 * its id; every paragraph in a range has its mark moved; moved-from text is `w:t`; no revision inside another; and
 * every revision id is unique.
 */
function expectMoves(xml: string, count: number): void {
  const names = (side: 'From' | 'To') => [...xml.matchAll(new RegExp(`<w:move${side}RangeStart w:id="(\\d+)" w:name="([^"]+)"`, 'gu'))];
  const from = names('From');
  const to = names('To');
  const expected = Array.from({ length: count }, (_, i) => `move${i + 1}`);
  expect(from.map((match) => match[2]).sort()).toEqual(expected);
  expect(to.map((match) => match[2]).sort()).toEqual(expected);
  for (const [side, starts] of [
    ['From', from],
    ['To', to],
  ] as const) {
    for (const start of starts) expect(xml).toContain(`<w:move${side}RangeEnd w:id="${start[1]}"/>`);
    for (const start of starts) {
      const opening = xml.lastIndexOf('<w:p>', xml.indexOf(start[0]));
      const range = xml.slice(opening, xml.indexOf(`<w:move${side}RangeEnd w:id="${start[1]}"/>`));
      const markOf = (p: string) => /<w:rPr><w:(\w+) /u.exec(/<w:pPr>(.*?)<\/w:pPr>/u.exec(p)?.[1] ?? '')?.[1];
      const marks = range.split('<w:p>').slice(1).map(markOf);
      const edit = side === 'From' ? 'del' : 'ins';
      if (!range.includes(`<w:${edit} `)) {
        // A move without edits: every mark moved with its text.
        expect(new Set(marks)).toEqual(new Set([`move${side}`]));
        continue;
      }
      // Moved and edited: a mark is moved where its paragraph's last run is, else inserted (deleted); the last mark may
      // stay, the mark of the paragraph before the range inserted (deleted) in its place (LibreOffice's Reject and Accept All).
      const last = marks.pop();
      for (const mark of marks) expect([`move${side}`, edit]).toContain(mark);
      if (last === undefined) {
        const before = xml.slice(xml.lastIndexOf('<w:p>', opening - 1), opening);
        expect(markOf(before)).toBe(edit);
      } else expect([`move${side}`, edit]).toContain(last);
    }
  }
  expect(xml).not.toMatch(/<w:moveFrom [^>]*[^/]>(?:(?!<\/w:moveFrom>).)*<w:delText/su);
  expect(xml).not.toMatch(/<w:(?:moveFrom|moveTo|ins|del) [^>]*>(?:<w:r>(?:(?!<\/w:r>).)*<\/w:r>)*<w:(?:moveFrom|moveTo|ins|del) /su);
  const ids = [...xml.matchAll(/<w:(?:ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart) w:id="(\d+)"/gu)].map((match) => match[1]);
  expect(new Set(ids).size).toBe(ids.length);
}

const CASES = [
  'added',
  'deleted',
  'modified',
  'moved',
  'moved-and-edited',
  'renumbering-only',
  'split',
  'merged',
  'header',
  'footnotes',
  'chapter-reordered',
  'merged-across-deleted',
  'split-across-added',
  'typography',
  'chapter-moved-with-notes',
  'split-unedited',
  'merged-unedited',
  'replaced',
  'last-point-added',
  'last-point-deleted',
  'no-closing-added',
  'no-closing-deleted',
  'oj-moved',
];

describe.skipIf(skipWithout(hasPandoc()))('Word redline read back by pandoc', () => {
  for (const [name, dir] of [
    ...CASES.map((name) => [name, join(DIFF_FIXTURES, name)] as const),
    ...['mixed', 'notes', 'moved-notes'].map((name) => [name, join(OWN_FIXTURES, name)] as const),
  ]) {
    it(`accept all gives the new text, reject all the old: ${name}`, async () => {
      const pair = markdownPair(dir);
      const { accepted, rejected } = expectBothVersions(await redline(pair, { author: 'Jane DOE', date: '2018-04-10' }), pair);
      if (pair.new.title) expect([accepted.title, ...accepted.paragraphs.map((p) => p.text)]).toContain(pair.new.title);
      if (pair.old.title) expect([rejected.title, ...rejected.paragraphs.map((p) => p.text)]).toContain(pair.old.title);
    });
  }

  it('tracks nothing where the diff finds no change: double and non-breaking spaces around footnote calls', async () => {
    const pair = markdownPair(join(DIFF_FIXTURES, 'spaces-at-footnotes'));
    const bytes = await redline(pair);
    const xml = parts(bytes)['word/document.xml'] as string;
    expect(xml).not.toMatch(/<w:(?:ins|del|moveFrom|moveTo) /u);
    // Nothing tracked: both views show the new spaces, the same words and footnotes as each version.
    const spaceless = (texts: string[]) => texts.map((text) => text.replace(/\s+(?=\[\^)/gu, ''));
    for (const [view, draft] of [
      ['accept', pair.new],
      ['reject', pair.old],
    ] as const) {
      const read = readWord(bytes, view).paragraphs;
      expect(body(read, draft)).toEqual(texts(draft));
      expect(spaceless(body(read, draft, true))).toEqual(spaceless(draftMarked(draft, true)));
    }
  });

  for (const name of ['split', 'merged', 'split-unedited', 'merged-unedited', 'merged-across-deleted', 'split-across-added']) {
    it(`shows a split or merge word by word, the text that survived kept: ${name}`, async () => {
      const xml = parts(await redline(markdownPair(join(DIFF_FIXTURES, name))))['word/document.xml'] as string;
      const deleted = [...xml.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/gu)].map((match) => match[1]).join(' ');
      expect(deleted).not.toMatch(/Camelot|two hundred|Commission to support/u);
    });
  }

  it('tracks the footnotes, header lines and closing of the mixed fixture', async () => {
    const pair = markdownPair(join(OWN_FIXTURES, 'mixed'));
    const bytes = await redline(pair);
    const accepted = readWord(bytes, 'accept').paragraphs.map((p) => p.text);
    const rejected = readWord(bytes, 'reject').paragraphs.map((p) => p.text);
    // Banner and version in one paragraph, one line after a line break, as the build lays them out.
    expect(accepted).toContain('DRAFT OPINION – version for the section meeting Version 2 of 10 April 2018');
    expect(rejected).toContain('PRELIMINARY DRAFT Version 1 of 2 March 2018');
    expect(accepted).toContain('Brussels, 23 May 2018.');
    // The footnotes are Word footnotes at their marks: no list of footnotes at the end.
    expect(accepted).not.toContain('Footnotes');
    expect(rejected).not.toContain('Footnotes');
  });

  describe('footnotes: real Word footnotes at their marks, their changes tracked', () => {
    let files: Record<string, string>;
    let bytes: Uint8Array;
    beforeAll(async () => {
      bytes = await redline(markdownPair(join(OWN_FIXTURES, 'notes')), { author: 'Jane DOE', date: '2018-04-10' });
      files = parts(bytes);
    });
    const paragraphWith = (start: string): string => (files['word/document.xml'] as string).split('<w:p>').find((p) => p.includes(start)) ?? '';

    it('keeps a mark of both versions and tracks the changed footnote text inside the footnote', () => {
      expect(paragraphWith('drivers of inclusion')).toMatch(
        /<w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r>/u,
      );
      const footnote = (files['word/footnotes.xml'] as string).match(/<w:footnote w:id="1">.*?<\/w:footnote>/su)?.[0] ?? '';
      expect(footnote).toMatch(/<w:del w:id="\d+" w:author="Jane DOE" w:date="2018-04-10T00:00:00Z"><w:r><w:delText xml:space="preserve">2018<\/w:delText>/u);
      expect(footnote).toMatch(/<w:ins w:id="\d+" w:author="Jane DOE" w:date="2018-04-10T00:00:00Z"><w:r><w:t xml:space="preserve">2019<\/w:t>/u);
    });

    it('inserts the mark of a footnote added with new text inside the insertion, and deletes one deleted with old text', () => {
      expect(paragraphWith('The Camelot cooperative')).toMatch(
        /<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="2"\/><\/w:r><\/w:ins>/u,
      );
      expect(paragraphWith('long history')).toMatch(
        /<w:del [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="3"\/><\/w:r><\/w:del>/u,
      );
      expect(files['word/footnotes.xml']).toMatch(/<w:footnote w:id="2">.*?<w:ins [^>]*><w:r><w:t xml:space="preserve">Cooperatives Europe/su);
      expect(files['word/footnotes.xml']).toMatch(/<w:footnote w:id="3">.*?<w:del [^>]*><w:r><w:delText xml:space="preserve">S\. Zamagni/su);
    });

    it('calls a footnote again with a NOTEREF field to its first mark, inserted where the call is new', () => {
      const sprar = paragraphWith('The SPRAR system');
      expect(sprar).toMatch(
        /<w:bookmarkStart w:name="_fnref4" w:id="\d+"\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="4"\/>/u,
      );
      expect(sprar.match(/NOTEREF _fnref4 \\f \\h/gu)).toHaveLength(2);
      expect(sprar).toMatch(
        /<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:fldChar w:fldCharType="begin"\/><w:instrText>NOTEREF _fnref4 \\f \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">3<\/w:t>/u,
      );
    });

    it('reads back, with Accept All, exactly the new footnotes and, with Reject All, the old ones', () => {
      const notes = (read: ReadParagraph[]) => read.map((paragraph) => paragraph.marked.match(/\[\^[^\]]*\]/gu) ?? []).flat();
      expect(notes(readWord(bytes, 'accept').paragraphs)).toEqual([
        '[^Eurostat, Migrant integration statistics, 2019 edition.]',
        '[^Cooperatives Europe, "Camelot: a cooperative in Ferrara", June 2017.]',
        '[^SPRAR: Sistema di Protezione per Richiedenti Asilo e Rifugiati.]',
        '[^European Investment Fund, Microfinance in Europe, 2017.]',
        '[^CEV, Volunteering and refugees, 2017.]',
        '[^CECOP, Training for cooperators, 2018.]',
      ]);
      expect(notes(readWord(bytes, 'reject').paragraphs)).toEqual([
        '[^Eurostat, Migrant integration statistics, 2018 edition.]',
        '[^S. Zamagni, The cooperative enterprise, 2010.]',
        '[^SPRAR: Sistema di Protezione per Richiedenti Asilo e Rifugiati.]',
        '[^European Investment Fund, Microfinance in Europe, 2017.]',
        '[^European Court of Auditors, Special report 2/2018.]',
        '[^CEV, Volunteering and refugees, 2016.]',
      ]);
    });

    it('gives the same bytes for the same drafts', async () => {
      const again = await redline(markdownPair(join(OWN_FIXTURES, 'notes')), { author: 'Jane DOE', date: '2018-04-10' });
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    });
  });

  describe("moves: Word's moves, linked by name, the edits beside the moved text", () => {
    const MOVED = [
      ['moved', join(DIFF_FIXTURES, 'moved'), 1],
      ['moved-and-edited', join(DIFF_FIXTURES, 'moved-and-edited'), 1],
      ['moved-notes', join(OWN_FIXTURES, 'moved-notes'), 2],
    ] as const;
    for (const [name, dir, count] of MOVED) {
      it(`writes each move from and to one range of the same name, marks and text moved (an edited move's last mark lent), no revision nested: ${name}`, async () => {
        const xml = parts(await redline(markdownPair(dir), { author: 'Jane DOE', date: '2018-04-10' }))['word/document.xml'] as string;
        expectMoves(xml, count);
      });
    }

    it('moves a footnote mark with its point and reads the footnotes right after Accept All and Reject All', async () => {
      const bytes = await redline(markdownPair(join(OWN_FIXTURES, 'moved-notes')), { author: 'Jane DOE', date: '2018-04-10' });
      const xml = parts(bytes)['word/document.xml'] as string;
      expect(xml).toMatch(
        /<w:moveFrom [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="\d+"\/><\/w:r><\/w:moveFrom>/u,
      );
      expect(xml).toMatch(/<w:moveTo [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="\d+"\/><\/w:r><\/w:moveTo>/u);
      // A further call of a footnote added by the edit is inserted with the words around it, beside the moved text.
      expect(xml).toMatch(
        /<w:ins [^>]*><w:r><w:t xml:space="preserve">and for SPRAR projects<\/w:t><\/w:r><\/w:ins><w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:fldChar w:fldCharType="begin"\/><w:instrText>NOTEREF/u,
      );
      const notes = (read: ReadParagraph[]) => read.map((paragraph) => paragraph.marked.match(/\[\^[^\]]*\]/gu) ?? []).flat();
      expect(notes(readWord(bytes, 'accept').paragraphs)).toContain('[^European Court of Auditors, Special report 3/2018.]');
      expect(notes(readWord(bytes, 'reject').paragraphs)).toContain('[^European Court of Auditors, Special report 2/2018.]');
    });

    it('leaves out the range markers, which need a date, when the revisions have none: the versions read the same', async () => {
      const pair = markdownPair(join(DIFF_FIXTURES, 'moved-and-edited'));
      const bytes = await packWord(redlineDocument(redlineModel(diffDrafts(pair.old, pair.new), pair), { author: 'Jane DOE', title: 'Moved' }));
      const xml = parts(bytes)['word/document.xml'] as string;
      expect(xml).not.toMatch(/<w:move(?:From|To)Range/u);
      expect(xml).toMatch(/<w:moveTo w:id="\d+" w:author="Jane DOE">/u);
      expectBothVersions(bytes, pair);
    });

    it('gives the same bytes for the same drafts', async () => {
      const pair = markdownPair(join(OWN_FIXTURES, 'moved-notes'));
      const [one, two] = await Promise.all([redline(pair, { date: '2018-04-10' }), redline(pair, { date: '2018-04-10' })]);
      expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    });
  });

  describe('the sample opinion: preliminary draft → section version', () => {
    let pair: Pair;
    let bytes: Uint8Array;
    beforeAll(async () => {
      const [old, neu] = await loadDrafts(['opinions/see-migrants-preliminary', 'opinions/see-migrants'], { cwd: ROOT });
      pair = { old: old.draft, new: neu.draft };
      bytes = await redline(pair);
    });

    it('accept all gives the new text and reject all the old one', () => {
      expectBothVersions(bytes, pair);
    });

    it('writes the footnotes at their marks, as the built draft does: point 1.5 calls the Camelot source', () => {
      const accepted = readWord(bytes, 'accept').paragraphs;
      const point = accepted.find((paragraph) => paragraph.text.includes('in the Ferrara area'));
      // English puts the call after the full stop (label `footnote-call: after-punctuation`).
      expect(point?.marked).toMatch(
        /in the Ferrara area\.\[\^CECOP - CICOPA Europe, Labour integration of refugees: the cooperative formula, https:\/\/cecop\.coop\/works\/labour-integration-of-refugees-the-cooperative-formula\.\]$/u,
      );
      const xml = parts(bytes);
      expect(xml['word/footnotes.xml']?.match(/<w:footnote w:id="\d+">/gu)).toHaveLength(pair.new.footnotes.length);
      expect(xml['word/document.xml']).not.toContain('>Footnotes<');
    });

    it('keeps the header lines of the built draft: banner, reference, document, kind line, closing', () => {
      const text = readWord(bytes, 'accept').paragraphs.map((p) => p.text);
      // The sample's reference is not known (a gap), it has no document number, and a version for the section meeting has no closing block.
      for (const line of ['[to be completed]', '(own-initiative opinion)']) expect(text).toContain(line);
      expect(text).not.toContain('Brussels, 23 May 2018.');
      const xml = strFromU8(unzipSync(bytes)['word/footer1.xml']!);
      expect(xml).toContain('[to be completed] (EN)');
    });

    it('numbers points with the Word list, so pandoc reads the numbers from the list structure', () => {
      const accepted = readWord(bytes, 'accept').paragraphs;
      const numbered = accepted.filter((p) => p.number !== undefined);
      expect(numbered.length).toBe(draftParagraphs(pair.new).filter((p) => p.number).length);
      // Chapters and the points before the first deletion are counted as Word counts them.
      expect(numbered.slice(0, 3).map((p) => p.number)).toEqual(['1', '1.1', '1.2']);
    });

    it('signs every revision with the rapporteur and the date of the new version', () => {
      expect(defaultAuthor(pair.new)).toBe('Giuseppe GUERINI');
      expect(defaultDate(pair.new)).toBe('2018-04-10');
      const xml = parts(bytes)['word/document.xml'] as string;
      const revisions = xml.match(/<w:(?:ins|del) [^>]*>/gu) ?? [];
      expect(revisions.length).toBeGreaterThan(20);
      for (const revision of revisions) expect(revision).toMatch(/w:author="Giuseppe GUERINI" w:date="2018-04-10T00:00:00Z"/u);
    });

    it('inserts an added point and deletes a deleted one with their paragraph marks', () => {
      const xml = parts(bytes)['word/document.xml'] as string;
      const paragraphs = xml.split('<w:p>').slice(1);
      const added = paragraphs.find((p) => p.includes('As Federico Tsucalas of the Camelot cooperative points out, cooperatives gain'));
      const deleted = paragraphs.find((p) => p.includes('The EESC suggests that SEEs receiving public funds'));
      expect(added).toMatch(/<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author/u);
      expect(deleted).toMatch(/<w:pPr>.*<w:rPr><w:del w:id="\d+" w:author/u);
    });

    it("writes the move as Word's move: the old point moved from 3.3.3 with the words it lost deleted, the new one moved to 3.5.1 with the words it gained inserted, its mark lent", () => {
      const files = parts(bytes);
      const xml = files['word/document.xml'] as string;
      expectMoves(xml, 1);
      const paragraphs = xml.split('<w:p>').slice(1);
      const source = paragraphs.find((p) => p.includes('<w:moveFromRangeStart ')) ?? '';
      const destination = paragraphs.find((p) => p.includes('<w:moveToRangeStart ')) ?? '';
      // Moved and edited, before a sub-heading: each place's mark stays, the mark of the point before it deleted (inserted)
      // in its place, so that LibreOffice's Accept All (Reject All) joins no heading into the point (docs/diff.md).
      const markOf = (p: string) => /<w:pPr>(.*?)<\/w:pPr>/u.exec(p)?.[1] ?? '';
      const before = (p: string) => paragraphs[paragraphs.indexOf(p) - 1] ?? '';
      expect(markOf(source)).not.toMatch(/<w:rPr>/u);
      expect(markOf(before(source))).toMatch(/<w:rPr><w:del w:id="\d+" w:author="Giuseppe GUERINI" w:date="2018-04-10T00:00:00Z"\/><\/w:rPr>$/u);
      expect(source).toMatch(/<w:moveFrom [^>]*><w:r><w:t xml:space="preserve"> form their own communities: in this way they <\/w:t>/u);
      expect(source).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">cooperatives in general<\/w:delText>/u);
      expect(markOf(destination)).not.toMatch(/<w:rPr>/u);
      expect(markOf(before(destination))).toMatch(/<w:rPr><w:ins w:id="\d+" w:author="Giuseppe GUERINI" w:date="2018-04-10T00:00:00Z"\/><\/w:rPr>$/u);
      expect(destination).toMatch(/<w:moveTo [^>]*><w:r><w:t xml:space="preserve"> form their own communities: in this way they begin to cooperate/u);
      expect(destination).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">the wider cooperative movement<\/w:t>/u);
      // The comments name the other place by its number, which the move itself does not show.
      expect(files['word/comments.xml']).toContain('Moved to point 3.5.1 and edited');
      expect(files['word/comments.xml']).toContain('Moved from point 3.3.3 and edited');
      const all = readWord(bytes, 'all')
        .paragraphs.map((p) => p.text)
        .join('\n');
      expect(all).toContain('Moved from point 3.3.3 and edited');
    });

    it('does not track renumbering: the renumbered points have no revision', () => {
      const xml = parts(bytes)['word/document.xml'] as string;
      const paragraphs = xml.split('<w:p>').slice(1);
      for (const start of ['SEEs mobilise volunteers, families, local business', 'The EESC therefore encourages regional and local a']) {
        const paragraph = paragraphs.find((p) => p.includes(start));
        expect(paragraph).toBeDefined();
        expect(paragraph).not.toMatch(/<w:(?:ins|del)\b/u);
        expect(paragraph).toMatch(/<w:numPr>/u);
      }
    });

    it('gives the same bytes for the same drafts', async () => {
      const again = await redline(pair);
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    });

    it('writes the amendment sheet as a table with a repeated header row', async () => {
      const result = diffDrafts(pair.old, pair.new);
      const sheet = await amendmentsDocx(result, { date: '2018-04-10' });
      const read = readWord(sheet, 'accept');
      expect(read.rows[0]).toEqual(['AM', 'Point', 'Section opinion', 'Amendment', 'Reason']);
      const rows = read.rows.slice(1);
      expect(rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
      expect(rows.map((row) => row[1])).toEqual([
        'Point 1.1 Amend as follows:',
        'Point 1.3 Amend as follows:',
        'Point 1.13 Amend as follows:',
        'Point 2.2 Amend as follows:',
        'Point 3.2.3 Delete the point.',
        'New point after point 3.2.2 Add a new point after point 3.2.2:',
        'Point 3.4.1 Amend as follows:',
        'Point 3.3.3 Move after point 3.5 and amend as follows:',
      ]);
      expect(rows[2]?.[4]).toMatch(/^Revised for the section meeting: in CECOP's article on Camelot/u);
      expect(parts(sheet)['word/document.xml']).toContain('<w:tblHeader/>');
      expect(Buffer.from(await amendmentsDocx(result, { date: '2018-04-10' })).equals(Buffer.from(sheet))).toBe(true);
    });
  });
});
