/**
 * Footnotes of a Markdown draft: GFM footnote definitions, numbered in the
 * order of their first reference (as rendered), unreferenced ones after.
 */
import type { FootnoteDefinition, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { DraftFootnote } from '../../core/draft.js';
import { TextBuilder } from '../../render/plain-text.js';
import { ID_PATTERN } from '../../core/markdown-syntax.js';

export interface Footnotes {
  footnotes: DraftFootnote[];
  /** A definition's identifier (normalised label) → the footnote's number. */
  numbers: Map<string, string>;
}

export function footnotesOf(tree: Root): Footnotes {
  const numbers = new Map<string, string>();
  if (!tree.children.some((node) => node.type === 'footnoteDefinition')) return { footnotes: [], numbers };
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, 'footnoteDefinition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const order = new Set<string>();
  visit(tree, 'footnoteReference', (node) => {
    if (definitions.has(node.identifier)) order.add(node.identifier);
  });
  for (const identifier of definitions.keys()) order.add(identifier);
  const footnotes = [...order].map((identifier, i) => {
    const definition = definitions.get(identifier) as FootnoteDefinition;
    const builder = new TextBuilder();
    definition.children.forEach((child, j) => {
      if (j > 0) builder.append('\n\n');
      builder.block(child as RootContent);
    });
    const footnote: DraftFootnote = { number: String(i + 1), text: builder.text.trim() };
    const label = definition.label ?? identifier;
    // A label that is a stable id (kebab case, starting with a letter) is kept; "1" is only a number.
    if (ID_PATTERN.test(label)) footnote.id = label;
    numbers.set(identifier, footnote.number);
    return footnote;
  });
  return { footnotes, numbers };
}
