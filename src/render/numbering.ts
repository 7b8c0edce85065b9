/**
 * Numbering chapters, sections and points, EESC style: chapters 1, 2…;
 * points of a chapter 1.1, 1.2…; a `##` section takes the next number at its
 * level (3.1) and its points go one level down (3.1.1). Sections and points
 * at the same level share one counter, as in real opinions ("4.2 point",
 * "4.3 Heading", "4.3.1 point"). Points of an unnumbered chapter have no
 * number.
 *
 * Numbers are stored without a trailing dot; `displayNumber` adds the dot of
 * the Official Journal style (`1.1.`). Chapter headings always read "1.".
 */
import type { Numbering } from '../core/model.js';
import type { Chapter } from './ir.js';

export function numberChapters(chapters: Chapter[]): void {
  let chapterCount = 0;
  for (const chapter of chapters) {
    if (!chapter.numbered) {
      chapter.number = '';
      for (const block of chapter.blocks) if (block.type === 'point' || block.type === 'heading') block.number = '';
      continue;
    }
    chapter.number = String(++chapterCount);
    const counters: number[] = [];
    let level = 0;
    const bump = (depth: number) => {
      counters[depth] = (counters[depth] ?? 0) + 1;
      counters.length = depth + 1;
      return [chapter.number, ...counters].join('.');
    };
    for (const block of chapter.blocks) {
      switch (block.type) {
        case 'heading':
          block.number = bump(block.level - 1);
          level = block.level;
          break;
        case 'point':
          block.number = bump(level);
          break;
        case 'group-end':
          level = block.level;
          counters.length = Math.min(counters.length, level + 1);
          break;
      }
    }
  }
}

/** How a point or section number is written in the draft. */
export function displayNumber(number: string, numbering: Numbering): string {
  return numbering === 'oj' ? `${number}.` : number;
}

/** How a chapter number is written in its heading. */
export function displayChapterNumber(number: string): string {
  return `${number}.`;
}
