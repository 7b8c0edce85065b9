/**
 * The numbers `opinion build` will give the imported chapters: a numbered
 * point with sub-points becomes a sub-heading (the only form the sources
 * have for it), then headings and points are numbered as the build does
 * (src/render/numbering.ts), and every number that differs from the draft's
 * is reported — the build renumbers, so that is a change the user must know.
 */
import type { RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../core/messages.js';
import type { Chapter } from './structure.js';

/** The deepest sub-heading a chapter file can hold: `######` under the chapter's `#`. */
const MAX_HEADING_LEVEL = 5;

export function planNumbers(chapters: Chapter[], file: VFile): void {
  const warn = (reason: string, ruleId: string, node: RootContent | undefined) => report(file, reason, { ruleId, severity: 'warning', place: node?.position });
  let chapterCount = 0;
  for (const chapter of chapters) {
    if (chapter.number === undefined) continue;
    const number = String(++chapterCount);
    if (chapter.number !== number) {
      warn(`Unexpected chapter number \`${chapter.number}\`, expected \`${number}\`: the build numbers it ${number}`, 'import/renumbered', chapter.node);
    }
    chapter.items.forEach((item, i) => {
      const next = chapter.items[i + 1];
      if (item.kind === 'point' && item.number && next?.number.startsWith(item.number + '.')) {
        item.kind = 'heading';
        warn(
          `Unexpected sub-points under point ${item.number}, expected them under a heading: point ${item.number} becomes a sub-heading`,
          'import/sub-points',
          item.node,
        );
        if (item.more.length)
          warn(`Unexpected list or table under the sub-heading ${item.number}, expected it in a point: kept after the heading`, 'import/sub-points', item.node);
      }
    });
    const counters: number[] = [];
    let level = 0;
    const bump = (depth: number) => {
      counters[depth] = (counters[depth] ?? 0) + 1;
      counters.length = depth + 1;
      return [number, ...counters].join('.');
    };
    for (const item of chapter.items) {
      if (item.kind === 'heading') {
        // At its own depth (`##` to `######`), one level below the heading before it at most, as the build reads headings.
        const depth = Math.min(MAX_HEADING_LEVEL, level + 1, Math.max(1, item.level));
        item.level = depth;
        item.built = bump(depth - 1);
        level = depth;
      } else item.built = bump(level);
      // A sub-heading the draft left unnumbered among numbered points: the sources number every one.
      if (!item.number && item.kind === 'heading') {
        const reason = `Unexpected sub-heading without a number in chapter ${number}, expected one such as \`${item.built}\`: the build numbers it ${item.built}`;
        warn(reason, 'import/renumbered', item.node);
      }
      if (item.number && item.number !== item.built) {
        const reason = `Unexpected number \`${item.number}\`, expected \`${item.built}\` in the sources' numbering: the build numbers it ${item.built}`;
        warn(reason, 'import/renumbered', item.node);
      }
    }
  }
}
