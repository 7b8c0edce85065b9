/**
 * Markdown nodes as the plain text a reader sees, the way `opinion build`
 * writes a draft's text: footnote marks left out of the text (footnotes are
 * compared on their own) but kept with their offsets, list items and table
 * rows on their own lines, cells separated by " | ".
 */
import type { List, Nodes, PhrasingContent, RootContent, Table } from 'mdast';

/** A footnote mark: where it stands in the text, and the footnote's identifier (its normalised label). */
export interface NoteMark {
  offset: number;
  identifier: string;
}

export interface PlainText {
  text: string;
  /** An id given by an HTML anchor (`<a id="x"></a>`) at the very start. */
  anchor?: string;
  notes: NoteMark[];
}

const ANCHOR = /^<(?:a|span)\s[^>]*\bid\s*=\s*["']([^"']+)["'][^>]*>(?:\s*<\/(?:a|span)>)?$/i;

export class TextBuilder implements PlainText {
  text = '';
  anchor?: string;
  notes: NoteMark[] = [];

  append(value: string): void {
    this.text += value;
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
        this.notes.push({ offset: this.text.length + Math.min(Math.max(note.offset, from), to) - from, identifier: note.identifier });
    }
    this.append(source.text.slice(from, to));
  }

  /** The text without white space at its ends, the marks moved with it (a mark in the trimmed space stands at the edge). */
  trimmed(): PlainText {
    const text = this.text.trim();
    const start = this.text.length - this.text.trimStart().length;
    const notes = this.notes.map((note) => ({ offset: Math.min(Math.max(note.offset - start, 0), text.length), identifier: note.identifier }));
    return { text, notes };
  }

  phrasing(nodes: readonly PhrasingContent[]): this {
    for (const node of nodes) this.inline(node);
    return this;
  }

  private inline(node: PhrasingContent): void {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
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
        this.notes.push({ offset: this.text.length, identifier: node.identifier });
        break;
      case 'html': {
        const anchor = ANCHOR.exec(node.value.trim());
        if (anchor && this.text.trim() === '' && this.anchor === undefined) this.anchor = anchor[1];
        break;
      }
      default:
        if ('children' in node) this.phrasing(node.children as PhrasingContent[]);
    }
  }

  /** A block that belongs to a point (a list, table or quote after its paragraph). */
  block(node: RootContent, indent = ''): this {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
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
        this.blocks(node.children, indent);
        break;
      case 'code':
        this.append(node.value);
        break;
      default:
        break;
    }
    return this;
  }

  private blocks(nodes: readonly RootContent[], indent: string): void {
    let first = true;
    for (const node of nodes) {
      if (node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') continue;
      if (!first) this.append('\n\n');
      this.block(node, indent);
      first = false;
    }
  }

  private list(list: List, indent: string): void {
    list.children.forEach((item, i) => {
      if (i > 0) this.append('\n');
      const marker = list.ordered ? `${(list.start ?? 1) + i})` : '–';
      this.append(`${indent}${marker} `);
      item.children.forEach((child, j) => {
        if (j > 0) this.append('\n');
        this.block(child, j > 0 ? indent + '  ' : '');
      });
    });
  }

  private table(table: Table): void {
    table.children.forEach((row, i) => {
      if (i > 0) this.append('\n');
      row.children.forEach((cell, j) => {
        if (j > 0) this.append(' | ');
        this.phrasing(cell.children);
      });
    });
  }
}

export function plainText(nodes: readonly PhrasingContent[]): PlainText {
  return new TextBuilder().phrasing(nodes);
}

/** Whether a paragraph is nothing but bold or italic text (a sub-heading in converted documents). */
export function emphasisOnly(node: Nodes): boolean {
  if (node.type !== 'paragraph' && node.type !== 'heading') return false;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return meaningful.length > 0 && meaningful.every((child) => child.type === 'strong' || child.type === 'emphasis');
}
