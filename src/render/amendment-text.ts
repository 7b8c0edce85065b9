/**
 * Source Markdown of a point as a reader sees it, in plain text: `:ref{#id}`
 * as "point 2.4", footnote marks and `:cite` left out, markup removed. Both
 * columns of an amendment sheet go through it, so that they differ only
 * where the amendment changes the text.
 */
import type { Nodes } from 'mdast';
import { refText } from '../text/ref-words.js';
import { parseMarkdown } from '../core/markdown.js';
import { FOOTNOTE_CALL } from '../core/inline-syntax.js';

export type NumberOf = (id: string) => string | undefined;

/** `:ref{#id}` and `:cite{#id}` as written in the common case (no label, no other attribute). */
const PLAIN_REF = /(?<!:):(ref|cite)\{#([^\s"'<=>`}#.{]+)\}/g;
/**
 * What could make Markdown more than text, once plain `:ref{#id}` and
 * `:cite{#id}` are set aside, footnote calls left out and simple emphasis
 * unwrapped: an inline marker or escape, a directive, a block marker opening
 * a line, a blank line (two paragraphs) or a hard break. A text without any
 * of them reads as itself, whitespace folded: no parse needed (a sheet of
 * 300 amendments otherwise spends most of its time in micromark).
 */
const SYNTAX = /[\\`*_[\]<>&!~|{}\r]|:(?=\S)|(?:^|\n)[ \t]*(?:[#>+=:-]|\d{1,9}[.)])|\n[ \t]*\n| {2,}\n|^[ \t]*\n|^ {0,3}\t|^ {4}/;

/**
 * Emphasis and strong emphasis in the simplest case, `*words*`, `**words**`,
 * `_words_`, `__words__`: starting and ending with a letter or digit, on one
 * line, with no `*` or `_` inside, and between whitespace or punctuation
 * outside (so that the delimiters can only open and close, whatever the
 * CommonMark flanking rules make of them).
 */
const EMPHASIS = /(?<=^|[\s\p{P}\p{S}])(?<![*_\\])(\*\*|__|\*|_)([\p{L}\p{N}](?:[^*_\n]*?[\p{L}\p{N}])?)\1(?![*_])(?=$|[\s\p{P}\p{S}])/gu;

/** `urls`: a link's address after its text, "text (https://…)" (the sheet, where a new address is a change to show). */
export interface PlainOptions {
  urls?: boolean;
}

export function plainOf(markdown: string, lang: string, numberOf: NumberOf, options: PlainOptions = {}): string {
  const unmarked = markdown.replace(FOOTNOTE_CALL, '').replace(EMPHASIS, '$2');
  if (!SYNTAX.test(unmarked.replace(PLAIN_REF, ' '))) {
    return fold(
      unmarked.replace(PLAIN_REF, (_, name: string, id: string) => {
        if (name === 'cite') return '';
        const number = numberOf(id);
        return number ? refText(lang, 'point', number) : `[${id}]`;
      }),
    );
  }
  return plainParsed(markdown, lang, numberOf, options);
}

/** `plainOf` through the full Markdown parse, whatever the text (what the shortcut must agree with). */
export function plainParsed(markdown: string, lang: string, numberOf: NumberOf, options: PlainOptions = {}): string {
  // A point's text comes without its footnotes' definitions, and without its definition a call is not one:
  // definitions are added so that the calls are read as calls (and left out).
  const labels = [...new Set([...markdown.matchAll(FOOTNOTE_CALL)].map((m) => m[1]!))];
  const tree = parseMarkdown(labels.length > 0 ? `${markdown}\n\n${labels.map((label) => `[^${label}]: -`).join('\n\n')}\n` : markdown);
  const out: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.push(node.value);
        return;
      case 'break':
        out.push('\n');
        return;
      case 'footnoteReference':
      case 'footnoteDefinition':
        return;
      case 'textDirective': {
        if (node.name === 'ref') {
          const id = (node.attributes?.id ?? '').replace(/^#/, '');
          const number = numberOf(id);
          out.push(number ? refText(lang, 'point', number) : `[${id}]`);
        }
        return;
      }
      case 'link': {
        const start = out.length;
        node.children.forEach((child) => walk(child as Nodes));
        // An autolink's text is its address already.
        if (options.urls && node.url && out.slice(start).join('').trim() !== node.url) out.push(` (${node.url})`);
        return;
      }
      default:
        if ('children' in node) {
          node.children.forEach((child, i) => {
            // Paragraphs, list items and table rows are paragraphs of their own; a row's cells are apart.
            if (i > 0 && (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'table')) out.push('\n\n');
            if (i > 0 && node.type === 'tableRow') out.push(' | ');
            walk(child as Nodes);
          });
        }
    }
  };
  walk(tree);
  return fold(out.join(''));
}

function fold(text: string): string {
  return (
    text
      // A line break inside a paragraph is a space; a blank line between paragraphs (list items) stays one.
      .replace(/(?<!\n)[ \t]*\n[ \t]*(?!\n)/g, ' ')
      .replace(/[ \t]*\n\n+[ \t]*/g, '\n\n')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}
