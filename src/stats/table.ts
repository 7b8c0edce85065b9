/** Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned. */
import { withThousands } from '../core/messages.js';

export type Align = 'left' | 'right';

export interface Column {
  title: string;
  align?: Align;
}

/** Columns titled `left` (aligned left), then `right` (aligned right, as numbers), then `after` (left). */
export function columns(left: readonly string[], right: readonly string[] = [], after: readonly string[] = []): Column[] {
  return [...left.map((title) => ({ title })), ...right.map((title) => ({ title, align: 'right' as const })), ...after.map((title) => ({ title }))];
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

/**
 * Lines of a table: a header, then the rows; `style` colours the header. With
 * `maxWidth` (a terminal's width), a last column of text that would pass it
 * wraps at spaces onto lines of its own, under its column.
 */
export function table(columns: Column[], rows: string[][], style: { header?: (s: string) => string; maxWidth?: number } = {}): string[] {
  const widths = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(r[i] ?? ''))));
  const last = columns.length - 1;
  const start = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  const room = style.maxWidth && (columns[last]!.align ?? 'left') === 'left' && start + widths[last]! > style.maxWidth ? style.maxWidth - start : undefined;
  const line = (cells: string[]) => {
    const text = cells
      .map((cell, i) => pad(cell, i === last && room ? 0 : widths[i]!, columns[i]!.align ?? 'left'))
      .join('  ')
      .trimEnd();
    if (!room || room < 10 || width(cells[last] ?? '') <= room) return text;
    const [first, ...more] = wrapText(cells[last]!, room);
    const head =
      cells
        .slice(0, last)
        .map((cell, i) => pad(cell, widths[i]!, columns[i]!.align ?? 'left'))
        .join('  ') + '  ';
    return [head + first, ...more.map((part) => ' '.repeat(start) + part)].join('\n');
  };
  const header = line(columns.map((c) => c.title));
  return [style.header ? style.header(header) : header, ...rows.map(line)];
}

/** Text broken at spaces into lines of at most `size` (a longer word stays whole). */
export function wrapText(text: string, size: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && width(current) + 1 + width(word) > size) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** `12345` → `12,345`. */
export function n(value: number): string {
  return withThousands(Math.round(value));
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? [...flat].slice(0, max - 1).join('') + '…' : flat;
}
