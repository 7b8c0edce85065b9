/**
 * The resolved document as a `Draft` (src/core/draft.ts): what `opinion
 * diff`, `check` and `stats` read, and the heart of the JSON output.
 */
import type { Draft, DraftChapter, DraftPoint } from '../core/draft.js';
import type { FrontMatter } from './front-matter.js';
import type { Chapter, Footnote } from './ir.js';
import { plainText } from './plain-text.js';

export function toDraft(origin: string, lang: string, front: FrontMatter, chapters: readonly Chapter[], footnotes: readonly Footnote[]): Draft {
  return {
    origin,
    lang,
    title: plainText(front.titleLine).text,
    header: front.header.map((row) => ({ field: row.field, label: row.label, value: plainText(row.value).text })),
    chapters: chapters.map(toChapter),
    footnotes: footnotes.map((footnote) => ({ number: footnote.number, id: footnote.id, text: plainText(footnote.content).text })),
  };
}

function toChapter(chapter: Chapter): DraftChapter {
  const points: DraftPoint[] = [];
  for (const block of chapter.blocks) {
    if (block.type === 'heading') {
      const { text, refs } = plainText(block.title);
      points.push({
        number: block.number,
        ...(block.id ? { id: block.id } : {}),
        heading: true,
        text,
        ...(refs.length ? { refs } : {}),
        ...(block.at ? { at: { file: block.file.path, position: block.at } } : {}),
      });
    } else if (block.type === 'point') {
      const { text, refs } = plainText([block.paragraph, ...block.more]);
      points.push({
        number: block.number,
        ...(block.id ? { id: block.id } : {}),
        text,
        ...(refs.length ? { refs } : {}),
        ...(block.at ? { at: { file: block.file.path, position: block.at } } : {}),
        kind: block.kind,
        ...(block.reason ? { reason: block.reason } : {}),
      });
    }
  }
  return {
    ...(chapter.numbered ? { number: chapter.number } : {}),
    id: chapter.id,
    title: plainText(chapter.title).text,
    points,
  };
}
