/**
 * The text model under the rules: places inside YAML block scalars and
 * Markdown escapes, sentences, counts, acronyms, and the bound that lets the
 * length rule skip rendering a draft.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { checkOpinion, RULES, type ConfigLayer } from '../../src/check/index.js';
import { splitSentences } from '../../src/text/sentences.js';
import { countText } from '../../src/text/words.js';
import { findAcronyms } from '../../src/text/acronyms.js';
import { buildText } from '../../src/text/model.js';
import { lengthBound } from '../../src/check/context.js';
import { loadOpinion } from '../../src/core/load.js';
import { findOpinionFolders } from '../../src/validate/index.js';
import { buildOpinion } from '../../src/opinion/index.js';
import { findings, writeOpinion, BASE_OPINION } from './helpers.js';

function only(id: string, options: Record<string, unknown>): ConfigLayer {
  const layer: ConfigLayer = {};
  for (const rule of RULES) layer[rule.meta.id] = rule.meta.id === id ? { options } : { severity: 'off' };
  return layer;
}

describe('places in the sources', () => {
  it('finds a sentence inside a folded YAML scalar, across its lines', async () => {
    const dir = writeOpinion({
      'recommendations.yaml': [
        'recommendations:',
        '  - id: rec-fund',
        '    text:',
        '      en: >-',
        '        The EESC calls on the Commission to act. It should fund',
        '        social economy enterprises and simplify',
        '        their procedures.',
        '    addressees: [european-commission]',
        '',
      ].join('\n'),
      'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Cooperatives help migrants.\n\n::recommendations\n',
    });
    const result = await checkOpinion(dir, { rules: only('writing/sentence-length', { max: 8 }) });
    expect(findings(result.files, dir)).toEqual(['recommendations.yaml:5:50-7:26: Unexpected sentence of 10 words, expected at most 8']);
  });

  it('finds a word after Markdown escapes, emphasis and links', async () => {
    const dir = writeOpinion({
      'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Some \\*escaped\\* and *emphasised* [linked](https://example.org) text on AMIF.\n',
    });
    const result = await checkOpinion(dir, { rules: only('glossary/acronym-undefined', {}) });
    expect(findings(result.files, dir)).toEqual([
      'text/en/01-conclusions.md:3:82-3:86: Unexpected acronym `AMIF` that the glossary does not define, expected an entry with its expansion in `glossary.yaml`',
    ]);
  });
});

describe('sentences, words, characters, acronyms', () => {
  it('splits sentences, not abbreviations or initials', () => {
    const text = 'See e.g. Article 20. The EESC agrees. It cites Directive No. 5 and J. Smith, p. 65! Does it? Yes.';
    expect(splitSentences(text, 'en').map((s) => s.text)).toEqual([
      'See e.g. Article 20.',
      'The EESC agrees.',
      'It cites Directive No. 5 and J. Smith, p. 65!',
      'Does it?',
      'Yes.',
    ]);
    expect(splitSentences('Das gilt z. B. für Genossenschaften. Sie helfen.', 'de').map((s) => s.words)).toEqual([6, 2]);
    expect(splitSentences('A list:\n\nfirst item\n\nsecond item', 'en').map((s) => s.text)).toEqual(['A list:', 'first item', 'second item']);
    // A block ends its sentence even after a full stop or an abbreviation followed by a small letter.
    expect(splitSentences('The EESC lists three tools.\n\nfirst, grants;\n\nsecond, loans, e.g.\n\nthird, guarantees.', 'en').map((s) => s.text)).toEqual([
      'The EESC lists three tools.',
      'first, grants;',
      'second, loans, e.g.',
      'third, guarantees.',
    ]);
  });

  it('does not end a German sentence at an ordinal before a capital, nor at "gem."', () => {
    // After OJ C 44, 15.2.2013, p. 153 (CELEX 52012AE2235) and OJ C 451, 16.12.2014, p. 10 (CELEX 52013IE7057), abridged.
    const text =
      'Die Europäische Kommission beschloss am 14. August 2012, den Ausschuss um Stellungnahme zu ersuchen. ' +
      'Der Ausschuss verabschiedete auf seiner 500. Plenartagung am 9./10. Juli 2014 gem. Art. 3 Abs. 3 EUV folgende Stellungnahme. ' +
      'Das gilt seit 2014. Der Ausschuss begrüßt dies.';
    expect(splitSentences(text, 'de').map((s) => s.words)).toEqual([14, 19, 4, 4]);
  });

  it('does not end a Polish sentence at "m.in.", "np.", "tzw.", "ok." or "ust." before a capital or a digit', () => {
    const text =
      'Spółdzielnie napotykają bariery, m.in. w Niemczech i Danii. EKES zwraca uwagę, że tzw. Zielony Ład nie obejmuje spółdzielni. ' +
      'Według uczestników ok. 40 % projektów nie uzyskuje finansowania. Instrumenty powinny uwzględniać np. Lokalne Grupy Działania. ' +
      'Obecnie art. 5 ust. 2 ustawy odsyła do przepisów wykonawczych, m.in. Rozporządzenia ministra. Komitet to popiera.';
    expect(splitSentences(text, 'pl').map((s) => s.words)).toEqual([8, 10, 8, 7, 13, 3]);
    // "itd." and "itp." close a list: before a capital their dot ends the sentence.
    expect(splitSentences('Dotyczy to szkoleń, doradztwa itd. Komitet to popiera.', 'pl').map((s) => s.words)).toEqual([5, 3]);
  });

  it('does not end a Swedish or Greek sentence at "bl.a.", "t.ex.", "π.χ." or "άρθ." before a capital or a digit', () => {
    const sv =
      'Kooperativen möter hinder, bl.a. Tyskland och Danmark saknar regler. Stödet bör gå till t.ex. LEADER-grupper. Det gäller sol, vind osv. Kommittén stöder detta.';
    expect(splitSentences(sv, 'sv').map((s) => s.words)).toEqual([9, 6, 5, 3]);
    const el =
      'Η ΕΟΚΕ αναφέρει χώρες όπως π.χ. Γερμανία και Δανία. Το άρθ. 5 παρ. 2 παραπέμπει σε περίπου 2 εκατ. Ευρωπαίους. Αφορά ήλιο, άνεμο κ.λπ. Η ΕΟΚΕ το στηρίζει.';
    expect(splitSentences(el, 'el').map((s) => s.words)).toEqual([9, 11, 4, 4]);
  });

  it('ends a Greek question at its question mark `;`, and only in Greek', () => {
    const el = 'Αξιοποιεί η ΕΕ αυτό το δυναμικό; Κατά την ΕΟΚΕ, όχι επαρκώς. Γιατί\u037e Λείπει χρηματοδότηση.';
    expect(splitSentences(el, 'el').map((s) => s.text)).toEqual([
      'Αξιοποιεί η ΕΕ αυτό το δυναμικό;',
      'Κατά την ΕΟΚΕ, όχι επαρκώς.',
      'Γιατί\u037e',
      'Λείπει χρηματοδότηση.',
    ]);
    expect(splitSentences('The EESC agrees; Member States do too.', 'en')).toHaveLength(1);
  });

  it('ends a sentence at "etc.", "usw." or "ecc." before a capital, and only there', () => {
    expect(splitSentences('SEEs offer housing, training, etc. The Committee welcomes this.', 'en').map((s) => s.words)).toEqual([5, 4]);
    expect(splitSentences('Wohnungen, Ausbildung usw. Der Ausschuss begrüßt dies.', 'de').map((s) => s.words)).toEqual([3, 4]);
    expect(splitSentences('alloggi, formazione ecc. Il Comitato accoglie.', 'it').map((s) => s.words)).toEqual([3, 3]);
    expect(splitSentences('Housing, training, etc. (see point 2.1) are needed.', 'en').map((s) => s.words)).toHaveLength(1);
    expect(splitSentences('Housing, training, etc. and more are needed.', 'en')).toHaveLength(1);
    // Other abbreviations still never end a sentence.
    expect(splitSentences('See e.g. The point.', 'en')).toHaveLength(1);
  });

  it('counts code points, white space runs as one space, words with a letter or digit', () => {
    expect(countText('  Social–economy  –  3 % 🙂\n\nend ')).toEqual({ characters: 26, charactersNoSpaces: 21, words: 3 });
    expect(countText('non\u00a0breaking')).toEqual({ characters: 12, charactersNoSpaces: 11, words: 2 });
  });

  it('finds acronyms, not Roman numerals, references or words in capitals inside others', () => {
    const text = 'SEEs and the AMIF (Group III, Directive 2014/24/EU, COM(2016) 377, INT/871) help ProCEED and CO2.';
    expect(findAcronyms(text).map((a) => a.acronym)).toEqual(['SEE', 'AMIF', 'CO2']);
  });
});

describe('chapter numbers', () => {
  it('numbers chapters as the build does: only `{-}` or `{.unnumbered}` leaves a title unnumbered, not braces holding a hyphen', async () => {
    const dir = writeOpinion({
      'text/en/01-foreword.md': '# Foreword {-}\n\nAn unnumbered chapter.\n',
      'text/en/02-costs.md': '# Costs {2020-2024}\n\n{#c-one} A numbered chapter whose title holds braces.\n',
      'text/en/03-end.md': '# End {#end .unnumbered}\n\nUnnumbered again.\n',
    });
    const { opinion } = await loadOpinion(dir);
    const chapters = buildText(opinion!).byLang.get('en')!.chapters;
    expect(chapters.map((c) => c.number)).toEqual([undefined, '1', undefined]);
    expect(chapters[1]!.body[0]!.number).toBe('1.1');
  });

  it("reads the kind of a block as remark does: a break written `* * *` after a point is not a list of the point's", async () => {
    const dir = writeOpinion({
      'text/en/01-a.md': '# A\n\n{#a-one} A point.\n\n* * *\n\n{#a-two} Another point:\n\n- with a list.\n',
    });
    const { opinion } = await loadOpinion(dir);
    const points = buildText(opinion!).byLang.get('en')!.chapters[0]!.body;
    expect(points.map((p) => p.prose.text)).toEqual(['A point.', 'Another point:\n\nwith a list.']);
  });
});

describe('the length bound', () => {
  it('is never below the rendered length, on every opinion in the repository', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const found = await findOpinionFolders([join(root, 'opinions'), join(root, 'test', 'build'), join(root, 'test', 'check')]);
    let compared = 0;
    for (const dir of found.folders) {
      const { opinion } = await loadOpinion(dir);
      if (!opinion) continue;
      const build = await buildOpinion(dir, { formats: [], lenient: true });
      const rendered = build.renders[0]?.length.characters;
      if (rendered === undefined) continue;
      expect(lengthBound(buildText(opinion), opinion), dir).toBeGreaterThanOrEqual(rendered);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('holds for an opinion made only of acronyms and citations', async () => {
    const dir = writeOpinion({
      'opinion.yaml': BASE_OPINION,
      'glossary.yaml': 'glossary:\n  - id: g-see\n    term: SEE\n    kind: acronym\n    expansion: social economy enterprise of the European Union\n',
      'evidence.yaml':
        'evidence:\n  - id: ev\n    kind: study\n    title: A study\n    source:\n      title: A long report title\n      publisher: Eurostat\n      url: https://example.org/report\n      date: 2018-01-01\n      accessed: 2018-03-01\n',
      'text/en/01-a.md': '# A\n\n{#a-one} SEE :cite{#ev}. SEE.\n',
    });
    const { opinion } = await loadOpinion(dir);
    const build = await buildOpinion(dir, { formats: [] });
    expect(lengthBound(buildText(opinion!), opinion!)).toBeGreaterThanOrEqual(build.renders[0]!.length.characters);
  });
});
