/**
 * The sheet's Markdown, written directly where remark-stringify would write
 * the text as it is, and by remark-stringify itself everywhere else: the
 * same bytes, without the library's traversal of 300 two-column tables (a
 * quarter of the sheet's run).
 *
 * Each block of the sheet (heading, paragraph, table) is written here when
 * every piece of it is plain: texts of letters, digits, spaces and common
 * punctuation (no character that any escape pattern of the library's
 * `unsafe` list looks at in these constructs, nothing a GFM autolink could
 * start with, no line break), each strong, emphasis or strikethrough holding
 * one such text whose edges need no character reference (CommonMark's
 * flanking rules, as `encodeInfo` and the attention check of
 * mdast-util-to-markdown apply them), never two of the same marker side by
 * side. Any other block goes to the library, alone: the library writes the
 * blocks of a document one after another, separated by a blank line, each
 * from the start of a line. The tables' lines are laid out by markdown-table,
 * as the library's GFM table handler does (`tablePipeAlign: false`).
 * test/amendments/sheet-markdown.test.ts holds this to the library on
 * written, random and real sheets.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { markdownTable } from 'markdown-table';
import { characterClass } from '../core/inline-syntax.js';

/** Characters none of the library's escape patterns looks at in phrasing, table cells or headings. */
const PLAIN = /^[\p{L}\p{N}\p{M} ,.;:?!'"’‘“”«»„‚–—…%()°€£$§+=/-]+$/u;
/** GFM autolink literals (`www.`, `http://`, `a@b`) are escaped by the library: left to it. */
const AUTOLINK = /[Ww]\.[-.\w]|:\/|@/;
/** A paragraph's first text starts a line: only where no block construct can start. */
const LINE_START = /^(?:[\p{L}(‘“"'„«]|\p{N}(?!\p{N}*[.)]))/u;

/** The class of a character for CommonMark's flanking rules, as the readers know it ('': none, the edge of the text). */
const kind = (character: string) => characterClass(character === '' ? undefined : character);

/** An attention marker between `outside` and `inside` opens or closes as written, with no character reference. */
function flanks(outside: string, inside: string): boolean {
  const innerKind = kind(inside);
  return innerKind === 0 || (innerKind === 2 && kind(outside) !== 0);
}

const SEQUENCES: Partial<Record<PhrasingContent['type'], string>> = { strong: '**', emphasis: '*', delete: '~~' };

/** What a piece is written as, when it is written as it is; undefined when the library must write it. */
function piece(node: PhrasingContent): string | undefined {
  if (node.type === 'text') return PLAIN.test(node.value) ? node.value : undefined;
  if (node.type === 'html') return node.value === '<br>' || node.value === '<br><br>' ? node.value : undefined;
  return undefined;
}

/**
 * Phrasing content written between `before` and `after` (the characters
 * around it), or undefined when the library must write it. `lineStart`: the
 * content starts a line (a paragraph).
 */
function phrasing(nodes: readonly PhrasingContent[], before: string, after: string, lineStart: boolean): string | undefined {
  const parts: { value: string; sequence?: string }[] = [];
  for (const node of nodes) {
    const sequence = SEQUENCES[node.type];
    if (sequence) {
      const children = (node as { children: PhrasingContent[] }).children;
      if (children.length !== 1 || children[0]!.type !== 'text') return undefined;
      const value = piece(children[0]!);
      if (value === undefined) return undefined;
      parts.push({ value, sequence });
    } else {
      const value = piece(node);
      if (value === undefined) return undefined;
      parts.push({ value });
    }
  }
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const { value, sequence } = parts[i]!;
    if (!sequence) {
      out += value;
      continue;
    }
    const previous = i === 0 ? before : (parts[i - 1]!.sequence ?? parts[i - 1]!.value);
    const next = i === parts.length - 1 ? after : (parts[i + 1]!.sequence ?? parts[i + 1]!.value);
    // Two markers of one kind side by side (or the context's) make the library choose others.
    if (previous.endsWith(sequence[0]!) || next.startsWith(sequence[0]!)) return undefined;
    if (!flanks(previous.slice(-1), value[0]!) || !flanks(next[0] ?? '', value.slice(-1))) return undefined;
    out += sequence + value + sequence;
  }
  if (out === '' || AUTOLINK.test(out) || /[\uD800-\uDFFF]/.test(out)) return undefined;
  // Whitespace next to a line ending is encoded by the library, and a line's first character may start a block.
  if (lineStart && !parts[0]!.sequence && !LINE_START.test(out)) return undefined;
  if ((before.endsWith('\n') && /^\s/.test(out)) || (after.startsWith('\n') && /\s$/.test(out))) return undefined;
  return out;
}

function heading(node: Heading): string | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  // Whitespace at either end of a heading is encoded by the library.
  if (only?.type !== 'text' || /^\s|\s$/.test(only.value)) return undefined;
  const value = phrasing(node.children, '# ', '\n', false);
  return value === undefined ? undefined : `${'#'.repeat(Math.max(1, Math.min(6, node.depth)))} ${value}`;
}

function table(node: Table): string | undefined {
  const columns = node.align?.length ?? 0;
  const matrix: string[][] = [];
  for (const row of node.children) {
    const cells: string[] = [];
    for (const cell of row.children) {
      // An empty cell is written empty.
      const value = cell.children.length === 0 ? '' : phrasing(cell.children, ' ', ' ', false);
      if (value === undefined) return undefined;
      cells.push(value);
    }
    matrix.push(cells);
  }
  if (columns === 0 || matrix.some((cells) => cells.length !== columns)) return undefined;
  return markdownTable(matrix, { align: node.align ?? null, alignDelimiters: false, fillRows: false, padding: true });
}

function block(node: RootContent): string | undefined {
  if (node.type === 'heading') return heading(node);
  if (node.type === 'paragraph') return (node as Paragraph).children.length === 0 ? undefined : phrasing(node.children, '\n', '\n', true);
  if (node.type === 'table') return table(node);
  return undefined;
}

/** A block as the library writes it in a document: followed by a known one, which is then cut off (with its blank line). */
const END: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'end' }] };
function byLibrary(node: RootContent, library: (root: Root) => string): string {
  const value = library({ type: 'root', children: [node, END] });
  if (!value.endsWith('\n\nend\n')) throw new Error('unexpected Markdown of the library: expected a blank line between two blocks');
  return value.slice(0, -'\n\nend\n'.length);
}

/** The Markdown of a sheet's tree: `library` writes a document (a root) as remark-stringify does. */
export function writeSheetMarkdown(tree: Root, library: (root: Root) => string): string {
  const value = tree.children.map((node) => block(node) ?? byLibrary(node, library)).join('\n\n');
  // The library ends a document with a line ending.
  return value === '' || value.endsWith('\n') || value.endsWith('\r') ? value : `${value}\n`;
}
