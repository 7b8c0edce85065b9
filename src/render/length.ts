/**
 * The length of an opinion, as the EESC limits it: characters without
 * spaces, at most 18,000, at every stage.
 *
 * What counts is the opinion's text as rendered in the language built:
 * chapter titles, section headings, points (with their lists, tables and
 * quotes; references as their labels, acronyms expanded) and footnotes
 * (citations included). What does not: point and section numbers (they
 * depend on the numbering style), the title line, the header table, the stage
 * banner, the closing block and signature, the appendix, and internal notes.
 */
import type { Chapter, Footnote } from './ir.js';
import { LENGTH_LIMIT } from '../core/model.js';
import { plainText } from './plain-text.js';
import { charactersWithoutSpaces } from '../text/words.js';

export { LENGTH_LIMIT };

export interface LengthCount {
  /** Characters without spaces. */
  characters: number;
  limit: number;
  exceeded: boolean;
}

export function countLength(chapters: readonly Chapter[], footnotes: readonly Footnote[]): LengthCount {
  let characters = 0;
  const add = (nodes: Parameters<typeof plainText>[0]) => {
    characters += charactersWithoutSpaces(plainText(nodes).text);
  };
  for (const chapter of chapters) {
    add(chapter.title);
    for (const block of chapter.blocks) {
      if (block.type === 'heading') add(block.title);
      else if (block.type === 'point') add([block.paragraph, ...block.more]);
      else if (block.type === 'content') add(block.nodes);
    }
  }
  for (const footnote of footnotes) add(footnote.content);
  return { characters, limit: LENGTH_LIMIT, exceeded: characters > LENGTH_LIMIT };
}
