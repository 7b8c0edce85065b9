/**
 * A member's copy whose point gained or lost a list item or a table row ("a
 * new indent"). The draft reader gives the member's point as blocks (its
 * paragraph, list items, table rows); the draft's point, rendered from the
 * source, keeps the source's line breaks, so its lines are grouped by the
 * source's blocks. Each block of the draft is matched with the member's: one
 * they edited is carried into its block of the source by the three-way merge
 * (merge.ts), one they deleted takes its block with it, and one they added
 * becomes a block shaped as its neighbour in the source (the same list marker
 * and indentation, or a table row). A new paragraph (a point is one
 * paragraph: a new one needs its own number), a block beside none of its kind
 * or a row above a table's header is not carried: undefined.
 */
import { diffArrays } from 'diff';
import type { List, RootContent, Table } from 'mdast';
import type { DraftBlock } from '../core/draft.js';
import { parseMarkdown } from '../core/markdown.js';
import { merge3, type Merged } from './merge.js';

/** A block of the point's source: a paragraph, a list item or a table row. */
interface Unit {
  kind: 'paragraph' | 'item' | 'row';
  /** The list's depth (0: not nested), for items. */
  depth: number;
  /** What the draft shows of it: [start, end) in the source. */
  start: number;
  end: number;
  /** What stands before it on its line (a list marker and its indentation). */
  prefix: string;
  /** Where its line starts and ends in the source (the end before the line break). */
  lineStart: number;
  lineEnd: number;
}

function unitsOf(source: string): Unit[] | undefined {
  const units: Unit[] = [];
  const lineStartOf = (offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
  const lineEndOf = (offset: number) => (source.indexOf('\n', offset) + 1 || source.length + 1) - 1;
  const add = (kind: Unit['kind'], depth: number, start: number, end: number) => {
    const lineStart = lineStartOf(start);
    units.push({ kind, depth, start, end, prefix: source.slice(lineStart, start), lineStart, lineEnd: lineEndOf(end) });
  };
  const list = (node: List, depth: number): boolean =>
    node.children.every((item) => {
      const [first, ...rest] = item.children;
      if (first?.type !== 'paragraph' || !rest.every((child) => child.type === 'list')) return false;
      add('item', depth, first.position!.start.offset!, first.position!.end.offset!);
      return rest.every((child) => list(child as List, depth + 1));
    });
  const table = (node: Table) => {
    for (const row of node.children) {
      const text = source.slice(row.position!.start.offset!, row.position!.end.offset!);
      // A row's cells, without the pipes at its edges.
      const inner = /^\|?\s*(.*?)\s*\|?$/.exec(text)!;
      const start = row.position!.start.offset! + text.indexOf(inner[1]!);
      add('row', 0, start, start + inner[1]!.length);
    }
  };
  for (const node of parseMarkdown(source).children as RootContent[]) {
    if (node.type === 'paragraph') add('paragraph', 0, node.position!.start.offset!, node.position!.end.offset!);
    else if (node.type === 'list') {
      if (!list(node, 0)) return undefined;
    } else if (node.type === 'table') table(node);
    else if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return undefined;
  }
  return units;
}

const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const oneLine = (text: string) => text.trim().replace(/\s*\n\s*/g, ' ');

/** A block of the member's point: its text on one line, its kind and its depth in a list. */
export interface Block {
  text: string;
  kind: DraftBlock['kind'];
  ordered?: boolean;
  depth: number;
}

/** The blocks of a point as the draft reader gave them (a point of one block has none listed). */
export function pointBlocks(text: string, blocks: readonly DraftBlock[] = [{ offset: 0, kind: 'paragraph' }]): Block[] {
  return blocks.map((block, i) => {
    const raw = text.slice(block.offset, blocks[i + 1]?.offset ?? text.length).replace(/^\n+/, '');
    return { text: oneLine(raw), kind: block.kind, ordered: block.ordered, depth: Math.floor(/^ */.exec(raw)![0].length / 2) };
  });
}

/** The draft's text of each block of the source, on one line; undefined when the lines do not add up. */
function draftedBlocks(base: string, units: readonly Unit[], source: string): string[] | undefined {
  const lines = linesOf(base);
  const out: string[] = [];
  let at = 0;
  for (const unit of units) {
    const count = source.slice(unit.start, unit.end).split('\n').length;
    out.push(oneLine(lines.slice(at, at + count).join('\n')));
    at += count;
  }
  return at === lines.length ? out : undefined;
}

/**
 * The member's text of a point carried into its source: `base` is the point
 * as the draft rendered it, `theirs` the member's point with its blocks.
 * With as many blocks as the source, the words are merged over the whole
 * text (merge.ts); with blocks added or deleted, block by block.
 */
export function mergeBlocks(base: string, source: string, theirs: { text: string; blocks?: DraftBlock[] }, locale?: string): Merged | undefined {
  const units = unitsOf(source);
  const mine = pointBlocks(theirs.text, theirs.blocks);
  if (units ? units.length === mine.length : mine.length <= linesOf(base).length) return merge3(base, source, theirs.text, locale);
  const old = units && draftedBlocks(base, units, source);
  if (!units || !old) return undefined;
  /** Edits of the source: [start, end, text]. */
  const edits: [number, number, string][] = [];
  let conflict = false;
  /** Blocks the member added after unit `at - 1`, shaped as a neighbour of their kind; false when none fits. */
  const insert = (at: number, blocks: readonly Block[]): boolean => {
    const before = units[at - 1];
    let text = '';
    for (const block of blocks) {
      const item =
        units.slice(0, at).findLast((u) => u.kind === 'item' && u.depth === block.depth) ??
        units.slice(at).find((u) => u.kind === 'item' && u.depth === block.depth);
      if (block.kind === 'row' && before?.kind === 'row') text += `\n${/^\s*/.exec(before.prefix)![0]}| ${block.text} |`;
      else if (block.kind === 'item' && item && (before?.kind === 'item' || units[at]?.kind === 'item')) text += `\n${item.prefix}${block.text}`;
      else return false;
    }
    if (before?.kind === 'row' && units[at - 2]?.kind !== 'row') {
      // After a table's header row: below the delimiter row under it.
      const end = source.indexOf('\n', before.lineEnd + 1);
      edits.push([end < 0 ? source.length : end, end < 0 ? source.length : end, text]);
    } else if (before?.kind === 'row' || before?.kind === 'item') edits.push([before.lineEnd, before.lineEnd, text]);
    // Before the first item of a list, right after the paragraph.
    else edits.push([units[at]!.lineStart, units[at]!.lineStart, `${text.slice(1)}\n`]);
    return true;
  };
  let i = 0;
  let j = 0;
  let removed = 0;
  let added = 0;
  /** The blocks removed and added since the last unchanged one: paired as edits, the rest deleted or inserted. */
  const settle = (): boolean => {
    const paired = Math.min(removed, added);
    for (let k = 0; k < removed; k++) {
      const unit = units[i + k]!;
      if (k >= paired) edits.push([unit.lineStart, Math.min(unit.lineEnd + 1, source.length), '']);
      else {
        const merged = merge3(old[i + k]!, source.slice(unit.start, unit.end), mine[j + k]!.text, locale);
        conflict ||= merged.conflict;
        edits.push([unit.start, unit.end, merged.text]);
      }
    }
    const fits = added <= paired || insert(i + removed, mine.slice(j + paired, j + added));
    i += removed;
    j += added;
    removed = added = 0;
    return fits;
  };
  for (const part of diffArrays(
    old,
    mine.map((block) => block.text),
  )) {
    const count = part.count ?? part.value.length;
    if (part.added) added += count;
    else if (part.removed) removed += count;
    else {
      if (!settle()) return undefined;
      i += count;
      j += count;
    }
  }
  if (!settle()) return undefined;
  let text = source;
  for (const [start, end, value] of edits.sort((x, y) => y[0] - x[0])) text = text.slice(0, start) + value + text.slice(end);
  return { text, conflict };
}

/**
 * A new point of several blocks as Markdown: its paragraph, then its list
 * items (bullets or numbers as the member's, nested by their depth) or its
 * table (the first row its header); undefined for anything else (a second
 * paragraph needs its own number).
 */
export function newPointMarkdown(blocks: readonly Block[]): string | undefined {
  const [first, ...rest] = blocks;
  if (first?.kind !== 'paragraph') return undefined;
  const lines = [first.text];
  if (rest.every((block) => block.kind === 'row')) {
    const cells = (block: Block) => `| ${block.text} |`;
    lines.push(
      ...rest.slice(0, 1).map(cells),
      ...rest.slice(0, 1).map(
        (block) =>
          block.text
            .split(' | ')
            .map(() => '| ---')
            .join(' ') + ' |',
      ),
      ...rest.slice(1).map(cells),
    );
    return lines.join('\n');
  }
  /** The indentation of each depth (the content column of the item above it), and the items so far at each. */
  const indents = [''];
  const counts: number[] = [];
  for (const block of rest) {
    if (block.kind !== 'item' || block.depth >= indents.length) return undefined;
    indents.length = block.depth + 1;
    counts.length = block.depth + 1;
    counts[block.depth] = (counts[block.depth] ?? 0) + 1;
    const marker = block.ordered ? `${counts[block.depth]}. ` : '- ';
    lines.push(`${indents[block.depth]}${marker}${block.text}`);
    indents.push(indents[block.depth] + ' '.repeat(marker.length));
  }
  return lines.join('\n');
}
