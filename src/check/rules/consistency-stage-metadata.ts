import { defineRule } from '../rule.js';
import { STAGES, type Stage } from '../../core/model.js';
import { factsAfterVersion, lateFactMessage } from '../../core/stage-facts.js';
import { knownDate } from '../../core/placeholders.js';

export default defineRule(
  {
    id: 'consistency/stage-metadata',
    description: 'Report metadata that the stage contradicts or lacks',
    rationale:
      'The header block of the published opinion comes from `opinion.yaml`; the stage says what must be in it. ' +
      'An adopted opinion has a plenary date, a session number and a vote, with more votes for than against; an ' +
      'opinion before the plenary (stage `plenary` or `adopted`) has normally been adopted in section ' +
      '(`requireSection`; not asked of a rapporteur-general, whose opinions often skip the section). The closing ' +
      'date is the plenary date once adopted, and never before the section adoption; a version is never dated ' +
      'before the decision to draw up the opinion. A version states only what was known on its own date ' +
      '(`version_date`): a fact dated after it — a section adoption in the version for the section meeting, a hearing ' +
      'held after a preliminary draft, a source consulted later — is reported as a warning (in `opinion.yaml`, ' +
      '`hearings.yaml` and the sources of `evidence.yaml`; `opinion build` gives the same warning). (`opinion ' +
      'validate` already reports dates out of order — a plenary before the section — and events recorded before their stage.)',
    severity: 'error',
    options: {
      requireSection: {
        title: 'Require the section adoption',
        description: 'Whether an opinion at stage `plenary` or `adopted` must have `adopted_in_section` (unless it has a rapporteur-general).',
        default: true,
        schema: { type: 'boolean' },
      },
    },
    examples: [
      {
        title: 'Adopted without a vote',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\ndecision: { by: plenary, date: 2017-09-21 }\nadopted_in_section: 2018-04-27\nadopted_at_plenary: 2018-05-23\nplenary_session: 535\nlanguage: en\nstage: adopted\n',
        },
        findings: [
          'opinion.yaml:9:8-9:15: Missing `vote` for an opinion at stage `adopted`, expected the outcome of the plenary vote (for/against/abstentions)',
        ],
      },
      {
        title: 'A closing date that is not the plenary date',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\ndecision: { by: plenary, date: 2017-09-21 }\nadopted_in_section: 2018-04-27\nadopted_at_plenary: 2018-05-23\nplenary_session: 535\nvote: { for: 186, against: 1, abstentions: 2 }\nlanguage: en\nstage: adopted\nclosing: { place: Brussels, date: 2018-05-24 }\n',
        },
        findings: ['opinion.yaml:11:35-11:45: Unexpected closing date 2018-05-24, expected the plenary adoption date 2018-05-23'],
      },
      {
        title: 'Before the plenary, without a section adoption',
        files: {
          'opinion.yaml': 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: plenary\n',
        },
        findings: ['opinion.yaml:5:8-5:15: Missing `adopted_in_section` for an opinion at stage `plenary`, expected the date the section adopted it'],
      },
      {
        title: 'A version for the section meeting that knows the section adoption (a warning)',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\ndecision: { by: plenary, date: 2017-09-21 }\nadopted_in_section: 2018-04-27\nlanguage: en\nstage: section\nversion_date: 2018-04-10\n',
        },
        findings: [
          "opinion.yaml:5:21-5:31: Unexpected `adopted_in_section` 2018-04-27, after this version's own date (2018-04-10): a version at stage `section` states only what was known on its date",
        ],
      },
      {
        title: 'A preliminary draft that cites a hearing held after it (a warning)',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: preliminary-draft\nversion_date: 2018-03-02\n',
          'hearings.yaml': 'hearings:\n  - id: h-first\n    date: 2018-03-09\n    speakers:\n      - name: Giuseppe GUERINI\n',
        },
        findings: [
          "hearings.yaml:3:11-3:21: Unexpected the date of hearing `h-first` 2018-03-09, after this version's own date (2018-03-02): a version at stage `preliminary-draft` states only what was known on its date",
        ],
      },
      {
        title: 'A draft for the study group',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\ndecision: { by: plenary, date: 2017-09-21 }\nlanguage: en\nstage: study-group\nversion_date: 2018-01-15\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    const { opinion } = context;
    const meta = opinion.meta;
    const stage: Stage | undefined = STAGES.includes(meta.stage) ? meta.stage : undefined;
    if (!stage) return;
    const rank = (s: Stage) => STAGES.indexOf(s);
    const at = (pointer: string) => opinion.locate('opinion', pointer);
    const stagePlace = at('/stage');

    if (stage === 'adopted') {
      if (meta.adopted_at_plenary === undefined)
        report(stagePlace, 'Missing `adopted_at_plenary` for an opinion at stage `adopted`, expected the date of the plenary vote');
      if (meta.plenary_session === undefined)
        report(stagePlace, 'Missing `plenary_session` for an opinion at stage `adopted`, expected the number of the plenary session');
      if (meta.vote === undefined)
        report(stagePlace, 'Missing `vote` for an opinion at stage `adopted`, expected the outcome of the plenary vote (for/against/abstentions)');
      const vote = meta.vote;
      if (vote && typeof vote.for === 'number' && typeof vote.against === 'number' && vote.for <= vote.against) {
        report(at('/vote'), `Unexpected vote ${vote.for}/${vote.against}/${vote.abstentions} for an adopted opinion, expected more votes for than against`);
      }
    }
    const rapporteurGeneral = (meta.rapporteurs ?? []).some((r) => r?.role === 'rapporteur-general');
    if (options.requireSection && rank(stage) >= rank('plenary') && meta.adopted_in_section === undefined && !rapporteurGeneral) {
      report(stagePlace, `Missing \`adopted_in_section\` for an opinion at stage \`${stage}\`, expected the date the section adopted it`, {
        note: "If the opinion went to the plenary without a section adoption, set this rule's `requireSection` to false for it (in its `check.yaml`)",
      });
    }

    const closing = knownDate(meta.closing?.date);
    const plenary = knownDate(meta.adopted_at_plenary);
    const section = knownDate(meta.adopted_in_section);
    const decision = knownDate(meta.decision?.date);
    if (closing) {
      if (stage === 'adopted' && plenary && closing !== plenary) {
        report(at('/closing/date'), `Unexpected closing date ${closing}, expected the plenary adoption date ${plenary}`);
      } else if (section && closing < section) {
        report(at('/closing/date'), `Unexpected closing date ${closing}, expected the plenary date, on or after the section adoption (${section})`);
      } else if (decision && closing < decision) {
        report(at('/closing/date'), `Unexpected closing date ${closing}, expected the plenary date, after the decision to draw up the opinion (${decision})`);
      }
    }
    const version = knownDate(meta.version_date);
    if (version && decision && version < decision) {
      report(at('/version_date'), `Unexpected version date ${version}, expected on or after the decision to draw up the opinion (${decision})`);
    }
    if (version && stage === 'adopted' && plenary && version > plenary) {
      report(at('/version_date'), `Unexpected version date ${version} after the plenary adoption (${plenary}), expected the date of the adopted text`);
    }
    const late = factsAfterVersion(opinion);
    for (const fact of late.facts) report(opinion.locate(fact.kind, fact.pointer), lateFactMessage(fact, late.version!, stage), { severity: 'warning' });
  },
);
