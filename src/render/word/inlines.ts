/**
 * Phrasing content → Word runs: emphasis, strong, strikethrough, inline
 * code, line breaks, links (web links as hyperlinks, cross-references as
 * links to the bookmark of their target, or text when it has none) and
 * footnote references (real Word footnotes; inside a footnote, where Word
 * has none, a NOTEREF to the footnote's mark in the body, or a superscript
 * number for a footnote the body never calls).
 *
 * A Word footnote has one reference mark. A footnote referred to again (a
 * source cited twice) is, as Word does it, a `NOTEREF` field to a bookmark on
 * the first mark: the same number, in the same style.
 */
import { Bookmark, ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, SimpleField, TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent } from 'mdast';
import { STYLE } from '../../word/document.js';
import { classesOf, type WordContext } from './context.js';

export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  superScript?: boolean;
  /** A character style. */
  style?: string;
}

export interface InlineOptions {
  /** Inside a footnote: footnote references become NOTEREFs or superscript numbers. */
  inFootnote?: boolean;
}

const WEB_LINK = /^(https?:|mailto:)/i;

export function inlines(nodes: readonly PhrasingContent[], ctx: WordContext, format: RunFormat = {}, options: InlineOptions = {}): ParagraphChild[] {
  return nodes.flatMap((node) => inline(node, ctx, format, options));
}

function inline(node: PhrasingContent, ctx: WordContext, format: RunFormat, options: InlineOptions): ParagraphChild[] {
  switch (node.type) {
    case 'text': {
      if (node.value === '') return [];
      // A gap (a fact or a text nobody entered yet) is highlighted, as the HTML's `span.gap`.
      const gap = classesOf(node).includes('gap') ? ({ highlight: 'yellow' } as const) : {};
      return [new TextRun({ text: node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), ...format, ...gap })];
    }
    case 'emphasis':
      return inlines(node.children, ctx, { ...format, italics: true }, options);
    case 'strong':
      return inlines(node.children, ctx, { ...format, bold: true }, options);
    case 'delete':
      return inlines(node.children, ctx, { ...format, strike: true }, options);
    case 'inlineCode':
      return [new TextRun({ text: node.value, ...format, style: STYLE.code })];
    case 'break':
      return [new TextRun({ break: 1, ...format })];
    case 'link': {
      if (node.data?.opinionRef || node.url.startsWith('#')) {
        const bookmark = node.url.startsWith('#') ? ctx.bookmarks.get(node.url.slice(1)) : undefined;
        const children = inlines(node.children, ctx, format, options);
        return bookmark ? [new InternalHyperlink({ anchor: bookmark, children })] : children;
      }
      if (WEB_LINK.test(node.url))
        return [new ExternalHyperlink({ link: node.url, children: inlines(node.children, ctx, { ...format, style: 'Hyperlink' }, options) })];
      return inlines(node.children, ctx, format, options);
    }
    case 'footnoteReference': {
      const number = node.label ?? node.identifier;
      const bookmark = `_fnref${node.identifier}`;
      // Word has no footnote in a footnote: there, a footnote the body calls is referred to by its mark (NOTEREF).
      if (options.inFootnote && ctx.referenced.has(node.identifier)) return [new NoteReference(bookmark, number)];
      if (options.inFootnote || !ctx.footnotes.has(node.identifier)) return [new TextRun({ text: number, ...format, superScript: true })];
      if (ctx.referenced.has(node.identifier)) return [new NoteReference(bookmark, node.identifier)];
      ctx.referenced.add(node.identifier);
      return [new Bookmark({ id: bookmark, children: [new FootnoteReferenceRun(Number(node.identifier))] })];
    }
    case 'image':
      return node.alt ? [new TextRun({ text: node.alt, ...format })] : [];
    case 'imageReference':
      return node.alt ? [new TextRun({ text: node.alt, ...format })] : [];
    case 'linkReference':
      return inlines(node.children, ctx, format, options);
    case 'html':
      return [];
    default: {
      // Nodes of extensions (directives left by a custom template): their text.
      const other = node as { children?: PhrasingContent[]; value?: unknown };
      return other.children
        ? inlines(other.children, ctx, format, options)
        : typeof other.value === 'string'
          ? [new TextRun({ text: other.value, ...format })]
          : [];
    }
  }
}

/** A `NOTEREF` field showing the number of the footnote whose mark is in `bookmark`, as a footnote mark. */
class NoteReference extends SimpleField {
  constructor(bookmark: string, number: string) {
    super(`NOTEREF ${bookmark} \\f \\h`);
    this.root.push(new TextRun({ text: number, style: 'FootnoteReference' }));
  }
}
