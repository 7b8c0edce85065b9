/**
 * Pieces of text with their formatting (bold, italic, a link) turned into
 * mdast phrasing: adjacent pieces of the same format merged, spaces moved
 * out of emphasis (`**word** ` rather than `**word **`, which Markdown
 * would not read as emphasis), links wrapping their formatted text, text in
 * a code style a code span.
 */
import type { PhrasingContent } from 'mdast';

export type Piece =
  | { type: 'text'; value: string; bold: boolean; italic: boolean; code?: boolean; link?: string; anchor?: string }
  | { type: 'footnote'; id: string; link?: string }
  | { type: 'break'; link?: string };

function splitSpaces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.type !== 'text' || piece.code || (!piece.bold && !piece.italic)) {
      out.push(piece);
      continue;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(piece.value) as RegExpExecArray;
    const [, before = '', middle = '', after = ''] = match;
    const plain = (value: string): Piece => ({ type: 'text', value, bold: false, italic: false, ...(piece.link ? { link: piece.link } : {}) });
    if (before) out.push(plain(before));
    if (middle) out.push({ ...piece, value: middle });
    if (after) out.push(plain(after));
  }
  return out;
}

function sameFormat(a: Piece, b: Piece): boolean {
  return (
    a.type === 'text' && b.type === 'text' && a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.link === b.link && a.anchor === b.anchor
  );
}

function merge(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && last.type === 'text' && piece.type === 'text' && sameFormat(last, piece)) last.value += piece.value;
    else out.push(piece.type === 'text' ? { ...piece } : piece);
  }
  return out;
}

function leaf(piece: Piece): PhrasingContent {
  if (piece.type === 'footnote') return { type: 'footnoteReference', identifier: piece.id, label: piece.id };
  if (piece.type === 'break') return { type: 'break' };
  if (piece.code) return { type: 'inlineCode', value: piece.value };
  // A cross-reference's text keeps the bookmark it points to (read by the draft's plain text).
  return piece.anchor ? { type: 'text', value: piece.value, data: { opinionRef: piece.anchor } } : { type: 'text', value: piece.value };
}

/** Formatted runs: bold outside, italic inside. */
function formatted(pieces: readonly Piece[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i] as Piece;
    const bold = piece.type === 'text' && piece.bold;
    let j = i;
    while (j < pieces.length && (pieces[j] as Piece).type === 'text' && (pieces[j] as Piece & { bold: boolean }).bold === bold && bold) j++;
    if (bold) {
      const inner = pieces.slice(i, j).map((p) => ({ ...p, bold: false }) as Piece);
      out.push({ type: 'strong', children: formatted(inner) });
      i = j;
      continue;
    }
    if (piece.type === 'text' && piece.italic) {
      j = i;
      while (
        j < pieces.length &&
        (pieces[j] as Piece).type === 'text' &&
        (pieces[j] as Piece & { italic: boolean }).italic &&
        !(pieces[j] as Piece & { bold: boolean }).bold
      )
        j++;
      out.push({ type: 'emphasis', children: pieces.slice(i, j).map(leaf) });
      i = j;
      continue;
    }
    out.push(leaf(piece));
    i++;
  }
  return out;
}

export function phrasingOf(raw: readonly Piece[]): PhrasingContent[] {
  const pieces = merge(splitSpaces(raw));
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < pieces.length) {
    const link = (pieces[i] as Piece).link;
    let j = i;
    while (j < pieces.length && (pieces[j] as Piece).link === link) j++;
    const children = formatted(pieces.slice(i, j));
    if (link) out.push({ type: 'link', url: link, children });
    else out.push(...children);
    i = j;
  }
  return out;
}

/** The plain text of pieces (for messages and the report's paragraph lines). */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => (piece.type === 'text' ? piece.value : piece.type === 'break' ? ' ' : '')).join('');
}
