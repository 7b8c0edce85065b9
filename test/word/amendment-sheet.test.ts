/**
 * The amendment sheet as a Word file names the documents it is about: the
 * reference and document numbers from the drafts, not the paths compared.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'opinion-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a sample version given a reference and a document number (test values: the sample states none). */
function numbered(name: string, document: string): string {
  const copy = join(dir, name);
  cpSync(join('opinions', name), copy, { recursive: true });
  const path = join(copy, 'opinion.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^reference: .*$/m, `reference: INT/900\ndocument: ${document}`));
  return copy;
}

const part = (path: string, name: string): string => strFromU8(unzipSync(readFileSync(path))[name] as Uint8Array);

describe('opinion diff --format amendments --out sheet.docx', () => {
  it('introduces the sheet with the reference and document numbers, and puts them in the footer', async () => {
    const out = join(dir, 'sheet.docx');
    const old = numbered('see-migrants-preliminary', 'EESC-2018-00001-00-00-APA-TRA');
    const neu = numbered('see-migrants', 'EESC-2018-00001-00-01-AS-TRA');
    expect((await runMain(['diff', old, neu, '--format', 'amendments', '--out', out, '--quiet'])).code).toBe(1);
    const text = part(out, 'word/document.xml');
    expect(text).toContain('INT/900, EESC-2018-00001-00-00-APA-TRA → EESC-2018-00001-00-01-AS-TRA');
    expect(text).not.toContain('see-migrants');
    expect(part(out, 'word/footer1.xml')).toContain('INT/900 – EESC-2018-00001-00-00-APA-TRA (EN)');
  });

  it('falls back on the paths compared for drafts without a document number', async () => {
    const out = join(dir, 'plain.docx');
    const fixtures = 'test/diff/fixtures/moved-and-edited';
    expect((await runMain(['diff', `${fixtures}/old.md`, `${fixtures}/new.md`, '--format', 'amendments', '--out', out, '--quiet'])).code).toBe(1);
    expect(part(out, 'word/document.xml')).toContain(`${fixtures}/old.md → ${fixtures}/new.md`);
  });
});
