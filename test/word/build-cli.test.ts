/**
 * `opinion build --to docx` through the real bin (run `npm run build`
 * first): the Word draft is written, and a hand-edited one is protected
 * like the other outputs.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runMain } from '../helpers.js';

describe('opinion build --to docx', () => {
  it('writes the Word draft, leaves it alone when unchanged, and refuses to overwrite a hand-edited one without --force', () => {
    const out = mkdtempSync(join(tmpdir(), 'opinion-docx-cli-'));
    const docx = join(out, 'see-migrants', 'en', 'opinion.docx');
    const first = runBin(['build', 'opinions/see-migrants', '--to', 'docx', '--out', out]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    // After the sample's two warnings (facts to be completed), the one line of the build.
    expect(first.stdout).toMatch(/(?:^|\n)see-migrants en: [\d,]+ \/ 18,000 characters without spaces → .*see-migrants\/en\/opinion\.docx\n$/);
    expect(readdirSync(join(out, 'see-migrants', 'en'))).toEqual(['opinion.docx']);
    const bytes = readFileSync(docx);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const manifest = JSON.parse(readFileSync(join(out, 'see-migrants', '.opinion-build.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['en/opinion.docx']);

    expect(runBin(['build', 'opinions/see-migrants', '--to', 'docx', '--out', out]).code).toBe(0);
    expect(readFileSync(docx).equals(bytes)).toBe(true);

    appendFileSync(docx, 'edited in Word');
    const refused = runBin(['build', 'opinions/see-migrants', '--to', 'docx', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('see-migrants/en/opinion.docx');
    expect(refused.stdout).toContain(
      'Unexpected changes to a built file: it was edited by hand since the last build, and is not overwritten  build/hand-edited',
    );
    expect(readFileSync(docx).subarray(-14).toString()).toBe('edited in Word');

    const forced = runBin(['build', 'opinions/see-migrants', '--to', 'docx', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(docx).equals(bytes)).toBe(true);
    const backups = readdirSync(join(out, 'see-migrants', 'en')).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(existsSync(join(out, 'see-migrants', 'en', backups[0]!))).toBe(true);
  });

  it('answers --format docx with the option that writes Word: --to docx (exit 2, nothing written)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'opinion-docx-format-'));
    const run = await runMain(['build', 'opinions/see-migrants', '--format', 'docx', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format says how findings are reported (human, json, github, sarif); to write docx, use --to docx.');
    expect(readdirSync(out)).toEqual([]);
  });
});
