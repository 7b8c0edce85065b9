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
import { replacePlainParagraphs, restorePlainParagraphs } from './fast-paragraphs.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** The draft's tree, positions in `file` (see fast-paragraphs.ts for how large drafts are read quickly). */
export function parseDraftTree(file: VFile): Root {
  const original = String(file.value);
  const replaced = replacePlainParagraphs(original);
  if (replaced.runs.length > 0) {
    const tree = processor.parse(replaced.text) as Root;
    if (restorePlainParagraphs(tree, original, replaced)) return tree;
  }
  return processor.parse(original) as Root;
}
