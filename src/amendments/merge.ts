/**
 * A three-way merge of word tokens: the text a member edited is the
 * rendered text of a point (references as "point 2.4", acronyms spelled
 * out), while the amendment must be written in the point's source (with
 * `:ref{#id}`, `:cite{#id}`, Markdown). Base = the rendered text, ours = the
 * source, theirs = the member's text: the member's edits are carried into
 * the source wherever they do not touch what rendering changed; where they
 * do, the member's words win (nothing they wrote is lost) and the merge says
 * so.
 */
import { diffArrays } from 'diff';
import { tokenize } from '../diff/text/tokenize.js';

interface Hunk {
  start: number;
  end: number;
  tokens: string[];
  side: 'ours' | 'theirs';
}

function hunks(base: string[], other: string[], side: Hunk['side']): Hunk[] {
  const result: Hunk[] = [];
  let index = 0;
  let open: Hunk | undefined;
  for (const part of diffArrays(base, other)) {
    if (!part.added && !part.removed) {
      if (open) result.push(open);
      open = undefined;
      index += part.count ?? part.value.length;
      continue;
    }
    open ??= { start: index, end: index, tokens: [], side };
    if (part.removed) {
      index += part.count ?? part.value.length;
      open.end = index;
    } else open.tokens.push(...part.value);
  }
  if (open) result.push(open);
  return result;
}

export interface Merged {
  text: string;
  /** Whether an edit of the member's overlapped a difference between the rendered text and the source. */
  conflict: boolean;
}

export function merge3(base: string, ours: string, theirs: string, locale?: string): Merged {
  const tokens = (text: string) => tokenize(text, locale).map((t) => t.text);
  const b = tokens(base);
  const all = [...hunks(b, tokens(ours), 'ours'), ...hunks(b, tokens(theirs), 'theirs')].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: string[] = [];
  let cursor = 0;
  let conflict = false;
  let i = 0;
  while (i < all.length) {
    const group = [all[i]!];
    let end = all[i]!.end;
    let j = i + 1;
    // Hunks that overlap, touch at an insertion, or are separated by white space only are one edit.
    while (
      j < all.length &&
      (all[j]!.start < end ||
        (all[j]!.start === end && (all[j]!.start === all[j]!.end || group.some((h) => h.start === h.end))) ||
        b.slice(end, all[j]!.start).every((t) => t.trim() === ''))
    ) {
      group.push(all[j]!);
      end = Math.max(end, all[j]!.end);
      j++;
    }
    const start = group[0]!.start;
    out.push(...b.slice(cursor, start));
    const sides = new Set(group.map((h) => h.side));
    if (sides.size === 1) {
      out.push(...applyWithin(b, start, end, group));
    } else {
      const mine = group.filter((h) => h.side === 'ours');
      const theirs = group.filter((h) => h.side === 'theirs');
      const a = applyWithin(b, start, end, mine).join('');
      const t = applyWithin(b, start, end, theirs).join('');
      if (a !== t) conflict = true;
      out.push(t);
    }
    cursor = end;
    i = j;
  }
  out.push(...b.slice(cursor));
  return { text: out.join(''), conflict };
}

function applyWithin(base: string[], start: number, end: number, group: readonly Hunk[]): string[] {
  const out: string[] = [];
  let cursor = start;
  for (const h of [...group].sort((x, y) => x.start - y.start)) {
    out.push(...base.slice(cursor, h.start), ...h.tokens);
    cursor = Math.max(cursor, h.end);
  }
  out.push(...base.slice(cursor, end));
  return out;
}
