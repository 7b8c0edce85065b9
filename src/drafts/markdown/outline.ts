/**
 * What a heading of a draft is — a line of the front, a chapter or a
 * sub-heading of the chapter it stands in — the one rule of both readers of
 * drafts (`parseMarkdownDraft` for the diff, `readStructure` for `opinion
 * import`), so that a draft imported and then compared with its import reads
 * the same on both sides.
 *
 * The rule, heading by heading (its number read by `blockNumbers`):
 * - a number of one level ("1. Conclusions") opens a numbered chapter;
 * - before the first chapter, a heading is a line of the front when it is the
 *   title line, a line of the header (a banner, a reference, a label), when
 *   the title line comes after it, or, in a front without a title line, when
 *   it is the first above the chapters' level (the title); any other one
 *   opens an unnumbered chapter (an executive summary, a foreword), so that
 *   its text and the paragraphs under it stay text of the opinion (`{-}` in
 *   the sources) and are never a comment in opinion.yaml;
 * - after the closing block ("Brussels, 23 May 2018."), an unnumbered heading
 *   opens an unnumbered chapter (an appendix), whatever its level;
 * - after it, an unnumbered heading at the chapters' level or above (or in a
 *   draft without chapter headings) opens an unnumbered chapter (an annex); a
 *   deeper one is a sub-heading of the chapter it stands in, as a numbered one
 *   is: it does not end the chapter, and the points after it keep their
 *   numbers (the sources number every sub-heading, so an import reports each
 *   number the build changes);
 * - in an unnumbered chapter nothing is numbered: a sub-heading's number is
 *   part of its text, as a reader sees it.
 */
import { LEADING_ID } from '../../core/markdown-syntax.js';
import { isFrontLine, linesOf } from './front-matter.js';
import { isTitleLine } from './header-labels.js';
import { levels, type Leading } from './numbering.js';

export interface OutlineState {
  /** A chapter has been opened; `numbered` says whether the last one is. */
  chapter?: { numbered: boolean };
  /** The draft's title line has been read. */
  titled: boolean;
  /** The heading level of numbered chapters (`chapterHeadingDepth`), if the draft has any. */
  chapterDepth: number | undefined;
  /** The front's title line comes later (see `titleLineAt`). */
  titleAhead: boolean;
  /** After the closing block. */
  closed: boolean;
}

export type HeadingRole =
  /** `title`: the heading is the title, in a front without a title line; else a line of the front as a paragraph would be. */
  | { role: 'front'; title: boolean }
  | { role: 'chapter'; number?: string }
  /** `skip`: the characters before its title (its number when it has one, a leading `{#id}`). */
  | { role: 'sub-heading'; number?: string; skip: number };

export function headingRole(text: string, lead: Leading, depth: number, state: OutlineState): HeadingRole {
  if (lead.number !== undefined && levels(lead.number) === 1) return { role: 'chapter', number: lead.number };
  if (lead.number === undefined && (state.closed || (state.chapter && (state.chapterDepth === undefined || depth <= state.chapterDepth))))
    return { role: 'chapter' };
  if (!state.chapter && lead.number === undefined) {
    if (state.titleAhead || isFrontLine(text, state.titled)) return { role: 'front', title: false };
    if (!state.titled && (state.chapterDepth === undefined || depth < state.chapterDepth)) return { role: 'front', title: true };
    return { role: 'chapter' };
  }
  if (lead.number === undefined) return { role: 'sub-heading', skip: lead.skip };
  if (state.chapter && !state.chapter.numbered) return { role: 'sub-heading', skip: idEnd(text) };
  return { role: 'sub-heading', number: lead.number, skip: lead.skip };
}

/**
 * Where the front's title line stands among the blocks: the first heading or
 * paragraph before the first chapter number that is one, or -1.
 */
export function titleLineAt(blocks: readonly { plain?: { text: string }; lead?: Leading }[]): number {
  for (let i = 0; i < blocks.length; i++) {
    const { plain, lead } = blocks[i]!;
    if (lead?.number !== undefined && levels(lead.number) === 1) return -1;
    if (plain && (isTitleLine(plain.text) || linesOf(plain.text).some(isTitleLine))) return i;
  }
  return -1;
}

/** Where the text of a block starts after the white space and the `{#id}` that may open it. */
export function idEnd(text: string): number {
  const space = text.length - text.trimStart().length;
  const marker = LEADING_ID.exec(text.slice(space));
  return marker?.[1] ? space + marker[0].length : space;
}

/**
 * The number a paragraph's leading number gives it as a point: none for a
 * chapter's number (one level), nor in an unnumbered chapter, where the
 * number is part of the point's text (the build numbers nothing there).
 */
export function pointNumber(lead: Leading, chapter: OutlineState['chapter']): string | undefined {
  return lead.number !== undefined && levels(lead.number) > 1 && chapter?.numbered !== false ? lead.number : undefined;
}
