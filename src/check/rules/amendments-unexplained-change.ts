import { defineRule, type CheckContext } from '../rule.js';
import type { Located } from '../../core/model.js';
import { AMENDMENTS_TEXT, amendmentsYaml } from './amendments-shared.js';

const PREVIOUS = 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: section\nversion: 2\n';
const CURRENT = 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: plenary\nversion: 3\n';
const APPLIED = amendmentsYaml(
  '  - id: am-1\n    number: 1\n    stage: section\n    by: [Jean MARTIN]\n    target: c-drivers\n    action: amend\n    text: SEEs are key drivers of inclusion.\n    outcome: adopted\n    without_vote: true\n    applied_in: 3\n',
);

export default defineRule(
  {
    id: 'amendments/unexplained-change',
    description: 'Report a change since the previous version that no adopted amendment explains',
    rationale:
      'Between the section and the plenary (and after the plenary) the text may change only by the amendments adopted: a change ' +
      'nobody voted is a mistake the secretariat must catch. With the previous version (`opinion check --previous <folder>`, or the ' +
      '`previous` option), every change of a point must be made by an amendment applied in this version (`applied_in`); ' +
      'renumbering is a consequence and never reported. Without a previous version the rule does nothing.',
    severity: 'error',
    options: {
      previous: {
        title: 'Previous version',
        description: 'The folder of the previous version, relative to the opinion folder (`--previous` on the command line wins).',
        default: '',
        schema: { type: 'string' },
      },
    },
    examples: [
      {
        title: 'A point changed by hand next to an applied amendment',
        options: { previous: 'previous' },
        files: {
          'previous/opinion.yaml': PREVIOUS,
          'previous/text/en/01-conclusions.md': AMENDMENTS_TEXT,
          'opinion.yaml': CURRENT,
          'text/en/01-conclusions.md': AMENDMENTS_TEXT.replace('SEEs are drivers', 'SEEs are key drivers').replace('local authorities', 'regional authorities'),
          'amendments.yaml': APPLIED,
        },
        findings: [
          'text/en/01-conclusions.md:5:1-5:61: Unexpected change of point 1.2 (`c-networks`) (modified) since `previous`, expected only changes made by the amendments applied in this version (am-1)',
        ],
      },
      {
        title: 'Only the applied amendment changed the text',
        options: { previous: 'previous' },
        files: {
          'previous/opinion.yaml': PREVIOUS,
          'previous/text/en/01-conclusions.md': AMENDMENTS_TEXT,
          'opinion.yaml': CURRENT,
          'text/en/01-conclusions.md': AMENDMENTS_TEXT.replace('SEEs are drivers', 'SEEs are key drivers'),
          'amendments.yaml': APPLIED,
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    const previous = context.previous;
    if (!previous) return;
    for (const change of previous.changes) {
      if (!change.unexplained) continue;
      const side = change.new[0] ?? change.old[0];
      const number = side?.number ? ` ${side.number}` : '';
      const id = change.id ?? side?.id;
      const at: Located | undefined = change.new[0]?.at && inOpinion(context, change.new[0].at) ? change.new[0].at : undefined;
      report(
        at,
        `Unexpected change of ${change.element}${number}${id ? ` (\`${id}\`)` : ''} (${change.kind}) since \`${previous.path}\`, expected only changes made by the amendments applied in this version${previous.applied.length ? ` (${previous.applied.join(', ')})` : ' (none recorded)'}`,
      );
    }
  },
);

function inOpinion(context: CheckContext, at: Located): boolean {
  return context.text.sources.file(at.file) !== undefined;
}
