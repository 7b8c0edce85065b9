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

/** White space as JavaScript's `\s` knows it. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code > 127 &&
      (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff))
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLetterOrDigit(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

const cache = new Map<string, Counts>();

/** Characters with and without spaces, and words, in one pass (code points, not UTF-16 units); kept for the next call with the same text. */
export function countText(text: string): Counts {
  const cached = cache.get(text);
  if (cached) return cached;
  let characters = 0;
  let charactersNoSpaces = 0;
  let words = 0;
  let inWord = false;
  let wordCounts = false;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair: its code point is counted at the first.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    if (isSpace(code)) {
      if (inWord && wordCounts) words++;
      inWord = false;
      wordCounts = false;
      pendingSpace = characters > 0;
      continue;
    }
    if (pendingSpace) characters++;
    pendingSpace = false;
    characters++;
    charactersNoSpaces++;
    inWord = true;
    if (!wordCounts && isLetterOrDigit(text, i, code)) wordCounts = true;
  }
  if (inWord && wordCounts) words++;
  const counts = { characters, charactersNoSpaces, words };
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
