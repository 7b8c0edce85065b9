/**
 * The front of a draft, from `opinion.yaml`: the title line and kind as in
 * the Official Journal, the stage banner of a non-final version, the
 * reference line, and the header block — label/value rows in the order and
 * wording of the OJ, only the fields the metadata holds and that exist at the
 * opinion's stage (a section adoption from stage `section`, the plenary
 * adoption, session and vote from stage `plenary`).
 */
import type { PhrasingContent } from 'mdast';
import { STAGES, type Stage } from '../core/model.js';
import type { RenderContext } from './context.js';
import { formatLongDate, formatShortDate } from './dates.js';
import { fillPhrasing, fillText, ownInitiativeRule, type LabelKey } from '../labels/labels.js';
import { missingText, parsePhrasing, pick } from './source-text.js';

export interface HeaderRow {
  /** Stable key: `rapporteur`, `referral`, `decision`, `legal_basis`, `kind`, `section`, `adopted_in_section`… */
  field: string;
  label: string;
  value: PhrasingContent[];
}

export interface StageBanner {
  stage: Stage;
  title: string;
  purpose?: string;
  version?: string;
}

export interface FrontMatter {
  reference: string;
  document?: string;
  /** The opinion's title alone. */
  subject: PhrasingContent[];
  /** "Opinion of the European Economic and Social Committee on ‘…’". */
  titleLine: PhrasingContent[];
  /** "(own-initiative opinion)"; empty when the kind has none. */
  kindLine: PhrasingContent[];
  stage?: StageBanner;
  header: HeaderRow[];
}

export function frontMatter(ctx: RenderContext, resolve: (nodes: PhrasingContent[]) => void = () => {}): FrontMatter {
  const meta = ctx.opinion.meta;
  const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];
  const phrasing = (value: unknown, pointer: string, what: string, known?: LabelKey[]): PhrasingContent[] | undefined => {
    const picked = pick(ctx, value, { kind: 'opinion', pointer, what }, { known });
    if (!picked) return value === undefined ? undefined : text(missingText(ctx));
    const nodes = parsePhrasing(picked, what);
    resolve(nodes);
    return nodes;
  };

  const subject = phrasing(meta.title, '/title', '`title`') ?? text(missingText(ctx));
  const titleKey: LabelKey = meta.kind === 'information-report' ? 'title.information-report' : 'title.opinion';
  const titleLine = fillPhrasing(ctx.labels, titleKey, { title: subject });

  let kindLine: PhrasingContent[] = [];
  if (meta.kind === 'exploratory' && meta.requested_by !== undefined) {
    const by = phrasing(meta.requested_by, '/requested_by', '`requested_by`');
    if (by) kindLine = fillPhrasing(ctx.labels, 'kind.exploratory-requested', { requested_by: by });
  } else if (isKind(meta.kind)) {
    kindLine = fillPhrasing(ctx.labels, `kind.${meta.kind}`);
  }

  const rank = STAGES.indexOf(meta.stage);
  const reached = (stage: Stage) => rank >= STAGES.indexOf(stage);
  const header: HeaderRow[] = [];
  const row = (field: string, key: LabelKey | '', value: PhrasingContent[]) => header.push({ field, label: key ? ctx.labels.text[key] : '', value });

  const people = Array.isArray(meta.rapporteurs) ? meta.rapporteurs : [];
  // [role, one, several, one woman, several women]: a group takes the feminine form only when everyone in it does.
  const roles: [string, LabelKey, LabelKey, LabelKey, LabelKey][] = [
    ['rapporteur', 'header.rapporteur', 'header.rapporteurs', 'header.rapporteur-feminine', 'header.rapporteurs-feminine'],
    ['co-rapporteur', 'header.co-rapporteur', 'header.co-rapporteurs', 'header.co-rapporteur-feminine', 'header.co-rapporteurs-feminine'],
    ['rapporteur-general', 'header.rapporteur-general', 'header.rapporteur-general', 'header.rapporteur-general-feminine', 'header.rapporteur-general-feminine'],
  ];
  for (const [role, one, several, oneFeminine, severalFeminine] of roles) {
    const members = people.filter((p) => (p.role ?? 'rapporteur') === role && typeof p.name === 'string');
    if (members.length === 0) continue;
    const feminine = members.every((p) => p.form === 'feminine');
    const key = members.length > 1 ? (feminine ? severalFeminine : several) : feminine ? oneFeminine : one;
    row(role, key, text(members.map((p) => p.name).join(', ')));
  }
  (Array.isArray(meta.referrals) ? meta.referrals : []).forEach((referral, i) => {
    const body = phrasing(referral.body, `/referrals/${i}/body`, '`body` of a referral') ?? [];
    const value = fillPhrasing(ctx.labels, 'header.referral-value', {
      body,
      date: formatShortDate(String(referral.date ?? ''), ctx.labels),
      document: referral.document ?? '',
    });
    row(referral.type === 'consultation' ? 'consultation' : 'referral', referral.type === 'consultation' ? 'header.consultation' : 'header.referral', value);
  });
  if (meta.decision?.date) {
    row('decision', meta.decision.by === 'bureau' ? 'header.bureau-decision' : 'header.plenary-decision', text(formatShortDate(meta.decision.date, ctx.labels)));
  }
  const legalBasis =
    meta.legal_basis !== undefined
      ? phrasing(meta.legal_basis, '/legal_basis', '`legal_basis`', ['values.rule-29-2', 'values.rule-32-2', 'values.rule-52-2', 'values.article-304'])
      : meta.kind === 'own-initiative'
        ? text(ctx.labels.text[ownInitiativeRule(meta.decision?.date ?? meta.adopted_at_plenary ?? meta.closing?.date ?? meta.version_date)])
        : meta.kind === 'referral' || meta.kind === 'exploratory'
          ? text(ctx.labels.text['values.article-304'])
          : undefined;
  if (legalBasis) row('legal_basis', 'header.legal-basis', legalBasis);
  if (meta.kind === 'own-initiative') row('kind', '', text(ctx.labels.text['header.own-initiative']));
  if (meta.kind === 'additional') row('kind', '', text(ctx.labels.text['header.additional']));
  if (meta.section !== undefined) {
    // A section named as in a label file (`sections.*`) is printed in each language's form.
    const section = phrasing(meta.section, '/section', '`section`', ['sections.int', 'sections.eco', 'sections.soc', 'sections.nat', 'sections.ten', 'sections.rex', 'sections.ccmi']);
    if (section) row('section', 'header.section', section);
  }
  if (meta.adopted_in_section && reached('section')) row('adopted_in_section', 'header.adopted-in-section', text(formatShortDate(meta.adopted_in_section, ctx.labels)));
  if (meta.adopted_at_plenary && reached('plenary')) row('adopted_at_plenary', 'header.adopted-at-plenary', text(formatShortDate(meta.adopted_at_plenary, ctx.labels)));
  if (meta.plenary_session !== undefined && reached('plenary')) row('plenary_session', 'header.plenary-session', text(String(meta.plenary_session)));
  if (meta.vote && reached('plenary')) {
    row('vote', 'header.vote', text(fillText(ctx.labels, 'header.vote-value', { for: meta.vote.for, against: meta.vote.against, abstentions: meta.vote.abstentions })));
  }

  return {
    reference: String(meta.reference ?? ''),
    ...(meta.document ? { document: String(meta.document) } : {}),
    subject,
    titleLine,
    kindLine,
    ...(meta.stage && meta.stage !== 'adopted' && STAGES.includes(meta.stage) ? { stage: stageBanner(ctx, meta.stage) } : {}),
    header,
  };
}

function stageBanner(ctx: RenderContext, stage: Exclude<Stage, 'adopted'>): StageBanner {
  const meta = ctx.opinion.meta;
  const date = meta.version_date ? formatLongDate(meta.version_date, ctx.labels) : undefined;
  const version =
    meta.version !== undefined && date
      ? fillText(ctx.labels, 'stage.version-date', { version: meta.version, date })
      : meta.version !== undefined
        ? fillText(ctx.labels, 'stage.version', { version: meta.version })
        : date
          ? fillText(ctx.labels, 'stage.date', { date })
          : undefined;
  const purpose = ctx.labels.text[`stage.${stage}-purpose`];
  return { stage, title: ctx.labels.text[`stage.${stage}`], ...(purpose ? { purpose } : {}), ...(version ? { version } : {}) };
}

function isKind(kind: unknown): kind is 'own-initiative' | 'exploratory' | 'referral' | 'additional' | 'information-report' {
  return kind === 'own-initiative' || kind === 'exploratory' || kind === 'referral' || kind === 'additional' || kind === 'information-report';
}
