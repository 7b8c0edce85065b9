import { defineRule } from '../rule.js';
import { pointsFor, reportAll } from '../amendments.js';
import { changedTargets } from '../../validate/amendments/semantics.js';
import { amendmentsFiles } from './amendments-shared.js';

export default defineRule(
  {
    id: 'amendments/target-changed',
    description: 'Report an amendment whose target point no longer has the text it was tabled against',
    rationale:
      'An amendment is tabled against the text of a point as it was then (`against`, written by `opinion amendments table`). ' +
      'If the point changed since, the amendment may no longer make sense, and `opinion amendments apply` refuses it. ' +
      'Checked for pending amendments and adopted ones not yet applied.',
    severity: 'error',
    examples: [
      {
        title: 'The point changed since the amendment was tabled',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: amend\n    text: SEEs are key drivers of inclusion.\n    against: SEEs are the drivers of inclusion.\n',
        ),
        findings: [
          'amendments.yaml:9:14-9:48: Unexpected text of point 1.1 (`c-drivers`): it changed since amendment `am-1` (AM 1, section) was tabled against it, expected the text in `against`',
        ],
      },
      {
        title: 'The point still has the text tabled against',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: amend\n    text: SEEs are key drivers of inclusion.\n    against: SEEs are drivers of inclusion.\n',
        ),
        findings: [],
      },
    ],
  },
  (context, report) => reportAll(changedTargets(context.opinion, pointsFor(context)), report),
);
