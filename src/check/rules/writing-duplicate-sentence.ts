import { defineRule, describeBlock, shortPlace } from '../rule.js';
import { pointsOf, type TextBlock } from '../../text/model.js';
import { sentencesOf } from '../../text/sentences.js';
import { LANGUAGES_OPTION, languagesOf } from '../languages.js';

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export default defineRule(
  {
    id: 'writing/duplicate-sentence',
    description: 'Report a sentence that appears twice',
    rationale:
      'A sentence written twice — often a conclusion copied into the specific comments, or a recommendation ' +
      'repeated in a point — makes the text longer without saying more, and the two copies drift apart at the ' +
      'first amendment. Sentences are compared without case, punctuation or markup; short ones (fewer than ' +
      '`minWords` words, e.g. "The EESC agrees.") may repeat. Reported at the second occurrence.',
    severity: 'warning',
    options: {
      minWords: {
        title: 'Shortest sentence compared',
        description: 'Sentences with fewer words than this are not compared.',
        default: 6,
        schema: { type: 'integer', minimum: 1 },
      },
      languages: LANGUAGES_OPTION,
    },
    examples: [
      {
        title: 'The same sentence in two points',
        files: {
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants to find stable work.\n',
          'text/en/02-specific-comments.md': '# Specific comments\n\n{#sc-one} Funding matters. SEEs help *migrants* to find stable work!\n',
        },
        findings: ['text/en/02-specific-comments.md:3:28-3:69: Unexpected sentence repeated from point 1.1 (`c-one`), expected each sentence once'],
      },
      {
        title: 'A short sentence may repeat',
        files: {
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} The EESC agrees. SEEs help migrants.\n\n{#c-two} The EESC agrees. They need funding.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    for (const lang of languagesOf(context.text, options.languages)) {
      const seen = new Map<string, { block: TextBlock; start: number; end: number }>();
      for (const block of pointsOf(context.text.byLang.get(lang))) {
        for (const sentence of sentencesOf(block.prose, lang)) {
          if (sentence.words < options.minWords) continue;
          // Compared without case, punctuation or markup.
          const key = sentence.text.toLowerCase().replace(NOT_WORD, ' ').trim();
          const first = seen.get(key);
          if (!first) {
            seen.set(key, { block, start: sentence.start, end: sentence.end });
            continue;
          }
          report(
            block.prose.locate(sentence.start, sentence.end),
            `Unexpected sentence repeated from ${describeBlock(first.block)}, expected each sentence once`,
            {
              note: `First at ${shortPlace(context, first.block.prose.locate(first.start, first.end))}`,
            },
          );
        }
      }
    }
  },
);
