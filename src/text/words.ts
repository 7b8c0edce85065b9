/**
 * Counting as a word processor does: a word is a run of non-space
 * characters holding at least one letter or digit (so `third-country`,
 * `l'intégration` and `2014/24/EU` are one word each, a lone `–` none);
 * characters are Unicode code points, with runs of white space read as
 * one space. The one counter of words and characters: the text model, the
 * check rules, `stats` and (`charactersWithoutSpaces`) the length of a
 * rendered draft (`render/length.ts`).
 */

export interface Counts {
  /** Characters, a run of white space counting as one space. */
  characters: number;
  /** Characters other than white space. */
  charactersNoSpaces: number;
  words: number;
}

const cache = new Map<string, Counts>();
/** A word: a run of non-space characters holding a letter or a digit (matched whole, from its first character). */
const WORD = /\S*[\p{L}\p{N}]\S*/gu;
/** A run of white space between two characters (the text trimmed): one space each. */
const INNER_SPACE = /\s+/g;

/**
 * Characters with and without spaces, and words (code points, not UTF-16
 * units), kept for the next call with the same text. Counted by regular
 * expressions, which run as native code: a loop over every character ran in
 * V8's interpreter in a one-shot command (the sentences of `check` on the
 * sample spent 5.6 ms there). test/build/length-count.test.ts holds them to
 * that loop, the definition, on every kind of white space and surrogate.
 */
export function countText(text: string): Counts {
  const cached = cache.get(text);
  if (cached) return cached;
  const charactersNoSpaces = charactersWithoutSpaces(text);
  const characters = charactersNoSpaces === 0 ? 0 : charactersNoSpaces + (text.trim().match(INNER_SPACE)?.length ?? 0);
  const counts = { characters, charactersNoSpaces, words: text.match(WORD)?.length ?? 0 };
  if (cache.size > 50_000) cache.clear();
  cache.set(text, counts);
  return counts;
}

export function countWords(text: string): number {
  return countText(text).words;
}

const SPACES = /\s+/g;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Characters other than white space, in code points: `countText(text).charactersNoSpaces`
 * alone, found by regular expressions, which run as native code, instead of the
 * loop over every character, which a one-shot build runs in V8's interpreter
 * (half of resolving a 200-point opinion went there): the length of a rendered
 * draft (render/length.ts) and of the text model's blocks (check/context.ts, check/length.ts). test/build/length-count.test.ts holds the two to each other.
 */
export function charactersWithoutSpaces(text: string): number {
  const units = text.replace(SPACES, '').length;
  // A surrogate pair is one character; white space never stands inside one.
  return HIGH_SURROGATE.test(text) ? units - (text.match(SURROGATE_PAIRS)?.length ?? 0) : units;
}
