/**
 * The result of comparing two drafts: pure data, the same for every output
 * format. Formatters turn it into text; nothing here knows about terminals,
 * files or processes.
 */
import type { Draft, DraftBlock, DraftNote } from '../core/draft.js';
import type { Located } from '../core/model.js';
import type { RefNumber } from './text/references.js';

/** The kinds of change a point (or heading, chapter title, footnote) can undergo. */
export const CHANGE_KINDS = ['added', 'deleted', 'modified', 'moved', 'renumbered', 'split', 'merged'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What was compared: a chapter title, a numbered sub-heading, a point of text or a footnote. */
export type Element = 'chapter' | 'heading' | 'point' | 'footnote';

/** One run of word-level operations turning the old text into the new one. */
export interface WordOp {
  op: 'equal' | 'delete' | 'insert';
  /** The text of the run, whitespace included; for `equal`, as written in the new version. */
  text: string;
  /**
   * For `equal` runs written differently in the old version (a reference
   * renumbered with its target, other whitespace): the old wording.
   */
  old?: string;
}

/** One side of a change: a chapter title, heading, point or footnote as it is in one version. */
export interface Side {
  /** Number without trailing dot ("2.3"); empty for unnumbered items (a foreword's paragraphs). */
  number: string;
  id?: string;
  text: string;
  /** The footnote marks in `text` (compared by the footnote they call, see `Change.calls`; not in the JSON change list). */
  notes?: DraftNote[];
  /**
   * The references in `text` that name their target (a rendered `:ref`, a Word cross-reference's bookmark),
   * for the Word redline, which shows the number the target has now; not in the JSON change list.
   */
  refs?: RefNumber[];
  /** The chapter the item belongs to (for context in reports); absent for chapters and footnotes. */
  chapter?: { number?: string; title: string };
  at?: Located;
  /** Why the text is what it is (a recommendation's `reason`). */
  reason?: string;
  /** A draft's point of several blocks: where each starts in `text` (for tabling amendments; not in the JSON change list). */
  blocks?: DraftBlock[];
}

export interface Change {
  kind: ChangeKind;
  element: Element;
  /** The item(s) in the old version: none when added, several when merged. */
  old: Side[];
  /** The item(s) in the new version: none when deleted, several when split. */
  new: Side[];
  /** The stable id, when one side has it (the new one first). */
  id?: string;
  /** For moves, splits and merges: whether the words changed too. */
  edited?: boolean;
  /**
   * Only typography changed (curly or straight quotes, dashes, ellipsis,
   * kinds of space): not an amendment by default; hidden by `ignoreTypography`.
   */
  typographic?: boolean;
  /**
   * Word-level operations from the old text(s) to the new one(s). Texts of
   * several points are joined by a paragraph break ("\n\n").
   * Empty for renumbering and moves without edits.
   */
  ops: WordOp[];
  /** Word tokens inserted and deleted (punctuation and whitespace not counted). */
  words: WordCounts;
  /** References written as before that now name another item (each number once). */
  retargeted?: Retargeted[];
  /**
   * Present when the item's footnote calls differ (a call added, removed or
   * standing at another word; a call of a footnote only renumbered is no
   * change): `ops` again, with every call of the item written in as one
   * private-use character, kept, deleted or inserted; `marks` says which
   * footnote each calls in the old and the new version. Formatters show the
   * calls from it (`opsWithCalls`); `ops` stays the words only.
   */
  calls?: CallOps;
  /**
   * Where an added or moved item now sits, in terms of the OLD version: the
   * item it follows there (for "add after point 1.3"); absent when it opens
   * the document.
   */
  after?: { number: string; element: Element };
  /** The adopted amendment that made this change, when the newer version records applied amendments. */
  amendment?: string;
  /** True when the newer version records applied amendments and none explains this change. */
  unexplained?: boolean;
  /**
   * For a merge (split) whose parts are not neighbours: the items deleted
   * (added) between them, each after part `after` (0-based) — for full-text
   * redlines, which show them there. Each is also a change of its own.
   */
  within?: { after: number; change: Change }[];
}

/**
 * A reference written alike in both versions whose target is another item
 * now: "see point 1.13" kept as the points were renumbered, so that it names
 * the point that took that number. It may be an oversight or meant; the
 * redline shows it, and says where the item it named went.
 */
export interface Retargeted {
  /** The number as both versions write it. */
  number: string;
  /** The new number of the item it named in the old version; absent when that item was deleted. */
  now?: string;
}

/** The footnote a call calls: its number in the old version (absent for a call inserted), in the new one (absent for a call deleted). */
export interface CallMark {
  old?: string;
  new?: string;
}

/** An item's operations with its calls written in (see `Change.calls`). */
export interface CallOps {
  ops: WordOp[];
  marks: Map<string, CallMark>;
  /** The operations the calls were placed over, without them: the change's `ops` (for an item whose words did not change, all kept). */
  plain: WordOp[];
}

export interface WordCounts {
  added: number;
  deleted: number;
}

/** A header field (rapporteur, dates, stage, vote…) or the title, compared by its key. */
export interface HeaderChange {
  kind: 'added' | 'deleted' | 'modified';
  /** Stable key, e.g. `stage`, `adopted_at_plenary`, `vote`, `title`. */
  field: string;
  /** The label as shown in the newer version (the older one when deleted). */
  label: string;
  old?: string;
  new?: string;
}

/**
 * The whole document in reading order, for full-text redlines: unchanged
 * items, changes, and the old place of a moved item.
 */
export type Entry = { type: 'same'; element: Element; old: Side; new: Side } | { type: 'change'; change: Change } | { type: 'moved-away'; change: Change };

export type KindCounts = Record<ChangeKind, number>;

export interface ChapterSummary {
  /** The chapter's number in the old and new version (absent where it does not exist or has no number). */
  from?: string;
  to?: string;
  title: string;
  counts: KindCounts;
  words: WordCounts;
}

export interface Summary {
  /** Changes to chapter titles, headings and points. */
  counts: KindCounts;
  /** Changes to footnotes. */
  footnotes: KindCounts;
  /** Header fields (and title) added, deleted or changed. */
  header: number;
  words: WordCounts;
  chapters: ChapterSummary[];
}

export type DraftInfo = Pick<Draft, 'origin' | 'title' | 'lang'>;

export interface DiffResult {
  old: DraftInfo;
  new: DraftInfo;
  /** True when nothing differs: no header change and no change to any item. */
  identical: boolean;
  header: HeaderChange[];
  /** Every change in reading order of the new version (footnotes last). */
  changes: Change[];
  /** The whole document in reading order, unchanged items included. */
  entries: Entry[];
  summary: Summary;
}

export interface DiffOptions {
  /**
   * Minimum similarity (0–1, Dice coefficient over words and word pairs) for
   * two items without a common id to count as the same item. Default 0.5.
   */
  similarity?: number;
  /** Locale for word segmentation; default: the new draft's language. */
  locale?: string;
  /** Typographic-only changes (’ for ', – for -) are no change at all. Default false: they are flagged `typographic`. */
  ignoreTypography?: boolean;
}
