/**
 * `opinion amendments table` with a file that is not a member's copy of the
 * draft (a note, a chapter of another opinion): it tabled one deletion per
 * point of the opinion. Now it is refused in one line, nothing written.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runMain } from '../helpers.js';
import { scratch } from './scratch.js';

describe('a file that is not a copy of the draft', () => {
  it('is refused (exit 2), and amendments.yaml is left as it was', async () => {
    const { root, sample } = scratch();
    const before = readFileSync(join(sample, 'amendments.yaml'), 'utf8');
    const note = join(root, 'note.txt');
    writeFileSync(note, 'Remember to ask about the funding.\n');
    const other = join(ROOT, 'test', 'build', 'fixtures', 'basic', 'text', 'en', '02-specific-comments.md');
    for (const copy of [note, other]) {
      const run = await runMain(['amendments', 'table', sample, copy, '--by', 'Eva NOVÁK']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^opinion: `[^`]+` has none of the \d+ points of the opinion, expected a member's copy of its draft \(the Markdown or Word file `opinion build` writes\): nothing tabled\n$/,
      );
    }
    expect(readFileSync(join(sample, 'amendments.yaml'), 'utf8')).toBe(before);
  });
});
