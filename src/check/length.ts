/**
 * The length of an opinion as the 18,000-character limit counts it:
 * characters without spaces of the original language's chapter titles,
 * headings, points and footnotes, in reading order, each with its place.
 */
import type { Located } from '../core/model.js';
import type { CheckContext } from './rule.js';
import { allBlocks, type TextBlock } from './text/model.js';
import { countText } from './text/words.js';
import { describeBlock } from './rule.js';

export interface LengthEntry {
  count: number;
  label: string;
  at: Located | undefined;
}

export interface Length {
  total: number;
  entries: LengthEntry[];
  note: string;
}

export function measureLength(context: CheckContext): Length {
  const lang = context.text.original;
  const entries: LengthEntry[] = [];
  const draft = context.draft;
  if (draft) {
    for (const chapter of draft.chapters) {
      entries.push({ count: countText(chapter.title).charactersNoSpaces, label: `the title of chapter ${chapter.number ?? chapter.title}`, at: chapter.points[0]?.at });
      for (const point of chapter.points) {
        entries.push({ count: countText(point.text).charactersNoSpaces, label: describeBlock({ kind: point.heading ? 'heading' : 'point', number: point.number, id: point.id }), at: point.at });
      }
    }
    const last = entries[entries.length - 1]?.at;
    for (const footnote of draft.footnotes) entries.push({ count: countText(footnote.text).charactersNoSpaces, label: `footnote ${footnote.number}`, at: last });
  } else {
    for (const block of allBlocks(context.text.byLang.get(lang))) {
      entries.push({ count: countText(block.prose.text).charactersNoSpaces, label: labelOf(block), at: block.at });
    }
  }
  const total = entries.reduce((sum, e) => sum + e.count, 0);
  return {
    total,
    entries,
    note: `Counted in the \`${lang}\` text: chapter titles, headings, points and footnotes; not the header block, point numbers, the closing block or notes`,
  };
}

function labelOf(block: TextBlock): string {
  if (block.kind === 'title') return `the title of chapter ${block.number ?? `\`${block.chapter}\``}`;
  return describeBlock(block);
}
