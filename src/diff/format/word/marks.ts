/**
 * Where a moved item was edited too, the paragraph mark that comes or goes
 * with it is the mark of the paragraph before it, as Word and LibreOffice
 * themselves record a paragraph typed after another one.
 *
 * A moved item's paragraph at its new place holds moved words and inserted
 * ones (at its old place, moved words and deleted ones): several tracked
 * changes. LibreOffice's Reject All (Accept All) undoes tracked changes from
 * the last one, so it removes the paragraph's own mark first, while the
 * paragraph still holds words, and the next paragraph is joined into the
 * point and takes its number and style (a chapter heading read as point
 * `2.4`, the closing line as point `2.2.3`). Word keeps the next paragraph's
 * own properties there, so the two disagree.
 *
 * The same versions, written so that both agree: the mark of the paragraph
 * before the item is inserted (deleted) and the item's own last mark stays.
 * Rejecting (accepting), LibreOffice first removes the item's words, then
 * joins the emptied paragraph to the one before, which keeps its own
 * properties; Word keeps the properties of the mark that stays, the item's,
 * so this is done only where both paragraphs have the same properties (the
 * same style and list level: a point after a point of its level). Where the
 * paragraph before is a whole deleted (inserted) paragraph of the same kind,
 * the two share one paragraph and no mark changes at all.
 *
 * LibreOffice's own Word export writes a moved and edited paragraph this way
 * (the moved-to mark on the paragraph before it), but it reads a moved-to
 * mark there as belonging to the next paragraph: the lent mark is an
 * insertion (deletion), outside the move's range.
 */
import type { Move, Revision, TrackedParagraph, TrackedRun } from './model.js';

const EDIT: Record<Move, Revision> = { from: 'del', to: 'ins' };
const OTHER: Record<Revision, Revision> = { ins: 'del', del: 'ins' };

/** Runs that show something (text or a footnote mark). */
export const contentRuns = (paragraph: TrackedParagraph): TrackedRun[] => paragraph.runs.filter((run) => run.text !== '' || run.note);

/** Whether Word gives the two paragraphs the same properties: style, list level, numbered or not. */
function sameProperties(a: TrackedParagraph, b: TrackedParagraph): boolean {
  return a.role === b.role && a.level === b.level && (a.number === undefined) === (b.number === undefined);
}

/** A paragraph of both versions, its mark kept and not moved: it may lend its mark. */
const kept = (paragraph: TrackedParagraph): boolean => !paragraph.mark && !paragraph.markMove && !paragraph.markLent && !paragraph.lends && !paragraph.move;

/** A paragraph that exists in one version only, every run and its mark `revision`, no comment. */
const whole = (paragraph: TrackedParagraph | undefined, revision: Revision): paragraph is TrackedParagraph =>
  paragraph !== undefined &&
  paragraph.mark === revision &&
  !paragraph.markMove &&
  !paragraph.move &&
  paragraph.comment === undefined &&
  paragraph.runs.every((run) => run.revision === revision && !run.move);

/** Whether a paragraph is gone after Accept All: its words and its mark deleted. */
const goneOnAccept = (paragraph: TrackedParagraph): boolean => paragraph.mark === 'del' && contentRuns(paragraph).every((run) => run.revision === 'del');

/**
 * Whether the item ending with `last`, moved away and edited, must lend its
 * mark: the paragraph that LibreOffice's Accept All joins into it (the next
 * one left after Accept All; the closing lines after the body) has other
 * properties, which the item's would replace.
 */
function needsLending(body: readonly TrackedParagraph[], from: number, last: TrackedParagraph): boolean {
  const next = body.slice(from).find((paragraph) => !goneOnAccept(paragraph));
  return next === undefined || !sameProperties(next, last);
}

/**
 * The body with the marks of moved and edited items lent to the paragraph
 * before them, or shared with a whole paragraph of the other version there;
 * unchanged where neither has the item's properties.
 */
export function lendMarks(body: TrackedParagraph[]): TrackedParagraph[] {
  const result: TrackedParagraph[] = [];
  for (let i = 0; i < body.length; ) {
    const first = body[i] as TrackedParagraph;
    let end = i + 1;
    const move = first.move;
    while (move && body[end]?.move?.name === move.name && body[end]?.move?.side === move.side) end++;
    const block = body.slice(i, end);
    i = end;
    const last = block[block.length - 1] as TrackedParagraph;
    const edited = move && last.markMove === move.side && block.some((paragraph) => contentRuns(paragraph).some((run) => run.move !== move.side));
    // At the old place, only where the paragraph that Accept All joins to the item has other properties: elsewhere the
    // item keeps Word's own form (LibreOffice 7.4 was seen to drop a deleted mark lent before moved-from text there).
    if (!move || !edited || (move.side === 'from' && !needsLending(body, end, last))) {
      result.push(...block);
      continue;
    }
    const edit = EDIT[move.side];
    const before = result[result.length - 1];
    // At the old place the mark that stays would need the properties of the paragraph before in the new version,
    // shown on the moved-away text: lent there only between paragraphs of the same properties.
    if (before && kept(before) && (move.side === 'to' || sameProperties(before, last))) {
      result[result.length - 1] = { ...before, mark: edit, lends: true };
      const { mark: _mark, markMove: _move, ...rest } = last;
      const lent: TrackedParagraph = { ...rest, markLent: edit };
      // The mark that stays had the properties of the paragraph before: Word's paragraph property change gives them back.
      if (!sameProperties(before, last))
        lent.formerly = { role: before.role, ...(before.level !== undefined ? { level: before.level } : {}), numbered: before.number !== undefined };
      result.push(...block.slice(0, -1), lent);
    } else if (block.length === 1 && whole(before, OTHER[edit]) && sameProperties(before, last)) {
      // One paragraph: the other version's words first, outside the move's range.
      const { mark: _mark, markMove: _move, ...rest } = last;
      const shared: TrackedParagraph = { ...rest, runs: [...before.runs, ...last.runs] };
      if (before.number || last.number) shared.number = { ...before.number, ...last.number };
      result[result.length - 1] = shared;
    } else result.push(...block);
  }
  return result;
}
