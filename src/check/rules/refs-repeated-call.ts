import { defineRule, describeBlock, shortPlace } from '../rule.js';
import type { Mark } from '../../text/scan.js';
import { findCited, type ChapterText, type TextBlock } from '../../text/model.js';
import { sentencesOf, type Sentence } from '../../text/sentences.js';
import { textWithPointer } from '../../text/sources.js';
import { countWords } from '../../text/words.js';
import type { Opinion } from '../../core/model.js';

/** A footnote text this short ("Ibid.", "Ibid., p. 4.") names no source by itself: compared by label only. */
const SHORTEST_COMPARED_TEXT = 4;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** One footnote call in a block: where it is, which source it calls, and how to name that source. */
interface Call {
  mark: Mark;
  /** Same key, same source: the same evidence source, the same footnote, or footnotes with the same text. */
  key: string;
  name: string;
  sentence: number;
}

export default defineRule(
  {
    id: 'refs/repeated-call',
    description: 'Report a source called twice in one sentence or point',
    rationale:
      'Every `:cite` of an evidence item (or of its facts that have no source of their own) and every call of a ' +
      'Markdown footnote puts a footnote call in the text; citing the same source again gives the same footnote ' +
      'number again. One number three times in a sentence ("…work,¹ … since 2011¹ … the region.¹") reads as a ' +
      'defect: one call at the end of the sentence or point covers all it says. One source is one footnote as ' +
      'the build numbers it — the same evidence item or fact source, the same `[^label]` of the chapter — or ' +
      'footnotes of the same text (a Markdown footnote copying a source that `:cite` also gives; texts shorter ' +
      'than four words, such as "Ibid.", are not compared). A `:ref` prints a point number or a title, not a ' +
      'call, and is not counted. Reported at the repeated call; `within: sentence` allows one call per sentence ' +
      'instead of one per point. Checked in every language version (sentences as each language ends them); a ' +
      'translation is only reported where the original has no such finding.',
    severity: 'warning',
    options: {
      within: {
        title: 'Scope of one call',
        description: '`point` (one call of a source per point) or `sentence` (one per sentence).',
        default: 'point',
        schema: { type: 'string', enum: ['sentence', 'point'] },
      },
    },
    examples: [
      {
        title: 'One source called three times in a sentence',
        files: {
          'evidence.yaml':
            'evidence:\n  - id: camelot\n    kind: case-study\n    title: The Camelot cooperative\n    facts:\n      - id: camelot-founding\n        text: Set up in 1999.\n      - id: camelot-services\n        text: Offers courses.\n    source:\n      author: CECOP\n      title: Labour integration of refugees\n',
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-camelot} Set up in 1999 :cite{#camelot-founding}, the cooperative offers courses :cite{#camelot-services} and jobs :cite{#camelot}.\n',
        },
        findings: [
          'text/en/01-conclusions.md:3:86-3:110: Unexpected second call of the source of `camelot` in one sentence, expected one call (it gives the same footnote again)',
          'text/en/01-conclusions.md:3:120-3:135: Unexpected second call of the source of `camelot` in one sentence, expected one call (it gives the same footnote again)',
        ],
      },
      {
        title: 'The same footnote called in two sentences of a point',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-sprar} SEEs take part in the SPRAR system.[^sprar] It funds local projects.[^sprar]\n\n[^sprar]: Protection System for Asylum Seekers and Refugees.\n',
        },
        findings: [
          'text/en/01-conclusions.md:3:80-3:88: Unexpected second call of footnote `[^sprar]` in point 1.1 (`c-sprar`), expected one call per point (it gives the same footnote again)',
        ],
      },
      {
        title: 'A Markdown footnote with the text of a cited source',
        files: {
          'evidence.yaml':
            'evidence:\n  - id: camelot\n    kind: case-study\n    title: The Camelot cooperative\n    source:\n      author: CECOP\n      title: Labour integration of refugees\n',
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-camelot} The cooperative employs 200 people :cite{#camelot}; a fifth are migrants.[^cecop]\n\n[^cecop]: CECOP, *Labour integration of refugees*.\n',
        },
        findings: [
          'text/en/01-conclusions.md:3:87-3:95: Unexpected second call of footnote `[^cecop]` in one sentence, expected one call (it gives the same footnote again)',
        ],
      },
      {
        title: 'One call per sentence allowed (`within: sentence`)',
        options: { within: 'sentence' },
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-sprar} SEEs take part in the SPRAR system.[^sprar] It funds local projects.[^sprar]\n\n[^sprar]: Protection System for Asylum Seekers and Refugees.\n',
        },
        findings: [],
      },
      {
        title: 'One source per point, and "Ibid." twice',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-sprar} SEEs take part in the SPRAR system.[^sprar]\n\n{#c-funds} It funds local projects[^sprar] and housing.[^a] It also funds courses.[^b]\n\n[^sprar]: Protection System for Asylum Seekers and Refugees.\n\n[^a]: Ibid.\n\n[^b]: Ibid.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    const { text, opinion } = context;
    const inOriginal = new Set<string>();
    for (const lang of text.langs) {
      for (const chapter of text.byLang.get(lang)?.chapters ?? []) {
        const footnotes = new Map(chapter.footnotes.filter((f) => f.from === 'prose' && f.id).map((f) => [f.id!.toLowerCase(), f]));
        const blocks = [...(chapter.title ? [chapter.title] : []), ...chapter.body, ...chapter.footnotes.filter((f) => f.from === 'prose')];
        for (const block of blocks) {
          const calls = callsOf(block, opinion, chapter, footnotes, text.original);
          const seen = new Map<string, Call>();
          for (const call of calls) {
            const first = seen.get(call.key);
            if (!first) {
              seen.set(call.key, call);
              continue;
            }
            const inSentence = first.sentence === call.sentence;
            if (!inSentence && options.within === 'sentence') continue;
            const finding = `${block.id ?? block.number ?? ''}|${call.key}|${inSentence}`;
            if (lang === text.original) inOriginal.add(finding);
            else if (inOriginal.has(finding)) continue;
            const where = inSentence ? 'in one sentence' : `in ${describeBlock(block)}`;
            report(
              call.mark.at,
              `Unexpected second call of ${call.name} ${where}, expected one call${inSentence ? '' : ' per point'} (it gives the same footnote again)`,
              {
                note: `First called at ${shortPlace(context, first.mark.at)}; one call at the end of the ${inSentence ? 'sentence' : 'point'} covers what it says`,
              },
            );
          }
        }
      }
    }
  },
);

/** The footnote calls of a block (`:cite` and `[^label]`), in text order, each with its source and sentence. */
function callsOf(block: TextBlock, opinion: Opinion, chapter: ChapterText, footnotes: Map<string, TextBlock>, original: string): Call[] {
  // One call cannot be a second one.
  if (block.cites.length + block.footnotes.length < 2) return [];
  const sentences = sentencesOf(block.prose, block.lang);
  const calls: Call[] = [];
  for (const mark of block.cites) {
    const cited = findCited(opinion.evidence, mark.id);
    if (!cited) continue;
    const source = cited.source;
    const parts = [source.author, source.title, source.publisher, source.url].map(
      (v) => textWithPointer(v, block.lang, original) ?? textWithPointer(v, original, original),
    );
    const words = parts.flatMap((p) => (p ? [p.value] : [])).join(', ');
    calls.push({
      mark,
      key: sourceKey(words) ?? `cite:${cited.pointer}`,
      name: `the source of \`${cited.evidenceId}\``,
      sentence: sentenceOf(sentences, mark),
    });
  }
  for (const mark of block.footnotes) {
    const footnote = footnotes.get(mark.id);
    if (!footnote) continue;
    calls.push({
      mark,
      key: sourceKey(footnote.prose.text) ?? `fn:${chapter.path}#${mark.id}`,
      name: `footnote \`[^${footnote.id}]\``,
      sentence: sentenceOf(sentences, mark),
    });
  }
  return calls.sort((a, b) => a.mark.start - b.mark.start || (a.mark.at.position.start.offset ?? 0) - (b.mark.at.position.start.offset ?? 0));
}

/** Footnote texts compared without case, punctuation or markup; too short a text is no key. */
function sourceKey(text: string): string | undefined {
  if (countWords(text) < SHORTEST_COMPARED_TEXT) return undefined;
  return `text:${text.toLowerCase().replace(NOT_WORD, ' ').trim()}`;
}

/** The index of the sentence a call stands in: the one it ends or stands inside (a call after a full stop belongs to the sentence it closes). */
function sentenceOf(sentences: Sentence[], mark: Mark): number {
  let found = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (sentences[i]!.start <= mark.start) found = i;
    else break;
  }
  return found;
}
