/**
 * Fixture pairs, one folder per kind of change: fixtures/<case>/old.md and
 * new.md, and expected.json, the exact change list (kind, element, numbers,
 * id, edited, after, and the word-level operations as a `[-…-]{+…+}`
 * redline) with the header changes and counts. Every case's full JSON output
 * is also validated against schemas/diff.schema.json.
 * Regenerate after an intended change with
 *   UPDATE_GOLDEN=1 npx vitest run test/diff
 * and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { diffToJson, formatAmendments } from '../../src/diff/index.js';
import { golden } from '../helpers.js';
import { FIXTURES, compact, diffFixture, diffSchemaValidator, fixtureCases, redline } from './helpers.js';

const REQUIRED = [
  'added',
  'deleted',
  'modified',
  'moved',
  'moved-and-edited',
  'renumbering-only',
  'split',
  'merged',
  'chapter-reordered',
  'identical',
  'empty',
  'empty-to-draft',
  'word-converted',
  'header',
  'footnotes',
  'ids',
  'unicode',
];

describe('diff fixtures', () => {
  it('has a fixture for every kind of change', () => {
    expect(fixtureCases()).toEqual(expect.arrayContaining(REQUIRED));
  });

  for (const name of fixtureCases()) {
    it(name, () => {
      const result = diffFixture(name);
      const actual = compact(result);
      const path = join(FIXTURES, name, 'expected.json');
      expect(actual).toEqual(JSON.parse(golden(path, JSON.stringify(actual, null, 2) + '\n')));
      const validate = diffSchemaValidator();
      expect(validate(diffToJson(result)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    });
  }
});

describe('what the fixtures show', () => {
  const kinds = (name: string) => diffFixture(name).changes.map((change) => change.kind);

  it('finds no change between identical drafts, nor between two empty ones', () => {
    expect(diffFixture('identical').identical).toBe(true);
    expect(diffFixture('empty').identical).toBe(true);
    expect(diffFixture('empty').changes).toEqual([]);
  });

  it('reports a point that only changed number as renumbered, and a reference that followed it as no change', () => {
    const result = diffFixture('renumbering-only');
    expect(kinds('renumbering-only')).toEqual(['added', 'renumbered', 'renumbered', 'renumbered', 'renumbered']);
    const last = result.changes[4];
    expect(last?.old[0]?.text).toContain('point 1.3');
    expect(last?.new[0]?.text).toContain('point 1.4');
    expect(last?.ops).toEqual([]);
  });

  it('maps a reference to a point split and moved to the part kept as moved, which need not be its first', () => {
    const result = diffFixture('split-moved-referred');
    expect(result.changes.map((change) => [change.kind, change.old[0]?.number, change.new[0]?.number])).toEqual([
      ['renumbered', '1.2', '1.1'],
      ['added', undefined, '2.2'],
      ['moved', '1.1', '2.3'],
      ['renumbered', '2.2', '2.4'],
    ]);
    // `point 1.1` now reads `point 2.3`, the part kept: the reference followed it, no edit.
    const last = result.changes[3];
    expect(last?.old[0]?.text).toContain('point 1.1');
    expect(last?.new[0]?.text).toContain('point 2.3');
    expect(last?.ops).toEqual([]);
  });

  it('maps a reference to the part of a moved merge it shows as deleted to nothing, so that its new number is a change', () => {
    const result = diffFixture('merged-moved-referred');
    expect(result.changes.map((change) => [change.kind, change.old[0]?.number, change.new[0]?.number])).toEqual([
      ['deleted', '1.1', undefined],
      ['renumbered', '1.3', '1.1'],
      ['moved', '1.2', '2.2'],
      ['modified', '2.2', '2.3'],
    ]);
    // `points 1.1 and 1.2` now read `points 2.2 and 2.2`: 1.2, kept as the merge, followed; 1.1, shown deleted, did not.
    expect(redline(result.changes[3]!.ops)).toBe('As points [-1.1-]{+2.2+} and 2.2 say, the funding has to reach the smallest cooperatives first.');
  });

  it('finds a point moved and edited', () => {
    const [change] = diffFixture('moved-and-edited').changes;
    expect(change).toMatchObject({ kind: 'moved', edited: true });
    expect(change?.old[0]?.number).toBe('3.1.2');
    expect(change?.new[0]?.number).toBe('2.4');
  });

  it('moves the chapter that moved, not the one that stayed: one change, its points renumbered with it', () => {
    const result = diffFixture('chapter-reordered');
    const moved = result.changes.filter((change) => change.kind === 'moved');
    expect(moved.map((change) => [change.element, change.old[0]?.number, change.new[0]?.number, change.after?.element, change.after?.number])).toEqual([
      ['chapter', '2', '3', 'chapter', '3'],
    ]);
    const carried = result.changes.filter((change) => change.old[0]?.chapter?.number === '2' && change.element === 'point');
    expect(carried.map((change) => [change.kind, change.old[0]?.number, change.new[0]?.number])).toEqual([
      ['renumbered', '2.1', '3.1'],
      ['renumbered', '2.2', '3.2'],
      ['renumbered', '2.3', '3.3'],
    ]);
    // The full text still moves each point with the chapter (a Word redline moves every paragraph).
    expect(result.entries.filter((entry) => entry.type === 'moved-away')).toHaveLength(4);
  });

  it('reports a point replaced by one that keeps less than a third of its words as deleted and added, not modified', () => {
    const result = diffFixture('replaced');
    expect(result.changes.map((change) => [change.kind, change.old[0]?.number ?? change.new[0]?.number])).toEqual([
      ['deleted', '1.2'],
      ['added', '1.2'],
      ['modified', '1.3'],
    ]);
  });

  it('lists a chapter moved whole with its footnotes as one move: its points and footnotes renumbered', () => {
    const result = diffFixture('chapter-moved-with-notes');
    expect(result.changes.filter((change) => change.kind !== 'renumbered').map((change) => [change.kind, change.element])).toEqual([['moved', 'chapter']]);
    expect(result.summary.footnotes.renumbered).toBe(3);
    expect(formatAmendments(result).match(/^## AM \d/gmu)).toHaveLength(1);
    expect(formatAmendments(result)).toContain('**Chapter 2**\n\nMove after chapter 3:');
  });

  it('reads a draft converted from Word like a built one', () => {
    expect(kinds('word-converted')).toEqual(['modified']);
  });
});
