import { defineRule } from '../rule.js';
import { reportAll } from '../amendments.js';
import { duplicateNumbers } from '../../validate/amendments/semantics.js';
import { amendmentsFiles } from './amendments-shared.js';

export default defineRule(
  {
    id: 'amendments/duplicate-number',
    description: 'Report two amendments with the same number in one stage',
    rationale:
      'Amendments are known by their number in a stage (AM 3): two with the same number make the sheet and the vote ambiguous. ' +
      'Section and plenary amendments are numbered separately.',
    severity: 'error',
    examples: [
      {
        title: 'Two amendments numbered 1 at the section stage',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: delete\n  - id: am-2\n    number: 1\n    stage: section\n    by: [Eva NOVÁK]\n    target: c-networks\n    action: delete\n',
        ),
        findings: [
          'amendments.yaml:9:13-9:14: Unexpected second amendment number 1 at stage `section` (`am-2`), expected each number once per stage (first: `am-1` at line 3)',
        ],
      },
      {
        title: 'The same number at two stages',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: delete\n  - id: am-2\n    number: 1\n    stage: plenary\n    by: [Eva NOVÁK]\n    target: c-networks\n    action: delete\n',
        ),
        findings: [],
      },
    ],
  },
  (context, report) => reportAll(duplicateNumbers(context.opinion), report),
);
