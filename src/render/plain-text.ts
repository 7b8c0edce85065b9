/**
 * The plain text of Markdown content, as a reader sees it: one reader for the
 * built document (`render/`) and for drafts read back (`drafts/markdown/`,
 * `import/`). References are their labels (with their offsets), footnote
 * marks are left out of the text but kept with their offsets, table cells
 * are separated by " | ". `plainText` puts blocks on lines of their own, as
 * `opinion build` writes a draft's text; `TextBuilder.block` lays a block
 * out as a Markdown draft shows it (list markers, paragraphs apart).
 */
import type { FootnoteReference, List, Nodes, RootContent, Table } from 'mdast';
import type { DraftBlock, DraftNote } from '../core/draft.js';
import './mdast-data.js';

export interface PlainText {
  text: string;
  refs: { target: string; start: number; end: number }[];
  /** Footnote marks: the `number` is what the builder was told to key them by. */
  notes: DraftNote[];
  /** An id given by an HTML anchor (`<a id="x"></a>`) at the very start. */
  anchor?: string;
  /** Every HTML anchor's id, wherever it stands (a Word paragraph's bookmarks, for cross-references to it). */
  anchors?: string[];
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'listItem',
  'table',
  'tableRow',
  'blockquote',
  'code',
  'thematicBreak',
  'html',
  'containerDirective',
  'leafDirective',
  'footnoteDefinition',
  'definition',
]);

const ANCHOR = /^<(?:a|span)\s[^>]*\bid\s*=\s*["']([^"']+)["'][^>]*>(?:\s*<\/(?:a|span)>)?$/i;

/** A footnote mark keyed by its identifier (the normalised label), as drafts look their footnotes up. */
const byIdentifier = (node: FootnoteReference) => node.identifier;

export class TextBuilder implements PlainText {
  refs: PlainText['refs'] = [];
  notes: DraftNote[] = [];
  anchor?: string;
  anchors?: string[];
  // The text is gathered in parts (asking a long concatenated string for its last character flattens it each time).
  private parts: string[] = [];
  private length = 0;
  private last = '';
  private blank = true;
  /** Where each block starts (`startBlock`), and whether the last one has no text yet. */
  readonly blocks: DraftBlock[] = [];
  private emptyBlock = false;

  /** `noteKey`: what a footnote mark records as its `number` (by default the reference's identifier). */
  constructor(private readonly noteKey: (node: FootnoteReference) => string = byIdentifier) {}

  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  append(value: string): void {
    if (value === '') return;
    this.parts.push(value);
    this.length += value.length;
    this.last = value[value.length - 1]!;
    if (this.blank && /\S/.test(value)) this.blank = false;
    if (this.emptyBlock && /\S/.test(value)) this.emptyBlock = false;
  }

  /** A block starts here; one started before with no text yet is this one (a list item's marker, then its paragraph). */
  startBlock(kind: DraftBlock['kind'], ordered?: boolean): void {
    const last = this.blocks[this.blocks.length - 1];
    if (last && this.emptyBlock) {
      if (last.kind === 'paragraph') Object.assign(last, ordered === undefined ? { kind } : { kind, ordered });
      return;
    }
    this.blocks.push(ordered === undefined ? { offset: this.length, kind } : { offset: this.length, kind, ordered });
    this.emptyBlock = true;
  }

  /**
   * The text of `source` from `start` to `end`, with the footnote marks that
   * stand in it; `trim`: without the white space at its ends (a mark in that
   * space stands at the edge).
   */
  appendFrom(source: PlainText, start: number, end: number, trim = false): void {
    const slice = source.text.slice(start, end);
    const from = trim ? start + slice.length - slice.trimStart().length : start;
    const to = trim ? Math.max(from, start + slice.trimEnd().length) : end;
    for (const note of source.notes) {
      if (note.offset >= start && note.offset <= end)
        this.notes.push({ offset: this.length + Math.min(Math.max(note.offset, from), to) - from, number: note.number });
    }
    for (const ref of source.refs) {
      if (ref.start >= from && ref.end <= to) this.refs.push({ target: ref.target, start: this.length + ref.start - from, end: this.length + ref.end - from });
    }
    this.append(source.text.slice(from, to));
  }

  /**
   * The text without white space at its ends, the marks and references moved
   * with it (a mark in the trimmed space stands at the edge).
   */
  trimmed(): { text: string; notes: DraftNote[]; refs: PlainText['refs']; blocks: DraftBlock[] } {
    const all = this.text;
    const text = all.trim();
    const start = all.length - all.trimStart().length;
    const notes = this.notes.map((note) => ({ offset: Math.min(Math.max(note.offset - start, 0), text.length), number: note.number }));
    const refs = this.refs.map((ref) => ({ target: ref.target, start: ref.start - start, end: ref.end - start }));
    const blocks = this.blocks.map((block) => ({ ...block, offset: Math.max(block.offset - start, 0) }));
    return { text, notes, refs, blocks };
  }

  /** Inline content, or any node walked for its text alone. */
  inline(node: Nodes): this {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        this.append(node.value);
        break;
      case 'break':
        this.append('\n');
        break;
      case 'image':
      case 'imageReference':
        this.append(node.alt ?? '');
        break;
      case 'footnoteReference':
        this.notes.push({ offset: this.length, number: this.noteKey(node) });
        break;
      case 'html': {
        const anchor = ANCHOR.exec(node.value.trim());
        if (!anchor) break;
        if (this.blank && this.anchor === undefined) this.anchor = anchor[1];
        (this.anchors ??= []).push(anchor[1] as string);
        break;
      }
      case 'definition':
      case 'footnoteDefinition':
      case 'thematicBreak':
        break;
      case 'link': {
        // A cross-reference: a rendered `:ref`, or a draft's link to a place in it (`[point 1.3](#_Ref12)`).
        const target = node.data?.opinionRef ?? (node.url.startsWith('#') && node.url.length > 1 ? node.url.slice(1) : undefined);
        const start = this.length;
        this.phrasing(node.children);
        if (target) this.refs.push({ target, start, end: this.length });
        break;
      }
      case 'list':
      case 'listItem':
      case 'blockquote':
      case 'root':
      case 'table':
        this.lines(node.children, '\n');
        break;
      case 'tableRow':
        this.lines(node.children, ' | ');
        break;
      default:
        if ('children' in node) this.phrasing(node.children as Nodes[]);
    }
    return this;
  }

  phrasing(nodes: readonly Nodes[]): this {
    for (const node of nodes) this.inline(node);
    return this;
  }

  /** Nodes one after the other, blocks on lines of their own (or, in a table row, cells apart). */
  lines(list: readonly Nodes[], separator: string): this {
    list.forEach((node, i) => {
      const apart = separator !== '\n' || BLOCKS.has(node.type) || BLOCKS.has(list[i - 1]?.type ?? '');
      if (i > 0 && apart && this.length > 0 && this.last !== '\n') this.append(separator);
      this.inline(node);
    });
    return this;
  }

  /** A block as a Markdown draft shows it within a point (a list, table or quote after its paragraph). */
  block(node: RootContent, indent = ''): this {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        this.startBlock('paragraph');
        this.append(indent);
        this.phrasing(node.children);
        break;
      case 'list':
        this.list(node, indent);
        break;
      case 'table':
        this.table(node);
        break;
      case 'blockquote':
        this.startBlock('other');
        this.quoted(node.children, indent);
        break;
      case 'code':
        this.startBlock('other');
        this.append(node.value);
        break;
    }
    return this;
  }

  private quoted(nodes: readonly RootContent[], indent: string): void {
    let first = true;
    for (const node of nodes) {
      if (node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') continue;
      if (!first) this.append('\n\n');
      this.block(node, indent);
      first = false;
    }
  }

  /**
   * Items on lines of their own, without their markers: the build's text of a
   * point (`plainText`) has none, so that a folder and a draft of it compare
   * equal; a renumbered item is no change either.
   */
  private list(list: List, indent: string): void {
    list.children.forEach((item, i) => {
      if (i > 0) this.append('\n');
      this.startBlock('item', list.ordered ?? false);
      this.append(indent);
      item.children.forEach((child, j) => {
        if (j > 0) this.append('\n');
        this.block(child, j > 0 ? indent + '  ' : '');
      });
    });
  }

  private table(table: Table): void {
    table.children.forEach((row, i) => {
      if (i > 0) this.append('\n');
      this.startBlock('row');
      row.children.forEach((cell, j) => {
        if (j > 0) this.append(' | ');
        this.phrasing(cell.children);
      });
    });
  }
}

/**
 * The plain text of rendered content (blocks on lines of their own), its
 * footnote marks numbered as `numberFootnotes` left them.
 */
export function plainText(nodes: readonly Nodes[]): PlainText {
  const builder = new TextBuilder((node) => node.label ?? node.identifier).lines(nodes, '\n');
  return { text: builder.text, refs: builder.refs, notes: builder.notes };
}

/** The plain text of inline content (a draft's paragraph, heading or cell), its footnote marks by identifier. */
export function inlineText(nodes: readonly Nodes[]): PlainText {
  return new TextBuilder().phrasing(nodes);
}
