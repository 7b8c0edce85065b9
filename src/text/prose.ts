/**
 * Prose: the plain text of a point, heading or footnote as a reader sees it
 * (markup, id markers and notes removed), with a map from every character
 * back to the user's source file, so that a finding on a word or a sentence
 * is reported at its own line and column — in Markdown or inside a YAML
 * scalar alike.
 */
import type { Located, Point } from '../core/model.js';
import { alignOffsets } from '../core/align.js';

/** Where a run of text comes from: a Markdown file, or a YAML scalar parsed as inline Markdown. */
export interface Origin {
  /** Path of the source file. */
  file: string;
  /** The Markdown the offsets of a piece refer to: the file's text, or the scalar's value. */
  base: string;
  /** The line/column in the file of an offset in `base`. */
  point(offset: number): Point;
}

/** How the characters of a piece map to its source. */
export type PieceMap =
  /** One to one (a text node without escapes). */
  | 'exact'
  /** Same characters in order, with markup in between (escapes, entities, line indentation). */
  | 'align'
  /** The piece stands for a whole construct (a `:ref` rendered as a label). */
  | 'atomic';

interface Piece {
  start: number;
  end: number;
  origin: Origin;
  baseStart: number;
  baseEnd: number;
  map: PieceMap;
  aligned?: Int32Array;
}

export class Prose {
  constructor(
    readonly text: string,
    private readonly pieces: readonly Piece[],
  ) {}

  get isEmpty(): boolean {
    return this.text.trim() === '';
  }

  /** The source place of `text.slice(start, end)`. */
  locate(start: number, end: number = start): Located | undefined {
    if (this.pieces.length === 0) return undefined;
    const first = this.pieceAt(start, 'start');
    const last = this.pieceAt(Math.max(start, end - 1), 'end');
    const from = first.origin.point(this.baseOffset(first, start, 'start'));
    const to =
      last.origin === first.origin && end > start
        ? last.origin.point(this.baseOffset(last, end - 1, 'end') + 1)
        : end > start
          ? first.origin.point(first.baseEnd)
          : from;
    return { file: first.origin.file, position: { start: from, end: to } };
  }

  /** The whole text's place (first to last located character). */
  locateAll(): Located | undefined {
    const lead = this.text.length - this.text.trimStart().length;
    return this.locate(lead, this.text.trimEnd().length);
  }

  private pieceAt(index: number, side: 'start' | 'end'): Piece {
    const pieces = this.pieces;
    // The piece holding `index`; in a gap, the next piece for a start and the previous one for an end.
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pieces[mid]!.end <= index) low = mid + 1;
      else high = mid;
    }
    const found = pieces[low]!;
    if (index >= found.start && index < found.end) return found;
    if (side === 'end' && index < found.start && low > 0) return pieces[low - 1]!;
    return found;
  }

  private baseOffset(piece: Piece, index: number, side: 'start' | 'end'): number {
    if (index < piece.start) return piece.baseStart;
    if (index >= piece.end) return side === 'end' ? piece.baseEnd - 1 : piece.baseEnd;
    switch (piece.map) {
      case 'exact':
        return piece.baseStart + (index - piece.start);
      case 'atomic':
        return side === 'start' ? piece.baseStart : piece.baseEnd - 1;
      case 'align': {
        piece.aligned ??= alignOffsets(this.text.slice(piece.start, piece.end), piece.origin.base.slice(piece.baseStart, piece.baseEnd), piece.baseStart);
        return piece.aligned[index - piece.start]!;
      }
    }
  }
}

export class ProseBuilder {
  private text = '';
  private readonly pieces: Piece[] = [];

  get length(): number {
    return this.text.length;
  }

  /** Append text that comes from `origin` at `[baseStart, baseEnd)`. */
  add(value: string, origin: Origin, baseStart: number, baseEnd: number, map: PieceMap): void {
    if (value === '') return;
    const start = this.text.length;
    this.text += value;
    this.pieces.push({ start, end: this.text.length, origin, baseStart, baseEnd, map });
  }

  /** Append text with no place of its own (separators between blocks). */
  raw(value: string): void {
    this.text += value;
  }

  /** Whether the text so far ends with white space (or is empty). */
  endsWithSpace(): boolean {
    return this.text === '' || /\s$/.test(this.text);
  }

  build(): Prose {
    return new Prose(this.text, this.pieces);
  }
}
