/**
 * The footnote definitions at the end of a filled draft → Word footnotes,
 * by number, in the footnote-text style. Word footnotes hold paragraphs
 * only: a table in a footnote becomes one paragraph per row, cells
 * separated by ` | `, so that no text is lost. The text hangs after the
 * footnote's number and a tab, as in EESC documents.
 */
import { Paragraph, Tab, TextRun } from 'docx';
import type { BlockContent, Root, Table } from 'mdast';
import { STYLE } from '../../word/document.js';
import { blocks } from './blocks.js';
import type { WordContext } from './context.js';
import { inlines } from './inlines.js';

/** Numbers of the footnotes defined in the tree. */
export function footnoteNumbers(tree: Root): Set<string> {
  return new Set(tree.children.flatMap((node) => (node.type === 'footnoteDefinition' && /^\d+$/.test(node.identifier) ? [node.identifier] : [])));
}

export function footnoteParagraphs(tree: Root, ctx: WordContext): Map<number, Paragraph[]> {
  const notes = new Map<number, Paragraph[]>();
  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition' || !ctx.footnotes.has(node.identifier)) continue;
    const paragraphs = node.children.flatMap((child) =>
      child.type === 'table'
        ? tableRows(child, ctx)
        : blocks([child as BlockContent], ctx, { style: STYLE.footnoteText, inFootnote: true }).filter((p): p is Paragraph => p instanceof Paragraph),
    );
    if (paragraphs.length === 0) paragraphs.push(new Paragraph({ style: STYLE.footnoteText }));
    // Word puts the footnote's mark in front of its first paragraph: a tab after it, to the hanging indent.
    paragraphs[0]!.addRunToFront(new TextRun({ children: [new Tab()] }));
    notes.set(Number(node.identifier), paragraphs);
  }
  return notes;
}

function tableRows(table: Table, ctx: WordContext): Paragraph[] {
  return table.children.map(
    (row) =>
      new Paragraph({
        style: STYLE.footnoteText,
        children: row.children.flatMap((cell, i) =>
          inlines([...(i > 0 ? [{ type: 'text' as const, value: ' | ' }] : []), ...cell.children], ctx, {}, { inFootnote: true }),
        ),
      }),
  );
}
