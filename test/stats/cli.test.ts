/**
 * `opinion stats` from the command line: a table on a terminal and JSON
 * otherwise, one opinion in detail or a corpus with totals, exit codes,
 * and the same results on worker threads.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runBin, runMain } from '../helpers.js';
import { writeOpinion } from '../check/helpers.js';
import { HAND_COUNTED } from './fixtures.js';

function corpus(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'opinion-stats-'));
  const one = writeOpinion(HAND_COUNTED, {});
  for (let i = 0; i < count; i++) cpSync(one, join(root, `opinion-${i}`), { recursive: true });
  return root;
}

describe('opinion stats (in-process)', () => {
  it('writes JSON when not on a terminal', async () => {
    const dir = writeOpinion(HAND_COUNTED, {});
    const run = await runMain(['stats', '.', '--quick'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.opinions[0].languages[0].total).toEqual({ characters: 266, charactersNoSpaces: 232, words: 45, points: 7, headings: 1, footnotes: 2 });
    expect(report.totals.opinions).toBe(1);
  });

  it('writes tables on a terminal: one opinion in detail', async () => {
    const dir = writeOpinion(HAND_COUNTED, {});
    const run = await runMain(['stats', '.', '--quick'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    const lines = run.stdout.split('\n');
    expect(lines).toContain('Text (en) — counted on the sources, not on the rendered draft: acronyms not spelled out');
    expect(lines.find((l) => l.startsWith('1  Conclusions'))!.split(/\s{2,}/)).toEqual(['1', 'Conclusions', '137', '115', '26', '4', '2']);
    expect(
      lines
        .find((l) => l.trim().startsWith('Total'))!
        .trim()
        .split(/\s{2,}/),
    ).toEqual(['Total', '266', '232', '45', '7', '2']);
    expect(lines).toContain('Length: 232 of 18,000 characters without spaces (1 %), within the limit');
    expect(lines.find((l) => l.startsWith('member-states'))!.split(/\s{2,}/)).toEqual(['member-states', '1', '0', '1', '0', '2']);
    expect(lines.find((l) => l.startsWith('rec-b'))!.split(/\s{2,}/)).toEqual(['rec-b', '1.4', '●', '●', 'none']);
    expect(lines.find((l) => l.startsWith('ev-one'))!.split(/\s{2,}/)).toEqual(['ev-one', 'evidence', 'recommendations rec-a; points 1.2']);
  });

  it('writes one row per opinion and the totals for several', async () => {
    const root = corpus(2);
    const run = await runMain(['stats', '.', '--format', 'table', '--quick'], { cwd: root });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual([
      'Opinion',
      'Reference',
      'Stage',
      'Lang',
      'No spaces',
      'Of limit',
      'Words',
      'Points',
      'Footnotes',
      'Recs',
      'Principles',
      'Evidence',
      'Readability',
    ]);
    expect(lines).toHaveLength(5);
    expect(lines[3]!.split(/\s{2,}/)).toEqual(['Total (2)', '464', '90', '14', '4', '4', '4', '2']);
  });

  it('exits 1 and reports on stderr an opinion that does not validate, counting the others', async () => {
    const root = corpus(1);
    cpSync(writeOpinion({ 'opinion.yaml': 'reference: INT/900\ntitle: T\nkind: initiative\nlanguage: en\nstage: study-group\n' }, {}), join(root, 'broken'), {
      recursive: true,
    });
    const run = await runMain(['stats', '.', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).totals.opinions).toBe(1);
    expect(run.stderr).toContain('broken/opinion.yaml');
    expect(run.stderr.trimEnd().split('\n').pop()).toBe('✖ 1 error (left out of the stats: 1 opinion that does not validate)');
  });

  it('exits 2 when there is nothing to count', async () => {
    expect((await runMain(['stats', 'nowhere'])).code).toBe(2);
  });
});

describe('opinion stats (real bin)', () => {
  it('gives the same numbers on worker threads as in one thread', () => {
    const root = corpus(25);
    const one = runBin(['stats', '.', '--jobs', '1'], { cwd: root });
    const many = runBin(['stats', '.', '--jobs', '2'], { cwd: root });
    expect(one.code).toBe(0);
    expect(many).toEqual(one);
    expect(JSON.parse(many.stdout).totals.opinions).toBe(25);
  });
});
