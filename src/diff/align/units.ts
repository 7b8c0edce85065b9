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

/** Unicode white space other than U+0020 (as `\\s` in JavaScript). */
const isOtherSpace = (code: number): boolean =>
  (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/** Unicode-normalised (NFC) text with runs of whitespace as one space. */
export function normalise(text: string): string {
  // One pass to see whether anything needs doing: most texts need nothing.
  let spaces = text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code === 32 ? text.charCodeAt(i + 1) === 32 : code < 32 && isOtherSpace(code)) spaces = true;
    } else {
      ascii = false;
      if (isOtherSpace(code)) spaces = true;
    }
  }
  const collapsed = spaces ? text.replace(/\s+/g, ' ').trim() : text;
  return ascii ? collapsed : collapsed.normalize('NFC');
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
