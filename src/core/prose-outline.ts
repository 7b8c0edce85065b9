/**
 * The outline of a chapter's Markdown that validation and the text model
 * read: the top-level blocks (headings, paragraphs, footnote and link
 * definitions, the rest as `other`) and the text directives (`:ref`,
 * `:cite`…), at remark's positions. Read from remark's tree (./markdown.ts),
 * which is cheap for the plain blocks most chapters are made of
 * (./markdown-fast.ts) and exact for the others.
 */
import type { Nodes, Root } from 'mdast';
import type { Position } from './model.js';
import { codeSpanAt, FOOTNOTE_CALL, readTextDirective } from './inline-syntax.js';
import { LineIndex } from './line-index.js';
import { isHtmlComment, isSafeUrl } from './source-safety.js';

export interface OutlineBlock {
  type: 'heading' | 'paragraph' | 'footnoteDefinition' | 'definition' | 'other';
  position: Position;
  /** Headings: 1–6. */
  depth?: number;
  /** Footnote definitions: the label, normalised as remark does (lower case). */
  label?: string;
  /** Paragraphs and headings: the text of the first line as written (for `{#id}` markers). */
  firstLine?: string;
  /** Headings: where the heading's text ends (before a closing `#` sequence). */
  contentEnd?: { line: number; column: number };
  /** Headings: the heading's text as written (without `#` marks). */
  content?: string;
  /** Other blocks: remark's type of the block (`list`, `blockquote`, `table`, `code`, `leafDirective`…). */
  node?: string;
  /** Leaf directives (`::principles`): the name. */
  name?: string;
}

export interface OutlineDirective {
  name: string;
  /** `#id` or `id=…` attribute; undefined when absent. */
  id?: string;
  position: Position;
}

/** A footnote call `[^label]`: `defined` when the file defines the label (remark reads a call only then). */
export interface OutlineFootnoteCall {
  /** The label as written. */
  label: string;
  defined: boolean;
  position: Position;
}

export interface ProseOutline {
  blocks: OutlineBlock[];
  directives: OutlineDirective[];
  footnoteCalls: OutlineFootnoteCall[];
  /**
   * Whether the tree holds what a draft leaves out or changes (`source-safety.ts`
   * says what, at its place): raw HTML other than a comment, an image, a link
   * whose scheme is not http(s) or mailto, a reference-style link or its
   * definition, a table row longer than its header.
   */
  unsafe: boolean;
}

/** The outline of `text`, from its tree (./markdown.ts). */
export function outlineProse(text: string, tree: Root): ProseOutline {
  const at = (point: { line: number; column: number }) => ({ line: point.line, column: point.column });
  const blocks = tree.children.map((node): OutlineBlock => {
    const { start, end } = node.position!;
    const position = { start: at(start), end: at(end) };
    const firstLine = () =>
      text.slice(start.offset, Math.max(start.offset!, text.indexOf('\n', start.offset) === -1 ? text.length : text.indexOf('\n', start.offset)));
    if (node.type === 'heading') {
      const first = node.children[0]?.position;
      const last = node.children.at(-1)?.position;
      const content = first && last ? text.slice(first.start.offset, last.end.offset) : '';
      return { type: 'heading', depth: node.depth, position, content, firstLine: firstLine(), contentEnd: at(last?.end ?? end) };
    }
    if (node.type === 'paragraph') return { type: 'paragraph', position, firstLine: firstLine() };
    if (node.type === 'footnoteDefinition') return { type: 'footnoteDefinition', position, label: node.identifier };
    if (node.type === 'definition') return { type: 'definition', position };
    return { type: 'other', position, node: node.type, ...(node.type === 'leafDirective' ? { name: node.name } : {}) };
  });
  const directives: OutlineDirective[] = [];
  const footnoteCalls: OutlineFootnoteCall[] = [];
  let unsafe = false;
  let lines: LineIndex | undefined;
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    unsafe ||= isUnsafe(node);
    if (node.type === 'footnoteReference') {
      footnoteCalls.push({ label: node.label ?? node.identifier, defined: true, position: { start: at(node.position!.start), end: at(node.position!.end) } });
    } else if (node.type === 'text' && node.value.includes('[^')) {
      const { start, end } = node.position!;
      const raw = text.slice(start.offset, end.offset);
      for (const match of raw.matchAll(FOOTNOTE_CALL)) {
        const from = start.offset! + match.index;
        lines ??= new LineIndex(text);
        footnoteCalls.push({ label: match[1]!, defined: false, position: { start: lines.point(from), end: lines.point(from + match[0].length) } });
      }
    } else if (node.type === 'textDirective') {
      const id = node.attributes?.id;
      directives.push({
        name: node.name,
        ...(typeof id === 'string' ? { id } : {}),
        position: { start: at(node.position!.start), end: at(node.position!.end) },
      });
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return { blocks, directives, footnoteCalls, unsafe };
}

/** What `makeSafe` removes, changes or reports (see `ProseOutline.unsafe`). */
function isUnsafe(node: Nodes): boolean {
  switch (node.type) {
    case 'html':
      return !isHtmlComment(node.value);
    case 'image':
    case 'imageReference':
    case 'linkReference':
    case 'definition':
      return true;
    case 'link':
      return !isSafeUrl(node.url);
    case 'table': {
      const columns = node.children[0]?.children.length ?? 0;
      return node.children.some((row) => row.children.length > columns);
    }
    default:
      return false;
  }
}

/** The labels of the footnotes a chapter defines, as remark identifies them (lower case): its calls of other labels are text. */
export function footnoteLabels(outline: ProseOutline): Set<string> {
  return new Set(outline.blocks.flatMap((block) => (block.type === 'footnoteDefinition' && block.label !== undefined ? [block.label] : [])));
}

/** The text directives of inline Markdown (a YAML text), skipping code spans and escapes; those in a label too, as remark reads them. */
export function inlineDirectives(text: string): OutlineDirective[] {
  const out: OutlineDirective[] = [];
  let lines: LineIndex | undefined;
  const at = (offset: number) => {
    // Made on the first directive: most YAML texts have none.
    const { line, column } = (lines ??= new LineIndex(text)).point(offset);
    return { line, column, offset };
  };
  const scan = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '`') i = codeSpanAt(text, i, to).end - 1;
      else if (ch === ':') {
        const directive = readTextDirective(text, i, to);
        if (!directive) continue;
        const { name, id, label } = directive;
        out.push({ name, ...(id !== undefined ? { id } : {}), position: { start: at(i), end: at(directive.end) } });
        if (label) scan(label[0], label[1]);
        i = directive.end - 1;
      }
    }
  };
  scan(0, text.length);
  return out;
}
