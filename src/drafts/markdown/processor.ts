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
import { replacePlainParagraphs, restorePlainParagraphs } from './fast-paragraphs.js';

// Made on first use: a module that imports this one (the draft readers) may never read a Markdown draft.
let processor: ReturnType<typeof draftProcessor> | undefined;
const draftProcessor = () => unified().use(remarkParse).use(remarkGfm).freeze();
function parsePiece(piece: string): Root {
  processor ??= draftProcessor();
  return processor.parse(piece) as Root;
}
const parse = (text: string) => parseInPieces(text, parsePiece);

/** The draft's tree, positions in `file` (see fast-paragraphs.ts for how large drafts are read quickly). */
export function parseDraftTree(file: VFile): Root {
  const original = String(file.value);
  const replaced = replacePlainParagraphs(original);
  if (replaced.runs.length > 0) {
    const tree = parse(replaced.text);
    if (restorePlainParagraphs(tree, original, replaced)) return tree;
  }
  return parse(original);
}
