/**
 * Moves that are not changes of their own, for the change list:
 *
 * - a point or heading that moved with its chapter (a chapter moved whole is
 *   one change, one amendment): listed as renumbered, or as modified when
 *   its words changed too;
 * - a footnote that "moved": footnotes are numbered in the order the text
 *   calls them, so a footnote's place follows its call — listed as
 *   renumbered, or modified.
 *
 * A chapter moved or added is placed after a chapter, not after its last point.
 *
 * The entries (the whole document, for full-text redlines) keep the moves:
 * a Word redline moves every paragraph of the chapter.
 */
import type { Change, Side } from '../types.js';

/** The side belongs to this chapter (number and title as written in that version). */
const inChapter = (side: Side | undefined, chapter: Side | undefined): boolean =>
  side?.chapter !== undefined && chapter !== undefined && (side.chapter.number ?? '') === chapter.number && side.chapter.title === chapter.text;

/** The listed form of a move that another change carries: renumbered, modified, or nothing. */
function listedAs(change: Change): Change | undefined {
  const { edited, after: _after, ...rest } = change;
  if (edited) return { ...rest, kind: 'modified' };
  if (change.old[0]?.number === change.new[0]?.number) return undefined;
  return { ...rest, kind: 'renumbered', ops: [] };
}

/** The change list with carried moves listed as what they are; `copied` maps each copy to its original. */
export function listChanges(changes: readonly Change[]): { changes: Change[]; copied: Map<Change, Change> } {
  const movedChapters = changes.filter((change) => change.kind === 'moved' && change.element === 'chapter');
  const copied = new Map<Change, Change>();
  const listed = changes.flatMap((change): Change[] => {
    if ((change.kind === 'moved' || change.kind === 'added') && change.element === 'chapter') {
      const copy = chapterAfterChapter(change);
      if (copy !== change) copied.set(copy, change);
      return [copy];
    }
    if (change.kind !== 'moved') return [change];
    const carried =
      change.element === 'footnote' ||
      ((change.element === 'point' || change.element === 'heading') &&
        movedChapters.some((chapter) => inChapter(change.old[0], chapter.old[0]) && inChapter(change.new[0], chapter.new[0])));
    if (!carried) return [change];
    const copy = listedAs(change);
    if (!copy) return [];
    copied.set(copy, change);
    return [copy];
  });
  return { changes: listed, copied };
}

/** A moved or added chapter goes after a chapter ("after chapter 3"), not after that chapter's last point. */
function chapterAfterChapter(change: Change): Change {
  const after = change.after;
  if (!after || after.element === 'chapter' || !after.number.includes('.')) return change;
  return { ...change, after: { number: after.number.slice(0, after.number.indexOf('.')), element: 'chapter' } };
}
