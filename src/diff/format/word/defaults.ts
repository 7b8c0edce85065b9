/**
 * Who made the changes of a redline and when, from the sources when the
 * command line does not say: never the clock, so that the same drafts give
 * the same file.
 *
 * - Author: the rapporteur (rapporteur-general, rapporteurs) named in the new
 *   version's header, whose text the new version is; else "EESC secretariat".
 * - Date: the date of the new version's version line ("Version 2 of 10 April
 *   2018", in any language whose month names the runtime knows), else the
 *   latest date in its header (adoption dates, closing block); else none
 *   (Word shows revisions without a date).
 */
import type { Draft } from '../../../core/draft.js';
import { isoDate } from '../../../core/calendar.js';

export const DEFAULT_AUTHOR = 'EESC secretariat';

/** The value of a header field (`reference`, `document`…), if the draft has it. */
export function headerValue(draft: Draft, field: string): string | undefined {
  return draft.header.find((row) => row.field === field)?.value;
}

const AUTHOR_FIELDS = ['rapporteur', 'rapporteur-general'];

export function defaultAuthor(draft: Draft): string {
  for (const field of AUTHOR_FIELDS) {
    const value = headerValue(draft, field)?.trim();
    if (value) return value;
  }
  return DEFAULT_AUTHOR;
}

function monthNames(locale: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const lang of new Set([locale, 'en'])) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++)
        names.set(
          format
            .format(new Date(Date.UTC(2001, month - 1, 15)))
            .toLowerCase()
            .replace(/\.$/u, ''),
          month,
        );
    }
  }
  return names;
}

/** Every date written in a text: `23.5.2018`, `23/05/2018`, `2018-05-23`, `23 May 2018`, `23. Mai 2018`, `1er juin 2018`. */
export function datesIn(text: string, locale = 'en'): string[] {
  const found: string[] = [];
  const names = monthNames(locale);
  for (const match of text.matchAll(/\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/gu)) found.push(isoDate(Number(match[3]), Number(match[2]), Number(match[1])) ?? '');
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/gu)) found.push(isoDate(Number(match[1]), Number(match[2]), Number(match[3])) ?? '');
  for (const match of text.matchAll(/\b(\d{1,2})(?:er|\.|º|°)?\s+(\p{L}+)\.?\s+(\d{4})\b/gu)) {
    const month = names.get((match[2] ?? '').toLowerCase());
    if (month) found.push(isoDate(Number(match[3]), month, Number(match[1])) ?? '');
  }
  return found.filter(Boolean);
}

export function defaultDate(draft: Draft): string | undefined {
  const locale = draft.lang ?? 'en';
  const version = draft.header.find((row) => row.field === 'version');
  const own = version ? datesIn(version.value, locale) : [];
  if (own.length > 0) return own[own.length - 1];
  const all = draft.header.flatMap((row) => datesIn(row.value, locale)).sort();
  return all[all.length - 1];
}
