/**
 * Dates as each language writes them. Source dates are ISO strings
 * (`2018-05-23`): calendar dates, never instants. They are formatted from
 * noon of that day in the machine's own time zone, which no time zone or
 * daylight-saving change can move to another day (formatting in UTC gives the
 * same result but loads the time-zone data, ~50 ms of start-up).
 *
 * - long (running text, closing block): `dates.long` is `intl` (the locale's
 *   day-month-year with the month written out: "23 May 2018", "23 mai 2018",
 *   "23 maggio 2018", "23. Mai 2018") or a pattern (see `short`); day 1 is
 *   written as `dates.first-day` ("1er" in French).
 * - short (header table, as in the Official Journal): a pattern of `d`, `dd`,
 *   `m`, `mm`, `yyyy` ("d.m.yyyy" → "23.5.2018").
 */
import type { Labels } from '../labels/labels.js';

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
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function longFormatter(locale: string): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/** "23 May 2018" in the labels' language; a value that is not an ISO date is returned as is. */
export function formatLongDate(value: string, labels: Labels): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  const style = labels.text['dates.long'];
  if (style !== 'intl') return formatPattern(date, style);
  const noon = new Date(2000, 0, 1, 12);
  noon.setFullYear(date.year, date.month - 1, date.day);
  const parts = longFormatter(labels.locale).formatToParts(noon);
  return parts.map((part) => (part.type === 'day' && date.day === 1 ? labels.text['dates.first-day'] : part.value)).join('');
}

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
