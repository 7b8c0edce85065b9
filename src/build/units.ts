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
        default:
          break;
      }
    }
  }
}

export function* footnoteUnits(footnotes: readonly Footnote[]): Generator<Unit> {
  for (const footnote of footnotes) yield { nodes: footnote.content, file: footnote.file, role: 'footnote' };
}

/** Visit every node under `nodes` (pre-order); the visitor may return replacement nodes for a child. */
export function walk(nodes: Nodes[], visitor: (node: Nodes, parent: Nodes | undefined, index: number) => void): void {
  const go = (node: Nodes, parent: Nodes | undefined, index: number) => {
    visitor(node, parent, index);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = 0; i < children.length; i++) go(children[i]!, node, i);
    }
  };
  nodes.forEach((node, i) => go(node, undefined, i));
}
