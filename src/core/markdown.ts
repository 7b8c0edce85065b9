/**
 * The one Markdown dialect of opinion sources: CommonMark + GFM (tables,
 * footnotes, strikethrough) + generic directives (`:ref{#id}`, `::principles`,
 * `:::note`). Parsed once per file, positions kept.
 */
import type { Root } from 'mdast';
import { parseInPieces } from './markdown-chunks.js';
import { remarkTree } from './markdown-remark.js';

export { markdownProcessor } from './markdown-remark.js';

/** The tree of `text`: what is plain without micromark (./markdown-fast.ts, the same tree), the rest by remark (./markdown-remark.ts). */
export function parseMarkdown(text: string): Root {
  return parseInPieces(text, parse, { fast: { directives: true } });
}

/** The tree of `text` by remark alone (what the fast path is held to). */
export function parseWithRemark(text: string): Root {
  return parseInPieces(text, parse);
}

const parse = (text: string) => remarkTree(text);
