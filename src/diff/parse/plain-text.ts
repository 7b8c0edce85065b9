/**
 * Markdown nodes as the plain text a reader sees, the way `opinion build`
 * writes a draft's text: footnote marks left out (footnotes are compared on
 * their own), list items and table rows on their own lines, cells separated
 * by " | ".
 */
import type { List, Nodes, PhrasingContent, RootContent, Table } from 'mdast';

export interface PlainText {
  text: string;
  /** An id given by an HTML anchor (`<a id="x"></a>`) at the very start. */
  anchor?: string;
}

const ANCHOR = /^<(?:a|span)\s[^>]*\bid\s*=\s*["']([^"']+)["'][^>]*>(?:\s*<\/(?:a|span)>)?$/i;

export class TextBuilder implements PlainText {
  text = '';
  anchor?: string;

  append(value: string): void {
    this.text += value;
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
