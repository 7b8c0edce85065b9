import { defineRule } from '../rule.js';
import { pointsOf } from '../../text/model.js';
import { sentencesOf } from '../../text/sentences.js';
import { LANGUAGES_OPTION, languagesOf } from '../languages.js';

export default defineRule(
  {
    id: 'writing/sentence-length',
    description: 'Report a sentence longer than a number of words',
    rationale:
      'The Commission\'s guide "How to write clearly" advises an average of no more than 20 words a sentence. ' +
      'Opinions weigh every clause and run longer — a recommendation in the usual form ("The EESC calls on X to… ' +
      'and to…") often takes 40 words — but a sentence of more than 45 words loses most readers before its end ' +
      'and can nearly always be split. The default (45) flags only those; lower `max` to tighten. Checked in the points (prose, placed ' +
      'principles and recommendations), not in headings or footnotes (references are long by nature). Words are ' +
      'counted as a word processor does (runs of non-space characters with a letter or digit).',
    severity: 'warning',
    options: {
      max: {
        title: 'Most words in a sentence',
        description: 'A sentence with more words than this is reported.',
        default: 45,
        schema: { type: 'integer', minimum: 1 },
      },
      languages: LANGUAGES_OPTION,
    },
    examples: [
      {
        title: 'A sentence over the limit (here 12 words)',
        options: { max: 12 },
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} SEEs help migrants. They offer work, training, language courses, mentoring and help with housing and administrative procedures.\n',
        },
        findings: ['text/en/01-conclusions.md:3:30-3:137: Unexpected sentence of 14 words, expected at most 12'],
      },
      {
        title: 'Short sentences',
        files: { 'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants. They offer work and training.\n' },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    for (const lang of languagesOf(context.text, options.languages)) {
      for (const block of pointsOf(context.text.byLang.get(lang))) {
        for (const sentence of sentencesOf(block.prose, lang)) {
          if (sentence.words <= options.max) continue;
          report(block.prose.locate(sentence.start, sentence.end), `Unexpected sentence of ${sentence.words} words, expected at most ${options.max}`, {
            actual: String(sentence.words),
          });
        }
      }
    }
  },
);
