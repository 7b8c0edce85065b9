/**
 * The HTML draft as a reader sees it, in headless Chromium (Debian's
 * `chromium`, driven by playwright-core): the header table, numbered points,
 * footnote links that go to the note and back, and no script from a source
 * ever running. Skipped when Chromium is not installed, except under CI, where
 * that fails (`.ci/run` installs it). A screenshot of the sample is left in the
 * temp folder for a human to look at, and checked to show the page's text.
 */
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildOpinion } from '../../src/opinion/index.js';
import { hasChromium, launchChromium, ROOT, screenshotPixels, skipWithout } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

async function htmlFile(dir: string, lang?: string): Promise<string> {
  const build = await buildOpinion(dir, lang ? { langs: [lang] } : {});
  const file = join(mkdtempSync(join(tmpdir(), 'opinion-html-')), 'opinion.html');
  writeFileSync(file, build.renders[0]!.html!);
  return file;
}

describe.skipIf(skipWithout(hasChromium))('HTML draft in Chromium', () => {
  let browser: Browser;
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${file}`);
    return page;
  }

  it('shows the header table with the right rows, and numbered points', async () => {
    const page = await open(await htmlFile(join(ROOT, 'opinions', 'see-migrants')));
    const rows = await page.locator('table.header-block tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      'Rapporteur: Giuseppe GUERINI',
      'Plenary assembly decision 21.1.2016',
      'Legal basis Rule 29(2) of the Rules of Procedure',
      'Own-initiative opinion',
      'Section responsible Single Market, Production and Consumption',
    ]);
    expect(await page.locator('table.header-block').isVisible()).toBe(true);
    expect(await page.locator('h1.title').innerText()).toBe(
      'Opinion of the European Economic and Social Committee on ‘Cooperatives and social economy enterprises in the integration of migrants’',
    );
    const numbers = (await page.locator('p.point .num').allInnerTexts()).map((n) => n.trim());
    expect(numbers.slice(0, 3)).toEqual(['1.1', '1.2', '1.3']);
    expect(numbers).toContain('3.5.3');
    // The number hangs in its own column: the text starts at the same x on every point.
    const starts = await page.locator('p.point').evaluateAll((ps) =>
      ps.slice(0, 5).map((p) => {
        const range = document.createRange();
        range.setStart(p.childNodes[1]!, 0);
        return Math.round(range.getBoundingClientRect().left);
      }),
    );
    expect(new Set(starts).size).toBe(1);
    const png = await page.screenshot({ path: join(tmpdir(), 'opinion-build-see-migrants.png'), fullPage: false });
    const ink = await page.locator('h1.title').evaluate((el) => {
      const paper = getComputedStyle(document.body).backgroundColor;
      return [getComputedStyle(el).color, paper === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : paper];
    });
    await page.close();
    const shown = await screenshotPixels(browser, png, ink);
    expect([shown.width, shown.height]).toEqual([1000, 900]);
    // Mostly page, with the title's ink on it (not a blank or an error page).
    expect(shown.counts[0]).toBeGreaterThan(100);
    expect(shown.counts[1]).toBeGreaterThan(1000 * 900 * 0.5);
  });

  it('keeps numbers apart from their text in the page text (copy, search, screen readers), and the <title> quotes matched in every language', async () => {
    for (const lang of ['en', 'fr', 'it', 'de']) {
      const page = await open(await htmlFile(join(ROOT, 'opinions', 'see-migrants'), lang));
      const lines = (await page.evaluate(() => document.body.innerText)).split('\n');
      const first = {
        en: '1.1 The European Economic and Social Committee (EESC) considers',
        fr: '1.1 Le Comité économique et social européen (CESE) estime',
        it: '1.1 Il Comitato economico e sociale europeo (CESE) ritiene',
        de: '1.1 Der Europ',
      }[lang]!;
      expect(
        lines.some((line) => line.startsWith(first)),
        `${lang}: ${lines.find((l) => l.startsWith('1.1'))}`,
      ).toBe(true);
      expect(lines.some((line) => /^1\. \S/.test(line))).toBe(true);
      // No number glued to its text ("1.1The EESC…").
      expect(lines.filter((line) => /^\d+(?:\.\d+)+\.?[^\s\d.]/.test(line))).toEqual([]);
      // Copying a point gives its number, a space, then its text.
      const copied = await page
        .locator('p.point')
        .first()
        .evaluate((p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return selection.toString();
        });
      expect(copied).toMatch(/^1\.1 \S/);
      const title = await page.title();
      const opening = (title.match(/[‘„«“]/g) ?? []).length;
      const closing = (title.match(/[’“»”]/g) ?? []).length;
      expect(title.startsWith('[')).toBe(true); // the sample's reference is a gap
      expect({ lang, balanced: opening === closing || title.split('').filter((c) => c === '“').length === 1 }).toEqual({ lang, balanced: true });
      expect(title).not.toMatch(/[’”»“]$/);
      await page.close();
    }
  });

  it('links footnotes both ways: the mark goes to the note, the note back to the mark', async () => {
    const page = await open(await htmlFile(join(FIXTURES, 'basic')));
    const mark = page.locator('sup a[data-footnote-ref]').first();
    expect(await mark.innerText()).toBe('1');
    await mark.click();
    expect(await page.evaluate(() => location.hash)).toBe('#user-content-fn-1');
    const note = page.locator('#user-content-fn-1');
    expect(await note.innerText()).toContain('Cooperatives Europe, Camelot: a social cooperative');
    expect(await inViewport(page, '#user-content-fn-1')).toBe(true);
    await note.locator('a[data-footnote-backref]').first().click();
    expect(await page.evaluate(() => location.hash)).toBe('#user-content-fnref-1');
    expect(await inViewport(page, '#user-content-fnref-1')).toBe(true);
    // A cross-reference goes to its point.
    await page.locator('a.ref', { hasText: 'point 2.2' }).first().click();
    expect(await page.evaluate(() => location.hash)).toBe('#s-funding');
    expect(await inViewport(page, '#s-funding')).toBe(true);
    await page.close();
  });

  it('never breaks a reference ("point 2.7") across lines, at any page width', async () => {
    const page = await open(await htmlFile(join(ROOT, 'opinions', 'see-migrants')));
    const refs = page.locator('a.ref');
    expect(await refs.count()).toBeGreaterThan(3);
    for (const width of [1000, 700, 480, 360, 300]) {
      await page.setViewportSize({ width, height: 900 });
      // One box per reference: a reference broken across two lines has two.
      const lines = await refs.evaluateAll((as) => as.map((a) => a.getClientRects().length));
      expect({ width, lines: lines.filter((n) => n !== 1) }).toEqual({ width, lines: [] });
    }
    await page.close();
  });

  it('runs no script from a source', async () => {
    const page = await open(await htmlFile(join(FIXTURES, 'malicious')));
    await page.locator('h2.chapter').hover();
    for (const link of await page.locator('a').all()) await link.hover();
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const found = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      urls: [...document.querySelectorAll('[href], [src]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
        .filter((u) => !/^(https?:|#)/.test(u ?? '')),
      images: document.querySelectorAll('img').length,
    }));
    expect(found).toEqual({ scripts: 0, handlers: [], urls: [], images: 0 });
    expect(await page.locator('a', { hasText: 'good' }).getAttribute('href')).toBe('https://www.eesc.europa.eu/');
    await page.close();
  });

  it('prints on A4 with page numbers', async () => {
    const page = await open(await htmlFile(join(ROOT, 'opinions', 'see-migrants'), 'fr'));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // A4 media box, in points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top > -2 && box.top < window.innerHeight; // sub-pixel scrolling
  });
}
