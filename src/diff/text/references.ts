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

const POINT = new Set(POINT_WORDS);
const CHAPTER = new Set(CHAPTER_WORDS);
const FOOTNOTE = new Set(FOOTNOTE_WORDS);
const JOINERS = new Set(JOIN_WORDS);

const NUMBER = /\d+(?:\.\d+)*/g;
/** The word before a number: "point 3.2", "points. 3.2"; the word must not be the end of a longer one. */
const WORD_BEFORE = /(?<![\p{L}\p{N}])(\p{L}+)\.?\s+$/u;
/** What joins two numbers of one list: "1.3, 1.4", "1.3 – 1.5", "1.3 and 1.4". */
const JOIN = /^(?:\s*[,;–—-]\s*|\s+(\p{L}+)\s+)$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

type Space = RefNumber['space'] | undefined;

/** What a word before a number makes of it: a point (multi-level numbers), chapter (any) or footnote (integers) reference. */
function spaceAfter(word: string, dotted: boolean): Space {
  const key = word.toLowerCase();
  if (CHAPTER.has(key)) return 'point';
  if (POINT.has(key)) return dotted ? 'point' : undefined;
  if (FOOTNOTE.has(key)) return dotted ? undefined : 'footnote';
  return undefined;
}

/**
 * References found from the wording of a text (drafts without marked
 * references): each number, and the word before it or the list it continues.
 */
export function findReferences(text: string): RefNumber[] {
  const found: RefNumber[] = [];
  let previous: { end: number; space: 'point' | 'footnote'; word: string } | undefined;
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const next = text.charAt(end);
    if ((start > 0 && LETTER_OR_DIGIT.test(text.charAt(start - 1))) || (next !== '' && LETTER_OR_DIGIT.test(next))) {
      previous = undefined;
      continue;
    }
    const dotted = match[0].includes('.');
    let space: Space;
    if (previous) {
      const join = JOIN.exec(text.slice(previous.end, start));
      if (join && (join[1] === undefined || JOINERS.has(join[1].toLowerCase()))) space = spaceAfter(previous.word, dotted);
    }
    let word = previous?.word ?? '';
    if (!space) {
      const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
      word = before?.[1] ?? '';
      space = word ? spaceAfter(word, dotted) : undefined;
    }
    if (space) {
      found.push({ start, end, number: match[0], space });
      previous = { end, space, word };
    } else previous = undefined;
  }
  return found;
}

const LAST_NUMBER = /\d+(?:\.\d+)*/g;

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
    LAST_NUMBER.lastIndex = 0;
    for (let number = LAST_NUMBER.exec(label); number; number = LAST_NUMBER.exec(label)) last = number;
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
