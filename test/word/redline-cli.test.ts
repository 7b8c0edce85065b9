/**
 * `opinion diff` writing Word files: in-process through `main()` (formats,
 * options, refusals with exit 2) and once through the real bin (the bundle).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runMain, skipWithout } from '../helpers.js';
import { hasPandoc, readWord } from './redline-pandoc.js';

const OLD = 'opinions/see-migrants-preliminary';
const NEW = 'opinions/see-migrants';
const dir = mkdtempSync(join(tmpdir(), 'opinion-redline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const documentXml = (path: string): string => strFromU8(unzipSync(readFileSync(path))['word/document.xml'] as Uint8Array);

describe('opinion diff --format docx', () => {
  it('writes the redline to --out FILE.docx (the extension is enough), exit 1 for differences', async () => {
    const out = join(dir, 'redline.docx');
    expect(await runMain(['diff', OLD, NEW, '--out', out, '--quiet'])).toEqual({ code: 1, stdout: '', stderr: '' });
    const again = join(dir, 'again.docx');
    expect((await runMain(['diff', OLD, NEW, '--format', 'docx', '--out', again, '--quiet'])).code).toBe(1);
    expect(readFileSync(out).equals(readFileSync(again))).toBe(true);
    expect(documentXml(out)).toContain('w:author="Giuseppe GUERINI" w:date="2018-04-10T00:00:00Z"');
  });

  it('takes the author and date of the revisions from --author and --date', async () => {
    const out = join(dir, 'signed.docx');
    expect((await runMain(['diff', OLD, NEW, '--out', out, '--author', 'EESC secretariat', '--date', '2018-04-12', '--quiet'])).code).toBe(1);
    const xml = documentXml(out);
    expect(xml).toContain('w:author="EESC secretariat" w:date="2018-04-12T00:00:00Z"');
    expect(xml).not.toContain('GUERINI" w:date');
  });

  it.skipIf(skipWithout(hasPandoc()))('writes the amendment sheet as a Word table with --format amendments --out FILE.docx', async () => {
    const out = join(dir, 'sheet.docx');
    expect((await runMain(['diff', OLD, NEW, '--format', 'amendments', '--out', out, '--quiet'])).code).toBe(1);
    const rows = readWord(readFileSync(out), 'accept').rows;
    expect(rows[0]).toEqual(['AM', 'Point', 'Section opinion', 'Amendment', 'Reason']);
    expect(rows).toHaveLength(9);
  });

  it('never writes a Word file to standard output, nor another format to a .docx (exit 2)', async () => {
    expect(await runMain(['diff', OLD, NEW, '--format', 'docx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'opinion: unexpected --format docx without --out, expected --out FILE.docx: a Word file is not written to standard output\n',
    });
    const html = await runMain(['diff', OLD, NEW, '--format', 'html', '--out', join(dir, 'x.docx')]);
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/unexpected `.*x\.docx` for --format html, expected a \.docx file only with --format docx or amendments/u);
    expect((await runMain(['diff', OLD, NEW, '--format', 'docx', '--out', join(dir, 'x.html')])).code).toBe(2);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('refuses a bad --date or an empty --author (exit 2)', async () => {
    const bad = await runMain(['diff', OLD, NEW, '--out', join(dir, 'bad.docx'), '--date', '2018-02-30']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'opinion: unexpected --date `2018-02-30`, expected a date as YYYY-MM-DD\n' });
    expect((await runMain(['diff', OLD, NEW, '--out', join(dir, 'bad.docx'), '--author', ' '])).code).toBe(2);
    expect(existsSync(join(dir, 'bad.docx'))).toBe(false);
  });

  it('writes the redline through the real bin (run `npm run build` first)', () => {
    const out = join(dir, 'bin.docx');
    const run = runBin(['diff', OLD, NEW, '--out', out, '--quiet']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(readFileSync(out).equals(readFileSync(join(dir, 'redline.docx')))).toBe(true);
  });
});
