import { defineRule } from '../rule.js';
import { ACTION_PHRASES } from '../action-phrases.js';
import { mentions } from '../addressee-names.js';
import { textWithPointer } from '../../text/sources.js';
import { isPlaceholder } from '../../core/placeholders.js';

export interface Options {
  phrases: Record<string, string[]>;
}

export default defineRule<Options>(
  {
    id: 'recommendation/no-action',
    description: 'Report a recommendation that calls for nothing',
    rationale:
      'A recommendation must ask someone to do something: "The EESC calls on…", "recommends…", "Member States ' +
      'should…". A text that only welcomes, notes or considers is a conclusion, not a recommendation. The verbs ' +
      'and phrases that count are listed per language (EN, FR, IT, DE; other languages are not checked); ' +
      '`phrases` adds more per language code.',
    severity: 'warning',
    options: {
      phrases: {
        title: 'More action phrases',
        description: 'Map from a language code to more words or phrases that call for action (`*` at the end of a word allows any ending).',
        default: {},
        schema: { type: 'object', propertyNames: { pattern: '^[a-z]{2}$' }, additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
      },
    },
    examples: [
      {
        title: 'A recommendation that only welcomes',
        files: {
          'recommendations.yaml':
            'recommendations:\n  - id: rec-plan\n    text: The EESC welcomes the Action Plan on integration.\n    addressees: [european-commission]\n',
        },
        findings: [
          'recommendations.yaml:3:11-3:60: Unexpected recommendation `rec-plan` that calls for nothing in `en`, expected a call such as `calls on`, `recommends` or `should`',
        ],
      },
      {
        title: 'A recommendation that calls for action',
        files: {
          'recommendations.yaml':
            'recommendations:\n  - id: rec-plan\n    text: The EESC calls on the Commission to involve SEEs in the Action Plan on integration.\n    addressees: [european-commission]\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    const { opinion, text } = context;
    opinion.recommendations.forEach((recommendation, i) => {
      const id = typeof recommendation.id === 'string' ? recommendation.id : `#${i + 1}`;
      for (const lang of text.langs) {
        const phrases = [...(ACTION_PHRASES[lang] ?? []), ...(options.phrases[lang] ?? [])];
        const found = textWithPointer(recommendation.text, lang, text.original);
        // A text still `to be completed` is reported by meta/to-be-completed; it calls for nothing yet.
        if (phrases.length === 0 || !found || isPlaceholder(found.value)) continue;
        if (phrases.some((phrase) => mentions(found.value, phrase.toLowerCase()))) continue;
        const examples = lang === 'en' ? ['calls on', 'recommends', 'should'] : phrases.slice(0, 3).map((p) => p.replace(/\*$/, ''));
        report(
          opinion.locate('recommendations', `/recommendations/${i}/text${found.pointer}`),
          `Unexpected recommendation \`${id}\` that calls for nothing in \`${lang}\`, expected a call such as ${examples
            .map((e) => `\`${e}\``)
            .join(', ')
            .replace(/, ([^,]*)$/, ' or $1')}`,
        );
      }
    });
  },
);
