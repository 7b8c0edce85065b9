/**
 * Header labels of drafts and the stable field keys they stand for, so that a
 * converted Word draft and a built one compare field by field. The keys are
 * those of `Draft.header` written by the build. The wording `opinion build`
 * prints in every built-in language comes from the label files
 * (src/generated/draft-labels.js, written by `npm run build`); the lists here
 * add variants seen in drafts made by hand.
 */
import { DRAFT_LABELS } from '../../generated/draft-labels.js';
import { escapeRegExp } from '../../core/regexp.js';

/** Header labels seen in drafts made by hand, besides those the label files give. */
const VARIANT_LABELS: Record<string, readonly string[]> = {
  rapporteur: ['rapporteure', 'berichterstatterin'],
  'co-rapporteur': ['corapporteur', 'corapporteurs', 'mitberichterstatter', 'mitberichterstatterin'],
  'rapporteur-general': ['rapporteur general', 'hauptberichterstatterin'],
  legal_basis: ['fundamento jurídico'],
  plenary_session: ['session plénière nº'],
};

/** Values of the label-less row under the legal basis (the opinion's kind), besides the label files'. */
const KIND_VALUES = new Set(['parere supplementare', ...DRAFT_LABELS.kinds].map((value) => labelKey(value)));

/** The banner of a non-final version, its purpose and version lines. */
const STAGE_VALUES = new Set(DRAFT_LABELS.stages.map((value) => labelKey(value)));
const STAGE_PURPOSES = new Set(DRAFT_LABELS.purposes.map((value) => labelKey(value)));
const STAGE_PURPOSE = /^(?:version for|version pour|versione per|fassung für)\b/iu;
/** A version line in any language: "Version 2", "2. változat", "2 versija"… */
const VERSION = new RegExp(`^(?:${DRAFT_LABELS.versions.map((label) => escapeRegExp(label).replace('\\{version\\}', '\\d+')).join('|')})(?![\\p{L}\\d])`, 'iu');
/** A reference, or the gap the build prints for one not known ("[to be completed]", "[reference not yet assigned]"). */
const REFERENCE = /^(?:(?:INT|ECO|SOC|NAT|TEN|REX|CCMI)\/\d+\b|\[[^\]\n]{1,60}\]$)/u;
const DOCUMENT = /^EESC-\d{4}-\d+/u;
const KIND_LINE = /^\(.+\)$/su;
/** The title line of an opinion or information report, in a form made by hand: its first word, a quotation mark further on. */
const TITLE =
  /^(?:opinion|information report|avis|rapport d’information|parere|relazione informativa|stellungnahme|informationsbericht|dictamen)\b.*[‘'"„“«]/iu;
/** The title line as the build writes it in each language, up to the title (some languages quote it, some do not). */
const TITLE_KEYS = DRAFT_LABELS.titleLanguages.map(([start, lang]) => [labelKey(start), lang] as const);
const TITLE_STARTS = [...new Set(TITLE_KEYS.map(([start]) => start))];
/** "Brussels, 23 May 2018." and its translations: the closing block starts here. */
const CLOSING = new RegExp(
  `^(?:${['brusel', 'brisel', 'brisele', 'bruiséal', 'brüsszel', ...DRAFT_LABELS.places].map((place) => escapeRegExp(place.toLowerCase())).join('|')})\\s*,`,
  'iu',
);

/** The closing line as the build writes it in each language, up to the date: "Brussels,", "V Bruselu dne". */
const CLOSING_STARTS = DRAFT_LABELS.closings.map((start) => labelKey(start));

const BY_LABEL = new Map<string, string>();
for (const [label, field] of DRAFT_LABELS.labels) if (!BY_LABEL.has(labelKey(label))) BY_LABEL.set(labelKey(label), field);
for (const [field, labels] of Object.entries(VARIANT_LABELS)) for (const label of labels) BY_LABEL.set(labelKey(label), field);

/** A label as looked up: lower case, one kind of apostrophe, no trailing colon or dot, single spaces. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/’/gu, "'").replace(/\s+/gu, ' ').trim().replace(/[:.]$/u, '').trim();
}

/** The field of a labelled header row; the label itself (as a key) when unknown. */
export function fieldOfLabel(label: string): string {
  const key = labelKey(label);
  return BY_LABEL.get(key) ?? key;
}

export function isKnownLabel(label: string): boolean {
  return BY_LABEL.has(labelKey(label));
}

export function isKindValue(value: string): boolean {
  return KIND_VALUES.has(labelKey(value));
}

/**
 * The banner of a non-final version written on one line, "DRAFT OPINION – version
 * for the section meeting": the stage and its purpose.
 */
export function splitBanner(line: string): { stage: string; purpose: string } | undefined {
  const match = /^(.+?)\s+[–—-]\s+(.+)$/u.exec(line.trim());
  if (!match || !STAGE_VALUES.has(labelKey(match[1] ?? ''))) return undefined;
  return { stage: (match[1] ?? '').trim(), purpose: (match[2] ?? '').trim() };
}

/** The field of an unlabelled line before the first chapter (banner, reference…), if recognised. */
export function fieldOfLine(line: string): string | undefined {
  const text = line.trim();
  if (STAGE_VALUES.has(labelKey(text)) || stageBannerStart(text) !== undefined) return 'stage';
  if (STAGE_PURPOSES.has(labelKey(text)) || STAGE_PURPOSE.test(text)) return 'stage_purpose';
  if (VERSION.test(text)) return 'version';
  if (REFERENCE.test(text)) return 'reference';
  if (DOCUMENT.test(text)) return 'document';
  if (KIND_LINE.test(text)) return 'kind_line';
  // "Own-initiative opinion" on a line of its own: the header table's row without a label, as the web page's text gives it.
  if (isKindValue(text)) return 'kind';
  return undefined;
}

/**
 * A banner typed with a word more, all in capitals ("PRELIMINARY DRAFT OPINION" for
 * `PRELIMINARY DRAFT`): the longest stage banner it starts with, as a key.
 */
export function stageBannerStart(line: string): string | undefined {
  const text = line.trim();
  if (text !== text.toUpperCase() || !/\p{Lu}/u.test(text)) return undefined;
  const key = labelKey(text);
  let found: string | undefined;
  for (const stage of STAGE_VALUES) {
    const rest = key.startsWith(stage + ' ') ? key.slice(stage.length + 1) : undefined;
    if (rest !== undefined && /^\p{L}+$/u.test(rest) && (found === undefined || stage.length > found.length)) found = stage;
  }
  return found;
}

/**
 * The language of a title line as the build writes it: the language whose
 * title start it begins with (the longest, when one start holds another);
 * undefined when none does or two languages write that start alike.
 */
export function titleLanguage(line: string): string | undefined {
  const key = labelKey(line);
  const starts = TITLE_KEYS.filter(([start]) => key.startsWith(start) && key.length > start.length);
  const longest = Math.max(...starts.map(([start]) => start.length));
  const langs = new Set(starts.filter(([start]) => start.length === longest).map(([, lang]) => lang));
  return langs.size === 1 ? [...langs][0] : undefined;
}

export function isTitleLine(line: string): boolean {
  const key = labelKey(line);
  return TITLE.test(line.trim()) || TITLE_STARTS.some((start) => key.startsWith(start) && key.length > start.length);
}

export function isClosingLine(line: string): boolean {
  const key = labelKey(line);
  return CLOSING.test(line.trim()) || CLOSING_STARTS.some((start) => key.startsWith(start) && /\d/u.test(key.slice(start.length)));
}
