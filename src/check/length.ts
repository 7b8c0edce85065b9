/**
 * The length of an opinion as the 18,000-character limit counts it:
 * characters without spaces of the original language's chapter titles,
 * headings, points and footnotes, as the build renders them (references as
 * their labels, acronyms expanded at first use, citations as footnotes),
 * in reading order, each with its place in the sources.
 *
 * When the draft cannot be rendered (a broken template or label file), the
 * text model stands in: the same parts, with references as labels but
 * acronyms not expanded.
 */
import type { Located } from '../core/model.js';
import type { CheckContext } from './rule.js';
import { allBlocks, type TextBlock } from '../text/model.js';
import { charactersWithoutSpaces } from '../text/words.js';
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
  const model = context.text.byLang.get(lang);
  const draft = context.draft;
  if (draft) {
    const blocks = new Map<string, TextBlock>();
    for (const chapter of model?.chapters ?? []) for (const note of chapter.footnotes) if (note.id) blocks.set(note.id, note);
    for (const chapter of draft.chapters) {
      const source = model?.chapters.find((c) => c.id === chapter.id);
      entries.push({
        count: charactersWithoutSpaces(chapter.title),
        label: `the title of chapter ${chapter.number ?? `\`${chapter.id}\``}`,
        at: source?.title?.at ?? chapter.points[0]?.at,
      });
      for (const point of chapter.points) {
        entries.push({
          count: charactersWithoutSpaces(point.text),
          label: describeBlock({ kind: point.heading ? 'heading' : 'point', number: point.number, id: point.id }),
          at: point.at,
        });
      }
    }
    let last = entries[entries.length - 1]?.at;
    for (const footnote of draft.footnotes) {
      const at = (footnote.id ? blocks.get(footnote.id)?.at : undefined) ?? last;
      last = at;
      entries.push({ count: charactersWithoutSpaces(footnote.text), label: `footnote ${footnote.number}`, at });
    }
  } else {
    for (const block of allBlocks(model)) entries.push({ count: charactersWithoutSpaces(block.prose.text), label: labelOf(block), at: block.at });
  }
  const total = context.length ?? entries.reduce((sum, e) => sum + e.count, 0);
  return {
    total,
    entries,
    note: `Counted in the \`${lang}\` text as rendered: chapter titles, headings, points and footnotes; not the title line, header block, point numbers, closing block or notes`,
  };
}

function labelOf(block: TextBlock): string {
  if (block.kind === 'title') return `the title of chapter ${block.number ?? `\`${block.chapter}\``}`;
  return describeBlock(block);
}
