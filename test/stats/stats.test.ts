/**
 * `opinion stats` against counts made by hand on a small opinion (counted
 * on the sources, `quick`), against the build's own length when counted on
 * the rendered draft, and the readability formulas against hand-worked
 * scores.
 */
import { describe, it, expect } from 'vitest';
import { statsOfOpinion, statsReport, readability, syllables } from '../../src/stats/index.js';
import { buildOpinion } from '../../src/opinion/index.js';
import { writeOpinion } from '../check/helpers.js';
import { HAND_COUNTED } from './fixtures.js';
import { seededRandom } from '../helpers.js';
import { splitSentences } from '../../src/text/sentences.js';

describe('opinion stats, counted by hand', () => {
  it('counts characters, words, points and footnotes per chapter (on the sources)', async () => {
    const dir = writeOpinion(HAND_COUNTED, {});
    const { stats, files } = await statsOfOpinion(dir, { quick: true });
    expect(files.flatMap((f) => f.messages.map((m) => m.reason))).toEqual([]);
    const en = stats!.languages[0]!;
    expect(en.counted).toBe('sources');
    // Chapter 1: "Conclusions" 11/11/1, "The cat sat on the mat." 23/18/6, "Dogs run ." 10/8/2,
    // rec-a 62/51/12, rec-b 31/27/5; footnotes first referred to: fn-one and the citation of ev-one.
    expect(en.chapters[0]).toEqual({
      number: '1',
      id: 'conclusions',
      title: 'Conclusions',
      characters: 137,
      charactersNoSpaces: 115,
      words: 26,
      points: 4,
      headings: 0,
      footnotes: 2,
    });
    // Chapter 2: "Comments" 8/8/1, "Detail" 6/6/1, "See point 2.1.2 here." 21/18/4,
    // p-one "Inclusion SEEs include people." 30/27/4, p-two "Subsidiarity Decisions are taken locally." 41/37/5.
    expect(en.chapters[1]).toEqual({
      number: '2',
      id: 'comments',
      title: 'Comments',
      characters: 106,
      charactersNoSpaces: 96,
      words: 15,
      points: 3,
      headings: 1,
      footnotes: 0,
    });
    // "A note." 7/6/2 and the citation "Report, Eurostat" 16/15/2.
    expect(en.footnotes).toEqual({ characters: 23, charactersNoSpaces: 21, words: 4, count: 2 });
    expect(en.total).toEqual({ characters: 266, charactersNoSpaces: 232, words: 45, points: 7, headings: 1, footnotes: 2 });
  });

  it('counts recommendations per addressee and priority, the coverage matrix and what cites what', async () => {
    const dir = writeOpinion(HAND_COUNTED, {});
    const { stats } = await statsOfOpinion(dir, { quick: true });
    expect(stats!.recommendations).toEqual({
      total: 2,
      byAddressee: [
        { addressee: 'european-commission', high: 1, medium: 0, low: 0, none: 0, total: 1 },
        { addressee: 'member-states', high: 1, medium: 0, low: 1, none: 0, total: 2 },
      ],
      byPriority: { high: 1, medium: 0, low: 1, none: 0 },
    });
    expect(stats!.coverage).toEqual({
      principles: ['p-one', 'p-two'],
      rows: [
        { recommendation: 'rec-a', number: '1.3', principles: ['p-one'], evidence: ['ev-one'] },
        { recommendation: 'rec-b', number: '1.4', principles: ['p-one', 'p-two'], evidence: [] },
      ],
    });
    expect(stats!.citedBy).toEqual({
      principles: [
        { id: 'p-one', recommendations: ['rec-a', 'rec-b'], principles: [], points: ['2.1.1'] },
        { id: 'p-two', recommendations: ['rec-b'], principles: [], points: [] },
      ],
      evidence: [{ id: 'ev-one', recommendations: ['rec-a'], principles: [], points: ['1.2'] }],
    });
  });

  it('counts on the rendered draft as the build counts the length', async () => {
    const dir = writeOpinion(HAND_COUNTED, {});
    const { stats } = await statsOfOpinion(dir);
    const build = await buildOpinion(dir, { formats: [] });
    const en = stats!.languages[0]!;
    expect(en.counted).toBe('draft');
    expect(en.total.charactersNoSpaces).toBe(build.renders[0]!.length.characters);
    expect(en.total.points).toBe(7);
  });

  it("adds up a corpus in each opinion's original language", async () => {
    const one = (await statsOfOpinion(writeOpinion(HAND_COUNTED, {}), { quick: true })).stats!;
    const report = statsReport([one, { ...one, name: 'copy' }]);
    expect(report.totals).toEqual({
      opinions: 2,
      charactersNoSpaces: 464,
      words: 90,
      points: 14,
      footnotes: 4,
      recommendations: 4,
      principles: 4,
      evidence: 2,
      overLimit: 0,
    });
  });

  it('leaves out an opinion that does not validate, with the reasons', async () => {
    const dir = writeOpinion({ 'opinion.yaml': 'reference: INT/900\ntitle: T\nkind: initiative\nlanguage: en\nstage: study-group\n' }, {});
    const result = await statsOfOpinion(dir);
    expect(result.stats).toBeUndefined();
    expect(result.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual(['schema/enum']);
  });
});

describe('readability formulas, worked by hand', () => {
  it("counts syllables with each language's heuristics", () => {
    const en = { the: 1, cat: 1, table: 2, made: 1, makes: 1, asked: 1, wanted: 2, places: 2, migrants: 2, integration: 4, people: 2 };
    for (const [word, count] of Object.entries(en)) expect(syllables(word, 'en'), word).toBe(count);
    expect(syllables('entreprise', 'fr')).toBe(3);
    expect(syllables('intégration', 'fr')).toBe(4);
    expect(syllables('sociales', 'fr')).toBe(2);
    expect(syllables('läuft', 'de')).toBe(1);
    expect(syllables('Genossenschaft', 'de')).toBe(4);
  });

  it('scores English with Flesch reading ease', () => {
    // 1 sentence, 6 words, 6 syllables: 206.835 − 1.015 × 6 − 84.6 × 1 = 116.145.
    expect(readability(['The cat sat on the mat.'], 'en')).toMatchObject({
      formula: 'flesch',
      score: 116.1,
      sentences: 1,
      words: 6,
      syllables: 6,
      band: 'very easy',
    });
  });

  it('scores French with Kandel & Moles', () => {
    // 3 words, 3 syllables: 207 − 1.015 × 3 − 73.6 × 1 = 130.355.
    expect(readability(['Le chat dort.'], 'fr')).toMatchObject({ formula: 'kandel-moles', score: 130.4, words: 3, syllables: 3 });
  });

  it('scores German with Flesch–Amstad', () => {
    // 4 words, 4 syllables: 180 − 4 − 58.5 × 1 = 117.5.
    expect(readability(['Der Hund läuft schnell.'], 'de')).toMatchObject({ formula: 'amstad', score: 117.5, words: 4, syllables: 4 });
  });

  it('scores Italian with Gulpease (letters, not syllables)', () => {
    // 1 sentence, 3 words, 12 letters: 89 + (300 × 1 − 10 × 12) / 3 = 149.
    expect(readability(['Il gatto dorme.'], 'it')).toMatchObject({ formula: 'gulpease', score: 149, words: 3, letters: 12 });
  });

  it('has no formula for other languages', () => {
    expect(readability(['Kot śpi.'], 'pl')).toBeUndefined();
  });

  it('counts words as Flesch did, token by token between spaces, over generated texts', () => {
    // The formulas' counts, word by word: tokens between white space holding a letter or digit; the
    // syllables of each run of letters in them, or their letters and digits.
    const byToken = (texts: string[], lang: string) => {
      const sentences = texts
        .flatMap((text) => splitSentences(text, lang))
        .map((sentence) => sentence.text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)))
        .filter((tokens) => tokens.length > 0);
      const tokens = sentences.flat();
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      return {
        sentences: sentences.length,
        words: tokens.length,
        syllableCount: sum(tokens.flatMap((token) => token.match(/\p{L}+/gu) ?? []).map((run) => syllables(run, lang))),
        letters: sum(tokens.map((token) => token.replace(/[^\p{L}\p{N}]/gu, '').length)),
      };
    };
    const pieces = [
      'The',
      'cat',
      'läuft',
      'l’intégration',
      'third-country',
      '2014/24/EU',
      '–',
      '«',
      '»',
      '(',
      ')',
      '.',
      '. ',
      '! ',
      '? ',
      'e.g. ',
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n',
      '\u00a0',
      '\u2009',
      '😀',
      '𝔸',
      'e\u0301',
      'ß',
      'A.',
      'Ö',
      '3',
    ];
    const random = seededRandom(23);
    for (let n = 0; n < 400; n++) {
      const texts: string[] = [];
      for (let t = 0; t < 3; t++) {
        let text = '';
        const length = Math.floor(random() * 30);
        for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
        texts.push(text);
      }
      for (const lang of ['en', 'fr', 'de', 'it']) {
        const counted = byToken(texts, lang);
        const score = readability(texts, lang);
        if (counted.sentences === 0 || counted.words === 0) {
          expect(score, JSON.stringify(texts)).toBeUndefined();
          continue;
        }
        expect(score, JSON.stringify([lang, texts])).toMatchObject({
          sentences: counted.sentences,
          words: counted.words,
          ...(lang === 'it' ? { letters: counted.letters } : { syllables: counted.syllableCount }),
        });
      }
    }
  });
});
