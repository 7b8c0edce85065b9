/**
 * The one Markdown dialect of opinion sources: CommonMark + GFM (tables,
 * footnotes, strikethrough) + generic directives (`:ref{#id}`, `::principles`,
 * `:::note`). Parsed once per file, positions kept.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import { parseInPieces } from './markdown-chunks.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** The tree of `text`: what is plain without micromark (./markdown-fast.ts, the same tree), the rest by remark. */
export function parseMarkdown(text: string): Root {
  return parseInPieces(text, parse, { fast: { directives: true } });
}

/** The tree of `text` by remark alone (what the fast path is held to). */
export function parseWithRemark(text: string): Root {
  return parseInPieces(text, parse);
}

const parse = (text: string) => processor.parse(text) as Root;

/** The processor itself, for callers that also stringify (same extensions both ways). */
export function markdownProcessor() {
  return processor;
}
