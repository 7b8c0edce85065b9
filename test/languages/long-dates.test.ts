/**
 * The long dates of the built-in locales are a table (src/render/long-dates.ts)
 * made from CLDR, so that a build loads no ICU date data and prints the same
 * text on every Node version. The table must be what Intl gives on the Node
 * that runs the tests (CI runs Node 20, 22 and 24): a CLDR change shows here,
 * by locale, and the table decides until someone checks the OJ's form.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG_DATES } from '../../src/render/long-dates.js';
import { formatClosingDate, formatLongDate } from '../../src/render/dates.js';
// @ts-expect-error: a plain .mjs script without types
import { longDateOf } from '../../src/scripts/generate-long-dates.mjs';
import { ROOT } from '../helpers.js';
import type { Labels } from '../../src/labels/labels.js';

const labelDir = join(ROOT, 'templates', 'languages');
const locales = readdirSync(labelDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => /^locale:\s*(\S+)/m.exec(readFileSync(join(labelDir, f), 'utf8'))?.[1]);

describe('long dates of the built-in locales', () => {
  it('has every built-in label file’s locale', () => {
    expect(Object.keys(LONG_DATES).sort()).toEqual([...locales].sort());
  });

  it.each(Object.keys(LONG_DATES))('%s is what Intl (CLDR) gives on this Node', (locale) => {
    expect(longDateOf(locale)).toEqual(LONG_DATES[locale]);
  });

  it('formats from the table what Intl formats, and a locale outside it through Intl', () => {
    const labels = (lang: string, locale: string) => ({ lang, locale, text: { 'dates.long': 'intl', 'dates.first-day': '1' } }) as unknown as Labels;
    expect(formatLongDate('2018-05-23', labels('de', 'de-DE'))).toBe('23. Mai 2018');
    expect(formatLongDate('2018-05-23', labels('pl', 'pl-PL'))).toBe('23 maja 2018');
    expect(formatLongDate('2018-05-23', labels('lt', 'lt-LT'))).toBe('2018 m. gegužės 23 d.');
    expect(formatClosingDate('2010-07-14', labels('hu', 'hu-HU'))).toBe('2010. július 14-én.');
    // Austrian German is not a built-in locale: Intl gives its own month name.
    expect(formatLongDate('2018-01-23', labels('de', 'de-AT'))).toBe('23. Jänner 2018');
  });
});
