/**
 * The printed draft (PDF) with footnotes at the foot of the page that calls
 * them, as the Word draft has them. Chromium has no CSS `float: footnote`, so
 * the page is laid out at print time by Paged.js (the CSS paged-media
 * polyfill): each note is moved from the list after the text to its first
 * call as a `float: footnote` element, Paged.js paginates, and Chromium
 * prints the result. The HTML file itself stays script-free (its Content
 * Security Policy forbids scripts): the polyfill runs only in the printing
 * browser, which is told to bypass that policy for this one page.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PrintOptions {
  /** Chromium to drive (Debian's `chromium`: `/usr/bin/chromium`). */
  executablePath: string;
  /** Kill-timeout for the layout, in ms (default 60 s). */
  timeout?: number;
}

/** The CSS that turns the notes moved to their calls into page footnotes. */
const PRINT_FOOTNOTES_CSS = `
@page { @footnote { border-top: 0.75pt solid #000; padding-top: 4pt; margin-top: 8pt; } }
.print-footnote { float: footnote; font-size: 9pt; line-height: 1.25; text-align: left; text-indent: 0; font-style: normal; font-weight: normal; }
.print-footnote p { display: inline; margin: 0; }
.print-footnote::footnote-call { content: none; }
.print-footnote::footnote-marker { content: none; }
.print-footnote .note-number { margin-right: 4pt; }
section.footnotes { display: none; }
`;

/** A PDF of the built HTML page at `htmlPath`, footnotes at the foot of their pages. */
export async function printPdf(htmlPath: string, options: PrintOptions): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  // The package exports its polyfill build under a condition, not a path: found next to its CommonJS entry.
  const entry = createRequire(import.meta.url).resolve('pagedjs');
  const polyfill = await readFile(join(dirname(dirname(entry)), 'dist', 'paged.polyfill.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: options.executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlPath).href);
    await page.evaluate(MOVE_FOOTNOTES_TO_CALLS);
    await page.addStyleTag({ content: PRINT_FOOTNOTES_CSS });
    await page.evaluate(PAGED_CONFIG);
    await page.addScriptTag({ content: polyfill });
    await page.waitForSelector('html[data-printed="yes"]', { state: 'attached', timeout: options.timeout ?? 60_000 });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

/**
 * Run in the page: each footnote's text goes to its first call, as a
 * `span.print-footnote` that Paged.js floats to the foot of the page, with
 * the draft's own number; a later call of the same note keeps its number.
 */
const MOVE_FOOTNOTES_TO_CALLS = `(() => {
  const moved = new Set();
  for (const link of Array.from(document.querySelectorAll('sup a[data-footnote-ref]'))) {
    const id = decodeURIComponent((link.getAttribute('href') || '').replace(/^#/, ''));
    const item = document.getElementById(id);
    const sup = link.parentElement;
    if (!item || moved.has(id)) {
      sup.replaceChildren(document.createTextNode(link.textContent || ''));
      continue;
    }
    moved.add(id);
    const note = document.createElement('span');
    note.className = 'print-footnote';
    // The draft's own numbers, call and note alike (not Paged.js's counter).
    const number = document.createElement('span');
    number.className = 'note-number';
    number.textContent = link.textContent || '';
    note.appendChild(number);
    const paragraphs = Array.from(item.querySelectorAll('p'));
    (paragraphs.length ? paragraphs : [item]).forEach((p, i) => {
      if (i > 0) note.appendChild(document.createTextNode(' '));
      for (const child of Array.from(p.childNodes)) note.appendChild(child.cloneNode(true));
    });
    for (const back of Array.from(note.querySelectorAll('a[data-footnote-backref]'))) back.remove();
    sup.after(note);
  }
})()`;

/** Run in the page: Paged.js lays the pages out, then marks the document as ready to print. */
const PAGED_CONFIG = `window.PagedConfig = { auto: true, after: () => { document.documentElement.dataset.printed = 'yes'; } }`;
