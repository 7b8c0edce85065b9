/**
 * The printed draft: footnotes at the foot of the page that calls them (as
 * in the Word draft), not in a list after the signature. The PDF is made by
 * Chromium (Debian's `chromium`) after Paged.js lays the pages out, and read
 * back page by page with pdftotext (poppler-utils). Skipped when either is
 * missing, outside CI (`.ci/run` installs both).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpinion } from '../../src/opinion/index.js';
import { printPdf } from '../../src/render/print.js';
import { CHROMIUM, hasChromium, ROOT, skipWithout } from '../helpers.js';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(skipWithout(hasChromium && hasPdftotext))('the printed draft (PDF)', () => {
  it('prints each footnote at the foot of the page that calls it', async () => {
    const build = await buildOpinion(join(ROOT, 'opinions', 'see-migrants'), {});
    const dir = mkdtempSync(join(tmpdir(), 'opinion-print-'));
    const html = join(dir, 'opinion.html');
    writeFileSync(html, build.renders[0]!.html!);
    const pdf = await printPdf(html, { executablePath: CHROMIUM });
    writeFileSync(join(dir, 'opinion.pdf'), pdf);
    const pages = execFileSync('pdftotext', ['-layout', join(dir, 'opinion.pdf'), '-'])
      .toString('utf8')
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    // Point 1.5 calls footnote 1 (CECOP's article on Camelot): the note is on the same page as the call.
    const calling = pages.findIndex((page) => /in the Ferrara area\s*\.?\s*1\b/.test(page));
    expect(calling).toBeGreaterThanOrEqual(0);
    expect(pages[calling]).toMatch(/^\s*1\s+CECOP - CICOPA Europe, Labour integration of refugees: the cooperative formula/m);
    // Every note is printed once, numbered as in the draft, on a page that calls it; none is left in a list at the end.
    const notes = build.renders[0]!.draft.footnotes;
    const printed = pages.flatMap((page, i) =>
      [...page.matchAll(/^\s{0,2}(\d{1,2})\s+(\S.{10})/gm)].map((m) => ({ page: i, number: Number(m[1]), start: m[2]! })),
    );
    for (const [index, note] of notes.entries()) {
      const found = printed.filter((p) => p.number === index + 1 && note.text.startsWith(p.start));
      expect(found, `footnote ${index + 1}`).toHaveLength(1);
      // Its call is on that page: after a word and before punctuation, or after punctuation.
      expect(pages[found[0]!.page]).toMatch(new RegExp(`\\S\\s?${index + 1}\\s?[.,;:)]|[.,;:)]\\s?${index + 1}\\s`));
    }
    expect(pages.at(-1)).not.toContain(notes[0]!.text.slice(0, 30));
  }, 120_000);
});
