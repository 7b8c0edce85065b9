import { defineRule } from '../rule.js';
import { allBlocks } from '../../text/model.js';
import { CHAPTER_WORDS, FOOTNOTE_WORDS, POINT_NOUNS } from '../../diff/text/reference-words.js';

/** A word, letters with their marks, apostrophes and hyphens inside: `point`, `Ziffer`, `il-punt`. */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/u;
const FIRST_WORD = new RegExp(`^${WORD.source}`, 'u');
const LAST_WORD = new RegExp(`${WORD.source}$`, 'u');
/** The spaces between a word and the reference. */
const SPACES = ' \t\u00a0';
/**
 * The nouns that name a point, chapter or footnote in the EU languages
 * ("point", "paragraphe", "Ziffer", "κεφάλαιο"…): one of them before a
 * reference doubles the reference's own, whichever word the reference
 * prints ("le point paragraphe 2.1"). The verbs that also introduce
 * references ("see :ref{#id}") are not among them.
 */
const REFERENCE_NOUNS = new Set([...POINT_NOUNS, ...CHAPTER_WORDS, ...FOOTNOTE_WORDS]);

export default defineRule(
  {
    id: 'refs/doubled-word',
    description: 'Report a word written next to a reference that prints it already',
    rationale:
      'A `:ref{#id}` prints the whole reference in the language of its text: "point 3.2", "punkt 3.2", ' +
      '"3.2. pont". Writing the word too ("see point :ref{#id}") prints it twice: "see point point 3.2". ' +
      'The word next to the reference is compared with the reference as printed, also in another form ' +
      '("points", "punktu"), in every language version; a word before it that names a point, chapter or ' +
      'footnote in another way ("le point :ref{#id}" where the reference prints "paragraphe 2.1") doubles it too.',
    severity: 'warning',
    examples: [
      {
        title: 'The word written before a reference that prints it',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-drivers} SEEs are drivers of inclusion.\n\n{#c-networks} As said in point :ref{#c-drivers}, they build networks.\n',
        },
        findings: [
          'text/en/01-conclusions.md:5:26-5:48: Unexpected `point` before the reference `point 1.1`, expected the reference alone (`:ref{#c-drivers}` prints `point 1.1`)',
        ],
      },
      {
        title: 'The word written after a reference that prints it after the number (Hungarian: `{number}. pont`)',
        files: {
          'opinion.yaml':
            'reference: SOC/900\ntitle: Szociális szövetkezetek\nkind: own-initiative\nrapporteurs:\n  - name: Anna KOVÁCS\nlanguage: hu\nstage: study-group\n',
          'text/hu/01-conclusions.md':
            '# Következtetések\n\n{#c-one} A szövetkezetek fontosak.\n\n{#c-two} Ahogy a :ref{#c-one} pontban írtuk, hálózatokat építenek.\n',
        },
        findings: [
          'text/hu/01-conclusions.md:5:18-5:38: Unexpected `pontban` after the reference `1.1. pont`, expected the reference alone (`:ref{#c-one}` prints `1.1. pont`)',
        ],
      },
      {
        title: 'Another word for a point before a reference (French prints `paragraphe`)',
        files: {
          'opinion.yaml':
            'reference: SOC/900\ntitle: Économie sociale et migrants\nkind: own-initiative\nrapporteurs:\n  - name: Marie DUPONT\nlanguage: fr\nstage: study-group\n',
          'text/fr/01-conclusions.md':
            '# Conclusions\n\n{#c-un} Les EES accueillent les migrants.\n\n{#c-deux} Comme le dit le point :ref{#c-un}, elles créent des réseaux.\n',
        },
        findings: [
          'text/fr/01-conclusions.md:5:27-5:44: Unexpected `point` before the reference `paragraphe 1.1`, expected the reference alone (`:ref{#c-un}` prints `paragraphe 1.1`)',
        ],
      },
      {
        title: 'An abbreviation of the word before a reference (German `Ziff.`, Bulgarian `т.`)',
        files: {
          'opinion.yaml':
            'reference: SOC/900\ntitle: Sozialwirtschaft und Migranten\nkind: own-initiative\nrapporteurs:\n  - name: Anna SCHMIDT\nlanguage: de\nstage: study-group\n',
          'text/de/01-conclusions.md':
            '# Schlussfolgerungen\n\n{#c-eins} Genossenschaften sind wichtig.\n\n{#c-zwei} Wie in Ziff. :ref{#c-eins} dargelegt, bauen sie Netze auf.\n',
        },
        findings: [
          'text/de/01-conclusions.md:5:18-5:37: Unexpected `Ziff.` before the reference `Ziffer 1.1`, expected the reference alone (`:ref{#c-eins}` prints `Ziffer 1.1`)',
        ],
      },
      {
        title: 'A contraction of the word before a reference (Polish `pkt`)',
        files: {
          'opinion.yaml':
            'reference: SOC/900\ntitle: Gospodarka społeczna i migranci\nkind: own-initiative\nrapporteurs:\n  - name: Anna NOWAK\nlanguage: pl\nstage: study-group\n',
          'text/pl/01-conclusions.md': '# Wnioski\n\n{#c-jeden} Spółdzielnie są ważne.\n\n{#c-dwa} Jak wskazano w pkt :ref{#c-jeden}, tworzą one sieci.\n',
        },
        findings: [
          'text/pl/01-conclusions.md:5:25-5:43: Unexpected `pkt` before the reference `punkt 1.1`, expected the reference alone (`:ref{#c-jeden}` prints `punkt 1.1`)',
        ],
      },
      {
        title: 'A verb that introduces the reference (Swedish `Se`, French `voir`) is no doubled word',
        files: {
          'opinion.yaml':
            'reference: SOC/900\ntitle: Sociala företag och migranter\nkind: own-initiative\nrapporteurs:\n  - name: Anna LUNDBERG\nlanguage: sv\nstage: study-group\n',
          'text/sv/01-conclusions.md': '# Slutsatser\n\n{#c-ett} Kooperativ är viktiga.\n\n{#c-tva} Se :ref{#c-ett} om detta.\n',
        },
        findings: [],
      },
      {
        title: 'A reference written alone',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-drivers} SEEs are drivers of inclusion.\n\n{#c-networks} As said in :ref{#c-drivers}, they build networks; this point stands. :ref{#c-drivers} ends with a point.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    for (const lang of context.text.langs) {
      for (const block of allBlocks(context.text.byLang.get(lang))) {
        const text = block.prose.text;
        for (const ref of block.refs) {
          const printed = text.slice(ref.start, ref.end);
          const first = FIRST_WORD.exec(printed)?.[0];
          const before = first ? wordBefore(text, ref.start) : undefined;
          if (first && before && (sameWord(before.word, first) || REFERENCE_NOUNS.has(before.word.toLowerCase()) || isContraction(before.word, first))) {
            report(block.prose.locate(before.start, ref.end), message(before.word, 'before', printed, ref.id), { actual: before.word });
            continue;
          }
          // An abbreviation of the printed word: `Ziff. :ref` prints "Ziff. Ziffer 1.1", `т. :ref` "т. точка 1.1".
          const short = first && !before ? wordBefore(text, ref.start, true) : undefined;
          if (
            first &&
            short &&
            short.word.length < first.length &&
            (first.toLowerCase().startsWith(short.word.toLowerCase()) || isContraction(short.word, first))
          ) {
            report(block.prose.locate(short.start, ref.end), message(`${short.word}.`, 'before', printed, ref.id), { actual: `${short.word}.` });
            continue;
          }
          // `{number}. pont`: the word comes after the number.
          const last = /\d/u.test(printed[0] ?? '') ? LAST_WORD.exec(printed)?.[0] : undefined;
          const after = last ? wordAfter(text, ref.end) : undefined;
          if (last && after && sameWord(after.word, last)) {
            report(block.prose.locate(ref.start, after.end), message(after.word, 'after', printed, ref.id), { actual: after.word });
          }
        }
      }
    }
  },
);

/**
 * Whether `short` is a contraction of `word`: its first and last letters and,
 * in order, some letters between (Polish `pkt` for "punkt", written without a
 * dot since it keeps the last letter, and `pkt.` as some write it); three
 * letters at least, so that a two-letter word ("ta točka", Croatian "that
 * point") is never one.
 */
export function isContraction(short: string, word: string): boolean {
  const a = [...short.toLowerCase()];
  const b = [...word.toLowerCase()];
  if (a.length < 3 || a.length >= b.length || a[0] !== b[0] || a.at(-1) !== b.at(-1)) return false;
  let i = 1;
  for (let j = 1; j < b.length - 1 && i < a.length - 1; j++) if (b[j] === a[i]) i++;
  return i === a.length - 1;
}

/**
 * The word that ends, before spaces, at `at` (within 80 characters), and
 * where it starts: what `(WORD)[ \t\u00a0]+$` finds before `at`, with the
 * word's own pattern only (a pattern of letter classes costs a millisecond
 * to compile). With `dot`, a word and its dot (an abbreviation: `Ziff.`,
 * `т.`), without the dot: what `(WORD)\.[ \t\u00a0]+$` finds.
 */
export function wordBefore(text: string, at: number, dot = false): { word: string; start: number } | undefined {
  const from = Math.max(0, at - 80);
  let end = at;
  while (end > from && SPACES.includes(text[end - 1]!)) end--;
  if (end === at || (dot && text[end - 1] !== '.')) return undefined;
  const m = LAST_WORD.exec(text.slice(from, dot ? end - 1 : end));
  return m ? { word: m[0], start: from + m.index } : undefined;
}

/** The word after spaces from `at` (within 80 characters), and where it ends: what `^[ \t\u00a0]+(WORD)` finds. */
export function wordAfter(text: string, at: number): { word: string; end: number } | undefined {
  const to = Math.min(text.length, at + 80);
  let start = at;
  while (start < to && SPACES.includes(text[start]!)) start++;
  if (start === at) return undefined;
  const m = FIRST_WORD.exec(text.slice(start, to));
  return m ? { word: m[0], end: start + m[0].length } : undefined;
}

/** The same word, or another form of it that starts with it (`points`, `punktu`, `pontot`). */
function sameWord(written: string, printed: string): boolean {
  const a = written.toLowerCase();
  const b = printed.toLowerCase();
  return a === b || (b.length >= 3 && a.startsWith(b));
}

function message(word: string, side: 'before' | 'after', printed: string, id: string): string {
  return `Unexpected \`${word}\` ${side} the reference \`${printed}\`, expected the reference alone (\`:ref{#${id}}\` prints \`${printed}\`)`;
}
