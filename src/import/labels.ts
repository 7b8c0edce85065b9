/**
 * Reading a draft's fixed wording back into values, with the same label
 * files `opinion build` writes it from (`templates/languages/<lang>.yaml`):
 * a label with placeholders becomes a pattern ("Version {version} of {date}"),
 * dates are read in the label file's short pattern ("21.9.2017") or long
 * form ("10 April 2018", recognised by formatting each month as the build
 * does), and the language of a draft is guessed from the labels it uses.
 */
import { VFile } from 'vfile';
import { formatLongDate } from '../render/dates.js';
import { isoDate } from '../core/calendar.js';
import { builtinLabelFiles, resolveLabels } from '../labels/load.js';
import type { LabelKey, Labels } from '../labels/labels.js';
import { escapeRegExp } from '../core/regexp.js';
import { OFFICIAL_LANGUAGES } from '../core/languages.js';
import { lineText } from '../drafts/markdown/front-matter.js';

/** The label files that ship (templates/languages/*.yaml): one per official language, English first (it wins a tie). */
export const SHIPPED_LANGUAGES: readonly string[] = ['en', ...OFFICIAL_LANGUAGES.filter((lang) => lang !== 'en')];

export async function labelsFor(lang: string): Promise<Labels | undefined> {
  const layers = await builtinLabelFiles([lang]);
  return resolveLabels(lang, layers, { file: new VFile() });
}

/** The values of a label's placeholders in `text`, when `text` is that label filled in. */
export function matchLabel(labels: Labels, key: LabelKey, text: string, asWritten = false): Record<string, string> | undefined {
  return matchTemplate(labels.text[key], text, asWritten);
}

/**
 * The values of a template's placeholders (`{date}`) in `text`, when `text` is that template filled in.
 * `asWritten`: the values with their spaces as written (`lineText`: a no-break space kept), not each one space.
 */
export function matchTemplate(template: string | undefined, text: string, asWritten = false): Record<string, string> | undefined {
  if (!template) return undefined;
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of template.matchAll(/\{([a-z_]+)\}/gu)) {
    pattern += escapeRegExp(template.slice(last, match.index));
    pattern += '(.+?)';
    names.push(match[1] as string);
    last = (match.index ?? 0) + match[0].length;
  }
  pattern += escapeRegExp(template.slice(last));
  const found = new RegExp(`^${pattern}$`, 'dsu').exec(normalise(text));
  if (!found) return undefined;
  // `lineText` keeps each run of spaces as one character, as `normalise` does: the places in one are the places in the other.
  const written = asWritten ? lineText(text) : found[0];
  return Object.fromEntries(names.map((name, i) => [name, written.slice(...(found.indices?.[i + 1] ?? [0, 0])).trim()]));
}

const OPENING = '‘“„«»”"\'';
const CLOSING: Record<string, string> = { '‘': '’', '“': '”', '„': '“”', '«': '»', '»': '«', '”': '”', '"': '"', "'": "'" };

/**
 * The title of a title line that words it a little differently from the
 * label (`title.opinion`: "… on ‘{title}’"), as published titles do: a
 * word or two (an article, "tema") between the fixed wording and the
 * quoted title ("… on the ‘Communication …’", "… sur le «Contrôle …»",
 * "… over het „Voorstel …”"), or the title unquoted. Undefined when the
 * line does not start with the label's fixed wording.
 */
export function looseTitle(template: string | undefined, text: string): string | undefined {
  const at = template?.indexOf('{title}') ?? -1;
  if (!template || at < 0) return undefined;
  const prefix = normalise(template.slice(0, at).replace(/[\s‘“„«»”"']+$/u, ''));
  const line = normalise(text);
  if (prefix === '' || !line.startsWith(prefix + ' ')) return undefined;
  const rest = line.slice(prefix.length + 1);
  // The title with its spaces as written (at the same places: see `matchTemplate`).
  const written = lineText(text).slice(prefix.length + 1);
  const quoted = /^(?:[\p{L}’']+ ){0,2}?([‘“„«»”"'])(.+)$/u.exec(rest);
  if (quoted) {
    const [, open, inner] = quoted as unknown as [string, string, string];
    const close = [...(CLOSING[open] ?? '')].map((c) => inner.lastIndexOf(c)).reduce((a, b) => Math.max(a, b), -1);
    const start = rest.length - inner.length;
    if (close > 0) return written.slice(start, start + close).trim();
  }
  return OPENING.includes(rest[0] ?? '') ? undefined : written;
}

/** Quotes and spaces as the label files write them. */
export function normalise(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** "21.9.2017" in the label file's short pattern → "2017-09-21". */
export function parseShortDate(labels: Labels, text: string): string | undefined {
  const pattern = labels.text['dates.short'];
  const order: string[] = [];
  const source = escapeRegExp(pattern).replace(/yyyy|dd|d|mm|m/gu, (token) => {
    order.push(token[0] as string);
    return token === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})';
  });
  const found = new RegExp(`^${source}$`, 'u').exec(text.trim());
  if (!found) return undefined;
  const value: Record<string, number> = Object.fromEntries(order.map((token, i) => [token, Number(found[i + 1])]));
  // A pattern without one of the three gives 0 for it: no such day.
  return isoDate(value.y ?? 0, value.m ?? 0, value.d ?? 0);
}

/** "10 April 2018" (as the build writes long dates in this language, or with `format` as the closing line writes them) → "2018-04-10". */
export function parseLongDate(labels: Labels, text: string, format: (iso: string, labels: Labels) => string = formatLongDate): string | undefined {
  const wanted = normalise(text).replace(/\.$/u, '');
  const year = /\b(\d{4})\b/u.exec(wanted)?.[1];
  if (!year) return undefined;
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= 31; day++) {
      const iso = isoDate(Number(year), month, day);
      // A date that ends in a dot ("20 май 2026 г.") loses it to a sentence's full stop.
      if (iso && normalise(format(iso, labels)).replace(/\.$/u, '') === wanted) return iso;
    }
  }
  return undefined;
}

/** The shipped language whose labels the draft's front lines use most. */
export async function guessLanguage(lines: readonly string[]): Promise<{ lang: string; score: number; scores: ReadonlyMap<string, number> } | undefined> {
  let best: { lang: string; score: number } | undefined;
  const scores = new Map<string, number>();
  const keys: LabelKey[] = [
    'header.rapporteur',
    'header.legal-basis',
    'header.section',
    'header.adopted-in-section',
    'header.plenary-decision',
    'closing.president',
    'stage.section-purpose',
  ];
  for (const lang of SHIPPED_LANGUAGES) {
    const labels = await labelsFor(lang);
    if (!labels) continue;
    let score = 0;
    for (const line of lines) {
      // A published title words it loosely ("… sur le «…»", "… sur «…» (avis exploratoire)"): still this language's title.
      if (['title.opinion', 'title.information-report'].some((key) => looseTitle(labels.text[key as LabelKey], line) !== undefined)) score += 2;
      const normalised = normalise(line);
      for (const key of keys) if (labels.text[key] && normalised.startsWith(labels.text[key].replace(/:$/u, ''))) score++;
    }
    scores.set(lang, score);
    if (score > 0 && (!best || score > best.score)) best = { lang, score };
  }
  return best && { ...best, scores };
}
