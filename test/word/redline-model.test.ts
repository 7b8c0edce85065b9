import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDrafts } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { redlineModel } from '../../src/diff/format/word/model.js';
import { acceptAll, rejectAll } from '../../src/diff/format/word/views.js';
import { redlineDocx } from '../../src/diff/format/word/index.js';
import { draftFromDocx } from '../../src/drafts/word-file.js';
import type { Draft } from '../../src/core/draft.js';

const DIFF_FIXTURES = join(import.meta.dirname, '..', 'diff', 'fixtures');

function drafts(dir: string): { old: Draft; new: Draft } {
  const read = (name: string) => parseMarkdownDraft(readFileSync(join(dir, name), 'utf8'), name).draft;
  return { old: read('old.md'), new: read('new.md') };
}

/** A draft's body paragraphs as Word shows them: chapter titles, headings and points, each paragraph of a point. */
export function draftParagraphs(draft: Draft): { number?: string; text: string }[] {
  const split = (text: string) =>
    text
      .split(/\n{2,}/u)
      .map((p) => p.replace(/\s+/gu, ' ').trim())
      .filter(Boolean);
  return draft.chapters.flatMap((chapter) => [
    ...(chapter.title ? [chapter.number ? { number: chapter.number, text: chapter.title.replace(/\s+/gu, ' ').trim() } : { text: chapter.title }] : []),
    ...chapter.points.flatMap((point) => split(point.text).map((text, i) => (i === 0 && point.number ? { number: point.number, text } : { text }))),
  ]);
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/**
 * The same paragraphs with each footnote as `[^its text]` where the text
 * calls it; `firstOnly`: a further call of a footnote shows nothing (as a
 * reader that leaves out `NOTEREF` fields, such as pandoc, reads it).
 */
export function draftMarked(draft: Draft, firstOnly = false): string[] {
  const footnotes = new Map(draft.footnotes.map((footnote) => [footnote.number, collapse(footnote.text)]));
  const called = new Set<string>();
  const marked = (text: string, notes: readonly { offset: number; number: string }[]): string => {
    let out = '';
    let at = 0;
    for (const note of notes) {
      const again = called.has(note.number);
      called.add(note.number);
      out += text.slice(at, note.offset) + (again && firstOnly ? '' : `[^${footnotes.get(note.number)}]`);
      at = note.offset;
    }
    return out + text.slice(at);
  };
  const split = (text: string) =>
    text
      .split(/\n{2,}/u)
      .map(collapse)
      .filter(Boolean);
  return draft.chapters.flatMap((chapter) => [
    ...(chapter.title ? [collapse(chapter.title)] : []),
    ...chapter.points.flatMap((point) => split(marked(point.text, point.notes ?? []))),
  ]);
}

const strip = (paragraphs: { number?: string; text: string }[]) => paragraphs.map(({ number, text }) => (number === undefined ? { text } : { number, text }));

const FIXTURES = [
  ...[
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
    'ids',
    'unicode',
    'word-converted',
    'redline',
  ].map((name) => [name, join(DIFF_FIXTURES, name)] as const),
  ...['mixed', 'notes', 'moved-notes'].map((name) => [name, join(import.meta.dirname, 'redline', name)] as const),
];

describe('redline model', () => {
  for (const [name, dir] of FIXTURES) {
    it(`accept all gives the new draft and reject all the old one, footnotes where they are called: ${name}`, () => {
      const pair = drafts(dir);
      const model = redlineModel(diffDrafts(pair.old, pair.new), pair);
      expect(strip(acceptAll(model.body))).toEqual(draftParagraphs(pair.new));
      expect(strip(rejectAll(model.body))).toEqual(draftParagraphs(pair.old));
      expect(acceptAll(model.body).map((paragraph) => paragraph.marked)).toEqual(draftMarked(pair.new));
      expect(rejectAll(model.body).map((paragraph) => paragraph.marked)).toEqual(draftMarked(pair.old));
      // Every footnote is called from a point: none is left for the list at the end.
      expect(model.footnotes).toEqual([]);
    });
  }

  it('shows a point left empty (its number typed, its text to come) as its numbered paragraph: added, deleted or kept', async () => {
    const dir = join(DIFF_FIXTURES, 'added');
    const read = (text: string, name: string) => parseMarkdownDraft(text, name).draft;
    const before = readFileSync(join(dir, 'old.md'), 'utf8');
    const empty = readFileSync(join(dir, 'new.md'), 'utf8').replace(/^2\.4 .*$/mu, '2.4');
    const later = empty.replace('a fifth of whom', 'one fifth of whom');
    // Paragraphs of a draft as Word shows them, with the empty point 2.4 after point 2.3.
    const withEmpty = (draft: Draft) => {
      const paragraphs = draftParagraphs(draft);
      const at = paragraphs.findIndex((paragraph) => paragraph.number === '2.3') + 1;
      return [...paragraphs.slice(0, at), { number: '2.4', text: '' }, ...paragraphs.slice(at)];
    };
    for (const [old, neu, accepted, rejected] of [
      [before, empty, withEmpty, draftParagraphs],
      [empty, before, draftParagraphs, withEmpty],
      [empty, later, withEmpty, withEmpty],
    ] as const) {
      const pair = { old: read(old, 'old.md'), new: read(neu, 'new.md') };
      const model = redlineModel(diffDrafts(pair.old, pair.new), pair);
      expect(strip(acceptAll(model.body))).toEqual(accepted(pair.new));
      expect(strip(rejectAll(model.body))).toEqual(rejected(pair.old));
    }
    // The Word file read back (Accept All) is the new version: its empty point 2.4 is not lost.
    const pair = { old: read(before, 'old.md'), new: read(empty, 'new.md') };
    const bytes = await redlineDocx(diffDrafts(pair.old, pair.new), pair);
    const back = await draftFromDocx(bytes, 'redline.docx');
    expect(diffDrafts(pair.new, back.draft).identical).toBe(true);
  });

  it('keeps, deletes and inserts the marks and the footnotes of the notes fixture', () => {
    const pair = drafts(join(import.meta.dirname, 'redline', 'notes'));
    const model = redlineModel(diffDrafts(pair.old, pair.new), pair);
    const marks = model.body.flatMap((paragraph) => paragraph.runs.filter((run) => run.note));
    const held = marks.flatMap((run) =>
      run.note && 'key' in run.note ? [{ revision: run.revision, text: acceptAll(run.note.footnote)[0]?.text ?? rejectAll(run.note.footnote)[0]?.text }] : [],
    );
    expect(held).toEqual([
      { revision: undefined, text: 'Eurostat, Migrant integration statistics, 2019 edition.' },
      { revision: 'ins', text: 'Cooperatives Europe, "Camelot: a cooperative in Ferrara", June 2017.' },
      { revision: 'del', text: 'S. Zamagni, The cooperative enterprise, 2010.' },
      { revision: undefined, text: 'SPRAR: Sistema di Protezione per Richiedenti Asilo e Rifugiati.' },
      // The mark moved within the point: inserted at its new place, deleted at its old one (later in the text).
      { revision: 'ins', text: 'European Investment Fund, Microfinance in Europe, 2017.' },
      { revision: 'del', text: 'European Investment Fund, Microfinance in Europe, 2017.' },
      { revision: 'del', text: 'European Court of Auditors, Special report 2/2018.' },
      { revision: undefined, text: 'CEV, Volunteering and refugees, 2017.' },
      { revision: 'ins', text: 'CECOP, Training for cooperators, 2018.' },
    ]);
    // The SPRAR footnote is called again: once in both versions, once in the new one only (Word's NOTEREF).
    const repeats = marks.flatMap((run) => (run.note && 'repeats' in run.note ? [{ revision: run.revision, number: run.note.number }] : []));
    expect(repeats).toEqual([
      { revision: undefined, number: '3' },
      { revision: 'ins', number: '3' },
    ]);
    // The footnote whose text changed is one footnote with its change tracked inside it.
    const eurostat = marks[0]?.note as { footnote: { runs: { text: string; revision?: string }[] }[] };
    expect(eurostat.footnote[0]?.runs.filter((run) => run.revision)).toEqual([
      { text: '2018', revision: 'del' },
      { text: '2019', revision: 'ins' },
    ]);
  });
});
