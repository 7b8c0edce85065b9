import { defineRule } from '../rule.js';
import { allBlocks } from '../../text/model.js';

/** A word, letters with their marks, apostrophes and hyphens inside: `point`, `Ziffer`, `il-punt`. */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/u;
const FIRST_WORD = new RegExp(`^${WORD.source}`, 'u');
const LAST_WORD = new RegExp(`${WORD.source}$`, 'u');
const WORD_BEFORE = new RegExp(`(${WORD.source})[ \\t\\u00a0]+$`, 'u');
const WORD_AFTER = new RegExp(`^[ \\t\\u00a0]+(${WORD.source})`, 'u');

export default defineRule(
  {
    id: 'refs/doubled-word',
    description: 'Report a word written next to a reference that prints it already',
    rationale:
      'A `:ref{#id}` prints the whole reference in the language of its text: "point 3.2", "punkt 3.2", ' +
      '"3.2. pont". Writing the word too ("see point :ref{#id}") prints it twice: "see point point 3.2". ' +
      'The word next to the reference is compared with the reference as printed, also in another form ' +
      '("points", "punktu"), in every language version.',
    severity: 'warning',
    options: {},
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
        title: 'A reference written alone',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-drivers} SEEs are drivers of inclusion.\n\n{#c-networks} As said in :ref{#c-drivers}, they build networks; this point stands.\n',
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
          const before = WORD_BEFORE.exec(text.slice(Math.max(0, ref.start - 80), ref.start));
          if (first && before && sameWord(before[1]!, first)) {
            const start = ref.start - before[0].length;
            report(block.prose.locate(start, ref.end), message(before[1]!, 'before', printed, ref.id), { actual: before[1] });
            continue;
          }
          // `{number}. pont`: the word comes after the number.
          const last = /\d/u.test(printed[0] ?? '') ? LAST_WORD.exec(printed)?.[0] : undefined;
          const after = WORD_AFTER.exec(text.slice(ref.end, ref.end + 80));
          if (last && after && sameWord(after[1]!, last)) {
            report(block.prose.locate(ref.start, ref.end + after[0].length), message(after[1]!, 'after', printed, ref.id), { actual: after[1] });
          }
        }
      }
    }
  },
);

/** The same word, or another form of it that starts with it (`points`, `punktu`, `pontot`). */
function sameWord(written: string, printed: string): boolean {
  const a = written.toLocaleLowerCase();
  const b = printed.toLocaleLowerCase();
  return a === b || (b.length >= 3 && a.startsWith(b));
}

function message(word: string, side: 'before' | 'after', printed: string, id: string): string {
  return `Unexpected \`${word}\` ${side} the reference \`${printed}\`, expected the reference alone (\`:ref{#${id}}\` prints \`${printed}\`)`;
}
