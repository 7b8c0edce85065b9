/**
 * What Word shows after Accept All or Reject All, computed on the redline
 * model: runs of the other revision are gone, and a paragraph whose mark is
 * gone is joined to the next one. The tests compare these views with the
 * drafts, and the Word file read back by an independent reader with them.
 */
import type { Revision, TrackedParagraph } from './model.js';

export interface ViewParagraph {
  /** The number the item has in this version (absent for unnumbered paragraphs). */
  number?: string;
  /** The text with white space collapsed. */
  text: string;
  role: TrackedParagraph['role'];
}

function view(paragraphs: readonly TrackedParagraph[], side: 'old' | 'new'): ViewParagraph[] {
  const removed: Revision = side === 'new' ? 'del' : 'ins';
  const result: ViewParagraph[] = [];
  let open: { number?: string; text: string } | undefined;
  for (const paragraph of paragraphs) {
    open ??= { text: '' };
    const number = paragraph.number?.[side];
    if (number !== undefined && open.number === undefined) open.number = number;
    open.text += paragraph.runs.filter((run) => run.revision !== removed).map((run) => run.text).join('');
    if (paragraph.mark === removed) continue;
    const text = open.text.replace(/\s+/gu, ' ').trim();
    // The surviving paragraph mark holds the paragraph's properties.
    result.push(open.number === undefined ? { text, role: paragraph.role } : { number: open.number, text, role: paragraph.role });
    open = undefined;
  }
  return result;
}

/** The paragraphs after Accept All: the new version. */
export const acceptAll = (paragraphs: readonly TrackedParagraph[]): ViewParagraph[] => view(paragraphs, 'new');
/** The paragraphs after Reject All: the old version. */
export const rejectAll = (paragraphs: readonly TrackedParagraph[]): ViewParagraph[] => view(paragraphs, 'old');
