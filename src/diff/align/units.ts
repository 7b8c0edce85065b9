/**
 * A draft flattened into the sequences that are aligned: the body (chapter
 * titles, sub-headings and points in reading order) and the footnotes.
 */
import type { Located } from '../../core/model.js';
import type { Draft } from '../../core/draft.js';
import type { Element } from '../types.js';
import { maskReferences, referencesOf, type RefNumber } from '../text/references.js';
import { featuresOf, sizeOf, type Features } from '../text/similarity.js';

export interface Unit {
  /** Position in its sequence. */
  index: number;
  element: Element;
  number: string;
  id?: string;
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
}

export interface Units {
  body: Unit[];
  footnotes: Unit[];
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** Unicode-normalised (NFC) text with runs of whitespace as one space. */
export function normalise(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  return NON_ASCII.test(collapsed) ? collapsed.normalize('NFC') : collapsed;
}

function unit(
  index: number,
  element: Element,
  fields: { number: string; id?: string; text: string; at?: Located; reason?: string; chapter: number; chapterInfo?: { number?: string; title: string } },
  marked?: readonly { target: string; start: number; end: number }[],
): Unit {
  const refs = referencesOf(fields.text, marked);
  const result: Unit = { index, element, number: fields.number, text: fields.text, refs, masked: normalise(maskReferences(fields.text, refs)), chapter: fields.chapter };
  if (fields.id) result.id = fields.id;
  if (fields.at) result.at = fields.at;
  if (fields.reason) result.reason = fields.reason;
  if (fields.chapterInfo) result.chapterInfo = fields.chapterInfo;
  return result;
}

export function unitsOf(draft: Draft): Units {
  const body: Unit[] = [];
  for (const chapter of draft.chapters) {
    const chapterIndex = body.length;
    const chapterInfo = chapter.number ? { number: chapter.number, title: chapter.title } : { title: chapter.title };
    body.push(unit(chapterIndex, 'chapter', { number: chapter.number ?? '', id: chapter.id, text: chapter.title, chapter: chapterIndex, chapterInfo }));
    for (const point of chapter.points) {
      body.push(
        unit(
          body.length,
          point.heading ? 'heading' : 'point',
          { number: point.number, id: point.id, text: point.text, at: point.at, reason: point.reason, chapter: chapterIndex, chapterInfo },
          point.refs,
        ),
      );
    }
  }
  const footnotes = draft.footnotes.map((footnote, index) => unit(index, 'footnote', { number: footnote.number, id: footnote.id, text: footnote.text, chapter: -1 }));
  return { body, footnotes };
}

const featureCache = new WeakMap<Unit, { features: Features; size: number }>();

/** Word features of a unit's text (references masked), computed once. */
export function featuresOfUnit(unit: Unit): { features: Features; size: number } {
  let cached = featureCache.get(unit);
  if (!cached) {
    const features = featuresOf(unit.masked);
    cached = { features, size: sizeOf(features) };
    featureCache.set(unit, cached);
  }
  return cached;
}
