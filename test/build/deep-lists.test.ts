/**
 * A list nested six deep inside a point keeps its depth in the Word draft
 * (Word has nine list levels; the draft defined four and put every deeper
 * item at the fourth), and so comes back as it was through `opinion import`.
 */
import { describe, it, expect } from 'vitest';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { runMain } from '../helpers.js';
import { copyBasic, tempDir } from '../robustness/helpers.js';

const LIST = Array.from({ length: 6 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

describe('a list nested six deep', () => {
  it('keeps each level in the Word draft, and import gives the list back', async () => {
    const root = tempDir();
    const dir = copyBasic(root);
    appendFileSync(join(dir, 'text', 'en', '02-specific-comments.md'), `\n{#p-deep} Nested:\n\n${LIST}\n`);
    expect((await runMain(['build', dir, '--out', join(root, 'out'), '--to', 'docx', '--quiet'])).code).toBe(0);
    const docx = join(root, 'out', 'o', 'en', 'opinion.docx');
    const xml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!);
    const levels = [...xml.matchAll(/<w:ilvl w:val="(\d)"\/>(?:(?!<\/w:p>).)*?level (\d)</g)].map((m) => [Number(m[2]), Number(m[1])]);
    expect(levels).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 4],
      [6, 5],
    ]);
    const imported = join(root, 'imported');
    expect((await runMain(['import', docx, '--out', imported])).code).toBe(0);
    const chapters = readdirSync(join(imported, 'text', 'en')).map((name) => readFileSync(join(imported, 'text', 'en', name), 'utf8'));
    expect(chapters.find((text) => text.includes('Nested:'))).toContain(`Nested:\n\n${LIST}\n`);
  });
});
