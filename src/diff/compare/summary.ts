/** Counting changes: per kind, per chapter, words added and deleted. */
import type { Unit } from '../align/units.js';
import { CHANGE_KINDS, type Change, type ChapterSummary, type HeaderChange, type KindCounts, type Summary } from '../types.js';
import type { ChapterLink } from './entries.js';

export function emptyCounts(): KindCounts {
  return Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as KindCounts;
}

export function summarise(
  changes: readonly Change[],
  chapters: ReadonlyMap<Change, ChapterLink>,
  header: readonly HeaderChange[],
  old: readonly Unit[],
  neu: readonly Unit[],
): Summary {
  const summary: Summary = { counts: emptyCounts(), footnotes: emptyCounts(), header: header.length, words: { added: 0, deleted: 0 }, chapters: [] };
  const byChapter = new Map<string, ChapterSummary>();
  for (const change of changes) {
    summary.words.added += change.words.added;
    summary.words.deleted += change.words.deleted;
    if (change.element === 'footnote') {
      summary.footnotes[change.kind]++;
      continue;
    }
    summary.counts[change.kind]++;
    const link = chapters.get(change) ?? { old: -1, new: -1 };
    const key = `${link.old}:${link.new}`;
    let chapter = byChapter.get(key);
    if (!chapter) {
      const before = old[link.old];
      const after = neu[link.new];
      chapter = { title: after?.text ?? before?.text ?? '', counts: emptyCounts(), words: { added: 0, deleted: 0 } };
      if (before?.number) chapter.from = before.number;
      if (after?.number) chapter.to = after.number;
      byChapter.set(key, chapter);
      summary.chapters.push(chapter);
    }
    chapter.counts[change.kind]++;
    chapter.words.added += change.words.added;
    chapter.words.deleted += change.words.deleted;
  }
  return summary;
}
