import { defineRule } from '../rule.js';
import { ADDRESSEE_NAMES, mentions } from '../addressee-names.js';
import { textWithPointer } from '../../text/sources.js';
import { isPlaceholder } from '../../core/placeholders.js';
import type { Addressee } from '../../core/model.js';

export interface Options {
  names: Record<string, string[]>;
}

export default defineRule<Options>(
  {
    id: 'recommendation/no-addressee',
    description: 'Report a recommendation whose text does not name an addressee it lists',
    rationale:
      'A recommendation says who must act. Its `addressees` drive the grouping of `::recommendations{group=addressee}` ' +
      'and the statistics per addressee; its text must name each of them ("calls on the Commission and the Member ' +
      'States…"), or the lists and the text tell different stories. Checked in every language version for which ' +
      'names are known (EN, FR, IT, DE); `names` adds names (in any language) per addressee, e.g. ' +
      '`member-states: [national governments]`.',
    severity: 'warning',
    options: {
      names: {
        title: 'More names per addressee',
        description: 'Map from an addressee to more ways the text may name it (`*` at the end of a word allows any ending).',
        default: {},
        schema: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
      },
    },
    examples: [
      {
        title: 'An addressee the text does not name',
        files: {
          'recommendations.yaml':
            'recommendations:\n  - id: rec-funding\n    text: The EESC calls on the Commission to simplify access to funding.\n    addressees: [european-commission, member-states]\n',
        },
        findings: [
          'recommendations.yaml:4:39-4:52: Unexpected addressee `member-states` that the `en` text of `rec-funding` does not name, expected a name such as `Member State`',
        ],
      },
      {
        title: 'Every addressee named',
        files: {
          'recommendations.yaml':
            'recommendations:\n  - id: rec-funding\n    text: The EESC calls on the Commission and the Member States to simplify access to funding.\n    addressees: [european-commission, member-states]\n',
        },
        findings: [],
      },
      {
        title: 'A name added in the configuration',
        options: { names: { 'member-states': ['national governments'] } },
        files: {
          'recommendations.yaml':
            'recommendations:\n  - id: rec-funding\n    text: The EESC calls on national governments to simplify access to funding.\n    addressees: [member-states]\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    const { opinion, text } = context;
    opinion.recommendations.forEach((recommendation, i) => {
      const id = typeof recommendation.id === 'string' ? recommendation.id : `#${i + 1}`;
      const addressees = Array.isArray(recommendation.addressees) ? recommendation.addressees : [];
      if (addressees.length === 0) {
        report(
          opinion.locate('recommendations', `/recommendations/${i}/id`),
          `Missing addressees for recommendation \`${id}\`, expected whom it calls on in \`addressees\``,
        );
        return;
      }
      for (const lang of text.langs) {
        const names = ADDRESSEE_NAMES[lang];
        const found = textWithPointer(recommendation.text, lang, text.original);
        if (!names || !found || isPlaceholder(found.value)) continue;
        addressees.forEach((addressee: Addressee, j) => {
          const candidates = [...(names[addressee] ?? []), ...(options.names[addressee] ?? [])];
          if (candidates.length === 0 || candidates.some((name) => mentions(found.value, name))) return;
          report(
            opinion.locate('recommendations', `/recommendations/${i}/addressees/${j}`),
            `Unexpected addressee \`${addressee}\` that the \`${lang}\` text of \`${id}\` does not name, expected a name such as \`${candidates[0]!.replace(/\*$/, '')}\``,
            { expected: candidates },
          );
        });
      }
    });
  },
);
