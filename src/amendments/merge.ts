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
  const blank = (tokens: readonly string[]) => tokens.every((t) => t.trim() === '');
  // The member's copy and the draft are read by different readers: a line break read as one or two
  // ("…jaźń.\n- item" or "…jaźń.\n\nitem") is not an edit of the member's, and must not outweigh the source's.
  // So is such a line break next to an edit of theirs ("forms:\nCountry" → "forms:\n\nMember State"): the edit is the words.
  const lineBreak = (token: string | undefined) => token !== undefined && token.trim() === '' && token.includes('\n');
  const push = (hunk: Hunk) => {
    if (side === 'theirs' && blank(hunk.tokens) && blank(base.slice(hunk.start, hunk.end))) return;
    if (side === 'theirs') {
      while (hunk.start < hunk.end && lineBreak(base[hunk.start]) && lineBreak(hunk.tokens[0])) hunk.start++, hunk.tokens.shift();
      while (hunk.start < hunk.end && lineBreak(base[hunk.end - 1]) && lineBreak(hunk.tokens[hunk.tokens.length - 1])) hunk.end--, hunk.tokens.pop();
    }
    result.push(hunk);
  };
  for (const part of diffArrays(base, other)) {
    if (!part.added && !part.removed) {
      if (open) push(open);
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
  if (open) push(open);
  return result;
}

/**
 * An amendment's text as one point's Markdown: the lines of a paragraph
 * joined with single spaces (as a soft line break reads), while a list, quote
 * or table that belongs to the point keeps its lines, on the line after the
 * paragraph's (which it interrupts: one point, without the blank line that
 * `amendments/one-point` refuses).
 */
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

export function pointMarkdown(text: string): string {
  const blocks: { text: string; plain: boolean }[] = [];
  // What starts a block (CommonMark, GFM), and what may start one on the line after a paragraph's
  // (a bullet, a quote, an ordered list from 1: "2018. május" on a paragraph's second line goes on with it).
  const starts = (line: string) => /^(?:[-*+>]|\d{1,9}[.)])(?: |$)|^\|/.test(line);
  // A table row interrupts one too when a delimiter row follows it (GFM, as remark reads it).
  const interrupts = (line: string, i: number, lines: readonly string[]) =>
    /^(?:[-*+]|1[.)]) \S|^>/.test(line) || (line.startsWith('|') && TABLE_DELIMITER.test(lines[i + 1] ?? ''));
  for (const block of text.trim().split(/\n[ \t]*\n\s*/)) {
    const raw = block.split('\n').map((line) => line.trimEnd());
    const lines = raw.map((line) => line.replace(/[ \t]+/g, ' ').trim());
    const at = starts(lines[0] ?? '') ? 0 : lines.findIndex(interrupts);
    const prose = lines.slice(0, at < 0 ? lines.length : at).join(' ');
    const last = blocks[blocks.length - 1];
    if (prose && last?.plain) last.text += ` ${prose}`;
    else if (prose) blocks.push({ text: prose, plain: true });
    // A list keeps its lines' indentation (a nested list is nested by it), relative to its first line's.
    if (at >= 0) {
      const indent = /^[ \t]*/.exec(raw[at]!)![0].length;
      blocks.push({
        text: raw
          .slice(at)
          .map((line) => line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length)))
          .join('\n'),
        plain: false,
      });
    }
  }
  return blocks.map((b) => b.text).join('\n');
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
  const merged = mergeHunks(b, all);
  if (merged.partial.length === 0) return { text: merged.text, conflict: merged.conflict };
  // A conflict on a part of a construct that spans several hunks (a link's `[`, the spelled-out words of an acronym
  // before its `(`, one `*` of an emphasis) cannot be settled where it is: the member's words are kept for its whole
  // line (a paragraph, list item or table row, which no such construct crosses), the source's other lines merged.
  const lines = merged.partial.map(([start, end]) => [lineStart(b, start), lineEnd(b, end)] as const);
  const kept = all.filter((h) => h.side === 'theirs' || !lines.some(([start, end]) => h.start >= start && h.end <= end));
  return { text: mergeHunks(b, kept).text, conflict: true };
}

/** Where the line of base token `index` starts: after the last line break before it. */
function lineStart(base: readonly string[], index: number): number {
  let at = index;
  while (at > 0 && !base[at - 1]!.includes('\n')) at--;
  return at;
}

/** Where the line of the base tokens before `index` ends: at the first line break from it. */
function lineEnd(base: readonly string[], index: number): number {
  let at = index;
  while (at < base.length && !base[at]!.includes('\n')) at++;
  return at;
}

/** Whether tokens hold whole constructs: every bracket closed, emphasis and code marks paired. */
function balanced(tokens: readonly string[]): boolean {
  const text = tokens.join('');
  const count = (c: string) => text.split(c).length - 1;
  return count('(') === count(')') && count('[') === count(']') && count('{') === count('}') && ['*', '~', '`'].every((c) => count(c) % 2 === 0);
}

/**
 * The hunks applied to the base, group by group; where the member's and the
 * source's edits conflict, the member's words (`partial`: the spans where the
 * source's edit there is part of a construct, whose other parts may be
 * applied elsewhere).
 */
function mergeHunks(b: readonly string[], all: readonly Hunk[]): { text: string; conflict: boolean; partial: [number, number][] } {
  const out: string[] = [];
  const partial: [number, number][] = [];
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
      if (keepsAttached(mine, theirs)) out.push(...applyWithin(b, start, end, [...mine, ...theirs]));
      else if (keepsTableFrame(b, mine, theirs)) out.push(...applyWithin(b, start, end, [...theirs, ...mine]));
      else {
        const t = applyWithin(b, start, end, theirs).join('');
        if (applyWithin(b, start, end, mine).join('') !== t) {
          conflict = true;
          if (mine.some((h) => !balanced(h.tokens) || !balanced(b.slice(h.start, h.end)))) partial.push([start, end]);
        }
        out.push(t);
      }
    }
    cursor = end;
    i = j;
  }
  out.push(...b.slice(cursor));
  return { text: out.join(''), conflict, partial };
}

/**
 * Whether the source's edits are only text attached to the word before (a
 * footnote mark `[^fn-x]` after a word or a full stop, which the rendered
 * text leaves out) that the member's edits leave in place: the member
 * rewrote that word, or added text after a space there ("…forms.[^fn-x]
 * They are many."). Then both are kept, each mark after the word it follows.
 * Not when the member replaced text on both sides of the mark, deleted the
 * word before it, or attached text of their own at the same place: the
 * member's words are kept and the merge says so.
 */
function keepsAttached(mine: readonly Hunk[], theirs: readonly Hunk[]): boolean {
  const spaced = (tokens: readonly string[]) => /^\s/.test(tokens.join(''));
  return mine.every(
    (m) =>
      m.start === m.end &&
      m.tokens.length > 0 &&
      !spaced(m.tokens) &&
      theirs.every((t) => {
        if (t.start < m.start && m.start < t.end) return false;
        if (t.end === m.start && t.start < t.end) return t.tokens.length > 0 && t.tokens[t.tokens.length - 1]!.trim() !== '';
        return !(t.start === m.start && t.start === t.end && !spaced(t.tokens));
      }),
  );
}

/** A table row's frame as the source writes it and the rendered text leaves it out: pipes, a delimiter row, line breaks. */
const FRAME = /^[\s|:-]*$/;

/**
 * Whether the source's edits are only a table's frame (the outer pipes of
 * its rows and its delimiter row: the rendered text gives a row as "Italy |
 * 12") next to edits of the member's that replace none of its text: the
 * member rewrote a cell's words up to a row's end or start. Then both are
 * kept, the member's words inside the row (before the last row's closing
 * pipe, which the source adds where the member adds words too).
 */
function keepsTableFrame(base: readonly string[], mine: readonly Hunk[], theirs: readonly Hunk[]): boolean {
  return mine.every((m) => {
    const frame = m.tokens.join('');
    return (
      frame.includes('|') &&
      FRAME.test(frame) &&
      FRAME.test(base.slice(m.start, m.end).join('')) &&
      theirs.every((t) => (t.start === t.end && m.start === m.end && t.start === m.start ? /^[ \t]*\|$/.test(frame) : !(t.start < m.end && m.start < t.end)))
    );
  });
}

function applyWithin(base: readonly string[], start: number, end: number, group: readonly Hunk[]): string[] {
  const out: string[] = [];
  let cursor = start;
  // At one place an insertion comes before a replacement: the member's words at a row's end, then the source's frame.
  for (const h of [...group].sort((x, y) => x.start - y.start || x.end - y.end)) {
    out.push(...base.slice(cursor, h.start), ...h.tokens);
    cursor = Math.max(cursor, h.end);
  }
  out.push(...base.slice(cursor, end));
  return out;
}
