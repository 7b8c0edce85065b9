/**
 * The redline's cross-references as Word shows them once its fields are
 * updated: a reference of the new version that names its target (an
 * opinion's `:ref`, a Word cross-reference's bookmark) shows the number the
 * new version gives that target. A Word draft keeps the number Word last
 * printed ("see point 1.13" after a point was inserted above its target,
 * now 1.14) until its fields are updated; the comparison rightly sees no
 * change there (the reference names the same item), but the redline numbers
 * the target with Word's list, so the stale number would contradict the
 * document it stands in. Where the old version printed another number, the
 * new one is tracked as any reference that followed its target ("1.13" →
 * "1.14"), so that Reject All still gives the old text.
 */
import type { Draft, DraftNote } from '../../../core/draft.js';
import { bookmarkOf } from '../../../core/bookmarks.js';
import { byBookmark } from '../../compare/ref-mapper.js';
import { partStarts } from '../../compare/texts.js';
import type { Change, DiffResult, Entry, Side, WordOp } from '../../types.js';

/** A number to write instead of the one printed at `start`…`end` of a text. */
interface Renumbering {
  start: number;
  end: number;
  number: string;
}

/** The references of a side whose printed number is not its target's now, at `offset` in the change's joined text. */
function renumberings(side: Side, offset: number, numbers: ReadonlyMap<string, string>): Renumbering[] {
  return (side.refs ?? []).flatMap((ref) => {
    const now = ref.space === 'point' && ref.target !== undefined ? numbers.get(bookmarkOf(ref.target)) : undefined;
    return now === undefined || now === ref.number ? [] : [{ start: offset + ref.start, end: offset + ref.end, number: now }];
  });
}

/** `text` with each renumbering (offsets into it from `offset`, in order) written in. */
function rewrite(text: string, renumbered: readonly Renumbering[], offset = 0): string {
  let out = '';
  let at = 0;
  for (const { start, end, number } of renumbered) {
    out += text.slice(at, start - offset) + number;
    at = end - offset;
  }
  return out + text.slice(at);
}

/** A side's text renumbered (offsets from `offset`), its footnote marks moved with the text after each number. */
function renumberedSide(side: Side, renumbered: readonly Renumbering[], offset = 0): Side {
  const shift = (at: number): number =>
    renumbered.reduce((total, { start, end, number }) => (end - offset <= at ? total + number.length - (end - start) : total), at);
  const result: Side = { ...side, text: rewrite(side.text, renumbered, offset) };
  if (side.notes) result.notes = side.notes.map((note): DraftNote => ({ ...note, offset: shift(note.offset) }));
  return result;
}

/**
 * The operations with the renumberings written into the new text: inside an
 * insertion as inserted text, inside kept text as kept text the old version
 * wrote otherwise. A number that no single operation holds whole is left out
 * (returned as the ones written).
 */
function renumberedOps(ops: readonly WordOp[], renumbered: readonly Renumbering[]): { ops: WordOp[]; written: Renumbering[] } {
  const written: Renumbering[] = [];
  let at = 0;
  const result = ops.map((op): WordOp => {
    if (op.op === 'delete') return op;
    const start = at;
    at += op.text.length;
    const inside = renumbered.filter((r) => r.start >= start && r.end <= at);
    if (inside.length === 0) return op;
    written.push(...inside);
    const text = rewrite(op.text, inside, start);
    return op.op === 'insert' ? { op: 'insert', text } : { op: 'equal', text, old: op.old ?? op.text };
  });
  return { ops: result, written };
}

/** A change with its new sides' references renumbered, where its operations can show it. */
function renumberedChange(change: Change, numbers: ReadonlyMap<string, string>): Change {
  if (change.element === 'footnote') return change;
  const starts = partStarts(change.new);
  const found = change.new.map((side, i) => renumberings(side, starts[i]!, numbers));
  if (found.every((renumbered) => renumbered.length === 0)) return change;
  const all = found.flat();
  const { ops, written } = change.ops.length > 0 ? renumberedOps(change.ops, all) : { ops: change.ops, written: all };
  const shown = new Set(written);
  const sides = change.new.map((side, i) => {
    const own = found[i]!.filter((r) => shown.has(r));
    return own.length === 0 ? side : renumberedSide(side, own, starts[i]);
  });
  return { ...change, new: sides, ops };
}

/** The comparison as the redline shows it: every reference of the new version with its target's number now. */
export function currentReferences(result: DiffResult, draft: Draft): DiffResult {
  const numbers = byBookmark(
    draft.chapters.flatMap((chapter) => [chapter, ...chapter.points]),
    (item) => item.number,
  );
  if (numbers.size === 0) return result;
  const copies = new Map<Change, Change>();
  const copy = (change: Change): Change => {
    let done = copies.get(change);
    if (!done) {
      done = renumberedChange(change, numbers);
      if (change.within) done = { ...done, within: change.within.map((inner) => ({ ...inner, change: copy(inner.change) })) };
      copies.set(change, done);
    }
    return done;
  };
  const entries = result.entries.map((entry): Entry => {
    if (entry.type !== 'same') return { ...entry, change: copy(entry.change) };
    if (entry.element === 'footnote') return entry;
    const renumbered = renumberings(entry.new, 0, numbers);
    return renumbered.length === 0 ? entry : { ...entry, new: renumberedSide(entry.new, renumbered) };
  });
  return { ...result, changes: result.changes.map(copy), entries };
}
