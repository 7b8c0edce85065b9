import { defineRule } from '../rule.js';
import { pointsFor, reportAll } from '../amendments.js';
import { unknownTargets } from '../../validate/amendments/semantics.js';
import { amendmentsFiles } from './amendments-shared.js';

export default defineRule(
  {
    id: 'amendments/unknown-target',
    description: 'Report an amendment whose target is not a point of the text',
    rationale:
      'An amendment targets a point by its stable id (`{#id}` in a chapter, or a recommendation or principle id), never by its number. ' +
      'A target that does not exist, or that is a heading or a chapter, cannot be amended.',
    severity: 'error',
    examples: [
      {
        title: 'An unknown target',
        files: amendmentsFiles('  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-driver\n    action: delete\n'),
        findings: [
          'amendments.yaml:6:13-6:21: Unknown target `c-driver` of amendment `am-1` (AM 1, section), expected the id of a point of the text: did you mean `c-drivers`?',
        ],
      },
      {
        title: 'A target that exists',
        files: amendmentsFiles('  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: delete\n'),
        findings: [],
      },
    ],
  },
  (context, report) => reportAll(unknownTargets(context.opinion, pointsFor(context)), report),
);
