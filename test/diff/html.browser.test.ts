/**
 * The HTML redline as a reader sees it, in headless Chromium (Debian's
 * `chromium`, driven by playwright-core): deletions struck, insertions
 * shown, the table of contents jumping to each changed point, the
 * side-by-side view, the print layout, and no script from a draft ever
 * running. Skipped when Chromium is not installed, except under CI, where
 * that fails. A screenshot is left at $TMPDIR/opinion-diff-redline.png for a
 * human to look at, and checked to show the whole page and the colours of
 * deletions and insertions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatHtml } from '../../src/diff/index.js';
import { hasChromium, launchChromium, screenshotPixels, skipWithout } from '../helpers.js';
import { diffFixture } from './helpers.js';

describe.skipIf(skipWithout(hasChromium))('HTML redline in Chromium', () => {
  let browser: Browser;
  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(fixture: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const file = join(mkdtempSync(join(tmpdir(), 'opinion-diff-html-')), `${fixture}.html`);
    writeFileSync(file, formatHtml(diffFixture(fixture)));
    const page = await browser.newPage({ viewport });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    return page;
  }

  it('strikes deletions and shows insertions', async () => {
    const page = await open('redline');
    const deleted = page.locator('.inline-view del', { hasText: 'considers' });
    const inserted = page.locator('.inline-view ins', { hasText: 'believes' });
    await expect(deleted.isVisible()).resolves.toBe(true);
    await expect(inserted.isVisible()).resolves.toBe(true);
    expect(await deleted.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
    expect(await inserted.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
    const point = await page.locator('.inline-view .item.modified').innerText();
    expect(point.replace(/\s+/g, ' ')).toContain('The EESC considersbelieves that social economy enterprises are one of the main drivers');
    const movedAway = page.locator('.inline-view .item.moved-away');
    expect(await movedAway.innerText()).toContain('MOVED TO 2.3.2');
    await page.close();
  });

  it('jumps to a changed point from the table of contents', async () => {
    const page = await open('redline', { width: 1280, height: 500 });
    const link = page.locator('.toc a.to-inline', { hasText: 'point 2.1 moved to 2.3.2' });
    await link.click();
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/^#change-\d+$/);
    const target = page.locator(hash);
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await target.innerText()).toContain('Cooperatives have a long history');
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 500).toBe(true);
    // From the moved point to where it was, and back.
    await target.locator('.badge a').click();
    expect(await page.evaluate(() => location.hash)).toMatch(/^#moved-from-\d+$/);
    await page.close();
  });

  it('switches to the side-by-side view, whose contents links follow', async () => {
    const page = await open('redline');
    expect(await page.locator('.sbs-view').isVisible()).toBe(false);
    await page.click('label[for="view-sbs"]');
    expect(await page.locator('.sbs-view').isVisible()).toBe(true);
    expect(await page.locator('.inline-view').isVisible()).toBe(false);
    const row = page.locator('.sbs tr.modified');
    expect(await row.locator('td.old del').innerText()).toBe('considers');
    expect(await row.locator('td.new ins').first().innerText()).toBe('believes');
    expect(await row.locator('td.old').innerText()).not.toContain('believes');
    await page.locator('.toc a.to-sbs', { hasText: 'point 1.1 (now 1.2) modified' }).click();
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/^#sbs-change-\d+$/);
    expect(await page.locator(hash).evaluate((el) => el.matches(':target') && el.classList.contains('modified'))).toBe(true);
    await page.close();
  });

  it('can hide the unchanged points', async () => {
    const page = await open('redline');
    const same = page.locator('.inline-view .item.same').first();
    expect(await same.isVisible()).toBe(true);
    await page.click('label[for="only-changes"]');
    expect(await same.isVisible()).toBe(false);
    expect(await page.locator('.inline-view .item.modified').isVisible()).toBe(true);
    await page.close();
  });

  it('prints the text without the controls', async () => {
    const page = await open('redline');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('.inline-view del', { hasText: 'considers' }).isVisible()).toBe(true);
    expect(await page.locator('.toc a.to-inline').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('runs no script from a draft and shows it as text', async () => {
    const page = await open('xss');
    await page.locator('.inline-view .item.chapter').first().hover();
    await page.click('label[for="view-sbs"]');
    await page.locator('.sbs tr.chapter').first().hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('[onerror], [onmouseover], img, a[href^="javascript:"]').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain('<script>window.__pwned = 10</script>');
    expect(text).toContain('<a href="javascript:window.__pwned = 13">A link</a> added.');
    // Raw HTML tags in a draft are dropped; what was between them stays text.
    expect(text).not.toContain('<script>window.__pwned = 5');
    expect(await page.title()).toBe('Redline: Opinion on ‘<script>window.__pwned = 7</script>’');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'none'");
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('leaves a screenshot of the whole page for a human to look at, deletions and insertions in their colours', async () => {
    const page = await open('redline');
    const path = join(tmpdir(), 'opinion-diff-redline.png');
    const png = await page.screenshot({ path, fullPage: true });
    const background = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const colours = [await background('.inline-view del'), await background('.inline-view ins')];
    const size = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      height: document.documentElement.scrollHeight,
      ratio: devicePixelRatio,
    }));
    await page.close();
    const shown = await screenshotPixels(browser, png, colours);
    expect(shown.width).toBe(Math.round(size.width * size.ratio));
    expect(shown.height).toBe(Math.round(size.height * size.ratio));
    // The backgrounds of struck and inserted words are solid: hundreds of pixels each.
    expect(new Set(colours).size).toBe(2);
    expect(shown.counts[0]).toBeGreaterThan(200);
    expect(shown.counts[1]).toBeGreaterThan(200);
  });
});
