import { defineRule } from '../rule.js';
import { allBlocks } from '../../text/model.js';
import type { GlossaryEntry, Text } from '../../core/model.js';
import { inflectedTermPattern, inflects, termMayOccur, termPattern } from '../../text/terms.js';

export default defineRule(
  {
    id: 'coverage/glossary-unused',
    description: 'Report a glossary entry whose term the text never uses',
    rationale:
      'The glossary drives the expansion of acronyms at their first use and the consistency checks; an entry ' +
      'whose term (or one of its `variants`) appears in no language version of the text — the title, points, headings, ' +
      'placed principles and recommendations, footnotes, and the expansion of an acronym the text uses, which the draft ' +
      'spells out at its first use — is left over from an earlier draft or belongs to the notes. ' +
      'In an opinion with a language whose words inflect (its label file says `glossary.expand: author`: Polish, ' +
      'German, Finnish…), a term is also found in its other forms, each word by its stem (the word less up to its last ' +
      'three letters, never shorter than four) followed by any letters: "przedsiębiorstw społecznych" uses ' +
      '"przedsiębiorstwo społeczne".',
    severity: 'warning',
    examples: [
      {
        title: 'An acronym the text never uses',
        files: {
          'glossary.yaml':
            'glossary:\n  - id: g-see\n    term: SEE\n    kind: acronym\n    expansion: social economy enterprise\n  - id: g-esf\n    term: ESF\n    kind: acronym\n    expansion: European Social Fund\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants to find work.\n',
        },
        findings: ['glossary.yaml:7:11-7:14: Unexpected glossary entry `ESF` that the text never uses, expected the term in the text or no entry'],
      },
      {
        title: 'Used in the title, or where the draft spells out an acronym the text uses',
        files: {
          'opinion.yaml': 'reference: INT/900\ntitle: Cooperatives and migrants\nkind: own-initiative\nlanguage: en\nlanguages: [en]\nstage: study-group\n',
          'glossary.yaml':
            'glossary:\n  - id: g-see\n    term: SEE\n    kind: acronym\n    expansion: social economy enterprise\n  - id: g-term\n    term: social economy enterprise\n    kind: term\n    expansion: social economy enterprise\n  - id: g-coop\n    term: cooperative\n    kind: term\n    expansion: cooperative enterprise\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants to find work.\n',
        },
        findings: [],
      },
      {
        title: 'Used in a translation through a variant',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nlanguages: [en, fr]\nstage: study-group\n',
          'glossary.yaml':
            'glossary:\n  - id: g-see\n    term: SEE\n    kind: acronym\n    variants: [EES]\n    expansion:\n      en: social economy enterprise\n      fr: entreprise de l’économie sociale\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Cooperatives help migrants to find work.\n',
          'text/fr/01-conclusions.md': '# Conclusions\n\n{#c-one} Les EES aident les migrants à trouver du travail.\n',
        },
        findings: [],
      },
      {
        title: 'Used in another form in a language whose words inflect',
        files: {
          'opinion.yaml': 'reference: INT/900\ntitle: Przedsiębiorstwa społeczne\nkind: own-initiative\nlanguage: pl\nlanguages: [pl]\nstage: study-group\n',
          'glossary.yaml':
            'glossary:\n  - id: g-pes\n    term: przedsiębiorstwo społeczne\n    kind: term\n    expansion: przedsiębiorstwo o celu społecznym\n  - id: g-esf\n    term: fundusz spójności\n    kind: term\n    expansion: Fundusz Spójności Unii Europejskiej\n',
          'text/pl/01-conclusions.md': '# Wnioski\n\n{#c-one} Rola przedsiębiorstw społecznych w integracji migrantów jest niedoceniana.\n',
        },
        findings: [
          'glossary.yaml:7:11-7:28: Unexpected glossary entry `fundusz spójności` that the text never uses, expected the term in the text or no entry',
        ],
      },
    ],
  },
  (context, report) => {
    const { opinion, text } = context;
    // Every language's text and title in one string, blocks apart by a character no term can run across.
    const all = [...[...text.byLang.values()].flatMap((lang) => allBlocks(lang).map((block) => block.prose.text)), ...textsOf(opinion.meta.title)].join(
      '\u0001',
    );
    const inflecting = [...text.byLang.keys()].some(inflects);
    const spellingsOf = (entry: GlossaryEntry) =>
      [entry.term, ...(Array.isArray(entry.variants) ? entry.variants : [])].filter((v): v is string => typeof v === 'string');
    const usedIn = (haystack: string, spellings: readonly string[]) => {
      let upper: string | undefined;
      const capitals = () => (upper ??= haystack.toUpperCase());
      return (
        // Most spellings are looked for only when their first word is in the text.
        spellings.some((spelling) => termMayOccur(spelling, haystack, capitals) && termPattern(spelling).test(haystack)) ||
        // In a language whose words inflect, a term is used in any of its forms.
        (inflecting && spellings.some((spelling) => inflectedTermPattern(spelling).test(haystack)))
      );
    };
    const entries = opinion.glossary.flatMap((entry, i) => (typeof entry.term === 'string' ? [{ entry, i, spellings: spellingsOf(entry) }] : []));
    const unused = new Set(entries.filter(({ spellings }) => !usedIn(all, spellings)));
    // The draft spells out an acronym the text uses at its first use: a term of its expansion is used there.
    const expansions = entries
      .filter((used) => used.entry.kind === 'acronym' && !unused.has(used))
      .flatMap(({ entry }) => textsOf(entry.expansion))
      .join('\u0001');
    for (const { entry, i, spellings } of unused) {
      if (expansions !== '' && usedIn(expansions, spellings)) continue;
      report(
        opinion.locate('glossary', `/glossary/${i}/term`),
        `Unexpected glossary entry \`${entry.term}\` that the text never uses, expected the term in the text or no entry`,
      );
    }
  },
);

/** The strings of a translatable value (one per language), none when it is not one. */
function textsOf(value: Text | undefined): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).filter((v): v is string => typeof v === 'string') : [];
}
