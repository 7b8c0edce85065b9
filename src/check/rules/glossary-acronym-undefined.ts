import { defineRule } from '../rule.js';
import { allBlocks, type TextBlock } from '../../text/model.js';
import { findAcronyms, surnamesIn } from '../../text/acronyms.js';
import { codeList } from '../format.js';
import type { Opinion } from '../../core/model.js';

/** Acronyms every reader of an EU text knows (EU style guide: no need to spell them out), in the main EU languages. */
export const KNOWN_ACRONYMS = [
  'EU',
  'UE',
  'EESC',
  'CESE',
  'EWSA',
  'UN',
  'ONU',
  'UNO',
  'NATO',
  'OTAN',
  'OECD',
  'OCDE',
  'OCSE',
  'OJ',
  'JO',
  'GU',
  'COM',
  'SWD',
  'UK',
  'USA',
];

/**
 * The Union's, the Committee's and the United Nations' own acronyms in each
 * official language, as the Official Journal writes them (e.g. EMSK and EL in
 * Estonian, EESRK and ES in Lithuanian: OJ C 264, 20.7.2016, CELEX 52016IE1061;
 * EESK and ES in Latvian: CELEX 52020AE1962): accepted in that language's text
 * whatever `known` says, as an opinion names the Committee in every other sentence.
 */
const OWN_ACRONYMS: Record<string, readonly string[]> = {
  bg: ['ЕС', 'ЕИСК', 'ООН'],
  cs: ['EU', 'EHSV', 'OSN'],
  da: ['EU', 'EØSU', 'FN'],
  de: ['EU', 'EWSA', 'VN', 'UNO'],
  el: ['ΕΕ', 'ΕΟΚΕ', 'ΟΗΕ'],
  en: ['EU', 'EESC', 'UN'],
  es: ['UE', 'CESE', 'ONU'],
  et: ['EL', 'EMSK', 'ÜRO'],
  fi: ['EU', 'ETSK', 'YK'],
  fr: ['UE', 'CESE', 'ONU'],
  ga: ['AE', 'CESE', 'NA'],
  hr: ['EU', 'EGSO', 'UN'],
  hu: ['EU', 'EGSZB', 'ENSZ'],
  it: ['UE', 'CESE', 'ONU'],
  lt: ['ES', 'EESRK', 'JT'],
  lv: ['ES', 'EESK', 'ANO'],
  mt: ['UE', 'KESE', 'NU'],
  nl: ['EU', 'EESC', 'VN'],
  pl: ['UE', 'EKES', 'ONZ'],
  pt: ['UE', 'CESE', 'ONU'],
  ro: ['UE', 'CESE', 'ONU'],
  sk: ['EÚ', 'EHSV', 'OSN'],
  sl: ['EU', 'EESO', 'OZN'],
  sv: ['EU', 'EESK', 'FN'],
};

export default defineRule(
  {
    id: 'glossary/acronym-undefined',
    description: 'Report an acronym the glossary does not define',
    rationale:
      'Readers of an opinion include members, translators and the public: every acronym must be spelled out ' +
      'at its first use, which the build does for the acronyms in `glossary.yaml`. An acronym is a word of two ' +
      'or more capital letters (digits allowed), with an optional plural `s` (`SEEs`). Not counted: Roman numerals ' +
      '(`Group III`), codes in legal and document references (`2014/24/EU`, `INT/871`, `COM(2016)`), surnames in ' +
      'capitals of the people named in the metadata and hearings, and the well-known acronyms of `known` ' +
      '(EU, EESC, UN, NATO, OECD, OJ, COM… in English, French, Italian and German), in each of the 24 languages ' +
      "the Union's, the Committee's and the United Nations' own acronyms (EKES, ΕΟΚΕ, EMSK…), and an acronym the text " +
      'spells out by hand at its first use, alone in brackets after the words it stands for (`Europäische ' +
      'Investitionsbank (EIB)`), as published opinions do. Each acronym is reported once per language, at its first use.',
    severity: 'warning',
    options: {
      known: {
        title: 'Well-known acronyms',
        description: 'Acronyms accepted without a glossary entry; replaces the built-in list.',
        default: KNOWN_ACRONYMS,
        schema: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      },
      allow: {
        title: 'Also allowed',
        description: 'More acronyms accepted without a glossary entry, added to `known`.',
        default: [],
        schema: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      },
    },
    examples: [
      {
        title: 'An acronym not in the glossary',
        files: {
          'glossary.yaml': 'glossary:\n  - id: g-see\n    term: SEE\n    kind: acronym\n    expansion: social economy enterprise\n',
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} SEEs can use the AMIF and the ESF.\n\n{#c-two} The AMIF is too complex for small SEEs and NGOs.\n',
        },
        findings: [
          'text/en/01-conclusions.md:3:27-3:31: Unexpected acronym `AMIF` that the glossary does not define, expected an entry with its expansion in `glossary.yaml`',
          'text/en/01-conclusions.md:3:40-3:43: Unexpected acronym `ESF` that the glossary does not define, expected an entry with its expansion in `glossary.yaml`',
          'text/en/01-conclusions.md:5:53-5:57: Unexpected acronym `NGOs` that the glossary does not define, expected an entry for `NGO` with its expansion in `glossary.yaml`',
        ],
      },
      {
        title: 'Well-known acronyms, references, Roman numerals and surnames',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nrapporteurs:\n  - name: Giuseppe GUERINI\nlanguage: en\nstage: study-group\n',
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} The EESC and Giuseppe GUERINI (Group III) recall Directive 2014/24/EU and COM(2016) 377 final.\n',
        },
        findings: [],
      },
      {
        title: "The Union's and the Committee's acronyms in the text's language",
        files: {
          'opinion.yaml':
            'reference: SOC/900\ntitle: Spółdzielnie socjalne\nkind: own-initiative\nrapporteurs:\n  - name: Anna NOWAK\nlanguage: pl\nstage: study-group\n',
          'text/pl/01-conclusions.md': '# Wnioski\n\n{#c-one} EKES wzywa UE i ONZ do wsparcia SS.\n',
        },
        findings: [
          'text/pl/01-conclusions.md:3:42-3:44: Unexpected acronym `SS` that the glossary does not define, expected an entry with its expansion in `glossary.yaml`',
        ],
      },
      {
        title: 'Spelled out by hand at its first use, as published opinions do',
        files: {
          'opinion.yaml':
            'reference: SOC/900\ntitle: Przygotowanie zawodowe\nkind: own-initiative\nrapporteurs:\n  - name: Anna NOWAK\nlanguage: pl\nstage: study-group\n',
          // Point 1 after OJ C 262, 25.7.2018, p. 41 (CELEX 52018AE0106), abridged; EFS is used before it is spelled out.
          'text/pl/01-conclusions.md':
            '# Wnioski\n\n{#c-one} EKES uważa, że ta zasada dotyczy małych i średnich przedsiębiorstw (MŚP). Około 50 proc. praktykantów pracuje w MŚP.\n\n' +
            '{#c-two} EFS wspiera przygotowanie zawodowe ze środków Europejskiego Funduszu Społecznego (EFS).\n',
        },
        findings: [
          'text/pl/01-conclusions.md:5:10-5:13: Unexpected acronym `EFS` that the glossary does not define, expected an entry with its expansion in `glossary.yaml`',
        ],
      },
    ],
  },
  (context, report, options) => {
    const { opinion, text } = context;
    const defined = new Set<string>([...options.known, ...options.allow, ...glossarySpellings(opinion), ...surnamesIn(peopleOf(opinion))]);
    for (const lang of text.langs) {
      const own = new Set(OWN_ACRONYMS[lang]);
      const first = new Map<string, { block: TextBlock; start: number; end: number; count: number }>();
      const spelledOut = new Set<string>();
      for (const block of allBlocks(text.byLang.get(lang))) {
        for (const use of findAcronyms(block.prose.text)) {
          if (defined.has(use.acronym) || defined.has(`${use.acronym}s`) || own.has(use.acronym) || spelledOut.has(use.acronym)) continue;
          const seen = first.get(use.acronym);
          if (seen) seen.count++;
          else if (spelledOutAt(block.prose.text, use.start, use.end)) spelledOut.add(use.acronym);
          else first.set(use.acronym, { block, start: use.start, end: use.end, count: 1 });
        }
      }
      for (const [acronym, seen] of first) {
        const place = seen.block.prose.locate(seen.start, seen.end);
        // As written where it is first used ("SEEs"), and the entry it needs ("SEE").
        const written = seen.block.prose.text.slice(seen.start, seen.end);
        const entry = written === acronym ? '' : ` for \`${acronym}\``;
        report(
          place,
          `Unexpected acronym \`${written}\` that the glossary does not define, expected an entry${entry} with its expansion in \`glossary.yaml\``,
          {
            actual: acronym,
            note: `Used ${seen.count === 1 ? 'once' : `${seen.count} times`} in the \`${lang}\` text. Well-known acronyms (${
              own.size > 0 ? `${codeList([...own])} in this language, and ` : ''
            }the rule's \`known\` option: ${codeList(options.known.slice(0, 4))}…) need no entry; the rule's \`allow\` option accepts more`,
          },
        );
      }
    }
  },
);

/**
 * Whether the acronym at `start`–`end` is spelled out by hand there, as
 * published opinions do at its first use: alone in brackets right after the
 * words it stands for ("Europäische Investitionsbank (EIB)", "małych i średnich
 * przedsiębiorstw (MŚP)").
 */
function spelledOutAt(text: string, start: number, end: number): boolean {
  return text[start - 1] === '(' && text[end] === ')' && /\p{L}\s$/u.test(text.slice(Math.max(0, start - 3), start - 1));
}

/** Every spelling the glossary defines: terms and variants, with and without a plural `s`. */
export function glossarySpellings(opinion: Opinion): string[] {
  const spellings: string[] = [];
  for (const entry of opinion.glossary) {
    if (typeof entry.term === 'string') spellings.push(entry.term);
    if (Array.isArray(entry.variants)) for (const v of entry.variants) if (typeof v === 'string') spellings.push(v, v.replace(/s$/, ''));
  }
  return spellings;
}

/** The names of the people in the metadata and hearings (their surnames are written in capitals). */
function peopleOf(opinion: Opinion): string[] {
  const meta = opinion.meta;
  const names: unknown[] = [
    ...(meta.rapporteurs ?? []).map((p) => p?.name),
    ...(meta.experts ?? []).map((p) => p?.name),
    meta.study_group?.president,
    ...(meta.study_group?.members ?? []),
    meta.closing?.president,
    ...(meta.appendix?.amendments ?? []).flatMap((a) => a?.tabled_by ?? []),
    ...opinion.hearings.flatMap((h) => (Array.isArray(h.speakers) ? h.speakers.map((s) => s?.name) : [])),
  ];
  return names.filter((n): n is string => typeof n === 'string');
}
