/**
 * The resolved document as a `Draft` (src/core/draft.ts): what `opinion
 * diff`, `check` and `stats` read, and the heart of the JSON output.
 */
import type { Draft, DraftChapter, DraftHeaderField, DraftPoint } from '../core/draft.js';
import type { Closing } from './closing.js';
import type { FrontMatter } from './front-matter.js';
import type { Chapter, Footnote } from './ir.js';
import { plainText, type PlainText } from './plain-text.js';

export function toDraft(origin: string, lang: string, front: FrontMatter, chapters: readonly Chapter[], footnotes: readonly Footnote[]): Draft {
  const numbers = new Set(footnotes.map((footnote) => footnote.number));
  return {
    origin,
    lang,
    title: plainText(front.titleLine).text,
    header: front.header.map((row) => ({ field: row.field, label: row.label, value: plainText(row.value).text })),
    chapters: chapters.map((chapter) => toChapter(chapter, numbers)),
    footnotes: footnotes.map((footnote) => ({ number: footnote.number, id: footnote.id, text: plainText(footnote.content).text })),
  };
}

/**
 * The stage banner and document number as header fields, named as in a
 * Markdown draft read by `opinion diff`, so that a change of stage or
 * version is a header change between two source folders too.
 */
export function bannerFields(front: FrontMatter): DraftHeaderField[] {
  const fields: DraftHeaderField[] = [];
  if (front.stage) {
    fields.push({ field: 'stage', label: 'Stage', value: front.stage.title });
    if (front.stage.purpose) fields.push({ field: 'stage_purpose', label: 'Purpose', value: front.stage.purpose });
    if (front.stage.version) fields.push({ field: 'version', label: 'Version', value: front.stage.version });
  }
  if (front.reference) fields.push({ field: 'reference', label: 'Reference', value: front.reference });
  if (front.document) fields.push({ field: 'document', label: 'Document', value: front.document });
  const kind = plainText(front.kindLine).text;
  if (kind) fields.push({ field: 'kind_line', label: 'Kind', value: kind });
  return fields;
}

/**
 * The closing block as header fields, as the `::signature` slot writes it
 * and a Markdown draft read by `opinion diff` has it: "Brussels, 23 May
 * 2018." and the President's line with the name under it.
 */
export function closingFields(closing: Closing | undefined, presidentLabel: string): DraftHeaderField[] {
  if (!closing) return [];
  const fields: DraftHeaderField[] = [];
  if (closing.placeDate) fields.push({ field: 'closing', label: 'Closing', value: plainText(closing.placeDate).text });
  fields.push({ field: 'closing', label: 'Closing', value: closing.president ? `${presidentLabel}\n${closing.president}` : presidentLabel });
  return fields;
}

/** The plain text of a point or heading, with the marks of footnotes the draft has. */
function pointText(nodes: Parameters<typeof plainText>[0], footnotes: ReadonlySet<string>): PlainText {
  const plain = plainText(nodes);
  return { ...plain, notes: plain.notes.filter((note) => footnotes.has(note.number)) };
}

function toChapter(chapter: Chapter, footnotes: ReadonlySet<string>): DraftChapter {
  const points: DraftPoint[] = [];
  for (const block of chapter.blocks) {
    if (block.type !== 'heading' && block.type !== 'point') continue;
    const point = block.type === 'point' ? block : undefined;
    const { text, refs, notes } = pointText(block.type === 'point' ? [block.paragraph, ...block.more] : block.title, footnotes);
    points.push({
      number: block.number,
      ...(block.id ? { id: block.id } : {}),
      ...(point ? {} : { heading: true }),
      text,
      ...(refs.length ? { refs } : {}),
      ...(notes.length ? { notes } : {}),
      ...(block.at ? { at: { file: block.file.path, position: block.at } } : {}),
      ...(point ? { kind: point.kind, ...(point.reason ? { reason: point.reason } : {}) } : {}),
    });
  }
  return {
    ...(chapter.numbered ? { number: chapter.number } : {}),
    id: chapter.id,
    title: plainText(chapter.title).text,
    points,
  };
}
