import { defineRule } from '../rule.js';

export interface Options {
  require: 'principle-or-evidence' | 'principle' | 'evidence' | 'both';
}

const WANTED: Record<Options['require'], string> = {
  'principle-or-evidence': '`principles` or `evidence` ids',
  principle: '`principles` ids',
  evidence: '`evidence` ids',
  both: 'both `principles` and `evidence` ids',
};

export default defineRule<Options>(
  {
    id: 'coverage/recommendation-unsupported',
    description: 'Report a recommendation that rests on no principle and no evidence',
    rationale:
      'A recommendation the opinion does not ground is the first one members amend or vote down. ' +
      'Listing the principles and evidence it rests on (`principles`, `evidence`) shows the reasoning, ' +
      'feeds the coverage matrix of `opinion stats`, and lets amendment sheets give the reason.',
    severity: 'warning',
    options: {
      require: {
        title: 'What a recommendation must rest on',
        description: '`principle-or-evidence` (either), `principle`, `evidence` or `both`.',
        default: 'principle-or-evidence',
        schema: { type: 'string', enum: ['principle-or-evidence', 'principle', 'evidence', 'both'] },
      },
    },
    examples: [
      {
        title: 'A recommendation resting on nothing',
        files: {
          'recommendations.yaml':
            'recommendations:\n  - id: rec-promote\n    text: The EESC calls on the Commission to promote SEEs.\n    addressees: [european-commission]\n',
        },
        findings: ['recommendations.yaml:2:9-2:20: Unexpected recommendation `rec-promote` resting on nothing, expected `principles` or `evidence` ids'],
      },
      {
        title: 'Requiring evidence too',
        options: { require: 'both' },
        files: {
          'principles.yaml': 'principles:\n  - id: p-inclusion\n    title: Inclusive action\n    text: SEEs act inclusively.\n',
          'recommendations.yaml':
            'recommendations:\n  - id: rec-promote\n    text: The EESC calls on the Commission to promote SEEs.\n    addressees: [european-commission]\n    principles: [p-inclusion]\n',
        },
        findings: [
          'recommendations.yaml:2:9-2:20: Unexpected recommendation `rec-promote` resting on principles only, expected both `principles` and `evidence` ids',
        ],
      },
      {
        title: 'A recommendation resting on a principle',
        files: {
          'principles.yaml': 'principles:\n  - id: p-inclusion\n    title: Inclusive action\n    text: SEEs act inclusively.\n',
          'recommendations.yaml':
            'recommendations:\n  - id: rec-promote\n    text: The EESC calls on the Commission to promote SEEs.\n    addressees: [european-commission]\n    principles: [p-inclusion]\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    const { opinion } = context;
    opinion.recommendations.forEach((recommendation, i) => {
      if (typeof recommendation.id !== 'string') return;
      const principles = Array.isArray(recommendation.principles) && recommendation.principles.length > 0;
      const evidence = Array.isArray(recommendation.evidence) && recommendation.evidence.length > 0;
      const ok =
        options.require === 'both'
          ? principles && evidence
          : options.require === 'principle'
            ? principles
            : options.require === 'evidence'
              ? evidence
              : principles || evidence;
      if (ok) return;
      const has = principles ? 'principles only' : evidence ? 'evidence only' : 'nothing';
      report(
        opinion.locate('recommendations', `/recommendations/${i}/id`),
        `Unexpected recommendation \`${recommendation.id}\` resting on ${has}, expected ${WANTED[options.require]}`,
      );
    });
  },
);
