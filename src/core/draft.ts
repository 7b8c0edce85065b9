/**
 * A draft as a reader sees it: numbered chapters and points with their text.
 *
 * This is the common ground of `opinion build` (which produces it from
 * sources, with ids), of Markdown / Word drafts converted by hand (parsed
 * from their numbering, without ids), and of `opinion diff`, `check` and
 * `stats`, which consume it.
 */
import type { Located } from './model.js';

export interface Draft {
  /** Where the draft came from (a folder, a file, `folder@rev`), for messages and reports. */
  origin: string;
  lang?: string;
  /** The title line, e.g. "Opinion of the European Economic and Social Committee on ‘…’". */
  title?: string;
  /** Header block rows in display order (label/value as rendered). */
  header: DraftHeaderField[];
  chapters: DraftChapter[];
  footnotes: DraftFootnote[];
  /** `oj` when points are numbered with a trailing dot (`1.1.`, Official Journal style); absent: `1.1`. */
  numbering?: 'eesc' | 'oj';
}

export interface DraftHeaderField {
  /** Stable key: `rapporteur`, `adopted_at_plenary`, `vote`, `stage`… (the label when unknown). */
  field: string;
  label: string;
  value: string;
}

export interface DraftChapter {
  /** "1", "2"… absent for unnumbered chapters. */
  number?: string;
  id?: string;
  /** The Word bookmarks of its heading, which the draft's cross-references point to. */
  bookmarks?: string[];
  title: string;
  /** Sub-headings and points in reading order. */
  points: DraftPoint[];
}

export interface DraftPoint {
  /** Full number without trailing dot: "1.1", "2.3.1". */
  number: string;
  id?: string;
  /** The Word bookmarks of its paragraphs (HTML anchors in a Markdown draft), which the draft's cross-references point to. */
  bookmarks?: string[];
  /** A numbered sub-heading (`3.1 Access to finance`) rather than a point of text. */
  heading?: boolean;
  /** Plain text as rendered (references already rendered as labels, e.g. "point 3.2"). */
  text: string;
  /** Cross-references inside `text`, when known (built drafts; a Word draft's, by bookmark): offsets into `text`. */
  refs?: { target: string; start: number; end: number }[];
  /** The footnote marks inside `text`, in reading order (the text itself leaves them out). */
  notes?: DraftNote[];
  /** Where the point comes from in a source folder (id known) or a draft file. */
  at?: Located;
  /** Where the point came from: a recommendation, a principle or plain prose. */
  kind?: 'point' | 'recommendation' | 'principle';
  /** Why this text is what it is (a recommendation's `reason`), for amendment sheets. */
  reason?: string;
  /**
   * A draft's point of more than one block (its paragraph, then list items,
   * table rows…): where each starts in `text`. A line break inside a block
   * is no block boundary.
   */
  blocks?: DraftBlock[];
}

/** A block of a point: a paragraph, a list item (`ordered` or not) or a table row, from `offset` in the point's text. */
export interface DraftBlock {
  offset: number;
  kind: 'paragraph' | 'item' | 'row' | 'other';
  ordered?: boolean;
}

/** A footnote mark in a point's text. */
export interface DraftNote {
  /** Where the mark stands: an offset into the point's `text` (the mark follows the character before it). */
  offset: number;
  /** The number of the footnote it calls (a `DraftFootnote.number` of the same draft). */
  number: string;
}

export interface DraftFootnote {
  /** Rendered number, "1", "2"… */
  number: string;
  id?: string;
  text: string;
}
