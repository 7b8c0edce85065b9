import { defineRule, shortPlace } from '../rule.js';
import { allBlocks, type TextBlock } from '../../text/model.js';
import { LANGUAGES_OPTION, languagesOf } from '../languages.js';
import type { Opinion } from '../../core/model.js';

type Joint = 'space' | 'hyphen' | 'closed';

interface Occurrence {
  block: TextBlock;
  /** The term as written (`social-economy`), without the word after it. */
  surface: string;
  head: string;
  joint: Joint;
  /** Whether the term starts a sentence (the case of its first letter then says nothing). */
  initial: boolean;
  start: number;
  end: number;
  form?: string;
}

const HYPHENS = new Set(['-', '‐', '‑']);
const SHORT_WORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'in',
  'on',
  'at',
  'by',
  'for',
  'and',
  'or',
  'any',
  'every',
  'some',
  'may',
  'can',
  'all',
  'no',
  'up',
  'out',
  'with',
  'over',
  'under',
]);

export default defineRule(
  {
    id: 'consistency/term-spelling',
    description: 'Report a term written two ways',
    rationale:
      'The same term should be written the same way throughout: "social economy enterprise" or ' +
      '"social-economy enterprise", "multi-level" or "multilevel", "Member States" or "member states" — ' +
      'translators and readers take a different spelling for a different thing. Two words written apart, ' +
      'hyphenated or closed up count as the same term when followed by the same word (so "in the long term" ' +
      'and "long-term funding" are not compared). Capitals count in terms of two words that someone wrote with ' +
      'two capitals ("Member States"), except at the start of a sentence or after a colon, or inside a longer name ' +
      '("Single Market Act" beside "single market"), and not in German ' +
      "(where every noun has one). The expected spelling is the glossary's when it has the term, otherwise the most frequent " +
      '(the first on a tie); every other spelling is reported. Footnotes are left out by default: they quote ' +
      'titles as published.',
    severity: 'warning',
    options: {
      includeFootnotes: {
        title: 'Include footnotes',
        description: 'Also compare spellings in footnotes (which often quote titles as published).',
        default: false,
        schema: { type: 'boolean' },
      },
      languages: LANGUAGES_OPTION,
    },
    examples: [
      {
        title: 'Written apart and hyphenated',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} Social economy enterprises help migrants. Each social economy enterprise is rooted locally.\n\n{#c-two} A social-economy enterprise needs stable funding.\n',
        },
        findings: [
          'text/en/01-conclusions.md:5:12-5:26: Unexpected `social-economy enterprise`, expected `social economy enterprise` as written 2 other times',
        ],
      },
      {
        title: 'The glossary decides',
        files: {
          'glossary.yaml': 'glossary:\n  - id: g-multilevel\n    term: multi-level governance\n    kind: term\n    expansion: multi-level governance\n',
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} Multilevel governance works. The SPRAR shows that multilevel governance works.\n\n{#c-two} It is multi-level governance in practice.\n',
        },
        findings: [
          'text/en/01-conclusions.md:3:10-3:20: Unexpected `Multilevel governance`, expected `multi-level governance` as in the glossary',
          'text/en/01-conclusions.md:3:60-3:70: Unexpected `multilevel governance`, expected `multi-level governance` as in the glossary',
        ],
      },
      {
        title: 'Capitals in a term of two words',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} The Member States should act. Member States must also fund SEEs.\n\n{#c-two} All member states should act.\n',
        },
        findings: ['text/en/01-conclusions.md:5:14-5:27: Unexpected `member states`, expected `Member States` as written 2 other times'],
      },
      {
        title: 'A longer name beside the term',
        files: {
          // After OJ C 143, 22.5.2012, p. 17 (CELEX 52012IE0466), abridged.
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} The European single market should have been completed two decades ago. The Commission has proposed a Single Market Act.\n',
        },
        findings: [],
      },
      {
        title: 'A noun and a compound adjective',
        files: {
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Integration pays off in the long term. SEEs need long-term funding.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    const glossary = glossaryTerms(context.opinion);
    for (const lang of languagesOf(context.text, options.languages)) {
      const blocks = allBlocks(context.text.byLang.get(lang)).filter((b) => options.includeFootnotes || b.kind !== 'footnote');
      const { joints, cases } = collect(blocks);
      for (const group of joints.values()) {
        // Written apart, hyphenated or closed up: the spelling is the joint; the term is shown with the word after it.
        reportSpellings(
          groupBy(group, (o) => o.joint),
          (o) => `${o.surface} ${o.head}`,
        );
      }
      // German writes every noun with a capital: capitals say nothing about spelling there.
      if (lang === 'de') continue;
      for (const group of cases.values()) {
        // Capitals: only terms someone wrote with two capitals ("Member States"), compared outside sentence starts.
        if (!group.some((o) => !o.initial && /^\p{Lu}\S*\s+\p{Lu}/u.test(o.surface))) continue;
        assignCaseForms(group);
        reportSpellings(
          groupBy(group, (o) => o.form!),
          (o) => o.surface,
        );
      }
    }

    function reportSpellings(spellings: Map<string, Occurrence[]>, display: (o: Occurrence) => string): void {
      if (spellings.size < 2) return;
      // A glossary entry listing both spellings accepts both.
      const listed = [...spellings.values()].filter((list) => list.some((o) => inGlossary(o, glossary)));
      if (listed.length > 1) return;
      const expected = listed[0] ?? [...spellings.values()].sort((a, b) => b.length - a.length)[0]!;
      const shown = display(expected.find((o) => !o.initial) ?? expected[0]!);
      const first = expected[0]!;
      for (const list of spellings.values()) {
        if (list === expected) continue;
        for (const o of list) {
          report(
            o.block.prose.locate(o.start, o.end),
            `Unexpected \`${display(o)}\`, expected \`${shown}\` ${listed[0] ? 'as in the glossary' : `as written ${expected.length === 1 ? 'once' : `${expected.length} other times`}`}`,
            { note: `\`${shown}\` is first written at ${shortPlace(context, first.block.prose.locate(first.start, first.end))}`, expected: [shown] },
          );
        }
      }
    }
  },
);

function groupBy(list: Occurrence[], key: (o: Occurrence) => string): Map<string, Occurrence[]> {
  const groups = new Map<string, Occurrence[]>();
  for (const o of list) {
    const k = key(o);
    const group = groups.get(k);
    if (group) group.push(o);
    else groups.set(k, [o]);
  }
  return groups;
}

/**
 * Terms of two words (written apart or hyphenated) and closed-up words, each
 * with the word after it: grouped by their letters and that word for
 * comparing joints, and by their letters alone for comparing capitals.
 *
 * Two passes over the words of each block: the first finds the hyphenated
 * terms, the closed-up words and the terms written with two capitals; the
 * second collects the occurrences of the terms also written another way.
 * Words separated by anything but one space or one hyphen never pair, so
 * terms never run across sentences.
 */
function collect(blocks: TextBlock[]): { joints: Map<string, Occurrence[]>; cases: Map<string, Occurrence[]> } {
  const texts = blocks.map((block) => new Words(block));
  /** First word → second words of hyphenated terms. */
  const hyphenated = new Map<string, Set<string>>();
  const closed = new Set<string>();
  const capitalised = new Set<string>();
  /** The first words of `capitalised` (words hold no space): a pair is put together only when its first word is one. */
  const capitalisedFirst = new Set<string>();
  for (const words of texts) {
    const { lower, count } = words;
    for (let i = 0; i < count; i++) {
      if (words.length(i) >= 5) closed.add(lower[i]!);
      if (i + 1 >= count) continue;
      const joint = words.joint(i + 1);
      if (joint === 'hyphen') {
        let seconds = hyphenated.get(lower[i]!);
        if (!seconds) hyphenated.set(lower[i]!, (seconds = new Set()));
        seconds.add(lower[i + 1]!);
      } else if (
        joint === 'space' &&
        words.capital(i) &&
        words.capital(i + 1) &&
        isWord(words.text(i)) &&
        isWord(words.text(i + 1)) &&
        !words.initial(i) &&
        !inLongerName(words, i)
      ) {
        capitalised.add(`${lower[i]} ${lower[i + 1]}`);
        capitalisedFirst.add(lower[i]!);
      }
    }
  }

  const joints = new Map<string, Occurrence[]>();
  const cases = new Map<string, Occurrence[]>();
  const add = (map: Map<string, Occurrence[]>, key: string, o: Occurrence) => {
    const list = map.get(key);
    if (list) list.push(o);
    else map.set(key, [o]);
  };
  const withHyphen = new Set<string>();
  for (const words of texts) {
    const { block, lower, count } = words;
    const text = block.prose.text;
    for (let i = 0; i + 1 < count; i++) {
      const joint = words.joint(i + 1);
      if (!joint) continue;
      const start = words.starts[i]!;
      const end = words.ends[i + 1]!;
      if (joint === 'space' && capitalisedFirst.has(lower[i]!)) {
        const pair = `${lower[i]} ${lower[i + 1]}`;
        if (capitalised.has(pair) && !inLongerName(words, i))
          add(cases, pair, { block, surface: text.slice(start, end), head: '', joint, initial: words.initial(i), start, end });
      }
      if (i + 2 >= count || !words.spaceBefore(i + 2)) continue;
      const hyphen = hyphenated.get(lower[i]!)?.has(lower[i + 1]!) ?? false;
      if (!hyphen && !closed.has(lower[i]! + lower[i + 1]!)) continue;
      if (!isWord(words.text(i)) || !isWord(words.text(i + 1))) continue;
      const key = `${lower[i]}${lower[i + 1]}|${stem(lower[i + 2]!)}`;
      if (hyphen) withHyphen.add(key);
      add(joints, key, { block, surface: text.slice(start, end), head: words.text(i + 2), joint, initial: words.initial(i), start, end });
    }
  }
  // Closed-up forms of the terms found, followed by the same word.
  if (joints.size > 0) {
    // The closed-up forms the keys name (words hold no `|`): a key is put together only for one of them.
    const heads = new Set([...joints.keys()].map((key) => key.slice(0, key.indexOf('|'))));
    for (const words of texts) {
      const { block, lower, count } = words;
      for (let i = 0; i + 1 < count; i++) {
        if (words.length(i) < 5 || !heads.has(lower[i]!) || !words.spaceBefore(i + 1)) continue;
        const list = joints.get(`${lower[i]}|${stem(lower[i + 1]!)}`);
        if (list)
          list.push({
            block,
            surface: words.text(i),
            head: words.text(i + 1),
            joint: 'closed',
            initial: words.initial(i),
            start: words.starts[i]!,
            end: words.ends[i]!,
          });
      }
    }
  }
  for (const [key, list] of joints) {
    const kinds = new Set(list.map((o) => o.joint));
    if (kinds.size < 2) {
      joints.delete(key);
      continue;
    }
    // Closed up against written apart only is too often grammar ("may be" / "maybe"): keep such a
    // group only when both parts are words of some length.
    if (!withHyphen.has(key)) {
      const parts =
        list
          .find((o) => o.joint === 'space')
          ?.surface.toLowerCase()
          .split(' ') ?? [];
      if (parts.some((w) => SHORT_WORDS.has(w) || w.length < 3)) joints.delete(key);
    }
  }
  return { joints, cases };
}

/**
 * Whether the two words at `i` run on into a third with a capital: a longer
 * name ("the Single Market Act", a Commission act, beside "the single
 * market"), whose capitals say nothing about how the text spells the pair.
 */
function inLongerName(words: Words, i: number): boolean {
  return i + 2 < words.count && words.joint(i + 2) === 'space' && words.capital(i + 2) && isWord(words.text(i + 2));
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /(?:[.!?…:]["'”’»)\]]*\s*|\n\s*\n\s*)$/;

/** The words of a block: their places, lower-case forms, and what separates each from the one before. */
class Words {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly lower: string[] = [];
  readonly count: number;
  private readonly source: string;

  constructor(readonly block: TextBlock) {
    const text = block.prose.text;
    this.source = text;
    // Lower case once per block; per word only where lower-casing changes the length (`İ`).
    const folded = text.toLowerCase();
    const same = folded.length === text.length;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const end = m.index + m[0].length;
      this.starts.push(m.index);
      this.ends.push(end);
      this.lower.push(same ? folded.slice(m.index, end) : m[0].toLowerCase());
    }
    this.count = this.starts.length;
  }

  text(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }

  length(i: number): number {
    return this.ends[i]! - this.starts[i]!;
  }

  capital(i: number): boolean {
    const c = this.source.charCodeAt(this.starts[i]!);
    return c < 128 ? c >= 65 && c <= 90 : UPPER.test(this.source[this.starts[i]!]!);
  }

  /** How word `i` is joined to the one before: one space, one hyphen, or otherwise. */
  joint(i: number): Joint | undefined {
    const from = this.ends[i - 1]!;
    if (this.starts[i]! - from !== 1) return undefined;
    const c = this.source[from]!;
    return c === ' ' ? 'space' : HYPHENS.has(c) ? 'hyphen' : undefined;
  }

  /** Whether only white space separates word `i` from the one before. */
  spaceBefore(i: number): boolean {
    const from = this.ends[i - 1]!;
    const to = this.starts[i]!;
    if (to === from) return false;
    for (let k = from; k < to; k++) {
      const c = this.source.charCodeAt(k);
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 0xa0) return false;
    }
    return true;
  }

  /** A sentence start (the block's first word, or after `.`, `!`, `?`, `…` or a blank line), or after a colon. */
  initial(i: number): boolean {
    return i === 0 || SENTENCE_END.test(this.source.slice(this.ends[i - 1], this.starts[i]));
  }
}

/** At least two letters (ASCII fast, any script otherwise). */
function isWord(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length && letters < 2; i++) {
    const c = text.charCodeAt(i) | 32;
    if ((c >= 97 && c <= 122) || (text.charCodeAt(i) > 127 && LETTER.test(text[i]!))) letters++;
    else letters = 0;
  }
  return letters >= 2;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** The spelling each occurrence counts as; at a sentence start, that of a spelling differing only in the first capital. */
function assignCaseForms(occurrences: Occurrence[]): void {
  const loose = (o: Occurrence) => o.surface.slice(1);
  const known = new Map<string, string>();
  for (const o of occurrences) {
    if (o.initial) continue;
    o.form = o.surface;
    if (!known.has(loose(o))) known.set(loose(o), o.surface);
  }
  for (const o of occurrences) if (o.initial) o.form = known.get(loose(o)) ?? o.surface[0]!.toLowerCase() + o.surface.slice(1);
}

/** Whether the glossary writes the term this way (as a term, or as a term and the word after it). */
function inGlossary(o: Occurrence, glossary: Set<string>): boolean {
  const written = [`${o.surface} ${o.head}`, `${o.surface} ${o.head.replace(/e?s$/, '')}`, o.surface];
  return written.some(
    (w) => glossary.has(w) || (o.initial && glossary.has(w[0]!.toLowerCase() + w.slice(1))) || (o.joint === 'closed' && glossary.has(w.toLowerCase())),
  );
}

function stem(word: string): string {
  const lower = word.toLowerCase();
  return lower.length > 3 && lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/** Terms and variants of the glossary, as written. */
function glossaryTerms(opinion: Opinion): Set<string> {
  const terms = new Set<string>();
  for (const entry of opinion.glossary) {
    for (const t of [entry.term, ...(Array.isArray(entry.variants) ? entry.variants : [])]) if (typeof t === 'string') terms.add(t);
  }
  return terms;
}
