/**
 * The Markdown dialect of drafts: CommonMark + GFM (tables, footnotes,
 * strikethrough). No directives: a draft is rendered text, where
 * "note:example" must stay text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseInPieces } from '../../core/markdown-chunks.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** The draft's tree, positions in `file`: plain pieces without micromark (core/markdown-chunks.ts), the same tree. */
export function parseDraftTree(file: VFile): Root {
  return parseInPieces(String(file.value), (text) => processor.parse(text) as Root, { fast: { directives: false } });
}
