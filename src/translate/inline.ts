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
 * Each code's content is the Markdown it stands for (its "native code"); a
 * text piece holds the segment's Markdown between codes (so that the pieces
 * joined are the segment's text, byte for byte), and is shown as it reads,
 * its escapes resolved (`displayText`). Reading a translation back, a code is
 * taken from the source by its `id` (what the translator may move is the tag,
 * not the Markdown in it), and the text between codes is the translator's
 * text, escaped where Markdown would read it as markup (`markdownText`).
 */
import type { Nodes, Parent } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
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
 * then shows the existing translation's tags as the source's. A code the
 * source does not have (a link to the page in the translation's language, a
 * line break) gets an id of its own, which import reads back from the
 * translation in the sources.
 */
export function targetPieces(text: string, source: Piece[]): Piece[] {
  const pieces = inlinePieces(text);
  const codes = source.filter((p): p is Code => p.type === 'code');
  const free = [...codes];
  /** The closing Markdown of each of the source's pairs, by id. */
  const closing = new Map(codes.flatMap((c) => (c.kind === 'ept' ? [[c.id, c.native] as const] : [])));
  /** The translation's open pairs, by the id `inlinePieces` gave them. */
  const opened = new Map<string, Code>();
  const own = new Set<string>();
  let next = Math.max(0, ...codes.map((c) => Number(c.id)));
  const fresh = () => {
    const id = String(++next);
    own.add(id);
    return id;
  };
  for (const piece of pieces) {
    if (piece.type !== 'code') continue;
    const bpt = piece.kind === 'ept' ? opened.get(piece.id) : undefined;
    if (bpt) {
      // A pair is the source's only when its closing tag is too: a link to another address (a page in the
      // translation's language) is the translation's own, under an id of its own that import reads back from it.
      if (!own.has(bpt.id) && closing.get(bpt.id) !== piece.native) bpt.id = fresh();
      piece.id = bpt.id;
      continue;
    }
    const match = free.findIndex((c) => c.kind === piece.kind && c.native === piece.native);
    if (piece.kind === 'bpt') opened.set(piece.id, piece);
    piece.id = match >= 0 ? free.splice(match, 1)[0]!.id : fresh();
  }
  return pieces;
}

/** The Markdown text of pieces. */
export function piecesText(pieces: Piece[]): string {
  return pieces.map((p) => (p.type === 'text' ? p.value : p.native)).join('');
}

/**
 * What a text piece reads as: its Markdown with backslash escapes and
 * character references resolved (`\[…]` reads `[…]`, `R\&D` and `R&amp;D`
 * read `R&D`), as a translator should see it. Text pieces hold no code span,
 * HTML or autolink (those are codes), so every escape in them is one.
 */
export function displayText(markdown: string): string {
  if (!markdown.includes('\\') && !markdown.includes('&')) return markdown;
  return markdown.replace(/\\([!-/:-@[-`{-~])|&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/g, (whole, escaped, dec, hex, name) => {
    if (escaped !== undefined) return escaped;
    if (name !== undefined) {
      const decoded = decodeNamedCharacterReference(name);
      return decoded === false ? whole : decoded;
    }
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex, 16);
    // As CommonMark: U+0000, surrogates and code points past U+10FFFF read as U+FFFD.
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  });
}

/** Markdown characters that could start inline markup: all written escaped, wherever they stand. */
const INLINE_MARKUP = /[\\`*_[\]<>~{}#|!]|&(?=#?[A-Za-z0-9]+;)|:(?=[:A-Za-z0-9_-])/g;
/**
 * The same, only where they can start markup in running text: a backslash
 * before punctuation or at the end, a backtick, `*`, `_` or `~` touching a
 * word (`_` but inside one), `[^` and `](`, `<` before a tag or address, `&` before a character
 * reference, `:` before a word (a directive), `{#`, `#` ending the text (a
 * heading's closing sequence). `!`, `[…]`, `5 * 3`, `a_b`, `<3` stay as
 * typed.
 */
const RUNNING_MARKUP =
  /\\(?=[!-/:-@[-`{-~\n]|$)|`|(?<=\S)[*~]|[*~](?=\S)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|\[(?=\^)|\](?=[([:])|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|:(?=[:A-Za-z0-9_-])|\{(?=#)|#(?=#*$)/gu;
/** At the start of a line: what would start a list item, a heading, a quote, a heading underline or a thematic break. */
const LINE_START = /(^|\n)([ \t]*)(?:([-+=*#>])|(\d{1,9})([.)]))/g;

/**
 * A translator's text as Markdown that reads back as exactly that text
 * (`displayText` of it, and no markup): the characters that would start
 * emphasis, a link, a footnote call, HTML, a directive (`10:30`, `3:1`), a
 * character reference or a block (`- `, `1. ` at a line's start) are
 * escaped. Markup comes only from the codes of the source, which the CAT
 * tool shows as tags. `lineStart`: whether the text starts a line; `every`:
 * every character that could start markup escaped, or (false) only those
 * that do in running text, which the caller checks by reading it back.
 */
export function markdownText(text: string, lineStart: boolean, every = true): string {
  // Spaces that end a line are no text (two of them would make a line break).
  const escaped = text.replace(/[ \t]+(?=\n)/g, '').replace(every ? INLINE_MARKUP : RUNNING_MARKUP, '\\$&');
  return escaped.replace(LINE_START, (whole, before: string, indent: string, sign, digits, delimiter, offset: number) => {
    if (offset === 0 && before === '' && !lineStart) return whole;
    return sign !== undefined ? `${before}${indent}\\${sign}` : `${before}${indent}${digits}\\${delimiter}`;
  });
}
