/**
 * Word tokens for word-level comparison, as `Intl.Segmenter` gives them
 * (Unicode word boundaries, UAX #29 with the locale's tailoring): words,
 * numbers ("3.2", "5,000"), each punctuation mark, and runs of whitespace, so
 * that a text is exactly the concatenation of its tokens. Text in the
 * scripts of the EU languages goes through an equivalent shortcut
 * (fast-tokenize.ts); the segmenter is created only when a text needs it.
 */
import { fastSegmentable, fastSegments, fastWordCount } from './fast-tokenize.js';

export interface Token {
  text: string;
  /** Offset of the token in the text. */
  start: number;
  /** A word or number (not punctuation or whitespace). */
  word: boolean;
  /** What comparison looks at: the text, except that all whitespace compares equal. */
  key: string;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    const tag = locale && Intl.Segmenter.supportedLocalesOf([locale]).length > 0 ? locale : 'und';
    segmenter = new Intl.Segmenter(tag, { granularity: 'word' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

const WHITESPACE = /^\s+$/u;

/** Segments from `Intl.Segmenter`: text, offset, word-like. */
export function segmenterSegments(text: string, locale?: string): { text: string; start: number; word: boolean }[] {
  return Array.from(segmenterFor(locale).segment(text), ({ segment, index, isWordLike }) => ({ text: segment, start: index, word: Boolean(isWordLike) }));
}

/**
 * Characters that print nothing: the soft hyphen (Word's optional hyphen, kept by pandoc), the
 * zero-width space, the word joiner and the zero-width no-break space. The Word reader drops them;
 * in other text they compare as nothing.
 */
export const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/gu;
const ONLY_INVISIBLE = /^[\u00ad\u200b\u2060\ufeff]+$/u;

export function tokenize(text: string, locale?: string): Token[] {
  const fast = fastSegmentable(text);
  const segments = fast ? fastSegments(text) : segmenterSegments(text, locale);
  const tokens: Token[] = [];
  // Invisible characters before the first token, given to it.
  let pending: { text: string; start: number } | undefined;
  for (const { text: segment, start, word } of segments) {
    const last = tokens[tokens.length - 1];
    if (!fast && ONLY_INVISIBLE.test(segment)) {
      // Printing nothing, it belongs to the token before it (or after it, at the start) and changes no key.
      if (last) last.text += segment;
      else pending = { text: (pending?.text ?? '') + segment, start: pending?.start ?? start };
      continue;
    }
    const space = !word && WHITESPACE.test(segment);
    if (space && last && last.key === ' ') {
      // Merge runs of whitespace the segmenter returns in pieces ("\n" then "\n").
      last.text += segment;
      continue;
    }
    const key = space ? ' ' : fast ? segment : segment.replace(INVISIBLE, '');
    tokens.push(pending ? { text: pending.text + segment, start: pending.start, word, key } : { text: segment, start, word, key });
    pending = undefined;
  }
  if (pending) tokens.push({ text: pending.text, start: pending.start, word: false, key: '' });
  return tokens;
}

/** Count the word tokens of a text (for added or deleted items). */
export function countWordTokens(text: string, locale?: string): number {
  if (fastSegmentable(text)) return fastWordCount(text);
  let count = 0;
  for (const segment of segmenterFor(locale).segment(text)) if (segment.isWordLike) count++;
  return count;
}

/** A text as its leading whitespace, its core and its trailing whitespace (marks of changes go around the core). */
export function splitSpace(text: string): [string, string, string] {
  let from = 0;
  while (from < text.length && /\s/u.test(text.charAt(from))) from++;
  let to = text.length;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
  return [text.slice(0, from), text.slice(from, to), text.slice(to)];
}
