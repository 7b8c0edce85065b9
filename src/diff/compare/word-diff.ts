/**
 * Word-level operations between two token lists: a Myers diff of the token
 * keys (`diffArrays` from the `diff` package, measured as fast as a
 * hand-written Myers on point-sized inputs), then clean-ups for
 * readability: an equal stretch between two insertions (or two deletions) is
 * slid to one end when it can be, so that they join ("{+, which are
 * new,+} " rather than "{+,+} {+which are new, +}"); whitespace left equal
 * between two replacements joins them ("[-a b-]{+c d+}" rather than
 * "[-a-]{+c+} [-b-]{+d+}"); within a run of changes deletions come before
 * insertions; an insertion or deletion starts at a word rather than at a
 * space ("with {+central and +}local", not "with{+ central and+} local").
 */
import { diffArrays } from 'diff';
import type { Token } from '../text/tokenize.js';
import type { WordCounts, WordOp } from '../types.js';

interface Run {
  op: WordOp['op'];
  /** Tokens of the old text (equal, delete) and of the new text (equal, insert). */
  old: Token[];
  new: Token[];
}

export interface WordDiff {
  ops: WordOp[];
  words: WordCounts;
  /** Whether anything but whitespace differs. */
  changed: boolean;
}

export function wordDiff(oldTokens: readonly Token[], newTokens: readonly Token[]): WordDiff {
  const runs = startAtWords(slideEqualities(rawRuns(oldTokens, newTokens)));
  const cleaned = groupChanges(absorbWhitespace(runs));
  const ops: WordOp[] = [];
  const words: WordCounts = { added: 0, deleted: 0 };
  let changed = false;
  for (const run of cleaned) {
    const tokens = run.op === 'delete' ? run.old : run.new;
    if (tokens.length === 0) continue;
    const text = tokens.map((token) => token.text).join('');
    const oldText = run.op === 'equal' ? run.old.map((token) => token.text).join('') : text;
    if (run.op !== 'equal') {
      const count = tokens.filter((token) => token.word).length;
      if (run.op === 'delete') words.deleted += count;
      else words.added += count;
      if (tokens.some((token) => token.key !== ' ')) changed = true;
    }
    const last = ops[ops.length - 1];
    if (last && last.op === run.op) {
      if (last.old !== undefined || oldText !== text) last.old = (last.old ?? last.text) + oldText;
      last.text += text;
    } else {
      ops.push(oldText === text ? { op: run.op, text } : { op: run.op, text, old: oldText });
    }
  }
  return { ops, words, changed };
}

function rawRuns(oldTokens: readonly Token[], newTokens: readonly Token[]): Run[] {
  const parts = diffArrays(
    oldTokens.map((token) => token.key),
    newTokens.map((token) => token.key),
  );
  const runs: Run[] = [];
  let a = 0;
  let b = 0;
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      runs.push({ op: 'delete', old: oldTokens.slice(a, a + count), new: [] });
      a += count;
    } else if (part.added) {
      runs.push({ op: 'insert', old: [], new: newTokens.slice(b, b + count) });
      b += count;
    } else {
      runs.push({ op: 'equal', old: oldTokens.slice(a, a + count), new: newTokens.slice(b, b + count) });
      a += count;
      b += count;
    }
  }
  return runs;
}

const sameKeys = (a: readonly Token[], b: readonly Token[]): boolean => a.length === b.length && a.every((token, i) => token.key === b[i]?.key);

/**
 * insert(A) equal(E) insert(B) where B ends with E reads as insert(A E B')
 * equal(E); where A starts with E, as equal(E) insert(A' E B). Same for
 * deletions. The texts are unchanged; only where the equal part sits moves.
 */
function slideEqualities(input: readonly Run[]): Run[] {
  const runs = [...input];
  for (let i = 1; i + 1 < runs.length; i++) {
    const [before, equal, after] = [runs[i - 1] as Run, runs[i] as Run, runs[i + 1] as Run];
    if (equal.op !== 'equal' || before.op === 'equal' || before.op !== after.op) continue;
    const side = before.op === 'insert' ? 'new' : 'old';
    const a = before[side];
    const b = after[side];
    const e = equal[side];
    const k = e.length;
    let merged: Run[] | undefined;
    if (b.length >= k && sameKeys(b.slice(b.length - k), e)) {
      const tokens = [...a, ...e, ...b.slice(0, b.length - k)];
      const kept = b.slice(b.length - k);
      merged = [
        { op: before.op, old: side === 'old' ? tokens : [], new: side === 'new' ? tokens : [] },
        { op: 'equal', old: side === 'old' ? kept : equal.old, new: side === 'new' ? kept : equal.new },
      ];
    } else if (a.length >= k && sameKeys(a.slice(0, k), e)) {
      const tokens = [...a.slice(k), ...e, ...b];
      const kept = a.slice(0, k);
      merged = [
        { op: 'equal', old: side === 'old' ? kept : equal.old, new: side === 'new' ? kept : equal.new },
        { op: before.op, old: side === 'old' ? tokens : [], new: side === 'new' ? tokens : [] },
      ];
    }
    if (!merged) continue;
    runs.splice(i - 1, 3, ...merged);
    i = Math.max(0, i - 2);
  }
  return mergeNeighbours(runs);
}

/**
 * An insertion (or deletion) that starts with whitespace, followed by equal
 * text starting with the same whitespace, is shifted by one token: the
 * whitespace before it becomes equal text and the one after it part of it.
 */
function startAtWords(input: readonly Run[]): Run[] {
  const runs = input.map((run) => ({ op: run.op, old: [...run.old], new: [...run.new] }));
  for (let i = 1; i + 1 < runs.length; i++) {
    const [before, change, after] = [runs[i - 1] as Run, runs[i] as Run, runs[i + 1] as Run];
    if (before.op !== 'equal' || after.op !== 'equal' || change.op === 'equal') continue;
    const side = change.op === 'insert' ? 'new' : 'old';
    const tokens = change[side];
    const first = tokens[0];
    if (!first || first.key !== ' ' || tokens.every((token) => token.key === ' ')) continue;
    if (after.old[0]?.key !== ' ' || after.new[0]?.key !== ' ') continue;
    const [afterOld, afterNew] = [after.old.shift() as Token, after.new.shift() as Token];
    // The change's first whitespace goes before it, on its own side; the other side's is the whitespace from after it.
    before.old.push(side === 'old' ? first : afterOld);
    before.new.push(side === 'new' ? first : afterNew);
    tokens.shift();
    tokens.push(side === 'new' ? afterNew : afterOld);
  }
  return runs.filter((run) => run.old.length > 0 || run.new.length > 0);
}

/** Neighbouring runs of the same kind as one. */
function mergeNeighbours(runs: readonly Run[]): Run[] {
  const result: Run[] = [];
  for (const run of runs) {
    const last = result[result.length - 1];
    if (last && last.op === run.op) result[result.length - 1] = { op: run.op, old: [...last.old, ...run.old], new: [...last.new, ...run.new] };
    else result.push(run);
  }
  return result;
}

const isChange = (run: Run | undefined): boolean => run !== undefined && run.op !== 'equal';
const hasBoth = (runs: readonly Run[], from: number, step: number): { deletes: boolean; inserts: boolean } => {
  const found = { deletes: false, inserts: false };
  for (let i = from; i >= 0 && i < runs.length && isChange(runs[i]); i += step) {
    if (runs[i]?.op === 'delete') found.deletes = true;
    else found.inserts = true;
  }
  return found;
};

/** An equal run of whitespace only, with replacements on both sides, becomes part of them. */
function absorbWhitespace(runs: readonly Run[]): Run[] {
  const result: Run[] = [];
  runs.forEach((run, i) => {
    const before = hasBoth(runs, i - 1, -1);
    const after = hasBoth(runs, i + 1, 1);
    const between = run.op === 'equal' && run.old.every((token) => token.key === ' ') && before.deletes && before.inserts && after.deletes && after.inserts;
    if (between) result.push({ op: 'delete', old: run.old, new: [] }, { op: 'insert', old: [], new: run.new });
    else result.push(run);
  });
  return result;
}

/** Within each stretch of changes, all deletions first, then all insertions. */
function groupChanges(runs: readonly Run[]): Run[] {
  const result: Run[] = [];
  let deletes: Token[] = [];
  let inserts: Token[] = [];
  const flush = (): void => {
    if (deletes.length) result.push({ op: 'delete', old: deletes, new: [] });
    if (inserts.length) result.push({ op: 'insert', old: [], new: inserts });
    deletes = [];
    inserts = [];
  };
  for (const run of runs) {
    if (run.op === 'delete') deletes = deletes.concat(run.old);
    else if (run.op === 'insert') inserts = inserts.concat(run.new);
    else {
      flush();
      result.push(run);
    }
  }
  flush();
  return result;
}
