import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDrafts, parseMarkdownDraft } from '../../src/diff/index.js';
import { redlineModel } from '../../src/word/redline/model.js';
import { acceptAll, rejectAll } from '../../src/word/redline/views.js';
import type { Draft } from '../../src/core/draft.js';

const DIFF_FIXTURES = join(import.meta.dirname, '..', 'diff', 'fixtures');

function drafts(dir: string): { old: Draft; new: Draft } {
  const read = (name: string) => parseMarkdownDraft(readFileSync(join(dir, name), 'utf8'), name).draft;
  return { old: read('old.md'), new: read('new.md') };
}

/** A draft's body paragraphs as Word shows them: chapter titles, headings and points, each paragraph of a point. */
export function draftParagraphs(draft: Draft): { number?: string; text: string }[] {
  const split = (text: string) => text.split(/\n{2,}/u).map((p) => p.replace(/\s+/gu, ' ').trim()).filter(Boolean);
  return draft.chapters.flatMap((chapter) => [
    ...(chapter.title ? [chapter.number ? { number: chapter.number, text: chapter.title.replace(/\s+/gu, ' ').trim() } : { text: chapter.title }] : []),
    ...chapter.points.flatMap((point) => split(point.text).map((text, i) => (i === 0 && point.number ? { number: point.number, text } : { text }))),
  ]);
}

const strip = (paragraphs: { number?: string; text: string }[]) => paragraphs.map(({ number, text }) => (number === undefined ? { text } : { number, text }));

describe('redline model', () => {
  for (const name of ['added', 'deleted', 'modified', 'moved', 'moved-and-edited', 'renumbering-only', 'split', 'merged', 'header', 'footnotes', 'chapter-reordered', 'ids', 'unicode', 'word-converted', 'redline']) {
    it(`accept all gives the new draft and reject all the old one: ${name}`, () => {
      const pair = drafts(join(DIFF_FIXTURES, name));
      const model = redlineModel(diffDrafts(pair.old, pair.new), pair);
      expect(strip(acceptAll(model.body))).toEqual(draftParagraphs(pair.new));
      expect(strip(rejectAll(model.body))).toEqual(draftParagraphs(pair.old));
    });
  }
});
