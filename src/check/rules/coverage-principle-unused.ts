import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'coverage/principle-unused',
    description: 'Report a principle that no recommendation rests on',
    rationale:
      'The principles are what the opinion stands on, and the recommendations are what it asks for. ' +
      'A principle that no recommendation lists in its `principles` is either a recommendation missing ' +
      'or a principle the opinion does not need: both are worth a look before the study group reads it.',
    severity: 'warning',
    examples: [
      {
        title: 'A principle no recommendation rests on',
        files: {
          'principles.yaml':
            'principles:\n  - id: p-inclusion\n    title: Inclusive action\n    text: SEEs act inclusively.\n  - id: p-subsidiarity\n    title: Subsidiarity\n    text: Decisions are taken close to people.\n',
          'recommendations.yaml':
            'recommendations:\n  - id: rec-promote\n    text: The EESC calls on the Commission to promote SEEs.\n    addressees: [european-commission]\n    principles: [p-inclusion]\n',
        },
        findings: [
          'principles.yaml:5:9-5:23: Unexpected principle `p-subsidiarity` that no recommendation rests on, expected its id in the `principles` of a recommendation',
        ],
      },
      {
        title: 'Every principle supports a recommendation',
        files: {
          'principles.yaml': 'principles:\n  - id: p-inclusion\n    title: Inclusive action\n    text: SEEs act inclusively.\n',
          'recommendations.yaml':
            'recommendations:\n  - id: rec-promote\n    text: The EESC calls on the Commission to promote SEEs.\n    addressees: [european-commission]\n    principles: [p-inclusion]\n',
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    const { opinion } = context;
    const used = new Set(opinion.recommendations.flatMap((r) => (Array.isArray(r.principles) ? r.principles : [])));
    opinion.principles.forEach((principle, i) => {
      if (typeof principle.id !== 'string' || used.has(principle.id)) return;
      report(
        opinion.locate('principles', `/principles/${i}/id`),
        `Unexpected principle \`${principle.id}\` that no recommendation rests on, expected its id in the \`principles\` of a recommendation`,
      );
    });
  },
);
