import { defineRule } from '../rule.js';
import { pointsFor, reportAll } from '../amendments.js';
import { notApplied } from '../../validate/amendments/semantics.js';
import { AMENDMENTS_TEXT, amendmentsYaml } from './amendments-shared.js';

const PLENARY = 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: plenary\nversion: 3\n';

export default defineRule(
  {
    id: 'amendments/not-applied',
    description: 'Report an amendment adopted at an earlier stage whose change is not in this version',
    rationale:
      'Once the section (or the plenary) has voted, the next version must carry every adopted amendment: an adopted amendment ' +
      'forgotten when the text was revised by hand is a common mistake. For an opinion past the stage of an adopted amendment, the ' +
      'point must have the amended text, be gone (delete) or exist with the inserted text, unless a later adopted amendment changed it again.',
    severity: 'error',
    examples: [
      {
        title: 'A section amendment adopted but not in the version for the plenary',
        files: {
          'opinion.yaml': PLENARY,
          'text/en/01-conclusions.md': AMENDMENTS_TEXT,
          'amendments.yaml': amendmentsYaml(
            '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: amend\n    text: SEEs are key drivers of inclusion.\n    outcome: adopted\n    without_vote: true\n',
          ),
        },
        findings: [
          'amendments.yaml:9:14-9:21: Unexpected adopted amendment `am-1` (AM 1, section) not applied: point 1.1 (`c-drivers`) does not have the amended text, expected its change in this version (stage `plenary`)',
        ],
      },
      {
        title: 'The adopted amendment is in the text',
        files: {
          'opinion.yaml': PLENARY,
          'text/en/01-conclusions.md': AMENDMENTS_TEXT.replace('SEEs are drivers', 'SEEs are key drivers'),
          'amendments.yaml': amendmentsYaml(
            '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: amend\n    text: SEEs are key drivers of inclusion.\n    outcome: adopted\n    without_vote: true\n    applied_in: 3\n',
          ),
        },
        findings: [],
      },
    ],
  },
  (context, report) => reportAll(notApplied(context.opinion, pointsFor(context)), report),
);
