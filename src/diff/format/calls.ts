/**
 * Footnote calls in the text formats. An item whose calls differ
 * (`Change.calls`) shows every call where it stands, inserted or deleted like
 * a word: a deleted call with the number the old version prints, a kept or
 * inserted one with the new version's. Items whose calls did not change show
 * their words only, as before.
 */
import type { CallOps, Change, WordOp } from '../types.js';

const SUPERSCRIPT: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** A call as plain text reads it, and no Markdown parser takes for a footnote: `⁽¹²⁾`. */
export const superscriptCall = (number: string): string => `⁽${[...number].map((char) => SUPERSCRIPT[char] ?? char).join('')}⁾`;

/** Each change's operations with its calls written, by writer (`show`): made once, shared by every view and cell. */
const written = new WeakMap<CallOps, Map<(number: string) => string, readonly WordOp[]>>();

/**
 * A change's operations with its calls written by `show` (given the number),
 * when its calls differ; else its operations. A kept call whose footnote was
 * renumbered reads its old number in the old wording (`old`) of its run.
 */
export function opsWithCalls(change: Change, show: (number: string) => string): readonly WordOp[] {
  const calls = change.calls;
  if (!calls) return change.ops;
  const made = written.get(calls) ?? new Map<(number: string) => string, readonly WordOp[]>();
  written.set(calls, made);
  const done = made.get(show);
  if (done) return done;
  const pattern = new RegExp(`[${[...calls.marks.keys()].join('')}]`, 'gu');
  const write = (text: string, side: 'old' | 'new'): string => text.replace(pattern, (char) => show(calls.marks.get(char)?.[side] ?? ''));
  const ops = calls.ops.map((op): WordOp => {
    if (op.op !== 'equal') return { op: op.op, text: write(op.text, op.op === 'delete' ? 'old' : 'new') };
    const text = write(op.text, 'new');
    const old = op.old ?? write(op.text, 'old');
    return old === text ? { op: 'equal', text } : { op: 'equal', text, old };
  });
  made.set(show, ops);
  return ops;
}

/** The calls of a change that differ, as the JSON change list gives them: each with its number and offset in its version's text. */
export function changedCallList(change: Change): { op: 'delete' | 'insert'; number: string; offset: number }[] {
  const calls = change.calls;
  if (!calls) return [];
  const list: { op: 'delete' | 'insert'; number: string; offset: number }[] = [];
  let old = 0;
  let neu = 0;
  for (const op of calls.ops) {
    if (op.op === 'equal' && op.old !== undefined) {
      old += op.old.length;
      neu += op.text.length;
      continue;
    }
    for (const char of op.text) {
      const mark = calls.marks.get(char);
      if (!mark) {
        if (op.op !== 'insert') old += char.length;
        if (op.op !== 'delete') neu += char.length;
      } else if (op.op === 'delete') list.push({ op: 'delete', number: mark.old ?? '', offset: old });
      else if (op.op === 'insert') list.push({ op: 'insert', number: mark.new ?? '', offset: neu });
    }
  }
  return list;
}
