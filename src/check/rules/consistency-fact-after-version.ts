import { defineRule } from '../rule.js';
import { factsAfterVersion, lateFactMessage } from '../../core/stage-facts.js';

export default defineRule(
  {
    id: 'consistency/fact-after-version',
    description: 'Report a fact dated after the version it appears in',
    rationale:
      'A draft is an official document: it states only what was known on its own date (`version_date`). A version ' +
      'for the section meeting dated 10 April cannot say that the section adopted the text on 27 April, nor cite a ' +
      'hearing or a source consulted after that date. Dates in `opinion.yaml` (decision, referrals, adoptions, ' +
      'closing), `hearings.yaml` and the sources of `evidence.yaml` are compared with `version_date`; a date still ' +
      '`to be completed` is not compared. `opinion build` gives the same warning. Record the fact in the version it ' +
      'belongs to (or move `version_date` forward if the text really is newer).',
    severity: 'warning',
    options: {},
    examples: [
      {
        title: 'A version for the section meeting that knows the section adoption',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\ndecision: { by: plenary, date: 2017-09-21 }\nadopted_in_section: 2018-04-27\nlanguage: en\nstage: section\nversion_date: 2018-04-10\n',
        },
        findings: ["opinion.yaml:5:21-5:31: Unexpected `adopted_in_section` 2018-04-27, after this version's own date (2018-04-10): a version at stage `section` states only what was known on its date"],
      },
      {
        title: 'A preliminary draft that cites a hearing held after it',
        files: {
          'opinion.yaml': 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: preliminary-draft\nversion_date: 2018-03-02\n',
          'hearings.yaml': 'hearings:\n  - id: h-first\n    date: 2018-03-09\n    speakers:\n      - name: Giuseppe GUERINI\n',
        },
        findings: ["hearings.yaml:3:11-3:21: Unexpected the date of hearing `h-first` 2018-03-09, after this version's own date (2018-03-02): a version at stage `preliminary-draft` states only what was known on its date"],
      },
      {
        title: 'Facts known on the version date',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\ndecision: { by: plenary, date: 2017-09-21 }\nadopted_in_section: 2018-04-27\nlanguage: en\nstage: plenary\nversion_date: 2018-04-30\n',
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    const { opinion } = context;
    const { version, facts } = factsAfterVersion(opinion);
    for (const fact of facts) report(opinion.locate(fact.kind, fact.pointer), lateFactMessage(fact, version!, opinion.meta.stage));
  },
);
