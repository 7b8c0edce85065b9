import { defineRule } from '../rule.js';
import { reportAll } from '../amendments.js';
import { voteFigures } from '../../validate/amendments/semantics.js';
import { amendmentsFiles } from './amendments-shared.js';

export default defineRule(
  {
    id: 'amendments/vote-figures',
    description: 'Report a voted amendment without vote figures, or figures on one that was not voted',
    rationale:
      'The appendix of an adopted opinion prints the vote figures of rejected amendments: an amendment adopted or rejected by a vote needs ' +
      '`vote: { for, against, abstentions }`; one decided without a vote says `without_vote: true`; a withdrawn, fallen or pending amendment has no figures.',
    severity: 'error',
    examples: [
      {
        title: 'Rejected without figures, and figures on a withdrawn amendment',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: delete\n    outcome: rejected\n  - id: am-2\n    number: 2\n    stage: section\n    by: [Eva NOVÁK]\n    target: c-networks\n    action: delete\n    outcome: withdrawn\n    vote: { for: 3, against: 40, abstentions: 2 }\n',
        ),
        findings: [
          'amendments.yaml:8:14-8:22: Missing vote figures on amendment `am-1` (AM 1, section), rejected by a vote: expected `vote: { for, against, abstentions }`',
          'amendments.yaml:16:5-16:9: Unexpected vote figures on amendment `am-2` (AM 2, section): its outcome is `withdrawn`, expected figures only on an amendment adopted or rejected by a vote',
        ],
      },
      {
        title: 'Figures where there was a vote',
        files: amendmentsFiles(
          '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: delete\n    outcome: rejected\n    vote: { for: 12, against: 40, abstentions: 2 }\n',
        ),
        findings: [],
      },
    ],
  },
  (context, report) => reportAll(voteFigures(context.opinion), report),
);
