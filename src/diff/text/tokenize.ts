/**
 * Word tokens for word-level comparison, from `Intl.Segmenter` (Unicode word
 * boundaries, UAX #29 with the locale's tailoring): words, numbers ("3.2",
 * "5,000"), each punctuation mark, and runs of whitespace, so that a text is
 * exactly the concatenation of its tokens.
 */

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

export function tokenize(text: string, locale?: string): Token[] {
  const tokens: Token[] = [];
  for (const { segment, index, isWordLike } of segmenterFor(locale).segment(text)) {
    const space = !isWordLike && WHITESPACE.test(segment);
    const last = tokens[tokens.length - 1];
    if (space && last && last.key === ' ') {
      // Merge runs of whitespace the segmenter returns in pieces ("\n" then "\n").
      last.text += segment;
      continue;
    }
    tokens.push({ text: segment, start: index, word: Boolean(isWordLike), key: space ? ' ' : segment });
  }
  return tokens;
}

/** Count the word tokens of a text (for added or deleted items). */
export function countWords(text: string, locale?: string): number {
  let count = 0;
  for (const segment of segmenterFor(locale).segment(text)) if (segment.isWordLike) count++;
  return count;
}
