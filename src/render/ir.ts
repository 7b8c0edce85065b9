/**
 * The resolved document of one language: chapters of numbered headings and
 * points, footnotes, and the pieces of the front matter, before it is poured
 * into a template. Every unit keeps the VFile (and place) it came from, so
 * that later passes report at the user's own file:line:column.
 */
import type { BlockContent, Paragraph, PhrasingContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Position } from '../core/model.js';
import './mdast-data.js';

export type PointKind = 'point' | 'principle' | 'recommendation';

export interface PointBlock {
  type: 'point';
  kind: PointKind;
  id?: string;
  /** Full number without trailing dot ("1.2", "3.1.2"); '' in an unnumbered chapter. */
  number: string;
  /** The point's paragraph (its `{#id}` marker removed). */
  paragraph: Paragraph;
  /** Lists, tables, quotes, further paragraphs of a YAML text… that belong to the point. */
  more: BlockContent[];
  file: VFile;
  at?: Position;
  /** A recommendation's `reason`, for amendment sheets (plain text). */
  reason?: string;
}

export interface HeadingBlock {
  type: 'heading';
  /** 1: a section (`3.1`), 2: a sub-section (`3.1.1`). */
  level: number;
  id?: string;
  number: string;
  title: PhrasingContent[];
  file: VFile;
  at?: Position;
}

/** Content that is neither a point nor a heading (a list right after a heading…): not numbered. */
export interface ContentBlock {
  type: 'content';
  nodes: BlockContent[];
  file: VFile;
}

/** An internal note (`:::note`), kept only when notes are asked for. */
export interface NoteBlock {
  type: 'note';
  nodes: BlockContent[];
  file: VFile;
  at?: Position;
}

/** Closes a group of headings made by a slot (`::recommendations{group=addressee}`): points continue at `level`. */
export interface GroupEnd {
  type: 'group-end';
  level: number;
}

export type Block = PointBlock | HeadingBlock | ContentBlock | NoteBlock | GroupEnd;

export interface Chapter {
  id: string;
  /** "1", "2"…; '' for an unnumbered chapter (`# Foreword {-}`). */
  number: string;
  numbered: boolean;
  title: PhrasingContent[];
  blocks: Block[];
  file: VFile;
  at?: Position;
}

export interface Footnote {
  /** "1", "2"… in order of first reference. */
  number: string;
  /** The footnote label in the source (`fn-sprar`) or the cited evidence / fact id. */
  id: string;
  kind: 'footnote' | 'citation';
  content: BlockContent[];
  file: VFile;
  at?: Position;
}

/** What a cross-reference to an id renders as. */
export interface Target {
  /** The label as phrasing ("point 3.2", an evidence title…). */
  label: PhrasingContent[];
  /** The HTML anchor, when the target is in the document. */
  anchor?: string;
  kind: string;
}

/** A piece of inline content with the file it came from. */
export interface Inline {
  nodes: PhrasingContent[];
  file: VFile;
}
