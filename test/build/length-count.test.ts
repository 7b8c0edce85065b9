/**
 * Words and characters are counted by regular expressions (`countText`,
 * `charactersWithoutSpaces`, text/words.ts), held here to the definition,
 * written as a loop over every character (`byLoop`): a word is a run of
 * non-space characters holding a letter or digit; characters are code
 * points, a run of white space between two of them one space. They must
 * agree on every text: every kind of white space, surrogate pairs, lone and
 * doubled surrogates, combining marks, empty text.
 */
import { describe, expect, it } from 'vitest';
import { charactersWithoutSpaces, countText } from '../../src/text/words.js';
import { seededRandom } from '../helpers.js';

const PIECES = [
  'a',
  'é',
  'EESC',
  '2014/24/EU',
  '–',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2009',
  '\u200a',
  '\u200b',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '😀',
  '𝔸',
  '\ud83d',
  '\ude00',
  '\ude00\ud83d',
  'e\u0301',
  'ß',
  '«',
  '»',
];

/** White space as JavaScript's `\s` knows it. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The definition of the counts, one character at a time. */
function byLoop(text: string): { characters: number; charactersNoSpaces: number; words: number } {
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
    if (!wordCounts && /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i)!))) wordCounts = true;
  }
  if (inWord && wordCounts) words++;
  return { characters, charactersNoSpaces, words };
}

describe('counting words and characters', () => {
  it('counts as the definition does, and the characters without spaces of a draft alike', () => {
    const random = seededRandom(17);
    const texts = ['', ' ', '😀', '\ud83d \ude00', 'social economy enterprises (SEEs)', ...PIECES];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const length = Math.floor(random() * 24);
      for (let j = 0; j < length; j++) text += PIECES[Math.floor(random() * PIECES.length)];
      texts.push(text);
    }
    for (const text of texts) {
      expect(countText(text), JSON.stringify(text)).toEqual(byLoop(text));
      expect(charactersWithoutSpaces(text), JSON.stringify(text)).toBe(byLoop(text).charactersNoSpaces);
    }
  });
});
