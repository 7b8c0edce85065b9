import { defineRule, describeBlock } from '../rule.js';
import { pointsOf } from '../../text/model.js';
import { countWords } from '../../text/words.js';
import { LANGUAGES_OPTION, languagesOf } from '../languages.js';

export default defineRule(
  {
    id: 'writing/point-length',
    description: 'Report a point longer than a number of words',
    rationale:
      'Each numbered point should make one point: members amend, quote and vote on points, and a point of more than ' +
      '150 words usually holds two ideas that deserve their own numbers. Counted with any list or table that belongs ' +
      'to the point.',
    severity: 'warning',
    options: {
      max: {
        title: 'Most words in a point',
        description: 'A point with more words than this is reported.',
        default: 150,
        schema: { type: 'integer', minimum: 1 },
      },
      languages: LANGUAGES_OPTION,
    },
    examples: [
      {
        title: 'A point over the limit (here 10 words)',
        options: { max: 10 },
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} SEEs help migrants to find work. They offer:\n\n- training and language courses;\n- help with housing.\n',
        },
        findings: ['text/en/01-conclusions.md:3:1-6:21: Unexpected point 1.1 (`c-one`) of 15 words, expected at most 10'],
      },
      {
        title: 'A short point',
        files: { 'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants to find work.\n' },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    for (const lang of languagesOf(context.text, options.languages)) {
      for (const block of pointsOf(context.text.byLang.get(lang))) {
        const words = countWords(block.prose.text);
        if (words <= options.max) continue;
        report(block.at, `Unexpected ${describeBlock(block)} of ${words} words, expected at most ${options.max}`, { actual: String(words) });
      }
    }
  },
);
