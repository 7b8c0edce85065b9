/**
 * What the conversion of a filled draft tree to Word carries from node to
 * node: the numbering plan of the numbered items, the bookmarks that
 * cross-references can point at, the footnotes, and a counter of list
 * instances (each ordered list counts from 1).
 */
import type { Nodes } from 'mdast';
import type { NumberingPlan } from '../../word/document.js';
import '../mdast-data.js';

export interface WordContext {
  plan: NumberingPlan;
  /** Index of each numbered item (chapter heading, section heading, point) in `plan.levels`. */
  items: Map<Nodes, number>;
  /** HTML anchor (a source id) → Word bookmark name. */
  bookmarks: Map<string, string>;
  /** Footnote numbers that have a definition. */
  footnotes: Set<string>;
  /** Footnote numbers whose reference mark is written (the next references are `NOTEREF` fields). */
  referenced: Set<string>;
  /** Next list instance. */
  lists: number;
}

/** The classes the build put on a node (`data.hProperties.className`). */
export function classesOf(node: Nodes): string[] {
  const value: unknown = node.data?.hProperties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [];
}

/** The id the build put on a node (`data.hProperties.id`), if any. */
export function idOf(node: Nodes): string | undefined {
  const value = node.data?.hProperties?.id;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Whether a text node is a point, section or chapter number (`span.num`). */
export function isNumber(node: Nodes): boolean {
  return node.type === 'text' && classesOf(node).includes('num');
}
