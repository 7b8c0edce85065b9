/**
 * Tables: the header block (label | value, the empty first row of the
 * Markdown table left out) as a Word table in the header-table style, and
 * GFM tables as ruled tables with a repeated bold header row.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Table as MdTable, TableCell as MdTableCell } from 'mdast';
import { STYLE, TEXT_WIDTH } from '../../word/document.js';
import type { WordContext } from './context.js';
import { inlines } from './inlines.js';

/** The header block: two columns, label and value. */
export function headerTable(table: MdTable, ctx: WordContext): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.48), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.48)];
  const rows = table.children.filter((row) => row.children.some((cell) => cell.children.length > 0));
  return new Table({
    style: STYLE.headerTable,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (row) =>
        new TableRow({
          children: widths.map(
            (width, i) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
                children: [new Paragraph({ style: i === 0 ? STYLE.headerLabel : STYLE.headerValue, children: inlines(row.children[i]?.children ?? [], ctx) })],
              }),
          ),
        }),
    ),
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A GFM table, as wide as the text, columns of equal width. */
export function gfmTable(table: MdTable, ctx: WordContext, indent = 0): Table {
  // A loop, not Math.max(...rows): spreading more than about 120,000 rows overflows the stack.
  let columns = 1;
  for (const row of table.children) columns = Math.max(columns, row.children.length);
  const width = TEXT_WIDTH - indent;
  const column = Math.floor(width / columns);
  const cell = (node: MdTableCell | undefined, i: number, header: boolean) => {
    const align = table.align?.[i];
    return new TableCell({
      width: { size: column, type: WidthType.DXA },
      children: [
        new Paragraph({
          style: STYLE.tableText,
          ...(align ? { alignment: ALIGN[align] } : {}),
          children: inlines(node?.children ?? [], ctx, header ? { bold: true } : {}),
        }),
      ],
    });
  };
  return new Table({
    width: { size: column * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => column),
    ...(indent > 0 ? { indent: { size: indent, type: WidthType.DXA } } : {}),
    rows: table.children.map(
      (row, r) => new TableRow({ tableHeader: r === 0, children: Array.from({ length: columns }, (_, i) => cell(row.children[i], i, r === 0)) }),
    ),
  });
}
