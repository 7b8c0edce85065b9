/**
 * Offsets to 1-based line/column in a file's text, by binary search over
 * the offsets where lines start.
 */
import type { Point } from './model.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.starts[this.starts.length - 1]!) + column - 1;
  }

  /** The offset where a 1-based line starts, and where it ends (before its newline). */
  line(line: number): [number, number] {
    const start = this.starts[line - 1] ?? 0;
    const next = this.starts[line];
    return [start, next === undefined ? Number.MAX_SAFE_INTEGER : next - 1];
  }

  point(offset: number): Point {
    return pointAt(this.starts, offset);
  }
}

/** The 1-based line and column of `offset`, given the offsets where lines start (in order, the first 0). */
export function pointAt(starts: readonly number[], offset: number): Point & { offset: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1, offset };
}

/** Where `text`, starting at `start`, ends: `start` moved over it line by line (its offset too, when it has one). */
export function pointAfter(start: Point, text: string): Point {
  const lines = text.split('\n');
  const point: Point = { line: start.line + lines.length - 1, column: (lines.length === 1 ? start.column : 1) + lines[lines.length - 1]!.length };
  return start.offset !== undefined ? { ...point, offset: start.offset + text.length } : point;
}
