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

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseDraftMarkdown(file: VFile): Root {
  return processor.parse(file) as Root;
}
