/**
 * A draft flattened into the sequences that are aligned: the body (chapter
 * titles, sub-headings and points in reading order) and the footnotes.
 */
import type { Located } from '../../core/model.js';
import type { Draft, DraftBlock, DraftNote } from '../../core/draft.js';
import type { Element, Side } from '../types.js';
import { maskReferences, referencesOf, type RefNumber } from '../text/references.js';
import { featuresOf, sizeOf, Vocabulary, type Features } from '../text/similarity.js';
import { INVISIBLE } from '../text/tokenize.js';

export interface Unit {
  /** Position in its sequence. */
  index: number;
  element: Element;
  number: string;
  id?: string;
  /** The Word bookmarks the item holds (a Word draft's): its cross-references point to them. */
  bookmarks?: string[];
  text: string;
  refs: RefNumber[];
  /** The text with reference numbers masked and whitespace collapsed: equal texts compare equal. */
  masked: string;
  /** Index of the chapter title unit this item belongs to (itself for a chapter), -1 if none. */
  chapter: number;
  /** The chapter's number and title (for chapters too). */
  chapterInfo?: { number?: string; title: string };
  at?: Located;
  reason?: string;
  /** The footnote marks in `text`. */
  notes?: DraftNote[];
  /** The blocks of a draft's point of several. */
  blocks?: DraftBlock[];
  /** Numbers the words of both versions, for similarity. */
  vocabulary: Vocabulary;
}

export interface Units {
  body: Unit[];
  footnotes: Unit[];
}

/** Whitespace to collapse: anything but single spaces inside the text (the same characters as `\\s`). */
const ODD_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;
const NON_ASCII = /[^\u0000-\u007f]/;

/** Unicode-normalised (NFC) text with runs of whitespace as one space. */
export function normalise(text: string): string {
  const collapsed = ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return NON_ASCII.test(collapsed) ? collapsed.replace(INVISIBLE, '').normalize('NFC') : collapsed;
}

function unit(
  index: number,
  element: Element,
  fields: Pick<Unit, 'number' | 'id' | 'bookmarks' | 'text' | 'at' | 'reason' | 'notes' | 'blocks' | 'chapter' | 'chapterInfo'>,
  vocabulary: Vocabulary,
  marked?: readonly { target: string; start: number; end: number }[],
): Unit {
  const refs = referencesOf(fields.text, marked);
  // Optional fields stay as given (undefined when absent): every reader tests them for truthiness.
  return { index, element, ...fields, refs, masked: normalise(maskReferences(fields.text, refs)), vocabulary };
}

/** The units of a draft; the drafts compared share one vocabulary. */
export function unitsOf(draft: Draft, vocabulary: Vocabulary = new Vocabulary()): Units {
  const body: Unit[] = [];
  for (const chapter of draft.chapters) {
    const chapterIndex = body.length;
    const chapterInfo = chapter.number ? { number: chapter.number, title: chapter.title } : { title: chapter.title };
    body.push(
      unit(
        chapterIndex,
        'chapter',
        { number: chapter.number ?? '', id: chapter.id, bookmarks: chapter.bookmarks, text: chapter.title, chapter: chapterIndex, chapterInfo },
        vocabulary,
      ),
    );
    for (const point of chapter.points) {
      body.push(
        unit(
          body.length,
          point.heading ? 'heading' : 'point',
          {
            number: point.number,
            id: point.id,
            bookmarks: point.bookmarks,
            text: point.text,
            at: point.at,
            reason: point.reason,
            notes: point.notes,
            blocks: point.blocks,
            chapter: chapterIndex,
            chapterInfo,
          },
          vocabulary,
          point.refs,
        ),
      );
    }
  }
  const footnotes = draft.footnotes.map((footnote, index) =>
    unit(index, 'footnote', { number: footnote.number, id: footnote.id, text: footnote.text, chapter: -1 }, vocabulary),
  );
  return { body, footnotes };
}

/** A unit as one side of a change or of an unchanged item. */
export function sideOf(unit: Unit): Side {
  const side: Side = { number: unit.number, text: unit.text };
  if (unit.id) side.id = unit.id;
  // Shared by the sides of a chapter's items: never changed after.
  if (unit.chapterInfo && unit.element !== 'chapter') side.chapter = unit.chapterInfo;
  if (unit.at) side.at = unit.at;
  if (unit.reason) side.reason = unit.reason;
  if (unit.notes) side.notes = unit.notes;
  if (unit.blocks) side.blocks = unit.blocks;
  if (unit.refs.some((ref) => ref.target !== undefined)) side.refs = unit.refs.filter((ref) => ref.target !== undefined);
  return side;
}

const featureCache = new WeakMap<Unit, { features: Features; size: number }>();

/** Word features of a unit's text (references masked), computed once. */
export function featuresOfUnit(unit: Unit): { features: Features; size: number } {
  let cached = featureCache.get(unit);
  if (!cached) {
    const features = featuresOf(unit.masked, unit.vocabulary);
    cached = { features, size: sizeOf(features) };
    featureCache.set(unit, cached);
  }
  return cached;
}
