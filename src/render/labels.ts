/**
 * The fixed wording of a draft in one language (header labels, title line,
 * stage banner, closing block, reference labels…), as read from the label
 * files (`templates/languages/<lang>.yaml`, an opinion's `labels/<lang>.yaml`,
 * `--labels FILE`), and the filling of their `{placeholders}`.
 *
 * Labels are plain text: a placeholder may receive phrasing content (a title
 * holding emphasis), but the label's own text is never parsed as Markdown.
 */
import type { PhrasingContent } from 'mdast';

/** Every text label, with the placeholders it may use. */
export const TEXT_LABELS = {
  'dates.long': [],
  'dates.short': [],
  'dates.first-day': [],
  'title.opinion': ['title'],
  'title.information-report': ['title'],
  'kind.own-initiative': [],
  'kind.exploratory': [],
  'kind.exploratory-requested': ['requested_by'],
  'kind.referral': [],
  'kind.additional': [],
  'kind.information-report': [],
  'header.rapporteur': [],
  'header.rapporteurs': [],
  'header.co-rapporteur': [],
  'header.co-rapporteurs': [],
  'header.rapporteur-general': [],
  'header.referral': [],
  'header.consultation': [],
  'header.referral-value': ['body', 'date', 'document'],
  'header.plenary-decision': [],
  'header.bureau-decision': [],
  'header.legal-basis': [],
  'header.own-initiative': [],
  'header.additional': [],
  'header.section': [],
  'header.adopted-in-section': [],
  'header.adopted-at-plenary': [],
  'header.plenary-session': [],
  'header.vote': [],
  'header.vote-value': ['for', 'against', 'abstentions'],
  'values.rule-29-2': [],
  'values.article-304': [],
  'values.brussels': [],
  'values.to-be-completed': [],
  'values.reference-not-assigned': [],
  'stage.preliminary-draft': [],
  'stage.study-group': [],
  'stage.section': [],
  'stage.plenary': [],
  'stage.preliminary-draft-purpose': [],
  'stage.study-group-purpose': [],
  'stage.section-purpose': [],
  'stage.plenary-purpose': [],
  'stage.version': ['version'],
  'stage.version-date': ['version', 'date'],
  'stage.date': ['date'],
  'refs.point': ['number'],
  'refs.chapter': ['number'],
  'refs.footnote': ['number'],
  'refs.amendment': ['number'],
  'refs.hearing': ['date', 'place', 'title'],
  'principle-separator': [],
  'footnote-call': [],
  'addressees.european-commission': [],
  'addressees.council': [],
  'addressees.european-parliament': [],
  'addressees.member-states': [],
  'addressees.regional-and-local-authorities': [],
  'addressees.social-economy-enterprises': [],
  'addressees.social-partners': [],
  'addressees.civil-society-organisations': [],
  'addressees.eesc': [],
  'addressees.eu-institutions': [],
  'closing.place-date': ['place', 'date'],
  'closing.president': [],
  'citation.accessed': ['date'],
  'appendix.title': [],
  'appendix.subtitle': [],
  'appendix.intro': [],
  'appendix.amendment': ['number'],
  'appendix.point': ['number'],
  'appendix.amend': [],
  'appendix.add-after': ['number'],
  'appendix.delete': [],
  'appendix.reason': [],
  'appendix.tabled-by': ['names'],
  'appendix.vote': ['for', 'against', 'abstentions'],
  'notes.chapter-note': [],
  'notes.title': [],
  'html.footnotes': [],
  'html.back-to-reference': ['number'],
  'glossary.plural-variant-suffix': [],
  'glossary.plural-word': [],
  'amendments.rejected-intro': ['rule'],
  'amendments.section-text-intro': ['rule'],
  'amendments.rule': ['rule'],
  'amendments.insert-before': ['number'],
} as const satisfies Record<string, readonly string[]>;

export type LabelKey = keyof typeof TEXT_LABELS;

/**
 * Labels added after the first label files: a label file without them gets a
 * language-neutral gap mark (the EU drafting convention `[…]`), never
 * another language's words.
 */
export const NEUTRAL_LABELS: Partial<Record<LabelKey, string>> = {
  'values.to-be-completed': '[…]',
  'values.reference-not-assigned': '[…]',
  'footnote-call': 'as-written',
};
export const LABEL_KEYS = Object.keys(TEXT_LABELS) as LabelKey[];

/**
 * Labels a language may lack: the appendix of amendments (src/amendments/)
 * needs them only when there is something to append, and reports a missing
 * one then (a language added without them still builds).
 */
export const OPTIONAL_LABELS: ReadonlySet<LabelKey> = new Set<LabelKey>(['amendments.rejected-intro', 'amendments.section-text-intro', 'amendments.rule', 'amendments.insert-before']);

/** Labels that are lists rather than text. */
export const LIST_LABELS = ['glossary.plural-words', 'glossary.plural-rules'] as const;
export type ListLabelKey = (typeof LIST_LABELS)[number];

export const PLURAL_WORD_CHOICES = ['first', 'last', 'none'] as const;

/** How the glossary makes an expansion plural (see `glossary.ts`). */
export interface PluralRules {
  /** A variant equal to the term plus this suffix is a plural form ('' : never). */
  variantSuffix: string;
  /** Words that, shortly before an acronym, mark it as plural (lower case). */
  words: string[];
  /** Which word of the expansion takes the plural. */
  word: (typeof PLURAL_WORD_CHOICES)[number];
  /** Regular expression → replacement, the first that matches wins. */
  rules: [RegExp, string][];
}

/** The complete labels of one language. */
export interface Labels {
  lang: string;
  /** BCP 47 locale for `Intl` (dates). */
  locale: string;
  text: Record<LabelKey, string>;
  plural: PluralRules;
}

export type Slot = string | PhrasingContent[];

/** The placeholders of a label text, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!);
}

/** Fill a label with plain strings. */
export function fillText(labels: Labels, key: LabelKey, values: Record<string, string | number> = {}): string {
  return labels.text[key].replace(/\{([a-z_]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Fill a label whose placeholders may receive phrasing content; the label's own text stays text. */
export function fillPhrasing(labels: Labels, key: LabelKey, values: Record<string, Slot | number> = {}): PhrasingContent[] {
  const template = labels.text[key];
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([a-z_]+)\}/g)) {
    const value = values[match[1]!];
    if (value === undefined) continue;
    pushText(out, template.slice(last, match.index));
    if (typeof value === 'string' || typeof value === 'number') pushText(out, String(value));
    else out.push(...value.map((node) => (node.type === 'text' ? { ...node } : node)));
    last = match.index + match[0].length;
  }
  pushText(out, template.slice(last));
  return out;
}

function pushText(out: PhrasingContent[], value: string): void {
  if (value === '') return;
  const previous = out[out.length - 1];
  if (previous && previous.type === 'text' && !previous.data) previous.value += value;
  else out.push({ type: 'text', value });
}
