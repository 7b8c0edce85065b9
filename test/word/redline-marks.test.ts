/**
 * A moved and edited item's paragraph mark lent to the paragraph before it
 * (src/diff/format/word/marks.ts), on the redline model: which paragraph holds
 * which mark, and that Accept All and Reject All still give exactly the two
 * drafts, numbers and roles included. LibreOffice's own Accept All and Reject
 * All of the same pairs are checked by ./redline-libreoffice.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/core/draft.js';
import { diffDrafts } from '../../src/diff/index.js';
import { redlineModel, type TrackedParagraph } from '../../src/diff/format/word/model.js';
import { acceptAll, rejectAll } from '../../src/diff/format/word/views.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { draftParagraphs } from './redline-model.test.js';

const DIFF_FIXTURES = join(import.meta.dirname, '..', 'diff', 'fixtures');
const OWN = join(import.meta.dirname, 'redline');

function modelOf(dir: string): { body: TrackedParagraph[]; pair: { old: Draft; new: Draft } } {
  const read = (name: string) => parseMarkdownDraft(readFileSync(join(dir, name), 'utf8'), name).draft;
  const pair = { old: read('old.md'), new: read('new.md') };
  return { body: redlineModel(diffDrafts(pair.old, pair.new), pair).body, pair };
}

const view = (paragraphs: { number?: string; text: string }[]) => paragraphs.map((p) => `${p.number ?? '-'} ${p.text}`);
const starting = (body: TrackedParagraph[], words: string, side: 'from' | 'to') =>
  body.findIndex((p) => p.move?.side === side && p.runs.some((run) => run.text.startsWith(words)));

describe('a moved and edited point lends its paragraph mark to the paragraph before it', () => {
  it('at the new place: the point before it has an inserted mark, the moved point keeps its own (moved-and-edited)', () => {
    const { body, pair } = modelOf(join(DIFF_FIXTURES, 'moved-and-edited'));
    const at = starting(body, 'Small enterprises', 'to');
    const [before, moved] = [body[at - 1] as TrackedParagraph, body[at] as TrackedParagraph];
    expect(before).toMatchObject({ role: 'point', mark: 'ins', lends: true, number: { old: '2.3', new: '2.3' } });
    expect(moved).toMatchObject({ role: 'point', markLent: 'ins', number: { new: '2.4' } });
    expect(moved.mark).toBeUndefined();
    expect(moved.markMove).toBeUndefined();
    expect(moved.formerly).toBeUndefined();
    // Its words: moved and inserted.
    expect(new Set(moved.runs.map((run) => run.move ?? run.revision))).toEqual(new Set(['to', 'ins']));
    // The old place is one moved run: its mark moves with it.
    const source = body[starting(body, 'Small enterprises', 'from')] as TrackedParagraph;
    expect(source).toMatchObject({ mark: 'del', markMove: 'from' });
    expect(view(acceptAll(body))).toEqual(view(draftParagraphs(pair.new)));
    expect(view(rejectAll(body))).toEqual(view(draftParagraphs(pair.old)));
  });

  it('after a paragraph of other properties: the old properties kept as a property change, and read back by Reject All', () => {
    const { body, pair } = modelOf(join(OWN, 'moved-edited-alone'));
    const at = starting(body, 'Small enterprises', 'to');
    expect(body[at - 1]).toMatchObject({ role: 'pointPart', mark: 'ins', lends: true });
    expect(body[at]).toMatchObject({ role: 'point', markLent: 'ins', formerly: { role: 'pointPart', numbered: false } });
    const rejected = rejectAll(body);
    expect(view(rejected)).toEqual(view(draftParagraphs(pair.old)));
    expect(rejected.find((p) => p.text.startsWith('Such schemes'))?.role).toBe('pointPart');
    expect(view(acceptAll(body))).toEqual(view(draftParagraphs(pair.new)));
  });

  it('at the old place only where Accept All would join a paragraph of other properties into it', () => {
    // Before a chapter heading: the point before it has a deleted mark.
    const away = modelOf(join(OWN, 'moved-edited-away'));
    const at = starting(away.body, 'Small enterprises', 'from');
    expect(away.body[at - 1]).toMatchObject({ mark: 'del', lends: true });
    expect(away.body[at]).toMatchObject({ markLent: 'del' });
    expect(view(acceptAll(away.body))).toEqual(view(draftParagraphs(away.pair.new)));
    expect(view(rejectAll(away.body))).toEqual(view(draftParagraphs(away.pair.old)));
    // Before a point of its level: Word's own move, its mark moved.
    const mixed = modelOf(join(OWN, 'mixed'));
    const source = mixed.body[starting(mixed.body, '', 'from')] as TrackedParagraph;
    expect(source).toMatchObject({ mark: 'del', markMove: 'from' });
  });

  it('shares one paragraph with a whole deleted point of its kind before it: no mark changes (mixed)', () => {
    const { body, pair } = modelOf(join(OWN, 'mixed'));
    const shared = body.find((p) => p.move?.side === 'to') as TrackedParagraph;
    expect(shared.mark).toBeUndefined();
    expect(shared.number).toEqual({ old: '2.2.2', new: '2.2.2' });
    expect(shared.runs[0]).toMatchObject({ text: 'Small enterprises find it difficult to apply for European funds.', revision: 'del' });
    expect(view(acceptAll(body))).toEqual(view(draftParagraphs(pair.new)));
    expect(view(rejectAll(body))).toEqual(view(draftParagraphs(pair.old)));
  });

  it('leaves a move without edits as Word writes it: every mark moved (moved)', () => {
    const { body } = modelOf(join(DIFF_FIXTURES, 'moved'));
    const moved = body.filter((p) => p.move);
    expect(moved.length).toBeGreaterThan(0);
    for (const paragraph of moved) expect(paragraph.markMove).toBe(paragraph.move?.side);
    expect(body.some((p) => p.lends || p.markLent)).toBe(false);
  });
});
