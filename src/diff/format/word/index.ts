/**
 * `opinion diff --format docx`: the redline of two drafts as a Word file with
 * real tracked changes, and the amendment sheet as a Word table.
 */
import type { Draft } from '../../../core/draft.js';
import type { DiffResult } from '../../types.js';
import { packWord } from '../../../word/document.js';
import { defaultAuthor, defaultDate, headerValue } from './defaults.js';
import { redlineModel } from './model.js';
import { redlineDocument } from './word.js';

export interface RedlineOptions {
  /** Author of the revisions (default: the new version's rapporteur, else "EESC secretariat"). */
  author?: string;
  /** Date of the revisions, `YYYY-MM-DD` (default: the new version's date, see ./defaults.ts). */
  date?: string;
}

export interface DraftPair {
  old: Draft;
  new: Draft;
}

/** The redline `.docx` of two drafts: deterministic bytes for the same drafts and options. */
export async function redlineDocx(result: DiffResult, drafts: DraftPair, options: RedlineOptions = {}): Promise<Uint8Array> {
  // One numbering style for the document: the newer version's (absent is `1.1`), unless it has no points.
  const hasPoints = (draft: Draft) => draft.chapters.some((chapter) => chapter.points.length > 0);
  const doc = redlineDocument(redlineModel(result, drafts), {
    numbering: hasPoints(drafts.new) ? drafts.new.numbering : drafts.old.numbering,
    author: options.author ?? defaultAuthor(drafts.new),
    date: options.date ?? defaultDate(drafts.new),
    title: drafts.new.title ?? drafts.old.title ?? `${result.old.origin} → ${result.new.origin}`,
    reference: headerValue(drafts.new, 'reference') ?? headerValue(drafts.old, 'reference'),
    document: headerValue(drafts.new, 'document'),
  });
  return packWord(doc);
}

export { defaultAuthor, defaultDate } from './defaults.js';
export { redlineModel, type TrackedParagraph } from './model.js';
