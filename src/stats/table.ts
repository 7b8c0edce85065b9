/** Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned. */

export type Align = 'left' | 'right';

export interface Column {
  title: string;
  align?: Align;
}

/** Display width of a cell: code points, ANSI colour codes left out. */
function width(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

function pad(text: string, size: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Lines of a table: a header, then the rows; `style` colours the header. */
export function table(columns: Column[], rows: string[][], style: { header?: (s: string) => string } = {}): string[] {
  const widths = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, columns[i]!.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.title));
  return [style.header ? style.header(header) : header, ...rows.map(line)];
}

/** `12345` → `12,345`. */
export function n(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? [...flat].slice(0, max - 1).join('') + '…' : flat;
}
