/**
 * Numeric cross-references in a text: "point 3.2", "points 1.3 and 1.4",
 * "chapter 2", "footnote 4" (and their equivalents in the EU languages), or
 * the spans a built draft marks as references. Their numbers are compared
 * through the alignment of the two versions, so that a reference whose label
 * changed only because its target was renumbered is not a change.
 */
import { CHAPTER_WORDS, FOOTNOTE_WORDS, JOIN_WORDS, POINT_WORDS } from './reference-words.js';

export interface RefNumber {
  /** Offset of the number in the text. */
  start: number;
  end: number;
  /** The number as written, without trailing dot: "3.2", "4". */
  number: string;
  /** What the number counts: points, headings and chapters, or footnotes. */
  space: 'point' | 'footnote';
  /** The id of the target, when the draft says which item is referred to. */
  target?: string;
}

export interface MarkedRef {
  target: string;
  start: number;
  end: number;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape).join('|');

const NUMBER = String.raw`\d+(?:\.\d+)*`;
const JOIN = String.raw`(?:\s*[,;–—-]\s*|\s+(?:${alternatives(JOIN_WORDS)})\s+)`;
const LIST = String.raw`${NUMBER}(?:${JOIN}${NUMBER})*`;
const BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const AFTER = String.raw`(?![\p{L}\p{N}]|\.\d)`;
const KEYWORD_REFERENCE = new RegExp(
  String.raw`${BEFORE}(?:(${alternatives(POINT_WORDS)})|(${alternatives(CHAPTER_WORDS)})|(${alternatives(FOOTNOTE_WORDS)}))\.?\s+(${LIST})${AFTER}`,
  'giu',
);
const NUMBER_IN_LIST = /\d+(?:\.\d+)*/g;

/** References found from the wording of a text (drafts without marked references). */
export function findReferences(text: string): RefNumber[] {
  const found: RefNumber[] = [];
  if (!/\d/.test(text)) return found;
  KEYWORD_REFERENCE.lastIndex = 0;
  for (let match = KEYWORD_REFERENCE.exec(text); match; match = KEYWORD_REFERENCE.exec(text)) {
    const list = match[4] ?? '';
    const listStart = match.index + match[0].length - list.length;
    const space = match[3] ? 'footnote' : 'point';
    NUMBER_IN_LIST.lastIndex = 0;
    for (let number = NUMBER_IN_LIST.exec(list); number; number = NUMBER_IN_LIST.exec(list)) {
      const dotted = number[0].includes('.');
      // Point words take multi-level numbers, footnote words integers, chapter words either.
      if ((match[1] && !dotted) || (match[3] && dotted)) continue;
      const start = listStart + number.index;
      found.push({ start, end: start + number[0].length, number: number[0], space });
    }
  }
  return found;
}

/**
 * References of a point: the spans the draft marks (with their target), and
 * those found from the wording outside them. Sorted by offset.
 */
export function referencesOf(text: string, marked: readonly MarkedRef[] | undefined): RefNumber[] {
  const result: RefNumber[] = [];
  for (const ref of marked ?? []) {
    const label = text.slice(ref.start, ref.end);
    // The number of the label: the last number in it ("point 3.2" → "3.2", "(4)" → "4").
    let last: RegExpExecArray | undefined;
    NUMBER_IN_LIST.lastIndex = 0;
    for (let number = NUMBER_IN_LIST.exec(label); number; number = NUMBER_IN_LIST.exec(label)) last = number;
    if (!last) continue;
    const start = ref.start + last.index;
    const footnote = /^\s*[([]?\d+[)\]]?\s*$/.test(label) || /^\p{No}+$/u.test(label);
    result.push({ start, end: start + last[0].length, number: last[0], space: footnote ? 'footnote' : 'point', target: ref.target });
  }
  const covered = (at: number): boolean => (marked ?? []).some((ref) => at >= ref.start && at < ref.end);
  for (const ref of findReferences(text)) if (!covered(ref.start)) result.push(ref);
  return result.sort((a, b) => a.start - b.start);
}

/** The text with every reference number replaced by `#`: equal for texts that differ only in references. */
export function maskReferences(text: string, refs: readonly RefNumber[]): string {
  if (refs.length === 0) return text;
  let masked = '';
  let at = 0;
  for (const ref of refs) {
    masked += text.slice(at, ref.start) + '#';
    at = ref.end;
  }
  return masked + text.slice(at);
}
