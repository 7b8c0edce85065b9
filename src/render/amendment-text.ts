/**
 * Source Markdown of a point as a reader sees it, in plain text: `:ref{#id}`
 * as "point 2.4", footnote marks and `:cite` left out, markup removed. Both
 * columns of an amendment sheet go through it, so that they differ only
 * where the amendment changes the text.
 */
import type { Nodes } from 'mdast';
import { POINT_WORD } from '../text/model.js';
import { parseMarkdown } from '../core/markdown.js';

export type NumberOf = (id: string) => string | undefined;

export function plainOf(markdown: string, lang: string, numberOf: NumberOf): string {
  const tree = parseMarkdown(markdown);
  const word = (POINT_WORD[lang] ?? POINT_WORD.en!)[0];
  const out: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.push(node.value);
        return;
      case 'break':
        out.push('\n');
        return;
      case 'footnoteReference':
        return;
      case 'textDirective': {
        if (node.name === 'ref') {
          const id = (node.attributes?.id ?? '').replace(/^#/, '');
          const number = numberOf(id);
          out.push(number ? `${word} ${number}` : `[${id}]`);
        }
        return;
      }
      default:
        if ('children' in node) {
          node.children.forEach((child, i) => {
            if (i > 0 && (node.type === 'root' || node.type === 'list' || node.type === 'listItem')) out.push('\n\n');
            walk(child as Nodes);
          });
        }
    }
  };
  walk(tree);
  return out.join('').replace(/[ \t]*\n[ \t]*(?!\n)/g, (m) => (m.includes('\n') ? ' ' : m)).replace(/ {2,}/g, ' ').trim();
}
