/**
 * `opinion amendments table` on copies it should not table as they are: a
 * file that is not a member's copy of the draft (a note, a chapter of another
 * opinion), which tabled one deletion per point; and a copy tabled again,
 * which appended the same amendments a second time, its new point under an
 * id the first one had (the file then failed validate).
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

describe('a copy tabled twice', () => {
  it('is not tabled again by the same member (reported), and new points of two members get two ids', async () => {
    const { root, sample } = scratch();
    writeFileSync(join(sample, 'amendments.yaml'), 'amendments: []\n');
    expect((await runMain(['build', sample, '--to', 'md', '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    const built = readFileSync(join(root, 'build', 'see-migrants', 'en', 'opinion.md'), 'utf8');
    const copy = join(root, 'member.md');
    const at = built.indexOf('\n\n1.7 ');
    writeFileSync(
      copy,
      `${built.slice(0, at)}\n\n1.7 The Committee calls for a review.${built.slice(at).replace(/^1\.(\d+) /gm, (whole, n: string) => (Number(n) >= 7 ? `1.${Number(n) + 1} ` : whole))}`.replace(
        'not a question of charity',
        'not a matter of charity',
      ),
    );
    const table = (by: string) => runMain(['amendments', 'table', sample, copy, '--by', by]);
    expect((await table('Jean MARTIN')).stdout).toContain('Tabled 2 section amendments by Jean MARTIN');
    const again = await table('Jean MARTIN');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('No amendment tabled: the changes of the copy are tabled already.\n');
    expect(again.stderr).toContain(
      'it is already tabled by Jean MARTIN as AM 1 (`am-s1`), expected a change not tabled yet: not tabled again  amendments/already-tabled',
    );
    expect((await table('Eva NOVÁK')).stdout).toContain('Tabled 2 section amendments by Eva NOVÁK');
    const yaml = readFileSync(join(sample, 'amendments.yaml'), 'utf8');
    expect(yaml.match(/new_id: \S+/g)).toEqual(['new_id: c-resource-new-1', 'new_id: c-resource-new-2']);
    expect((await runMain(['validate', sample])).stdout).not.toMatch(/error/);
  });
});
