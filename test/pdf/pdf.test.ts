/**
 * `opinion build --to pdf`: the Word draft printed by LibreOffice. Checked as
 * a reader would, with poppler's pdfinfo and pdftotext (Debian poppler-utils;
 * `.ci/run` installs it and LibreOffice): A4, the footer's reference and page
 * n/N on every page, a footnote at the foot of the page that calls it, the
 * stage banner, and the same bytes on a second build.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, ROOT } from '../helpers.js';
import { deterministicPdf } from '../../src/pdf/index.js';

const tool = (name: string, args: string[]) => {
  const result = spawnSync(name, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${name} is needed for this test (Debian: apt-get install poppler-utils): ${result.error.message}`);
  return result.stdout;
};

describe('opinion build --to pdf', () => {
  let out = '';
  let first: Buffer;
  let build: ReturnType<typeof runBin>;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'opinion-pdf-'));
    build = runBin(['build', join(ROOT, 'opinions', 'see-migrants'), '--to', 'pdf', '--out', out, '--quiet']);
    first = readFileSync(join(out, 'see-migrants', 'en', 'opinion.pdf'));
    return () => rmSync(out, { recursive: true, force: true });
  }, 300_000);

  it('writes only the PDF, A4, with the reference and page n/N in the footer of every page', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toBe(`see-migrants en: 10,758 / 18,000 characters without spaces → ${join(out, 'see-migrants', 'en', 'opinion.pdf')}\n`);
    expect(existsSync(join(out, 'see-migrants', 'en', 'opinion.docx'))).toBe(false);
    const info = tool('pdfinfo', [join(out, 'see-migrants', 'en', 'opinion.pdf')]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages; page++) {
      const text = tool('pdftotext', ['-f', String(page), '-l', String(page), '-layout', join(out, 'see-migrants', 'en', 'opinion.pdf'), '-']);
      expect(text, `page ${page}`).toMatch(new RegExp(`\\[to be completed\\] \\(EN\\)\\s+${page}/${pages}\\s*$`));
      expect(text, `page ${page}`).toContain('DRAFT OPINION – version for the section meeting');
    }
  });

  it('puts a footnote at the foot of the page that calls it', () => {
    const pdf = join(out, 'see-migrants', 'en', 'opinion.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf]))![1]);
    const texts = Array.from({ length: pages }, (_, i) => tool('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-']));
    const calling = texts.findIndex((text) => /refugees in the Ferrara area\.1/.test(text));
    expect(calling).toBeGreaterThanOrEqual(0);
    const page = texts[calling]!;
    // The note's text comes after the body and before the footer of that same page.
    const note = page.search(/^1\s*\n\s+CECOP - CICOPA Europe, Labour integration of refugees: the cooperative formula,/m);
    expect(note).toBeGreaterThan(page.indexOf('refugees in the Ferrara area.1'));
    expect(note).toBeLessThan(page.indexOf('[to be completed] (EN)'));
  });

  it('gives the same bytes on a second build', () => {
    const again = mkdtempSync(join(tmpdir(), 'opinion-pdf-'));
    try {
      expect(runBin(['build', join(ROOT, 'opinions', 'see-migrants'), '--to', 'pdf,docx', '--out', again]).code).toBe(0);
      expect(readFileSync(join(again, 'see-migrants', 'en', 'opinion.pdf')).equals(first)).toBe(true);
      expect(existsSync(join(again, 'see-migrants', 'en', 'opinion.docx'))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 300_000);

  it('without LibreOffice: one line saying what to install, exit 2, nothing written', () => {
    const none = mkdtempSync(join(tmpdir(), 'opinion-pdf-'));
    try {
      const run = runBin(['build', join(ROOT, 'opinions', 'see-migrants'), '--to', 'pdf', '--out', join(none, 'build')], {
        env: { OPINION_SOFFICE: join(none, 'no-soffice') },
      });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr).toMatch(
        /^opinion: cannot write PDF: LibreOffice, which prints the Word draft to PDF, is not installed; install it \(Debian\/Ubuntu: `apt-get install libreoffice-writer`/,
      );
      expect(existsSync(join(none, 'build'))).toBe(false);
    } finally {
      rmSync(none, { recursive: true, force: true });
    }
  });

  it('replaces the clock in the PDF by the document date, keeping every byte offset', () => {
    const raw = Buffer.from(
      "%PDF-1.6\n<</CreationDate(D:20261206150639Z')>>\ntrailer\n<</ID [ <EC5F229FB4E2099595C75AA1325043F2>\n<EC5F229FB4E2099595C75AA1325043F2> ]\n/DocChecksum /6F23DA24B182B28E860BFC897EEB87BA\n>>\n",
      'latin1',
    );
    const fixed = Buffer.from(deterministicPdf(raw, '2018-04-10')).toString('latin1');
    expect(fixed.length).toBe(raw.length);
    expect(fixed).toContain("/CreationDate(D:20180410000000Z')");
    expect(fixed).not.toContain('EC5F229F');
    expect(fixed).not.toContain('6F23DA24');
    const later = Buffer.from(
      raw
        .toString('latin1')
        .replace('20261206150639', '20270101120000')
        .replace(/EC5F229FB4E2099595C75AA1325043F2/g, '00112233445566778899AABBCCDDEEFF'),
      'latin1',
    );
    expect(Buffer.from(deterministicPdf(later, '2018-04-10')).toString('latin1')).toBe(fixed);
  });
});
