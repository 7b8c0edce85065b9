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
  'header.rapporteurs-dual': [],
  'header.co-rapporteurs-dual': [],
  'header.rapporteur-general': [],
  'header.rapporteur-feminine': [],
  'header.rapporteurs-feminine': [],
  'header.co-rapporteur-feminine': [],
  'header.co-rapporteurs-feminine': [],
  'header.rapporteur-general-feminine': [],
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
  'values.rule-32-2': [],
  'values.rule-52-2': [],
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
  'closing.president-feminine': [],
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
  'sections.int': [],
  'sections.eco': [],
  'sections.soc': [],
  'sections.nat': [],
  'sections.ten': [],
  'sections.rex': [],
  'sections.ccmi': [],
  'scaffold.conclusions': [],
  'scaffold.general-comments': [],
  'scaffold.specific-comments': [],
  'glossary.plural-variant-suffix': [],
  'glossary.plural-word': [],
  'glossary.expand': [],
  'typography.apostrophe': [],
  'typography.quote': ['text'],
  'typography.punctuation-space': [],
  'amendments.rejected-intro': ['rule'],
  'amendments.section-text-intro': ['rule'],
  'amendments.rule': ['rule'],
  'amendments.insert-before': ['number'],
  // The amendment sheet and the list's table (src/amendments/sheet.ts, list.ts): a meeting document, not the OJ.
  'sheet.title': ['reference'],
  'sheet.title-stage': ['reference', 'stage'],
  'sheet.stage-section': [],
  'sheet.stage-plenary': [],
  'sheet.number': ['number'],
  'sheet.point': ['number'],
  'sheet.new-point-after': ['number'],
  'sheet.new-point-before': ['number'],
  'sheet.tabled-by': [],
  'sheet.compromise': ['numbers'],
  'sheet.amend': [],
  'sheet.delete': [],
  'sheet.insert-after': ['number'],
  'sheet.insert-before': ['number'],
  'sheet.draft-opinion': [],
  'sheet.section-opinion': [],
  'sheet.amendment': [],
  'sheet.reason': [],
  'sheet.position': [],
  'sheet.position-accept': [],
  'sheet.position-reject': [],
  'sheet.position-compromise': [],
  'sheet.compromise-proposed': [],
  'sheet.outcome': [],
  'sheet.outcome-adopted': [],
  'sheet.outcome-rejected': [],
  'sheet.outcome-withdrawn': [],
  'sheet.outcome-fallen': [],
  'sheet.pending': [],
  'sheet.vote': ['outcome', 'for', 'against', 'abstentions'],
  'sheet.none': [],
  'sheet.column-number': [],
  'sheet.column-stage': [],
  'sheet.column-point': [],
  'sheet.column-action': [],
  'sheet.column-position': [],
  'sheet.column-vote': [],
  'sheet.action-amend': [],
  'sheet.action-delete': [],
  'sheet.action-insert-after': [],
  'sheet.action-insert-before': [],
  // The amendment sheet of a comparison (`opinion diff --format amendments`, src/diff/format/amendments.ts): its other targets and actions.
  'sheet.new-point': [],
  'sheet.heading': ['number'],
  'sheet.chapter': ['number'],
  'sheet.footnote': ['number'],
  'sheet.points': ['numbers'],
  'sheet.new-text': [],
  'sheet.delete-text': [],
  'sheet.insert': ['place'],
  'sheet.move': ['place'],
  'sheet.move-amend': ['place'],
  'sheet.split': ['numbers'],
  'sheet.merge': [],
  'sheet.after-point': ['number'],
  'sheet.after-chapter': ['number'],
  'sheet.after-footnote': ['number'],
  'sheet.chapter-start': ['number'],
  'sheet.text-start': [],
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
  'typography.punctuation-space': 'as-written',
};
export const LABEL_KEYS = Object.keys(TEXT_LABELS) as LabelKey[];

/**
 * Labels a language may lack: the appendix of amendments (src/amendments/)
 * needs them only when there is something to append, and reports a missing
 * one then (a language added without them still builds).
 */
export const OPTIONAL_LABELS: ReadonlySet<LabelKey> = new Set<LabelKey>([
  'amendments.rejected-intro',
  'amendments.section-text-intro',
  'amendments.rule',
  'amendments.insert-before',
  // Two rapporteurs in a language with a dual number (Slovenian “Poročevalca:”); the plural otherwise.
  'header.rapporteurs-dual',
  'header.co-rapporteurs-dual',
  // The amendment sheet's wording: only `opinion amendments sheet` and `list` need it (see sheetLabels).
  ...(Object.keys(TEXT_LABELS) as LabelKey[]).filter((key) => key.startsWith('sheet.')),
]);

/** The labels only the amendment sheet of a comparison uses (`opinion diff --format amendments`): `amendments sheet` does without them. */
export const DIFF_SHEET_LABELS: ReadonlySet<LabelKey> = new Set<LabelKey>([
  'sheet.new-point',
  'sheet.heading',
  'sheet.chapter',
  'sheet.footnote',
  'sheet.points',
  'sheet.new-text',
  'sheet.delete-text',
  'sheet.insert',
  'sheet.move',
  'sheet.move-amend',
  'sheet.split',
  'sheet.merge',
  'sheet.after-point',
  'sheet.after-chapter',
  'sheet.after-footnote',
  'sheet.chapter-start',
  'sheet.text-start',
]);

/** Labels that are lists rather than text. */
export const LIST_LABELS = ['glossary.plural-words', 'glossary.plural-rules'] as const;
export type ListLabelKey = (typeof LIST_LABELS)[number];

export const PLURAL_WORD_CHOICES = ['first', 'last', 'none'] as const;

/**
 * How a glossary acronym gets its expansion at first use: `insert` (the build
 * writes "social economy enterprises (SEEs)"), or `author` (the author writes
 * it, in the grammatical case the sentence needs, and the build only checks
 * that it is there): for languages whose nouns and adjectives inflect, where
 * an inserted dictionary form would break agreement ("dem Europäischer…").
 */
export const EXPAND_CHOICES = ['insert', 'author'] as const;

/**
 * The space before `; : ! ?` and `»` and after `«` (`typography.punctuation-space`):
 * `none` (the Official Journal's French: "marché unique: de nouvelles",
 * «Contrôle…»), `nbsp` (U+00A0) or `narrow-nbsp` (U+202F, the French national
 * rule), or `as-written`. Applied to the labels themselves and, with
 * `typography: language`, to the author's prose, so one draft is consistent.
 */
export const PUNCTUATION_SPACE_CHOICES = ['as-written', 'none', 'nbsp', 'narrow-nbsp'] as const;

/** `text` with the space before `; : ! ? »` and after `«` as `choice` says (see PUNCTUATION_SPACE_CHOICES). */
export function spacePunctuation(text: string, choice: string): string {
  if (choice === 'none') return text.replace(/([^\s])[ \u00A0\u202F]+([;:!?»])/gu, '$1$2').replace(/«[ \u00A0\u202F]+/gu, '«');
  const space = choice === 'nbsp' ? '\u00A0' : choice === 'narrow-nbsp' ? '\u202F' : undefined;
  if (space === undefined) return text;
  return (
    text
      // Only punctuation that ends a word group (followed by a space or the end): never "10:30" or "http://".
      .replace(/([^\s;:!?«])[ \u00A0\u202F]*([;:!?]+)(?=\s|$|»)/gu, `$1${space}$2`)
      .replace(/([^\s«])[ \u00A0\u202F]*»/gu, `$1${space}»`)
      .replace(/«[ \u00A0\u202F]*(?=[^\s»])/gu, `«${space}`)
  );
}

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
  /** Whether the build inserts expansions or checks the author's (see EXPAND_CHOICES). */
  expand: (typeof EXPAND_CHOICES)[number];
}

/** The complete labels of one language. */
export interface Labels {
  lang: string;
  /** BCP 47 locale for `Intl` (dates). */
  locale: string;
  text: Record<LabelKey, string>;
  plural: PluralRules;
  /** Labels that no published opinion confirmed (the label files' `unverified:` lists, less what a later layer overrode). */
  unverified: LabelKey[];
}

/**
 * Label files may also hold these lists of label keys: `unverified` (not
 * confirmed in a published EESC opinion in that language: the build warns
 * when it prints one) and `same-as-english` (equal to the English label on
 * purpose, e.g. a proper name or a placeholder-only label: not flagged).
 */
export const META_LISTS = ['unverified', 'same-as-english'] as const;
export type MetaListKey = (typeof META_LISTS)[number];

/**
 * Labels whose wording the Official Journal fixes (title line, kind, header
 * block, legal-basis values, closing, appendix of amendments and its
 * sentences in `amendments.`, section names), and so can be verified in a
 * published opinion. The others are either the tool's wording for working
 * documents the Official Journal never prints (stage banners, internal notes,
 * HTML links, scaffold chapter titles, the amendment sheet and list,
 * `sheet.`) or words the build puts into the author's own text (references
 * such as "point 1.2", addressee headings), whose wording the author controls.
 */
export function isPublishedLabel(key: LabelKey): boolean {
  // The gap marks (`values.to-be-completed`, `values.reference-not-assigned`) are draft furniture: an adopted
  // opinion has no gaps, and each gap is reported where its fact is missing (meta/to-be-completed).
  if (key === 'values.to-be-completed' || key === 'values.reference-not-assigned') return false;
  return /^(title|kind|header|values|closing|appendix|sections)\.|^amendments\.(rejected-intro|section-text-intro|insert-before)$/.test(key);
}

export type Slot = string | PhrasingContent[];

/**
 * The Rule of the EESC Rules of Procedure that an own-initiative opinion
 * cites as its legal basis, by the year of the decision to draw it up, as
 * published opinions cite it: Rule 29(2) until 2018, Rule 32(2) in
 * 2019–2021, Rule 52(2) from 2022 (the Rules as renumbered in 2019 and 2022).
 * Without a date: the Rule in force now.
 */
export function ownInitiativeRule(date: string | undefined): 'values.rule-29-2' | 'values.rule-32-2' | 'values.rule-52-2' {
  const year = date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined;
  if (year === undefined || year >= 2022) return 'values.rule-52-2';
  return year >= 2019 ? 'values.rule-32-2' : 'values.rule-29-2';
}

/** The President's title in the closing block, in the form the sources ask for. */
export function presidentTitle(labels: Labels, form: string | undefined): string {
  return labels.text[form === 'feminine' ? 'closing.president-feminine' : 'closing.president'];
}

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
