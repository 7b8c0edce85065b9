/**
 * Parsing Markdown quickly, and in pieces, so that time grows with the length
 * of the text and not with its square; the tree is remark's tree of the whole
 * text, positions included.
 *
 * The blocks of the plain subset (./markdown-fast.ts) are read without
 * micromark; remark parses the pieces around the others. And micromark
 * (under remark-parse) rewrites the whole list of events of a document each
 * time a container closes — a footnote definition, a list, a quote
 * (`document.js`: `EditMap.consume(self.events)`): a chapter of 20,000
 * footnotes took minutes. A Markdown document is a sequence of top-level
 * blocks, and a line that starts at column 0 after a blank line, outside a
 * fenced code block, an HTML block that spans blank lines or a `:::`
 * container, and that is not a list item or a quote, starts a new one that
 * nothing before it can continue. What remark reads is cut there into pieces
 * of about `PIECE` characters; each is parsed on its own and the trees are
 * joined, positions shifted to the whole text's. Link and footnote
 * definitions are the one thing a block sees of another: for a piece that
 * refers to a label defined in another piece, a definition of that label is
 * appended to the piece for the parse, and its node dropped from the tree.
 *
 * test/robustness/chunks.test.ts compares the joined tree with remark's on
 * the samples and on generated documents, test/core/markdown-fast.test.ts on
 * generated texts.
 */
import type { Nodes, Root, RootContent, Table } from 'mdast';
import { fastReader, type FastReader } from './markdown-fast.js';
import { pointAt } from './line-index.js';
import { markdownIdentifier } from './markdown-syntax.js';

/** About this many characters per piece: small enough for the quadratic corner to stay cheap, large enough for few pieces. */
const PIECE = 16_384;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DIRECTIVE = /^ {0,3}(:{3,})[ \t]*([A-Za-z][\w-]*)?/;
const HTML_SPANNING: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** A line that may continue what is before it even after a blank line: indented, a quote, a list item. */
const CONTINUES = /^(?:[ \t]|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const LABEL = /\[((?:[^[\]\\]|\\.){1,999})\]/g;

/** Where the text can be cut: the start of a line, and for a cut between the rows of a table, the table's first two lines. */
export interface Cut {
  offset: number;
  /** The header and delimiter rows (each with its line ending), parsed before the rows of a piece cut out of a table. */
  table?: string;
}

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const ROW = /^ {0,3}\|/;

/** Where `text` can be cut into pieces of about `piece` characters that parse on their own. */
export function cutPoints(text: string, piece = PIECE): Cut[] {
  const cuts: Cut[] = [];
  let last = 0;
  for (const cut of cutsAfter(text, 0)) {
    if (cut.offset - last < piece) continue;
    cuts.push(cut);
    last = cut.offset;
  }
  return cuts;
}

/** A line where a fence, an HTML block or a `:::` container may open or close. */
const OPENS = /^ {0,3}[`~<:]/;

/** Every place after `from` (a line start where remark can start afresh) where the text can be cut, in order. */
function* cutsAfter(text: string, from: number): Generator<Cut> {
  let fence: { char: string; length: number } | undefined;
  let html: RegExp | undefined;
  const directives: number[] = [];
  /** A table that started after a blank line and whose lines all start with `|` so far. */
  let table: string | undefined;
  let tableRows = 0;
  let previousBlank = true;
  let offset = from;
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end);
    const blank = line.trim() === '';
    const outside = fence === undefined && html === undefined && directives.length === 0;
    if (blank) table = undefined;
    else if (table !== undefined) {
      if (!ROW.test(line)) table = undefined;
      else if (++tableRows > 2) yield { offset, table };
    } else if (previousBlank && outside && !CONTINUES.test(line)) {
      if (offset > from) yield { offset };
      const next = text.indexOf('\n', end + 1);
      const second = text.slice(end + 1, next === -1 ? text.length : next);
      if (ROW.test(line) && DELIMITER_ROW.test(second) && second.includes('|')) {
        table = `${line}\n${second}\n`;
        tableRows = 0;
      }
    }
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
    } else if (html) {
      if (html.test(line)) html = undefined;
    } else if (OPENS.test(line)) {
      const open = FENCE.exec(line);
      if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) fence = { char: open[1]![0]!, length: open[1]!.length };
      else {
        const spanning = HTML_SPANNING.find(([start]) => start.test(line));
        if (spanning && !spanning[1].test(line.slice(line.indexOf('<') + 2))) html = spanning[1];
        const directive = DIRECTIVE.exec(line);
        if (directive) {
          if (directive[2]) directives.push(directive[1]!.length);
          else if (directives.length > 0 && directive[1]!.length >= directives.at(-1)! && line.slice(directive[0].length).trim() === '') directives.pop();
        }
      }
    }
    previousBlank = blank;
    offset = end + 1;
  }
}

/** Whether remark can start afresh at the line start `offset`, all blocks before it closed: the text's start, or a line after a blank line that cannot continue what is before. */
function fresh(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const end = text.indexOf('\n', offset);
  return text.slice(text.lastIndexOf('\n', offset - 2) + 1, offset - 1).trim() === '' && !CONTINUES.test(text.slice(offset, end === -1 ? text.length : end));
}

interface Group {
  start: number;
  part: string;
  /** The table's first two lines, for a group that goes on with the rows of the previous group's table. */
  table: string;
  tree: Root;
  /** Whether ./markdown-fast.ts gave the tree (positions already in the whole text; its footnote calls to check). */
  fast: boolean;
  defined: Set<string>;
}

export interface PieceOptions {
  /** About this many characters per piece that `parse` reads. */
  piece?: number;
  /** Read the blocks of the subset with ./markdown-fast.ts (with or without directives), `parse` taking the pieces it refuses; without: `parse` alone. */
  fast?: { directives: boolean };
}

/**
 * The tree of `text` as `parse` gives it, parsing pieces of about `PIECE`
 * characters (see above); short texts whole. With `fast`, the blocks that
 * ./markdown-fast.ts reads are not parsed again: `parse` gets the pieces
 * around the others (a draft with one table: that table and its neighbours).
 */
export function parseInPieces(text: string, parse: (text: string) => Root, options: PieceOptions = {}): Root {
  const piece = options.piece ?? PIECE;
  // The blocks of the fast reader, and the stretches it refuses, each from a place where remark can start afresh to
  // the next place where the text can be cut after the block refused.
  const blocks: RootContent[] = [];
  const refused: [number, number][] = [];
  let reader: FastReader | undefined;
  if (options.fast) {
    reader = fastReader(text, options.fast);
    for (let line = 0; line < reader.starts.length - 1; ) {
      const read = reader.read(line);
      for (const child of read.children) blocks.push(child);
      if (read.refused === undefined) break;
      const at = reader.starts[read.refused]!;
      let start = at;
      while (!fresh(text, start)) start = blocks.pop()?.position!.start.offset! ?? 0;
      let end = text.length;
      for (const cut of cutsAfter(text, start))
        if (cut.offset > at && !cut.table) {
          end = cut.offset;
          break;
        }
      if (refused.length > 0 && refused.at(-1)![1] >= start) refused.at(-1)![1] = end;
      else refused.push([start, end]);
      if (end === text.length) break;
      line = pointAt(reader.starts, end).line - 1;
    }
    if (refused.length === 0) return { type: 'root', children: blocks, position: wholeSpan(text) };
  } else if (text.length < 2 * piece) return parse(text);
  else refused.push([0, text.length]);
  // First each piece alone: the fast reader's blocks between the stretches it refused, and in those, pieces of
  // about `piece` characters. A piece is joined to the one before when that one ends with a block that could run on
  // (a fenced code, an HTML block or a `:::` container the line scan may have misjudged), or when it was cut from a
  // table that the parse does not confirm.
  const groups: Group[] = [];
  const join = (group: Group, part: string) => {
    group.part += part;
    group.tree = parse(group.table + group.part);
    group.fast = false;
    group.defined = definitions(group.tree);
  };
  const add = (start: number, part: string, table: string, tree?: Root) => {
    const previous = groups.at(-1);
    if (previous && !previous.fast && runsOn(previous.tree)) return join(previous, part);
    if (tree) {
      // The fast reader's footnote definitions are at the top.
      const defined = new Set(tree.children.flatMap((child) => (child.type === 'footnoteDefinition' ? [`^${child.identifier}`] : [])));
      return groups.push({ start, part, table, tree, fast: true, defined });
    }
    tree = parse(table + part);
    if (table !== '' && !(previous?.tree.children.at(-1)?.type === 'table' && continuesTable(tree, table))) return join(previous!, part);
    groups.push({ start, part, table, tree, fast: false, defined: definitions(tree) });
  };
  let next = 0;
  let b = 0;
  const blocksBefore = (end: number): Root => {
    const first = b;
    while (b < blocks.length && blocks[b]!.position!.start.offset! < end) b++;
    return { type: 'root', children: blocks.slice(first, b) };
  };
  for (const [from, to] of refused) {
    if (from > next) add(next, text.slice(next, from), '', blocksBefore(from));
    let start = from;
    let table = '';
    for (const cut of cutsAfter(text, from)) {
      if (cut.offset >= to) break;
      if (cut.offset - start < piece) continue;
      add(start, text.slice(start, cut.offset), table);
      start = cut.offset;
      table = cut.table ?? '';
    }
    add(start, text.slice(start, to), table);
    next = to;
  }
  if (next < text.length) add(next, text.slice(next), '', blocksBefore(text.length));
  const everywhere = new Set<string>();
  for (const group of groups) for (const label of group.defined) everywhere.add(label);
  const children: RootContent[] = [];
  // The fast reader refuses links, and takes a footnote call when a line of the text defines its label: its blocks stand
  // when every such label is defined indeed. Other pieces are parsed again, after definitions of the labels they refer
  // to that other pieces define.
  const stand = reader !== undefined && [...reader.called].every((label) => everywhere.has(`^${label}`));
  let line = 0;
  for (const group of groups) {
    if (reader) line = pointAt(reader.starts, group.start).line - 1;
    if (group.fast && stand) {
      for (const child of group.tree.children) children.push(child);
      continue;
    }
    const missing = new Set<string>();
    for (const match of group.part.matchAll(LABEL)) {
      const label = identifier(match[1]!);
      if (everywhere.has(label) && !group.defined.has(label)) missing.add(label);
    }
    let tree = group.tree;
    let stubs = '';
    if (missing.size > 0 || group.fast) {
      // The comment ends the last definition, so that an indented first line does not continue it.
      stubs = `${[...missing].map((label) => `[${label}]: #\n\n`).join('')}<!-- -->\n\n`;
      tree = parse(stubs + group.table + group.part);
    }
    const prefix = stubs.length + group.table.length;
    const prefixLines = countLines(stubs) + countLines(group.table);
    let rows = group.table !== '';
    for (const child of tree.children) {
      if ((child.position?.start.offset ?? 0) < stubs.length) continue;
      shift(child, line - prefixLines, group.start - prefix);
      if (rows && child.type === 'table') {
        // The rows go on the table of the previous piece (the repeated header row is left out).
        const table = children.at(-1) as Table;
        table.children.push(...child.children.slice(1));
        if (table.position && child.position) table.position.end = child.position.end;
      } else children.push(child);
      rows = false;
    }
    line += countLines(group.part);
  }
  return { type: 'root', children, position: wholeSpan(text) };
}

/** Whether the tree of a piece cut from a table (`table`, its first lines, before the piece's rows) starts with that table, going on through the piece. */
function continuesTable(tree: Root, table: string): boolean {
  const first = tree.children[0];
  return first?.type === 'table' && first.position?.start.offset === 0 && (first.position.end.offset ?? 0) > table.length;
}

const RUNS_ON = new Set(['code', 'html', 'containerDirective']);

/** Whether `tree` ends with a block that could run on (also inside the list item or quote it ends with). */
function runsOn(tree: Root): boolean {
  for (let node: Nodes | undefined = tree.children.at(-1); node; node = 'children' in node ? (node.children.at(-1) as Nodes | undefined) : undefined)
    if (RUNS_ON.has(node.type)) return true;
  return false;
}

/** How mdast identifies the label of a reference; a footnote's keeps its `^`. */
const identifier = markdownIdentifier;

/** The labels `tree` defines (links as `label`, footnotes as `^label`), wherever they are. */
function definitions(tree: Root): Set<string> {
  const labels = new Set<string>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') labels.add(node.identifier);
    else if (node.type === 'footnoteDefinition') labels.add(`^${node.identifier}`);
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return labels;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function wholeSpan(text: string): Root['position'] {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: countLines(text) + 1, column: text.length - text.lastIndexOf('\n'), offset: text.length } };
}

/** Move every position under `node` down `lines` lines and on `offset` characters (pieces start at a line's start, so columns stay). */
function shift(node: Nodes, lines: number, offset: number): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position) {
      position.start = { ...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset };
      position.end = { ...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset };
    }
    if ('children' in current) for (const child of current.children as Nodes[]) stack.push(child);
  }
}
