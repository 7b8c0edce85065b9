/**
 * The Word output of `opinion build`: the same filled draft tree as the
 * Markdown and HTML outputs (`src/render/render.ts`) as a `docx` Document in
 * the shared document shell (`src/word/document.ts`). `toWord` is pure and synchronous;
 * `wordBytes` packs the document into the bytes of the `.docx`.
 */
import { bookmarkOf } from '../../core/bookmarks.js';
import type { Document } from 'docx';
import type { Nodes, Root } from 'mdast';
import type { Numbering } from '../../core/model.js';
import { packWord, planNumbering, STYLE, wordDocument, type WordDocumentOptions } from '../../word/document.js';
import { blocks } from './blocks.js';
import { classesOf, idOf, isNumber, type WordContext } from './context.js';
import { footnoteNumbers, footnoteParagraphs } from './footnotes.js';

/** The page options of a built draft: the document shell's, but its body and notes. */
export type WordBuildOptions = Pick<WordDocumentOptions, 'lang' | 'numbering' | 'title' | 'date' | 'reference' | 'document' | 'stage'>;

/** The filled tree of a draft and its page options (`RenderResult.word`). */
export interface WordSource {
  tree: Root;
  options: WordBuildOptions;
}

/** The `.docx` bytes of a rendered draft. */
export function wordBytes(source: WordSource): Promise<Uint8Array> {
  return packWord(toWord(source.tree, source.options));
}

export function toWord(tree: Root, options: WordBuildOptions): Document {
  const ctx = wordContext(tree, options.numbering);
  // The body first: a footnote that refers to another one refers to its mark in the body (a NOTEREF to its bookmark).
  const children = blocks(tree.children, ctx, { style: STYLE.body });
  const footnotes = footnoteParagraphs(tree, ctx);
  return wordDocument({ ...options, children, footnotes });
}

/** Classes of the numbered items, in document order. */
const NUMBERED = ['chapter', 'section', 'point'];

function wordContext(tree: Root, numbering: Numbering): WordContext {
  const items = new Map<Nodes, number>();
  const numbers: string[] = [];
  const bookmarks = new Map<string, string>();
  const names = new Set<string>();
  const visit = (node: Nodes) => {
    const classes = classesOf(node);
    if ((node.type === 'heading' || node.type === 'paragraph') && NUMBERED.some((name) => classes.includes(name))) {
      const first = node.children[0];
      items.set(node, numbers.length);
      numbers.push(first && isNumber(first) ? (first as { value: string }).value : '');
    }
    const id = idOf(node);
    if (id && !bookmarks.has(id)) bookmarks.set(id, bookmarkName(id, names));
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return { plan: planNumbering(numbers, numbering), items, bookmarks, footnotes: footnoteNumbers(tree), referenced: new Set(), lists: 0 };
}

/** A Word bookmark name for an id (`bookmarkOf`), made unique. */
function bookmarkName(id: string, taken: Set<string>): string {
  const base = bookmarkOf(id);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}
