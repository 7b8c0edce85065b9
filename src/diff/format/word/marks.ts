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
const kept = (paragraph: TrackedParagraph | undefined): paragraph is TrackedParagraph =>
  paragraph !== undefined && !paragraph.mark && !paragraph.markMove && !paragraph.markLent && !paragraph.lends && !paragraph.move;

/** A paragraph that exists in one version only, every run and its mark `revision`, no comment. */
const whole = (paragraph: TrackedParagraph | undefined, revision: Revision): paragraph is TrackedParagraph =>
  paragraph !== undefined &&
  paragraph.mark === revision &&
  !paragraph.markMove &&
  !paragraph.move &&
  paragraph.comment === undefined &&
  paragraph.runs.every((run) => run.revision === revision && !run.move);

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
    // Only at the new place (LibreOffice's Reject All): at the old one, LibreOffice 7.4 drops a deleted mark lent to a
    // paragraph before moved-from text, and its Accept All then leaves the emptied paragraph with its number.
    if (!move || !edited || move.side !== 'to') {
      result.push(...block);
      continue;
    }
    const edit = EDIT[move.side];
    const before = result[result.length - 1];
    if (kept(before) && sameProperties(before, last)) {
      result[result.length - 1] = { ...before, mark: edit, lends: true };
      const { mark: _mark, markMove: _move, ...rest } = last;
      result.push(...block.slice(0, -1), { ...rest, markLent: edit });
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
