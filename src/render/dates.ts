/**
 * Dates as each language writes them. Source dates are ISO strings
 * (`2018-05-23`): calendar dates, never instants. The long date of a built-in
 * locale comes from a table made from CLDR (long-dates.ts: the same text on
 * every Node version, and no ICU data to load); any other locale is formatted
 * by `Intl` from noon of that day in the machine's own time zone, which no
 * time zone or daylight-saving change can move to another day (formatting in
 * UTC gives the same result but loads the time-zone data, ~50 ms of start-up).
 *
 * - long (running text, closing block): `dates.long` is `intl` (the locale's
 *   day-month-year with the month written out: "23 May 2018", "23 mai 2018",
 *   "23 maggio 2018", "23. Mai 2018") or a pattern (see `short`); day 1 is
 *   written as `dates.first-day` ("1er" in French).
 * - short (header table, as in the Official Journal): a pattern of `d`, `dd`,
 *   `m`, `mm`, `yyyy` ("d.m.yyyy" → "23.5.2018").
 */
import type { Labels } from '../labels/labels.js';
import { LONG_DATES } from './long-dates.js';
import { isoDate } from '../core/calendar.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(value: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isoDate(year, month, day) === undefined ? undefined : { year, month, day };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The parts of the long date in a locale: from the table of the built-in
 * locales (long-dates.ts, no ICU data to load), else from `Intl`.
 */
function longDateParts(locale: string, date: CalendarDate): Intl.DateTimeFormatPart[] {
  const known = LONG_DATES[locale];
  if (known) {
    return known.parts.map((part): Intl.DateTimeFormatPart => {
      if (part === '{day}') return { type: 'day', value: String(date.day) };
      if (part === '{month}') return { type: 'month', value: known.months[date.month - 1]! };
      if (part === '{year}') return { type: 'year', value: String(date.year) };
      return { type: 'literal', value: part };
    });
  }
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    formatters.set(locale, formatter);
  }
  const noon = new Date(2000, 0, 1, 12);
  noon.setFullYear(date.year, date.month - 1, date.day);
  return formatter.formatToParts(noon);
}

/** "23 May 2018" in the labels' language; a value that is not an ISO date is returned as is. */
export function formatLongDate(value: string, labels: Labels): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  const style = labels.text['dates.long'];
  if (style !== 'intl') return formatPattern(date, style);
  return longDateParts(labels.locale, date)
    .map((part) => (part.type === 'day' && date.day === 1 ? labels.text['dates.first-day'] : written(part, date, labels.lang)))
    .join('');
}

/**
 * A part of `Intl`'s long date as the Official Journal writes it: the spaces
 * `Intl` puts in some locales (U+202F in Bulgarian "2026 г.", which CLDR
 * versions change) as one no-break space, the same on every Node version; the
 * month after a day in the genitive where `Intl` gives the nominative
 * (Slovenian "23. maja 2026", as in "V Bruslju, 10. decembra 2014").
 */
function written(part: Intl.DateTimeFormatPart, date: CalendarDate, lang: string): string {
  if (part.type === 'month' && GENITIVE_MONTHS[lang]) return GENITIVE_MONTHS[lang][date.month - 1]!;
  return part.type === 'literal' ? part.value.replace(/[\u00A0\u202F]/g, '\u00A0') : part.value;
}

const GENITIVE_MONTHS: Record<string, string[]> = {
  sl: ['januarja', 'februarja', 'marca', 'aprila', 'maja', 'junija', 'julija', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
};

/** "23.5.2018" (Official Journal header style). */
export function formatShortDate(value: string, labels: Labels): string {
  const date = parseIsoDate(value);
  return date ? formatPattern(date, labels.text['dates.short']) : value;
}

function formatPattern(date: CalendarDate, pattern: string): string {
  return pattern.replace(/yyyy|dd|d|mm|m/g, (token) => {
    switch (token) {
      case 'yyyy':
        return String(date.year);
      case 'dd':
        return String(date.day).padStart(2, '0');
      case 'd':
        return String(date.day);
      case 'mm':
        return String(date.month).padStart(2, '0');
      default:
        return String(date.month);
    }
  });
}

/**
 * The date of the closing block ("Brussels, 23 May 2018."), which says *on*
 * which day the Committee adopted the opinion: in most languages the long
 * date, but three languages mark "on" in the date itself, and `Intl` knows
 * none of it (it gives the bare date):
 *
 * - Hungarian adds to the day the suffix of vowel harmony, -án/-én (-jén
 *   after 1): "Kelt Brüsszelben, 2010. július 14-én." (CELEX 52010AE0979);
 * - Maltese puts the article, assimilated to the spoken numeral, before the
 *   day: "Brussell, l-20 ta’ Frar 2019." (CELEX 52019AE0768);
 * - Latvian writes the month in the locative: "2018. gada 23. maijā"
 *   (the grammar of Latvian dates; no published closing read yet).
 *
 * Other languages: the long date.
 */
export function formatClosingDate(value: string, labels: Labels): string {
  const date = parseIsoDate(value);
  const rule = CLOSING_RULES[labels.lang];
  if (!date || !rule || labels.text['dates.long'] !== 'intl') return formatLongDate(value, labels);
  return longDateParts(labels.locale, date)
    .map((part) =>
      part.type === 'day' ? rule.day(date.day, part.value) : part.type === 'month' ? rule.month(date.month, part.value) : written(part, date, labels.lang),
    )
    .join('');
}

interface ClosingRule {
  day: (day: number, written: string) => string;
  month: (month: number, written: string) => string;
}

/** Hungarian -án/-én after a day number: the vowel of the number's last spoken word (1-jén, 2-án, 3-án, 4-én…). */
// biome-ignore format: one entry per day of the month, 1 to 31
const HU_SUFFIX = ['jén', 'án', 'án', 'én', 'én', 'án', 'én', 'án', 'én', 'én', 'én', 'én', 'án', 'én', 'én', 'án', 'én', 'án', 'én', 'án', 'én', 'én', 'án', 'én', 'én', 'án', 'én', 'án', 'én', 'án', 'én'];
/** The Maltese article before a day number, as the numeral is spoken (wieħed → l-1, tnejn → it-2, ħamsa → il-5…). */
// biome-ignore format: one entry per day of the month, 1 to 31
const MT_ARTICLE = ['l', 'it', 'it', 'l', 'il', 'is', 'is', 'it', 'id', 'l', 'il', 'it', 'it', 'l', 'il', 'is', 'is', 'it', 'id', 'l', 'l', 'it', 'it', 'l', 'il', 'is', 'is', 'it', 'id', 'it', 'l'];
/** Latvian months in the locative ("in May": maijā). */
const LV_MONTHS = ['janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā', 'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī'];

const same = (_: number, written: string) => written;
const CLOSING_RULES: Record<string, ClosingRule> = {
  hu: { day: (day, written) => `${written}-${HU_SUFFIX[day - 1]}`, month: same },
  mt: { day: (day, written) => `${MT_ARTICLE[day - 1]}-${written}`, month: same },
  lv: { day: same, month: (month) => LV_MONTHS[month - 1]! },
};
