/**
 * The Word redline's numbers as LibreOffice shows them after Accept All and
 * Reject All (LibreOffice headless, its own accept and reject commands, see
 * ./redline-libreoffice.ts): for every fixture pair, each paragraph of the
 * body and of the closing block must read exactly as the newer draft (Accept
 * All) or the older one (Reject All) numbers it — chapter `2.`, point `2.3`
 * (`2.3.` in the Official Journal style), sub-heading `3.1`, footnote calls
 * with their numbers, closing lines without any number — and nothing may
 * follow but empty paragraphs (no empty numbered point).
 *
 * Under CI a missing LibreOffice fails; elsewhere the test is skipped.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/core/draft.js';
import { diffDrafts } from '../../src/diff/index.js';
import { redlineDocx } from '../../src/diff/format/word/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { skipWithout } from '../helpers.js';
import { hasLibreOffice, libreOfficeViews, type LibreOfficeViews } from './redline-libreoffice.js';

const DIFF_FIXTURES = join(import.meta.dirname, '..', 'diff', 'fixtures');
const OWN_FIXTURES = join(import.meta.dirname, 'redline');

const pairsIn = (dir: string): [string, string][] =>
  readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'old.md')) && existsSync(join(dir, name, 'new.md')))
    .sort()
    .map((name) => [name, join(dir, name)]);

const CASES = [...pairsIn(DIFF_FIXTURES), ...pairsIn(OWN_FIXTURES).map(([name, dir]) => [`own-${name}`, dir] as [string, string])];

/**
 * Where LibreOffice 7.4 still numbers a paragraph otherwise than the draft:
 * none. (Points moved and edited did, before their paragraph mark was lent to
 * the paragraph before them: docs/diff.md, "A point moved and edited", and
 * ./redline-marks.test.ts.) For a pair listed here the words would be checked,
 * paragraph by paragraph, and not the numbers.
 */
const KNOWN_NUMBERING_FAULTS: Record<string, 'accept' | 'reject' | 'both'> = {};

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The redline's one numbering style: the newer version's (absent is `1.1`), unless it has no points. */
function styleOf(pair: { old: Draft; new: Draft }): 'oj' | 'eesc' {
  const hasPoints = (draft: Draft) => draft.chapters.some((chapter) => chapter.points.length > 0);
  return ((hasPoints(pair.new) ? pair.new.numbering : pair.old.numbering) ?? 'eesc') as 'oj' | 'eesc';
}

/** A draft's lines as a reader sees them: numbered chapters, sub-headings and points, footnote numbers at their calls, closing lines. */
function draftLines(draft: Draft, style: 'oj' | 'eesc'): string[] {
  const lines: string[] = [];
  for (const chapter of draft.chapters) {
    if (chapter.title) lines.push(chapter.number ? `${chapter.number}. ${collapse(chapter.title)}` : collapse(chapter.title));
    for (const point of chapter.points) {
      let text = '';
      let at = 0;
      for (const note of point.notes ?? []) {
        text += point.text.slice(at, note.offset) + note.number;
        at = note.offset;
      }
      text += point.text.slice(at);
      text
        .split(/\n+/u)
        .map(collapse)
        .filter(Boolean)
        .forEach((line, i) => lines.push(i === 0 && point.number ? `${point.number}${style === 'oj' ? '.' : ''} ${line}` : line));
    }
  }
  for (const field of draft.header) if (field.field === 'closing') lines.push(collapse(field.value));
  return lines;
}

/** A line compared: its first word (the number, if any) exactly, the rest without spaces (a redline writes the newer version's spaces). */
const comparable = (line: string): string => {
  const [head = '', ...rest] = line.split(' ');
  return `${head} ${rest.join('').replace(/\s/gu, '')}`;
};
/** The same without the number (an empty numbered paragraph has no words). */
const wordsOnly = (line: string): string => line.replace(/^\d+(?:\.\d+)*\.?(?:\s+|$)/u, '').replace(/\s/gu, '');

/** The body as shown: from the first chapter's line to the end, without the empty paragraphs that may close the document. */
function shownBody(lines: readonly string[], expected: readonly string[]): string[] {
  const start = expected.length === 0 ? lines.length : lines.indexOf(expected[0] as string);
  const body = lines.slice(start < 0 ? 0 : start);
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return body;
}

describe.skipIf(skipWithout(hasLibreOffice))('Word redline numbered by LibreOffice after Accept All and Reject All', () => {
  const pairs = new Map<string, { old: Draft; new: Draft }>();
  let views: Record<string, LibreOfficeViews> = {};
  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, dir] of CASES) {
      const read = (file: string) => parseMarkdownDraft(readFileSync(join(dir, file), 'utf8'), file).draft;
      const pair = { old: read('old.md'), new: read('new.md') };
      pairs.set(name, pair);
      files[name] = await redlineDocx(diffDrafts(pair.old, pair.new), pair, { author: 'Jane DOE', date: '2018-04-10' });
    }
    views = await libreOfficeViews(files);
  }, 600_000);

  for (const [name] of CASES) {
    for (const mode of ['accept', 'reject'] as const) {
      const known = KNOWN_NUMBERING_FAULTS[name] === mode || KNOWN_NUMBERING_FAULTS[name] === 'both';
      it(`${mode === 'accept' ? 'Accept All numbers as the new draft' : 'Reject All numbers as the old draft'}${known ? ' (words only: known LibreOffice fault)' : ''}: ${name}`, () => {
        const pair = pairs.get(name)!;
        const draft = mode === 'accept' ? pair.new : pair.old;
        const expected = draftLines(draft, styleOf(pair));
        const shown = shownBody(views[name]![mode], expected);
        if (known) expect(shown.map(wordsOnly).filter(Boolean)).toEqual(expected.map(wordsOnly));
        else expect(shown.map(comparable)).toEqual(expected.map(comparable));
      });
    }
  }

  it('covers the cases of issue 15: a closing line after a deleted last point, a heading after a point moved away, no closing block, OJ numbering, points moved and edited', () => {
    const names = CASES.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([
        'last-point-deleted',
        'last-point-added',
        'moved',
        'chapter-reordered',
        'no-closing-added',
        'no-closing-deleted',
        'oj-moved',
        'word-converted',
        'moved-and-edited',
        'own-mixed',
        'own-moved-notes',
        'own-moved-edited-alone',
        'own-moved-edited-away',
      ]),
    );
    expect(styleOf(pairs.get('oj-moved')!)).toBe('oj');
    // The OJ fixture's points read `2.3.` after Accept All.
    expect(views['oj-moved']!.accept).toContain(
      '2.3. Cooperatives have a long history of integrating vulnerable people into work and into their local communities.',
    );
  });
});
