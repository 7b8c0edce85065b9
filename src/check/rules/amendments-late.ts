import { defineRule } from '../rule.js';
import { reportAll } from '../amendments.js';
import { lateTablings } from '../../validate/amendments/semantics.js';
import { amendmentsFiles } from './amendments-shared.js';

export default defineRule(
  {
    id: 'amendments/late',
    description: 'Report an amendment tabled after the recorded deadline of its stage',
    rationale:
      'Amendments are tabled by a deadline so that they can be translated (for the plenary: 5 p.m. on the Monday of the plenary week). ' +
      'When amendments.yaml records the deadline (`deadlines:`) and the date an amendment was tabled (`tabled:`), a later date is reported. Compromise amendments (`replaces:`), drafted once the others are known, are not checked.',
    severity: 'warning',
    examples: [
      {
        title: 'Tabled the day after the deadline',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: delete\n    tabled: 2018-04-21\n',
          'deadlines:\n  section: 2018-04-20\n',
        ),
        findings: [
          'amendments.yaml:10:13-10:23: Unexpected tabling date 2018-04-21 for amendment `am-1` (AM 1, section), expected on or before the section deadline (2018-04-20)',
        ],
      },
      {
        title: 'Tabled on the day of the deadline',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: delete\n    tabled: 2018-04-20\n',
          'deadlines:\n  section: 2018-04-20\n',
        ),
        findings: [],
      },
    ],
  },
  (context, report) => reportAll(lateTablings(context.opinion), report),
);
