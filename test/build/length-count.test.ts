/**
 * The length of a draft counts characters without spaces by regular
 * expressions (`charactersWithoutSpaces`, text/words.ts); the one counter
 * of the package is `countText` (text/words.ts). The two must agree on every
 * text: every kind of white space, surrogate pairs, lone and doubled
 * surrogates, combining marks, empty text.
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

describe('characters without spaces of a draft', () => {
  it('are what countText counts', () => {
    const random = seededRandom(17);
    const texts = ['', ' ', '😀', '\ud83d \ude00', 'social economy enterprises (SEEs)', ...PIECES];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const length = Math.floor(random() * 24);
      for (let j = 0; j < length; j++) text += PIECES[Math.floor(random() * PIECES.length)];
      texts.push(text);
    }
    for (const text of texts) expect(charactersWithoutSpaces(text), JSON.stringify(text)).toBe(countText(text, false).charactersNoSpaces);
  });
});
