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

// Made on first use: a module that imports this one (the draft readers) may never read a Markdown draft.
let processor: ReturnType<typeof draftProcessor> | undefined;
const draftProcessor = () => unified().use(remarkParse).use(remarkGfm).freeze();
function parsePiece(piece: string): Root {
  processor ??= draftProcessor();
  return processor.parse(piece) as Root;
}

/** The draft's tree, positions in `file`: plain pieces without micromark (core/markdown-chunks.ts), the same tree. */
export function parseDraftTree(file: VFile): Root {
  return parseInPieces(String(file.value), parsePiece, { fast: { directives: false } });
}
