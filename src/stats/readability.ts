/**
 * Readability of a language version with a published formula for that
 * language, over the text of its points (not headings or footnotes):
 *
 * - en: Flesch reading ease — 206.835 − 1.015 × words/sentence − 84.6 × syllables/word
 *   (R. Flesch, "A new readability yardstick", Journal of Applied Psychology 32(3), 1948, 221–233);
 * - fr: Kandel & Moles — 207 − 1.015 × words/sentence − 73.6 × syllables/word
 *   (L. Kandel, A. Moles, "Application de l'indice de Flesch à la langue française",
 *   Cahiers Études de Radio-Télévision 19, 1958, 253–274);
 * - de: Flesch–Amstad — 180 − words/sentence − 58.5 × syllables/word
 *   (T. Amstad, "Wie verständlich sind unsere Zeitungen?", dissertation, University of Zurich, 1978);
 * - it: Gulpease — 89 + (300 × sentences − 10 × letters) / words
 *   (P. Lucisano, M. E. Piemontese, "GULPEASE: una formula per la predizione della difficoltà dei
 *   testi in lingua italiana", Scuola e Città 39(3), 1988, 110–124), made for Italian and
 *   counting letters, not syllables.
 *
 * The Flesch-type scores read on Flesch's scale (100 very easy … 0 very
 * difficult; 30–50 is the usual range of legal and policy texts); Gulpease
 * reads 0–100, 40 being hard for readers with a secondary education.
 * Other languages have no formula here (`score` is absent).
 */
import { splitSentences } from '../text/sentences.js';
import { syllables } from './syllables.js';

export interface Readability {
  /** Formula id: `flesch`, `kandel-moles`, `amstad`, `gulpease`. */
  formula: string;
  /** Name and published source, for people. */
  name: string;
  source: string;
  score: number;
  /** How hard the text reads on the formula's scale. */
  band: string;
  sentences: number;
  words: number;
  syllables?: number;
  letters?: number;
}

interface Formula {
  id: string;
  name: string;
  source: string;
  score(counts: { sentences: number; words: number; syllables: number; letters: number }): number;
  band(score: number): string;
  syllables: boolean;
}

const FLESCH_BANDS = (score: number): string =>
  score >= 90
    ? 'very easy'
    : score >= 80
      ? 'easy'
      : score >= 70
        ? 'fairly easy'
        : score >= 60
          ? 'standard'
          : score >= 50
            ? 'fairly difficult'
            : score >= 30
              ? 'difficult'
              : 'very difficult';

export const FORMULAS: Record<string, Formula> = {
  en: {
    id: 'flesch',
    name: 'Flesch reading ease',
    source: 'Flesch (1948), Journal of Applied Psychology 32(3)',
    score: (c) => 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words),
    band: FLESCH_BANDS,
    syllables: true,
  },
  fr: {
    id: 'kandel-moles',
    name: 'Kandel & Moles',
    source: 'Kandel & Moles (1958), Cahiers Études de Radio-Télévision 19',
    score: (c) => 207 - 1.015 * (c.words / c.sentences) - 73.6 * (c.syllables / c.words),
    band: FLESCH_BANDS,
    syllables: true,
  },
  de: {
    id: 'amstad',
    name: 'Flesch–Amstad',
    source: 'Amstad (1978), University of Zurich',
    score: (c) => 180 - c.words / c.sentences - 58.5 * (c.syllables / c.words),
    band: FLESCH_BANDS,
    syllables: true,
  },
  it: {
    id: 'gulpease',
    name: 'Gulpease',
    source: 'Lucisano & Piemontese (1988), Scuola e Città 39(3)',
    score: (c) => 89 + (300 * c.sentences - 10 * c.letters) / c.words,
    band: (score) => (score >= 80 ? 'easy' : score >= 60 ? 'fairly easy' : score >= 40 ? 'fairly difficult' : 'difficult'),
    syllables: false,
  },
};

const LETTER_RUNS = /\p{L}+/gu;
const NOT_WORD_CHARACTERS = /[^\p{L}\p{N}]/gu;

/** The readability of `texts` (each one or more sentences) in `lang`, or undefined without a formula or text. */
export function readability(texts: readonly string[], lang: string): Readability | undefined {
  const formula = FORMULAS[lang];
  if (!formula) return undefined;
  let sentences = 0;
  let words = 0;
  let syllableCount = 0;
  let letters = 0;
  for (const text of texts) {
    for (const sentence of splitSentences(text, lang)) {
      // Words as Flesch counted them: separated by spaces (`third-country` is one word of three syllables),
      // holding a letter or digit — the sentence's words (text/words.ts). Each formula counts either
      // syllables (of each run of letters) or letters and digits: none stand outside a word.
      sentences++;
      words += sentence.words;
      if (formula.syllables) {
        LETTER_RUNS.lastIndex = 0;
        for (let run = LETTER_RUNS.exec(sentence.text); run !== null; run = LETTER_RUNS.exec(sentence.text)) syllableCount += syllables(run[0], lang);
      } else letters += sentence.text.replace(NOT_WORD_CHARACTERS, '').length;
    }
  }
  if (sentences === 0 || words === 0) return undefined;
  const score = formula.score({ sentences, words, syllables: syllableCount, letters });
  return {
    formula: formula.id,
    name: formula.name,
    source: formula.source,
    score: Math.round(score * 10) / 10,
    band: formula.band(score),
    sentences,
    words,
    ...(formula.syllables ? { syllables: syllableCount } : { letters }),
  };
}
