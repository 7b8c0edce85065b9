/**
 * Counting as a word processor does: a word is a run of non-space
 * characters holding at least one letter or digit (so `third-country`,
 * `l'intégration` and `2014/24/EU` are one word each, a lone `–` none);
 * characters are Unicode code points, with runs of white space read as
 * one space.
 */

const WORD = /\S+/g;
const SPACE = /\s/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface Counts {
  /** Characters, a run of white space counting as one space. */
  characters: number;
  /** Characters other than white space. */
  charactersNoSpaces: number;
  words: number;
}

export function countText(text: string): Counts {
  let characters = 0;
  let charactersNoSpaces = 0;
  let space = false;
  let started = false;
  for (const char of text) {
    if (SPACE.test(char)) {
      space = started;
      continue;
    }
    if (space) characters++;
    space = false;
    started = true;
    characters++;
    charactersNoSpaces++;
  }
  return { characters, charactersNoSpaces, words: countWords(text) };
}

export function countWords(text: string): number {
  let words = 0;
  for (const match of text.matchAll(WORD)) if (HAS_LETTER_OR_DIGIT.test(match[0])) words++;
  return words;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Words as a reader splits them: letters and digits, joined by an inner
 * apostrophe; hyphens and slashes separate (`third-country` is `third`,
 * `country`), and `sep` tells what came before each token.
 */
export function wordTokens(text: string, start = 0, end = text.length): (Token & { sep: string })[] {
  const tokens: (Token & { sep: string })[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  re.lastIndex = start;
  let previous = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const stop = Math.min(end, m.index + m[0].length);
    tokens.push({ text: text.slice(m.index, stop), start: m.index, end: stop, sep: text.slice(previous, m.index) });
    previous = stop;
  }
  return tokens;
}
