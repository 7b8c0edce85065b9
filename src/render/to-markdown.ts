/**
 * The Markdown output: GFM, written by remark-stringify with fixed options so
 * that it is canonical — building twice gives the same bytes, and parsing
 * the output with remark and writing it again changes nothing.
 */
import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkStringify, { type Options } from 'remark-stringify';
import './mdast-data.js';
import { text } from './stringify-text.js';

export const STRINGIFY_OPTIONS: Options = {
  bullet: '-',
  bulletOther: '*',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  setext: false,
  closeAtx: false,
  resourceLink: false,
  quote: '"',
};

/**
 * Parse and write Markdown the way drafts are written (CommonMark + GFM +
 * directives, so a literal `:word` is escaped and stays text). A text that
 * needs no escape skips the library's scan of its ~90 escape patterns (the
 * same bytes: see stringify-text.ts).
 */
export const draftMarkdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkStringify, { ...STRINGIFY_OPTIONS, handlers: { text } })
  .freeze();

export function toMarkdown(tree: Root): string {
  return draftMarkdown.stringify(unwrapReferences(tree));
}

/**
 * A copy of `node` where references are their text (all of them, or with
 * `all` false only those without an anchor): the link to an anchor only
 * makes sense in HTML. Parents are copied shallowly; the tree is not changed.
 */
export function unwrapReferences<T extends Nodes>(node: T, all = true): T {
  if (!('children' in node)) return node;
  const children: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === 'link' && child.data?.opinionRef && (all || child.url === '')) {
      for (const grandchild of child.children) children.push(unwrapReferences(grandchild, all));
    } else children.push(unwrapReferences(child, all));
  }
  return { ...node, children };
}
