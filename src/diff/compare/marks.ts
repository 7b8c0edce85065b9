/**
 * Where each footnote call of an item stands among its word operations, for
 * the comparison (`changedCalls`, ./calls.ts) and the Word redline alike.
 *
 * An item's word operations are walked as a row of gaps, each with its
 * offset in the old and in the new text. A mark of the old text may stand at
 * any gap with its old offset (after the character before it, and before or
 * after the insertions there), a mark of the new text likewise. A mark of
 * both versions at a gap they share, calling the same footnote (the same
 * footnote in both versions, not split or merged), is kept; any other mark is
 * deleted (old only) or inserted (new only) at its first possible gap. The
 * marks are written into the texts as private-use characters, so that the
 * paragraph and run logic of the redline (format/word/model.ts) carries them
 * like text, and are then taken out as runs of their own: a mark in a kept
 * run is kept, one in a deleted (inserted) run deleted (inserted).
 */
import type { DraftNote } from '../../core/draft.js';
import { tokenize } from '../text/tokenize.js';
import type { CallMark, CallOps, Side, WordOp } from '../types.js';
import { partStarts, rewrittenEquals } from './texts.js';
import { wordDiff } from './word-diff.js';
/** An item's texts and operations with its marks written in as private-use characters. */
export interface Marked {
  ops: WordOp[];
  old: Side[];
  new: Side[];
  /** Mark character → what it calls. */
  marks: Map<string, CallMark>;
}

const PRIVATE = /[\uE000-\uF8FF]/gu;

/** Mark characters that the texts do not use. */
function markCharacters(texts: readonly string[]): () => string {
  const used = new Set(texts.flatMap((text) => text.match(PRIVATE) ?? []));
  let code = 0xe000;
  return () => {
    while (used.has(String.fromCharCode(code))) code++;
    if (code > 0xf8ff) throw new Error('Unexpected number of footnote marks in one item, expected fewer than 6,400');
    return String.fromCharCode(code++);
  };
}

/**
 * An `equal` operation written otherwise in the old version as finer
 * operations, word by word, so that a mark inside it has a place in both versions.
 */
function finer(ops: readonly WordOp[], locale: string | undefined): WordOp[] {
  return rewrittenEquals(ops, (op) => wordDiff(tokenize(op.old, locale), tokenize(op.text, locale)).ops.flatMap((piece) => byToken(piece, locale)));
}

/**
 * An `equal` run still written otherwise in the old version (other spaces: a
 * double or non-breaking space, which the comparison does not count) as one
 * run per token: only the differing spaces are taken whole, so a mark next to
 * them keeps its place in both versions instead of the whole run being
 * deleted and inserted.
 */
function byToken(op: WordOp, locale: string | undefined): WordOp[] {
  if (op.op !== 'equal' || op.old === undefined || op.old === op.text) return [op];
  const old = tokenize(op.old, locale);
  const neu = tokenize(op.text, locale);
  if (old.length !== neu.length || old.some((token, k) => token.key !== neu[k]?.key)) return [op];
  return neu.flatMap((token, k): WordOp[] => {
    const before = (old[k] as { text: string }).text;
    if (before === token.text) return [{ op: 'equal', text: token.text }];
    if (token.key !== ' ' || before.includes('\n') || token.text.includes('\n')) return [{ op: 'equal', text: token.text, old: before }];
    // Spaces written otherwise: one step per new space, then the old spaces, so that a mark at
    // the start of the old spaces and one among the new spaces can stand at one place.
    return [...[...token.text].map((char): WordOp => ({ op: 'equal', text: char, old: '' })), { op: 'equal', text: '', old: before }];
  });
}

/** A step of the walk: one character, or an `equal` run written otherwise in the old version (taken whole). */
interface Cell {
  op: WordOp;
  /** The character; absent for a run taken whole. */
  char?: string;
}

function cellsOf(ops: readonly WordOp[]): Cell[] {
  // Characters as the offsets count them: UTF-16 code units.
  return ops.flatMap((op): Cell[] =>
    op.op === 'equal' && op.old !== undefined && op.old !== op.text ? [{ op }] : op.text.split('').map((char) => ({ op, char })),
  );
}

/** The first index whose value reaches `value` in a non-decreasing list. */
function firstReaching(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The last index of each run of equal values. */
function lastOfSame(values: readonly number[]): number[] {
  const last = new Array<number>(values.length);
  for (let g = values.length - 1; g >= 0; g--) last[g] = g < values.length - 1 && values[g + 1] === values[g] ? (last[g + 1] as number) : g;
  return last;
}

interface Placed {
  gap: number;
  op: WordOp['op'];
  char: string;
}

/** The marks of the sides joined as the comparison joins their texts (by a paragraph break). */
function joinedNotes(sides: readonly Side[]): DraftNote[] {
  const starts = partStarts(sides);
  return sides.flatMap((side, i) => (side.notes ?? []).map((note) => ({ offset: starts[i]! + Math.min(note.offset, side.text.length), number: note.number })));
}

/**
 * Each side's text with its marks written in as characters of `marks`:
 * each version's marks are placed in order, so its n-th mark is the n-th
 * character that calls a footnote of that version (`side`).
 */
function markedSides(sides: readonly Side[], marks: ReadonlyMap<string, CallMark>, side: 'old' | 'new'): Side[] {
  const chars = [...marks].filter(([, call]) => call[side] !== undefined).map(([char]) => char);
  let k = 0;
  return sides.map((one) => {
    let text = '';
    let at = 0;
    for (const note of one.notes ?? []) {
      const offset = Math.min(note.offset, one.text.length);
      text += one.text.slice(at, offset) + (chars[k++] ?? '');
      at = offset;
    }
    return { ...one, text: text + one.text.slice(at) };
  });
}

function hasNotes(sides: readonly Side[]): boolean {
  return sides.some((side) => (side.notes?.length ?? 0) > 0);
}

/**
 * An edited item with its marks: `ops` from the old text(s) to the new one(s);
 * `kept(old, new)` tells whether an old and a new footnote number are the same footnote.
 * Undefined when neither version has a mark.
 */
export function markEdited(
  ops: readonly WordOp[],
  old: readonly Side[],
  neu: readonly Side[],
  kept: (old: string, neu: string) => boolean,
  locale: string | undefined,
): Marked | undefined {
  if (!hasNotes(old) && !hasNotes(neu)) return undefined;
  const next = markCharacters([...old, ...neu].map((side) => side.text));
  const marks = new Map<string, CallMark>();
  const cells = cellsOf(finer(ops, locale));
  const oldAt: number[] = [0];
  const newAt: number[] = [0];
  for (const cell of cells) {
    const oldLength = cell.op.op === 'insert' ? 0 : cell.char !== undefined ? 1 : (cell.op.old as string).length;
    const newLength = cell.op.op === 'delete' ? 0 : cell.char !== undefined ? 1 : cell.op.text.length;
    oldAt.push((oldAt[oldAt.length - 1] as number) + oldLength);
    newAt.push((newAt[newAt.length - 1] as number) + newLength);
  }
  const lastOld = lastOfSame(oldAt);
  const lastNew = lastOfSame(newAt);
  const oldNotes = joinedNotes(old);
  const newNotes = joinedNotes(neu);
  const placed: Placed[] = [];
  const place = (gap: number, op: WordOp['op'], call: CallMark) => {
    const char = next();
    marks.set(char, call);
    placed.push({ gap, op, char });
  };
  let i = 0;
  let j = 0;
  for (let gap = 0; gap < oldAt.length; gap++) {
    for (;;) {
      const a = oldNotes[i];
      const b = newNotes[j];
      const aReady = a !== undefined && (oldAt[gap] as number) >= a.offset;
      const bReady = b !== undefined && (newAt[gap] as number) >= b.offset;
      const pair = a !== undefined && b !== undefined && kept(a.number, b.number);
      if (aReady && bReady && pair) {
        place(gap, 'equal', { old: a.number, new: b.number });
        i++;
        j++;
        continue;
      }
      // A mark waits at its place for a mark of the other version that can be kept with it.
      const aWaits = aReady && pair && !bReady && firstReaching(newAt, b.offset) <= (lastOld[gap] as number);
      if (aReady && !aWaits) {
        place(gap, 'delete', { old: a.number });
        i++;
        continue;
      }
      const bWaits = bReady && pair && !aReady && firstReaching(oldAt, a.offset) <= (lastNew[gap] as number);
      if (bReady && !bWaits) {
        place(gap, 'insert', { new: b.number });
        j++;
        continue;
      }
      break;
    }
  }
  const end = oldAt.length - 1;
  for (; i < oldNotes.length; i++) place(end, 'delete', { old: (oldNotes[i] as DraftNote).number });
  for (; j < newNotes.length; j++) place(end, 'insert', { new: (newNotes[j] as DraftNote).number });
  return { ops: withMarks(cells, placed), old: markedSides(old, marks, 'old'), new: markedSides(neu, marks, 'new'), marks };
}

/** The operations again, with the marks at their gaps. */
function withMarks(cells: readonly Cell[], placed: readonly Placed[]): WordOp[] {
  const ops: WordOp[] = [];
  const add = (op: WordOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op && last.old === undefined) last.text += text;
    else ops.push({ op, text });
  };
  let p = 0;
  cells.forEach((cell, gap) => {
    for (; p < placed.length && (placed[p] as Placed).gap === gap; p++) add((placed[p] as Placed).op, (placed[p] as Placed).char);
    if (cell.char === undefined) ops.push({ ...cell.op });
    else add(cell.op.op, cell.char);
  });
  for (; p < placed.length; p++) add((placed[p] as Placed).op, (placed[p] as Placed).char);
  return ops;
}

/** An edited item with the marks `markEdited` placed already over the same operations (`Change.calls`). */
export function placedMarks(calls: CallOps, old: readonly Side[], neu: readonly Side[]): Marked {
  return { ops: calls.ops, old: markedSides(old, calls.marks, 'old'), new: markedSides(neu, calls.marks, 'new'), marks: calls.marks };
}

/** An item of one version only (added, deleted, a moved item's two places): every mark comes and goes with it. */
export function markWhole(sides: readonly Side[], revision: 'ins' | 'del'): Marked | undefined {
  if (!hasNotes(sides)) return undefined;
  const next = markCharacters(sides.map((side) => side.text));
  const side = revision === 'ins' ? 'new' : 'old';
  const marks = new Map(sides.flatMap((one) => (one.notes ?? []).map((note): [string, CallMark] => [next(), { [side]: note.number }])));
  const marked = markedSides(sides, marks, side);
  return { ops: [], old: side === 'old' ? marked : [], new: side === 'new' ? marked : [], marks };
}
