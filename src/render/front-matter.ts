/**
 * The front of a draft, from `opinion.yaml`: the title line and kind as in
 * the Official Journal, the stage banner of a non-final version, the
 * reference line, and the header block — label/value rows in the order and
 * wording of the OJ, only the fields the metadata holds and that exist at the
 * opinion's stage (a section adoption from stage `section`, the plenary
 * adoption, session and vote from stage `plenary`).
 */
import type { PhrasingContent } from 'mdast';
import { OPINION_KINDS, STAGES, type OpinionKind, type Stage } from '../core/model.js';
import type { RenderContext } from './context.js';
import { formatLongDate, formatShortDate } from './dates.js';
import { fillPhrasing, fillText, type LabelKey } from '../labels/labels.js';
import { gapText, joinPhrasing, missingText, parsePhrasing, pick } from './source-text.js';
import { isPlaceholder, isToBeCompleted, NOT_YET_ASSIGNED } from '../core/placeholders.js';

/** A visible gap for a fact written `to be completed` (a `span.gap` in HTML). */
export function gapNode(ctx: RenderContext): PhrasingContent {
  return gapText(ctx.labels.text['values.to-be-completed']);
}

/** A date as the header prints it (`23.5.2018`), or the gap. */
function shortDate(ctx: RenderContext, value: unknown): PhrasingContent[] {
  return isToBeCompleted(value) ? [gapNode(ctx)] : [{ type: 'text', value: formatShortDate(String(value ?? ''), ctx.labels) }];
}

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
  /** The reference as printed: `INT/871`, the gap, or "[reference not yet assigned]". */
  reference: string;
  document?: string;
  /** "(2018/C 283/01)" on the text as adopted that has one. */
  ojReference?: string;
  /** The documents referred, as the OJ prints them after the title ("COM(2023) 316 final — 2023/0187 (COD)"). */
  documents?: string;
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
    if (isToBeCompleted(value)) return [gapNode(ctx)];
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
  } else if (isToBeCompleted(meta.kind)) {
    kindLine = [...text('('), gapNode(ctx), ...text(')')];
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
    [
      'rapporteur-general',
      'header.rapporteur-general',
      'header.rapporteur-general',
      'header.rapporteur-general-feminine',
      'header.rapporteur-general-feminine',
    ],
  ];
  for (const [role, one, several, oneFeminine, severalFeminine] of roles) {
    const members = people.filter((p) => (p.role ?? 'rapporteur') === role && typeof p.name === 'string');
    if (members.length === 0) continue;
    const feminine = members.every((p) => p.form === 'feminine');
    const dual = `${several}-dual` as LabelKey;
    const key =
      members.length === 1
        ? feminine
          ? oneFeminine
          : one
        : feminine
          ? severalFeminine
          : members.length === 2 && ctx.labels.text[dual] !== undefined
            ? dual
            : several;
    const names = members.map((p) => (isToBeCompleted(p.name) ? [gapNode(ctx)] : text(p.name)));
    row(role, key, joinPhrasing(names, ', '));
  }
  const referrals = Array.isArray(meta.referrals) ? meta.referrals : [];
  const referralValue = (referral: (typeof referrals)[number], i: number): PhrasingContent[] =>
    fillPhrasing(ctx.labels, 'header.referral-value', {
      body: phrasing(referral.body, `/referrals/${i}/body`, '`body` of a referral') ?? [],
      date: shortDate(ctx, referral.date),
      document: referral.document ?? '',
    });
  const isConsultation = (referral: (typeof referrals)[number]) => referral.type === 'consultation';
  const referralRow = (consultation: boolean, value: PhrasingContent[]) =>
    row(consultation ? 'consultation' : 'referral', consultation ? 'header.consultation' : 'header.referral', value);
  if (meta.referral_rows === 'one' && referrals.length > 1) {
    referralRow(referrals.every(isConsultation), joinPhrasing(referrals.map(referralValue), '; '));
  } else for (const [i, referral] of referrals.entries()) referralRow(isConsultation(referral), referralValue(referral, i));
  if (meta.decision?.date) {
    row('decision', meta.decision.by === 'bureau' ? 'header.bureau-decision' : 'header.plenary-decision', shortDate(ctx, meta.decision.date));
  }
  // Never a default: a legal basis nobody entered is a visible gap (and `validate` reports it).
  const legalBasis =
    meta.legal_basis !== undefined
      ? phrasing(meta.legal_basis, '/legal_basis', '`legal_basis`', ['values.rule-29-2', 'values.rule-32-2', 'values.rule-52-2', 'values.article-304'])
      : [gapNode(ctx)];
  if (legalBasis) row('legal_basis', 'header.legal-basis', legalBasis);
  if (meta.kind === 'own-initiative') row('kind', '', text(ctx.labels.text['header.own-initiative']));
  if (meta.kind === 'additional') row('kind', '', text(ctx.labels.text['header.additional']));
  if (meta.section !== undefined) {
    // A section named as in a label file (`sections.*`) is printed in each language's form.
    const section = phrasing(meta.section, '/section', '`section`', [
      'sections.int',
      'sections.eco',
      'sections.soc',
      'sections.nat',
      'sections.ten',
      'sections.rex',
      'sections.ccmi',
    ]);
    if (section) row('section', 'header.section', section);
  }
  // Each version shows what its stage can know: the section's adoption from the
  // version for the plenary on, the plenary's adoption, session and vote only on
  // the text as adopted.
  if (meta.adopted_in_section && reached('plenary')) row('adopted_in_section', 'header.adopted-in-section', shortDate(ctx, meta.adopted_in_section));
  if (meta.adopted_at_plenary && reached('adopted')) row('adopted_at_plenary', 'header.adopted-at-plenary', shortDate(ctx, meta.adopted_at_plenary));
  if (meta.plenary_session !== undefined && reached('adopted')) row('plenary_session', 'header.plenary-session', text(String(meta.plenary_session)));
  if (meta.vote && reached('adopted')) {
    row(
      'vote',
      'header.vote',
      text(fillText(ctx.labels, 'header.vote-value', { for: meta.vote.for, against: meta.vote.against, abstentions: meta.vote.abstentions })),
    );
  }

  const documents =
    Array.isArray(meta.documents) && meta.documents.length > 0
      ? meta.documents
      : referrals.map((r) => r.document).filter((d): d is string => typeof d === 'string');
  return {
    reference: isToBeCompleted(meta.reference)
      ? ctx.labels.text['values.to-be-completed']
      : meta.reference === NOT_YET_ASSIGNED
        ? ctx.labels.text['values.reference-not-assigned']
        : String(meta.reference ?? ''),
    ...(meta.document && !isPlaceholder(meta.document) ? { document: String(meta.document) } : {}),
    ...(meta.oj_reference && meta.stage === 'adopted' ? { ojReference: `(${meta.oj_reference})` } : {}),
    ...(documents.length > 0 ? { documents: `(${documents.join(' — ')})` } : {}),
    subject,
    titleLine,
    kindLine,
    ...(meta.stage && meta.stage !== 'adopted' && STAGES.includes(meta.stage) ? { stage: stageBanner(ctx, meta.stage) } : {}),
    header,
  };
}

function stageBanner(ctx: RenderContext, stage: Exclude<Stage, 'adopted'>): StageBanner {
  const meta = ctx.opinion.meta;
  const date = isToBeCompleted(meta.version_date)
    ? ctx.labels.text['values.to-be-completed']
    : meta.version_date
      ? formatLongDate(meta.version_date, ctx.labels)
      : undefined;
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

function isKind(kind: unknown): kind is OpinionKind {
  return (OPINION_KINDS as readonly unknown[]).includes(kind);
}
