/**
 * Footnote calls as part of an item's text. Two aligned items whose calls
 * differ — a call added, removed, or standing at another word — differ, even
 * where their words are the same. Calls are compared by the footnote they
 * call (its counterpart through the footnote alignment), not by number: a
 * call whose footnote was only renumbered is no change.
 *
 * Where a call stands is decided as the Word redline decides it
 * (`markEdited`, ./marks.ts): over the item's word operations,
 * a call of both versions at a place they share, calling the same footnote,
 * is kept; any other is deleted or inserted. So every output marks a call
 * change exactly where the redline tracks one.
 */
import { tokenize } from '../text/tokenize.js';
import type { CallOps, Entry, Side, WordOp } from '../types.js';
import { sideOf, type Unit } from '../align/units.js';
import { markEdited } from './marks.js';
import { BREAK, PART_BREAK } from './texts.js';
import { wordDiff } from './word-diff.js';

/** Whether old footnote `old` and new footnote `neu` are one footnote (aligned one to one). */
export type KeptNote = (old: string, neu: string) => boolean;

/**
 * Each old footnote's one new footnote, and its entry, where an entry has one
 * old and one new side: what the diff and the Word redline both take for one
 * footnote (`keptNotes`).
 */
export function notePairs(entries: readonly Entry[]): Map<string, { neu: string; entry: Entry }> {
  const pairs = new Map<string, { neu: string; entry: Entry }>();
  for (const entry of entries) {
    if (entry.type === 'moved-away') continue;
    const [old, neu] = entry.type === 'same' ? [[entry.old], [entry.new]] : [entry.change.old, entry.change.new];
    if (old.length === 1 && neu.length === 1) pairs.set((old[0] as Side).number, { neu: (neu[0] as Side).number, entry });
  }
  return pairs;
}

export const keptNotes =
  (pairs: ReadonlyMap<string, { neu: string }>): KeptNote =>
  (old, neu) =>
    pairs.get(old)?.neu === neu;

/**
 * The operations of items whose words did not change (the comparison lists
 * none): one kept run, or for a split or merge the words kept and the
 * paragraph breaks added or removed, as the Word redline shows it.
 */
export function keptOps(old: readonly Pick<Side, 'text'>[], neu: readonly Pick<Side, 'text'>[], locale: string | undefined): WordOp[] {
  if (old.length === 1 && neu.length === 1) {
    const [a, b] = [(old[0] as Side).text, (neu[0] as Side).text];
    return a === b ? [{ op: 'equal', text: b }] : [{ op: 'equal', text: b, old: a }];
  }
  const joined = (sides: readonly Pick<Side, 'text'>[]): string => sides.map((side) => side.text).join(PART_BREAK);
  return wordDiff(tokenize(joined(old), locale), tokenize(joined(neu), locale)).ops.flatMap((op): WordOp[] => {
    if (op.op !== 'equal' || op.old === undefined) return [op];
    // The same words, other spaces: a paragraph break where a space was (or the reverse) is deleted and inserted alone.
    const before = tokenize(op.old, locale);
    const after = tokenize(op.text, locale);
    if (before.length !== after.length) return [op];
    return after.flatMap((token, k): WordOp[] => {
      const was = (before[k] as { text: string }).text;
      if (was === token.text) return [{ op: 'equal', text: token.text }];
      return was.split(BREAK).length === token.text.split(BREAK).length
        ? [{ op: 'equal', text: token.text, old: was }]
        : [
            { op: 'delete', text: was },
            { op: 'insert', text: token.text },
          ];
    });
  });
}

/**
 * Whether the calls of one item are alike in both versions for certain: the
 * same footnotes, in order, each old call where a kept run of the operations
 * carries it to its new call's offset (there the redline keeps it too).
 * False when it cannot tell cheaply (a run written otherwise in the old version).
 */
function sameCalls(old: Unit, neu: Unit, ops: readonly WordOp[], kept: KeptNote): boolean {
  const a = old.notes ?? [];
  const b = neu.notes ?? [];
  if (a.length !== b.length || !a.every((note, i) => kept(note.number, b[i]!.number))) return false;
  if (ops.length === 0) return old.text === neu.text && a.every((note, i) => note.offset === b[i]!.offset);
  let oldAt = 0;
  let newAt = 0;
  let k = 0;
  for (const op of ops) {
    if (op.op === 'equal' && op.old !== undefined && op.old !== op.text) return false;
    const length = op.text.length;
    if (op.op === 'equal') {
      for (; k < a.length && a[k]!.offset <= oldAt + length; k++) {
        if (a[k]!.offset < oldAt || b[k]!.offset !== newAt + (a[k]!.offset - oldAt)) return false;
      }
      oldAt += length;
      newAt += length;
    } else if (op.op === 'delete') oldAt += length;
    else newAt += length;
  }
  return k === a.length;
}

/**
 * The item's operations with its footnote calls written in as private-use
 * characters (`ops`), and what each calls (`marks`), when its calls differ
 * between the versions; undefined when they do not (or it has none).
 */
export function changedCalls(
  old: readonly Unit[],
  neu: readonly Unit[],
  ops: readonly WordOp[],
  kept: KeptNote,
  locale: string | undefined,
): CallOps | undefined {
  if (!old.some((unit) => unit.notes?.length) && !neu.some((unit) => unit.notes?.length)) return undefined;
  if (old.length === 1 && neu.length === 1 && sameCalls(old[0] as Unit, neu[0] as Unit, ops, kept)) return undefined;
  const shown = ops.length > 0 ? [...ops] : keptOps(old, neu, locale);
  const marked = markEdited(shown, old.map(sideOf), neu.map(sideOf), kept, locale);
  if (!marked || [...marked.marks.values()].every((call) => call.old !== undefined && call.new !== undefined)) return undefined;
  return { ops: marked.ops, marks: marked.marks, plain: shown };
}
