/**
 * The Word redline and the change list come from one comparison: a point the
 * diff calls unchanged has no tracked change in the redline, whatever its
 * spaces (double, non-breaking, tabs) and wherever its footnote marks stand.
 * Each fixture's new version is written again with other spaces; the diff's
 * change list must stay the same, and so must the set of redline paragraphs
 * that carry a revision.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDrafts } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { redlineModel, type TrackedParagraph } from '../../src/diff/format/word/model.js';

const DIFF_FIXTURES = join(import.meta.dirname, '..', 'diff', 'fixtures');
const OWN = join(import.meta.dirname, 'redline');
const CASES = [
  ...[
    'added',
    'deleted',
    'modified',
    'moved',
    'moved-and-edited',
    'renumbering-only',
    'split',
    'merged',
    'footnotes',
    'chapter-reordered',
    'ids',
    'unicode',
    'redline',
    'identical',
  ].map((name) => join(DIFF_FIXTURES, name)),
  ...['mixed', 'notes', 'moved-notes'].map((name) => join(OWN, name)),
];

/** Other spaces in the body's paragraphs: around footnote calls, between words; tables, headings and definitions untouched. */
function respace(markdown: string, variant: number): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (line === '' || /^(?:\||#|\[\^[^\]]+\]:|>|\s)/u.test(line)) return line;
      let k = 0;
      // Not the spaces after a leading id and number.
      const spaced = line.replace(/(?<=\S) (?=\S)/gu, () => (++k > 2 && k % 3 === variant % 3 ? (variant % 2 ? '\u00a0' : '  ') : ' '));
      return spaced.replace(/(\S)(\[\^[^\]]+\])/gu, variant % 2 ? '$1\u00a0$2' : '$1$2').replace(/(\[\^[^\]]+\])([.,;])/gu, variant > 1 ? '$1 $2' : '$1$2');
    })
    .join('\n');
}

const changed = (paragraph: TrackedParagraph): boolean => paragraph.mark !== undefined || paragraph.runs.some((run) => run.revision !== undefined);
const revised = (paragraphs: readonly TrackedParagraph[]): number[] => paragraphs.flatMap((paragraph, i) => (changed(paragraph) ? [i] : []));
const kinds = (result: ReturnType<typeof diffDrafts>) =>
  result.changes.map((change) => `${change.kind} ${change.old.map((s) => s.number)}→${change.new.map((s) => s.number)}`);

describe('the redline agrees with the change list', () => {
  for (const dir of CASES) {
    for (const variant of [0, 1, 2, 3]) {
      it(`${dir.split('/').slice(-1)[0]}, new version respaced (${variant})`, () => {
        const oldText = readFileSync(join(dir, 'old.md'), 'utf8');
        const newText = readFileSync(join(dir, 'new.md'), 'utf8');
        const old = parseMarkdownDraft(oldText, 'old.md').draft;
        const neu = parseMarkdownDraft(newText, 'new.md').draft;
        const respaced = parseMarkdownDraft(respace(newText, variant), 'new.md').draft;
        const plain = diffDrafts(old, neu);
        const spaced = diffDrafts(old, respaced);
        expect(kinds(spaced)).toEqual(kinds(plain));
        const paragraphs = redlineModel(spaced, { old, new: respaced }).body;
        expect(revised(paragraphs)).toEqual(revised(redlineModel(plain, { old, new: neu }).body));
        if (spaced.identical) expect(revised(paragraphs)).toEqual([]);
      });
    }
  }

  it('a point that calls a footnote, with a double space before the call and a non-breaking space after it: no change, no revision', () => {
    const old = parseMarkdownDraft('## 1. Conclusions\n\n1.1 The EESC supports the proposal[^1] in full.\n\n[^1]: COM(2020) 1 final.\n', 'old.md').draft;
    const neu = parseMarkdownDraft('## 1. Conclusions\n\n1.1 The EESC supports the  proposal[^1] in\u00a0full.\n\n[^1]: COM(2020) 1 final.\n', 'new.md').draft;
    const result = diffDrafts(old, neu);
    expect(result.identical).toBe(true);
    expect(revised(redlineModel(result, { old, new: neu }).body)).toEqual([]);
  });
});

describe('OJ-style numbers in the redline', () => {
  it('numbers the redline of OJ-style drafts (1.1.) with a trailing dot, as the drafts are numbered', async () => {
    const { redlineDocx } = await import('../../src/diff/format/word/index.js');
    const { unzipSync, strFromU8 } = await import('fflate');
    const text = (word: string) =>
      `## 1. Conclusions\n\n1.1. The EESC supports the ${word} proposal.\n\n1.2. The EESC calls on the Commission to act.\n\n## 2. General comments\n\n2.1. Cooperatives integrate people.\n`;
    const old = parseMarkdownDraft(text('first'), 'old.md').draft;
    const neu = parseMarkdownDraft(text('second'), 'new.md').draft;
    expect([old.numbering, neu.numbering]).toEqual(['oj', 'oj']);
    const files = unzipSync(await redlineDocx(diffDrafts(old, neu), { old, new: neu }));
    const levels = [...strFromU8(files['word/numbering.xml'] as Uint8Array).matchAll(/<w:lvlText w:val="([^"]*)"/gu)].map((match) => match[1]);
    expect(levels).toContain('%1.%2.');
    expect(levels).not.toContain('%1.%2');
    const plain = parseMarkdownDraft(text('first').replace(/(\d\.\d)\. /gu, '$1 '), 'plain.md').draft;
    expect(plain.numbering).toBeUndefined();
  });
});
