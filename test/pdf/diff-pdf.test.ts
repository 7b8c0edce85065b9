/**
 * `opinion diff old new --out redline.pdf`: the Word redline (or, with
 * --format amendments, the amendment sheet) printed by LibreOffice, as
 * `build --to pdf` prints the Word draft. Read back with pdfinfo / pdftotext
 * (poppler-utils): A4, page n/N in the footer, the deleted and the inserted
 * words both shown, the same bytes twice.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, ROOT } from '../helpers.js';

const tool = (name: string, args: string[]) => {
  const result = spawnSync(name, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${name} is needed for this test (Debian: apt-get install poppler-utils): ${result.error.message}`);
  return result.stdout;
};
const OLD = join(ROOT, 'opinions', 'see-migrants-preliminary');
const NEW = join(ROOT, 'opinions', 'see-migrants');

describe('opinion diff --out FILE.pdf', () => {
  const out = mkdtempSync(join(tmpdir(), 'opinion-diff-pdf-'));
  let redline: ReturnType<typeof runBin>;
  beforeAll(() => {
    redline = runBin(['diff', OLD, NEW, '--out', join(out, 'redline.pdf'), '--quiet']);
  }, 300_000);

  it('prints the redline with its tracked changes: A4, page n/N, deleted and inserted words', () => {
    expect(redline.stderr).toBe('');
    expect(redline.code).toBe(1);
    const file = join(out, 'redline.pdf');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const text = tool('pdftotext', ['-layout', file, '-'])
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(text).toHaveLength(pages);
    text.forEach((page, i) => expect(page).toMatch(new RegExp(`\\b${i + 1}/${pages}\\s*$`)));
    const all = text.join('\n').replace(/\s+/g, ' ');
    // Point 1.1: "drivers of migrants' inclusion" became "main drivers of the inclusion of migrants and refugees": both are printed.
    expect(all).toContain("main drivers of migrants'the inclusion of migrants and refugees");
    // The stage banner, old and new.
    expect(all).toMatch(/PRELIMINARY DRAFT ?OPINION/);
  });

  it('gives the same bytes twice', () => {
    const again = runBin(['diff', OLD, NEW, '--out', join(out, 'again.pdf'), '--quiet']);
    expect(again.code).toBe(1);
    expect(readFileSync(join(out, 'again.pdf')).equals(readFileSync(join(out, 'redline.pdf')))).toBe(true);
  }, 300_000);

  it('prints the amendment sheet with --format amendments', () => {
    const run = runBin(['diff', OLD, NEW, '--format', 'amendments', '--out', join(out, 'amendments.pdf'), '--quiet']);
    expect(run.stderr).toBe('');
    // Read in reading order (not laid out): each cell's text in one piece.
    const all = tool('pdftotext', [join(out, 'amendments.pdf'), '-']).replace(/\s+/g, ' ');
    expect(all).toContain('Amendments to ‘Cooperatives and social economy enterprises in the integration of migrants’');
    expect(all).toMatch(/AM 1 Point Point 1\.1 Amend as follows: Section opinion The European Economic/u);
    expect(all).toContain("(SEEs) are one of the drivers of migrants'");
  }, 300_000);

  it('refuses another format, and says what to install without LibreOffice, exit 2, nothing written', () => {
    const html = runBin(['diff', OLD, NEW, '--format', 'html', '--out', join(out, 'x.pdf')]);
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/^opinion: unexpected --format html with `.*x\.pdf`, expected no --format \(the redline\) or --format amendments/);
    const none = runBin(['diff', OLD, NEW, '--out', join(out, 'y.pdf')], { env: { OPINION_SOFFICE: join(out, 'no-soffice') } });
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')).toHaveLength(2);
    expect(none.stderr).toMatch(/^opinion: cannot write PDF: LibreOffice, which prints the Word draft to PDF, is not installed/);
    expect(existsSync(join(out, 'x.pdf')) || existsSync(join(out, 'y.pdf'))).toBe(false);
  });
});
