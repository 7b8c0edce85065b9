/**
 * The plain text of rendered content, as a reader sees it: references as
 * their labels (with their offsets), footnote marks left out of the text but
 * kept with their offsets and numbers, blocks on their own lines, table cells
 * separated by " | ".
 */
import type { Nodes } from 'mdast';
import type { DraftNote } from '../core/draft.js';
import './mdast-data.js';

export interface PlainText {
  text: string;
  refs: { target: string; start: number; end: number }[];
  /** Footnote marks (numbered references, as `numberFootnotes` leaves them). */
  notes: DraftNote[];
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

export function plainText(nodes: readonly Nodes[]): PlainText {
  const result: PlainText = { text: '', refs: [], notes: [] };
  // The text is gathered in parts (asking a long concatenated string for its last character flattens it each time).
  const parts: string[] = [];
  let length = 0;
  let last = '';
  const add = (text: string) => {
    if (text === '') return;
    parts.push(text);
    length += text.length;
    last = text[text.length - 1]!;
  };
  const blocks = (list: readonly Nodes[], separator: string) => {
    list.forEach((node, i) => {
      const apart = separator !== '\n' || BLOCKS.has(node.type) || BLOCKS.has(list[i - 1]?.type ?? '');
      if (i > 0 && apart && length > 0 && last !== '\n') add(separator);
      inline(node);
    });
  };
  const inline = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        add(node.value);
        return;
      case 'code':
        add(node.value);
        return;
      case 'break':
        add('\n');
        return;
      case 'image':
        add(node.alt ?? '');
        return;
      case 'footnoteReference':
        result.notes.push({ offset: length, number: node.label ?? node.identifier });
        return;
      case 'html':
      case 'definition':
      case 'footnoteDefinition':
      case 'thematicBreak':
        return;
      case 'link':
        if (node.data?.opinionRef) {
          const start = length;
          node.children.forEach(inline);
          result.refs.push({ target: node.data.opinionRef, start, end: length });
          return;
        }
        node.children.forEach(inline);
        return;
      case 'list':
      case 'blockquote':
      case 'root':
        blocks(node.children, '\n');
        return;
      case 'listItem':
        blocks(node.children, '\n');
        return;
      case 'table':
        blocks(node.children, '\n');
        return;
      case 'tableRow':
        blocks(node.children, ' | ');
        return;
      default:
        if ('children' in node) (node.children as Nodes[]).forEach(inline);
    }
  };
  blocks(nodes, '\n');
  result.text = parts.join('');
  return result;
}
