/**
 * What Word shows after Accept All or Reject All, computed on the redline
 * model: runs of the other revision are gone, and a paragraph whose mark is
 * gone is joined to the next one. The tests compare these views with the
 * drafts, and the Word file read back by an independent reader with them.
 */
import type { Revision, TrackedParagraph, TrackedRun } from './model.js';

export interface ViewParagraph {
  /** The number the item has in this version (absent for unnumbered paragraphs). */
  number?: string;
  /** The text with white space collapsed. */
  text: string;
  /** The same with each footnote mark as `[^the footnote's text]` (a further call of a footnote too). */
  marked: string;
  role: TrackedParagraph['role'];
}

/** The footnotes held by marks, by key. */
function footnotesOf(paragraphs: readonly TrackedParagraph[]): Map<number, TrackedParagraph[]> {
  const footnotes = new Map<number, TrackedParagraph[]>();
  for (const run of paragraphs.flatMap((paragraph) => paragraph.runs)) if (run.note && 'key' in run.note) footnotes.set(run.note.key, run.note.footnote);
  return footnotes;
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function view(paragraphs: readonly TrackedParagraph[], side: 'old' | 'new', footnotes = footnotesOf(paragraphs)): ViewParagraph[] {
  const removed: Revision = side === 'new' ? 'del' : 'ins';
  const marked = (run: TrackedRun): string => {
    if (!run.note) return run.text;
    const footnote = 'key' in run.note ? run.note.footnote : (footnotes.get(run.note.repeats) ?? []);
    return `[^${view(footnote, side, footnotes)
      .map((paragraph) => paragraph.text)
      .join(' ')}]`;
  };
  const result: ViewParagraph[] = [];
  let open: { number?: string; text: string; marked: string } | undefined;
  for (const paragraph of paragraphs) {
    open ??= { text: '', marked: '' };
    const number = paragraph.number?.[side];
    if (number !== undefined && open.number === undefined) open.number = number;
    const runs = paragraph.runs.filter((run) => run.revision !== removed);
    open.text += runs.map((run) => run.text).join('');
    open.marked += runs.map(marked).join('');
    if (paragraph.mark === removed) continue;
    const text = collapse(open.text);
    // The surviving paragraph mark holds the paragraph's properties.
    // Where they changed, the old version's (a lent mark: ./marks.ts).
    const role = side === 'old' && paragraph.formerly ? paragraph.formerly.role : paragraph.role;
    const seen = { text, marked: collapse(open.marked), role };
    result.push(open.number === undefined ? seen : { number: open.number, ...seen });
    open = undefined;
  }
  // A footnote's last paragraph mark may be gone too (a footnote replaced whole): its text stays.
  const last = paragraphs[paragraphs.length - 1];
  if (open && last && collapse(open.text) !== '') result.push({ text: collapse(open.text), marked: collapse(open.marked), role: last.role });
  return result;
}

/** The paragraphs after Accept All: the new version. */
export const acceptAll = (paragraphs: readonly TrackedParagraph[]): ViewParagraph[] => view(paragraphs, 'new');
/** The paragraphs after Reject All: the old version. */
export const rejectAll = (paragraphs: readonly TrackedParagraph[]): ViewParagraph[] => view(paragraphs, 'old');
