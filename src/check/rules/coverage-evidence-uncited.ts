import { defineRule } from '../rule.js';
import { findCited } from '../../text/model.js';

export default defineRule(
  {
    id: 'coverage/evidence-uncited',
    description: 'Report an evidence item that nothing cites or rests on',
    rationale:
      'Evidence is gathered to be used: an item that no `:cite{#id}` in the text cites (nor any of its facts), ' +
      'and that no recommendation or principle lists in its `evidence`, is either a forgotten citation or ' +
      'material to move to the notes. With `requireCitation`, resting a recommendation on it is not enough: ' +
      'the text must cite it, so that the reader sees the source in a footnote.',
    severity: 'warning',
    options: {
      requireCitation: {
        title: 'Require a citation in the text',
        description: 'Only a `:cite` of the item or one of its facts counts, not a listing in `evidence`.',
        default: false,
        schema: { type: 'boolean' },
      },
    },
    examples: [
      {
        title: 'Evidence nothing uses',
        files: {
          'evidence.yaml':
            'evidence:\n  - id: camelot\n    kind: case-study\n    title: The Camelot cooperative\n    source:\n      title: Cooperatives Europe\n  - id: sprar\n    kind: fact\n    title: The SPRAR system\n    source:\n      title: SPRAR\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Camelot employs refugees :cite{#camelot}.\n',
        },
        findings: [
          'evidence.yaml:7:9-7:14: Unexpected evidence `sprar` that nothing cites, expected a `:cite{#sprar}` in the text or its id in the `evidence` of a recommendation or principle',
        ],
      },
      {
        title: 'Cited through one of its facts',
        files: {
          'evidence.yaml':
            'evidence:\n  - id: camelot\n    kind: case-study\n    title: The Camelot cooperative\n    facts:\n      - id: camelot-staff\n        text: About 200 employees.\n    source:\n      title: Cooperatives Europe\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Camelot employs about 200 people :cite{#camelot-staff}.\n',
        },
        findings: [],
      },
      {
        title: 'Listed by a recommendation but never cited, with `requireCitation`',
        options: { requireCitation: true },
        files: {
          'evidence.yaml':
            'evidence:\n  - id: camelot\n    kind: case-study\n    title: The Camelot cooperative\n    source:\n      title: Cooperatives Europe\n',
          'recommendations.yaml':
            'recommendations:\n  - id: rec-promote\n    text: The EESC calls on the Commission to promote SEEs.\n    addressees: [european-commission]\n    evidence: [camelot]\n',
        },
        findings: [
          'evidence.yaml:2:9-2:16: Unexpected evidence `camelot` that the text never cites, expected a `:cite{#camelot}` (or of one of its facts) in the text',
        ],
      },
    ],
  },
  (context, report, options) => {
    const { opinion, index, text } = context;
    const cited = new Set<string>();
    const citedIds = [
      ...index.references.filter((r) => r.via === 'cite').map((r) => r.id),
      ...[...text.byLang.values()].flatMap((lang) => lang.chapters.flatMap((c) => c.body.flatMap((b) => b.cites.map((m) => m.id)))),
    ];
    for (const id of citedIds) {
      const found = findCited(opinion.evidence, id);
      cited.add(found?.evidenceId ?? id);
    }
    const listed = new Set<string>();
    for (const item of [...opinion.recommendations, ...opinion.principles]) {
      for (const id of Array.isArray(item.evidence) ? item.evidence : []) listed.add(findCited(opinion.evidence, id)?.evidenceId ?? id);
    }
    opinion.evidence.forEach((item, i) => {
      if (typeof item.id !== 'string' || cited.has(item.id)) return;
      const place = opinion.locate('evidence', `/evidence/${i}/id`);
      if (options.requireCitation) {
        report(place, `Unexpected evidence \`${item.id}\` that the text never cites, expected a \`:cite{#${item.id}}\` (or of one of its facts) in the text`);
      } else if (!listed.has(item.id)) {
        report(
          place,
          `Unexpected evidence \`${item.id}\` that nothing cites, expected a \`:cite{#${item.id}}\` in the text or its id in the \`evidence\` of a recommendation or principle`,
        );
      }
    });
  },
);
