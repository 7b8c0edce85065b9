/**
 * The tokenizer shortcut for Latin, Greek and Cyrillic text gives exactly
 * the segments of `Intl.Segmenter` (granularity word): random texts from the
 * characters it accepts, in several locales, compared segment by segment.
 */
import { describe, expect, it } from 'vitest';
import { fastSegmentable, fastSegments } from '../../src/diff/text/fast-tokenize.js';
import { segmenterSegments, tokenize } from '../../src/diff/text/tokenize.js';
import { seededRandom } from '../helpers.js';

const LETTERS =
  'abcxyzABCXYZéèàçñøßæœÅÄÖüÿıłŁșțăâîčšžđőűāēīūļņķģŗ' + 'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔΕΪΫϊϋΰ' + 'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВЁёЇїІіЄєҐґ';
const DIGITS = '0123456789';
const JOINERS = ".',;’‘:·";
const SPACES = ' \t\n\r\u00a0\u2009\u2002\u2003';
const PUNCTUATION = '!"#$%&()*+-/<=>?@[\\]^`{|}~§«°±¶»¿¡×÷–—“”„…•€‰‹›′″';

function randomText(rnd: () => number, length: number): string {
  const pools = [LETTERS, LETTERS, LETTERS, DIGITS, DIGITS, JOINERS, JOINERS, SPACES, PUNCTUATION];
  let text = '';
  for (let i = 0; i < length; i++) {
    const pool = pools[Math.floor(rnd() * pools.length)] as string;
    text += pool[Math.floor(rnd() * pool.length)];
  }
  return text;
}

describe('fast word segmentation', () => {
  for (const locale of ['und', 'en', 'fr', 'de', 'it', 'el', 'bg', 'pl', 'fi', 'sv', 'ro']) {
    it(`gives the segments of Intl.Segmenter (${locale})`, () => {
      const rnd = seededRandom(locale.charCodeAt(0) * 31 + locale.charCodeAt(1));
      for (let i = 0; i < 3000; i++) {
        const text = randomText(rnd, 1 + Math.floor(rnd() * 24));
        expect(fastSegmentable(text), JSON.stringify(text)).toBe(true);
        const expected = segmenterSegments(text, locale);
        // The segmenter splits runs of some white space; tokenize() joins them, so compare after joining.
        const join = (segments: { text: string; start: number; word: boolean }[]) =>
          segments.reduce<{ text: string; start: number; word: boolean }[]>((out, s) => {
            const last = out[out.length - 1];
            if (last && !last.word && !s.word && /^\s+$/u.test(last.text) && /^\s+$/u.test(s.text)) last.text += s.text;
            else out.push({ ...s });
            return out;
          }, []);
        expect(join(fastSegments(text)), JSON.stringify(text)).toEqual(join(expected));
      }
    });
  }

  it('leaves other text to the segmenter', () => {
    for (const text of ['snake_case', 'Genossen\u00adschaften', 'e\u0301', '中文', 'emoji 👍', '«\u202fvoir']) expect(fastSegmentable(text)).toBe(false);
    expect(
      tokenize('中文 text')
        .map((t) => t.text)
        .join(''),
    ).toBe('中文 text');
  });

  it('reads real sentences as the segmenter does', () => {
    const sentences = [
      "The EESC considers that SEEs (social economy enterprises) are one of the drivers of migrants' inclusion – see point 3.2; e.g. 5,000 jobs, 20 %.",
      'Le CESE estime que l’économie sociale… « voir le point 1.3 » – 3,5 millions d’euros.',
      'Der EWSA fordert die Kommission auf, die Genossenschaften (siehe Ziffer 2.4) zu fördern: 1.500 Arbeitsplätze.',
      'Η ΕΟΚΕ θεωρεί ότι οι κοινωνικές επιχειρήσεις — σημείο 1.2 — είναι κινητήρια δύναμη.',
      'ЕИСК счита, че социалните предприятия (точка 4.1) са двигател на приобщаването.',
    ];
    for (const sentence of sentences) {
      expect(fastSegmentable(sentence)).toBe(true);
      expect(fastSegments(sentence)).toEqual(
        segmenterSegments(sentence, 'und').reduce<{ text: string; start: number; word: boolean }[]>((out, s) => {
          const last = out[out.length - 1];
          if (last && !last.word && !s.word && /^\s+$/u.test(last.text) && /^\s+$/u.test(s.text)) last.text += s.text;
          else out.push(s);
          return out;
        }, []),
      );
    }
  });
});
