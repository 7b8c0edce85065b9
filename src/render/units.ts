/**
 * The pieces of a resolved document in reading order, each with the file it
 * came from: what the footnote, reference and glossary passes walk.
 */
import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import type { Chapter, Footnote } from './ir.js';

export interface Unit {
  nodes: Nodes[];
  file: VFile;
  role: 'chapter-title' | 'heading' | 'point' | 'content' | 'note' | 'footnote' | 'front';
}

export function* chapterUnits(chapters: readonly Chapter[]): Generator<Unit> {
  for (const chapter of chapters) {
    yield { nodes: chapter.title, file: chapter.file, role: 'chapter-title' };
    for (const block of chapter.blocks) {
      switch (block.type) {
        case 'heading':
          yield { nodes: block.title, file: block.file, role: 'heading' };
          break;
        case 'point':
          yield { nodes: [block.paragraph, ...block.more], file: block.file, role: 'point' };
          break;
        case 'content':
          yield { nodes: block.nodes, file: block.file, role: 'content' };
          break;
        case 'note':
          yield { nodes: block.nodes, file: block.file, role: 'note' };
          break;
      }
    }
  }
}

export function* footnoteUnits(footnotes: readonly Footnote[]): Generator<Unit> {
  for (const footnote of footnotes) yield { nodes: footnote.content, file: footnote.file, role: 'footnote' };
}
