/**
 * A table row with more cells than its header, as a `|` inside code makes it
 * (GFM ends a cell at every unescaped `|`): every reader of the table drops
 * the extra cells, so the build leaves them out of every output alike and
 * says so at their place, instead of losing them silently in HTML and Word
 * while the Markdown draft kept them.
 */
import { describe, it, expect } from 'vitest';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { runMain } from '../helpers.js';
import { copyBasic, tempDir } from '../robustness/helpers.js';

describe('a table row with more cells than its header', () => {
  it('is reported at its extra cells, and left out of the Markdown, HTML and Word drafts alike', async () => {
    const root = tempDir();
    const dir = copyBasic(root);
    const chapter = join(dir, 'text', 'en', '02-specific-comments.md');
    const lines = readFileSync(chapter, 'utf8').split('\n').length;
    appendFileSync(
      chapter,
      '\n{#p-shares} The shares:\n\n| Source | Rural | Urban |\n| --- | --- | --- |\n| Gas `a|b` | 20 % | 55 % |\n| Oil `x\\|y` | 31 % | 9 % |\n',
    );
    const run = await runMain(['build', dir, '--out', join(root, 'out'), '--to', 'md,html,docx']);
    expect(run.code).toBe(0);
    const row = lines + 5;
    expect(run.stdout).toContain(
      `${row}:20-${row}:28  warning  Unexpected 4 cells in a row of a table of 3 columns, expected at most 3: the last cell is left out of the draft  source/table-cells`,
    );
    // The escaped pipe is one cell: no warning for its row.
    expect(run.stdout.match(/source\/table-cells/g)).toHaveLength(1);
    const md = readFileSync(join(root, 'out', 'o', 'en', 'opinion.md'), 'utf8');
    const html = readFileSync(join(root, 'out', 'o', 'en', 'opinion.html'), 'utf8');
    const word = strFromU8(unzipSync(readFileSync(join(root, 'out', 'o', 'en', 'opinion.docx')))['word/document.xml']!);
    for (const [what, text] of [
      ['md', md],
      ['html', html],
      ['docx', word],
    ] as const) {
      expect(text, what).not.toContain('55 %');
      expect(text, what).toContain('31 %');
    }
    expect(md).toMatch(/\| Gas \\`a +\| b\\` +\| 20 % +\|\n/);
  });
});
