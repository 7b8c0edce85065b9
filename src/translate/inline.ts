/**
 * The inline markup of a segment as XLIFF 1.2 inline codes, so that CAT tools
 * show it as tags the translator moves but cannot break:
 *
 * - `<ph>` (a placeholder) for what stands alone: a footnote call `[^1]`, a
 *   directive (`:ref{#id}`, `:cite{#id}`), inline code, an image, inline
 *   HTML, a hard line break;
 * - `<bpt>`/`<ept>` (a pair, sharing its `id`) for the delimiters around text
 *   the translator translates: emphasis `*…*`, strong `**…**`,
 *   strikethrough `~~…~~`, a link `[…](url)`.
 *
 * Each code's content is the Markdown it stands for (its "native code"), so
 * that the concatenation of the text and the codes is the segment's text,
 * byte for byte. Reading a translation back, a code is taken from the source
 * by its `id` (what the translator may move is the tag, not the Markdown in
 * it).
 */
import type { Nodes, Parent } from 'mdast';
import { parseMarkdown } from '../core/markdown.js';

export type CodeKind = 'ph' | 'bpt' | 'ept';

export interface Code {
  type: 'code';
  kind: CodeKind;
  /** The XLIFF `id` (a `bpt` and its `ept` share it). */
  id: string;
  /** The XLIFF `ctype`: what the code is, for the CAT tool's display. */
  ctype: string;
  /** The Markdown the code stands for. */
  native: string;
}

export type Piece = { type: 'text'; value: string } | Code;

interface Range {
  start: number;
  end: number;
  kind: CodeKind;
  ctype: string;
  /** The pair a `bpt` / `ept` belongs to. */
  pair?: number;
}

const WRAPPERS: Record<string, string> = { emphasis: 'italic', strong: 'bold', delete: 'x-strikethrough', link: 'link' };
const ATOMS: Record<string, string> = {
  footnoteReference: 'x-footnote-call',
  textDirective: 'x-directive',
  inlineCode: 'x-code',
  image: 'image',
  imageReference: 'image',
  html: 'x-html',
  break: 'lb',
};

/**
 * The text and inline codes of a segment. Footnote calls are recognised
 * without their definitions (which live elsewhere in the chapter).
 */
export function inlinePieces(text: string): Piece[] {
  const labels = new Set([...text.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]!));
  // Definitions after the text make GFM read the calls as calls; offsets in `text` stay the same.
  const tree = parseMarkdown(labels.size === 0 ? text : `${text}\n\n${[...labels].map((l) => `[^${l}]: x`).join('\n')}\n`);
  const ranges: Range[] = [];
  let pairs = 0;
  const walk = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || start >= text.length) return;
    if (node.type === 'footnoteDefinition') return;
    if (node.type in ATOMS) {
      ranges.push({ start, end, kind: 'ph', ctype: ATOMS[node.type]! });
      return;
    }
    const children = 'children' in node ? ((node as Parent).children as Nodes[]) : [];
    if (node.type in WRAPPERS && children.length > 0) {
      const first = children[0]!.position?.start.offset;
      const last = children[children.length - 1]!.position?.end.offset;
      if (first !== undefined && last !== undefined && first > start && last < end) {
        const pair = ++pairs;
        ranges.push({ start, end: first, kind: 'bpt', ctype: WRAPPERS[node.type]!, pair });
        for (const child of children) walk(child);
        ranges.push({ start: last, end, kind: 'ept', ctype: WRAPPERS[node.type]!, pair });
        return;
      }
    }
    for (const child of children) walk(child);
  };
  walk(tree);
  ranges.sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  const ids = new Map<number, string>();
  let next = 0;
  let at = 0;
  for (const range of ranges) {
    if (range.start < at) continue;
    if (range.start > at) out.push({ type: 'text', value: text.slice(at, range.start) });
    let id: string;
    if (range.pair !== undefined) {
      id = ids.get(range.pair) ?? String(++next);
      ids.set(range.pair, id);
    } else id = String(++next);
    out.push({ type: 'code', kind: range.kind, id, ctype: range.ctype, native: text.slice(range.start, range.end) });
    at = range.end;
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

/**
 * The pieces of a translation (its Markdown), with the ids of the source's
 * codes where a code is the same Markdown as one of the source's: a CAT tool
 * then shows the existing translation's tags as the source's.
 */
export function targetPieces(text: string, source: Piece[]): Piece[] {
  const pieces = inlinePieces(text);
  const free = source.filter((p): p is Code => p.type === 'code');
  const renamed = new Map<string, string>();
  let next = Math.max(0, ...free.map((c) => Number(c.id)));
  for (const piece of pieces) {
    if (piece.type !== 'code') continue;
    const known = renamed.get(`${piece.kind === 'ept' ? 'bpt' : piece.kind}:${piece.id}`);
    if (known !== undefined && piece.kind === 'ept') {
      piece.id = known;
      continue;
    }
    const match = free.findIndex((c) => c.kind === piece.kind && c.native === piece.native);
    const id = match >= 0 ? free.splice(match, 1)[0]!.id : String(++next);
    renamed.set(`${piece.kind}:${piece.id}`, id);
    piece.id = id;
  }
  return pieces;
}

/** The Markdown text of pieces. */
export function piecesText(pieces: Piece[]): string {
  return pieces.map((p) => (p.type === 'text' ? p.value : p.native)).join('');
}
