/**
 * Markdown inline content to prose, by one scan of the source: the text a
 * reader sees, with emphasis, links, code marks, escapes and HTML left out,
 * entities decoded, `:ref{#id}` rendered as its label, and `:cite{#id}` and
 * footnote references kept as marks. Every run of text is mapped to its
 * source. Used instead of a full CommonMark parse, which costs ten times
 * more; `test/check/scan.test.ts` holds it to the full parse on every
 * Markdown file of the repository.
 */
import type { Located } from '../core/model.js';
import type { Origin, ProseBuilder } from './prose.js';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { closingBracket, codeSpanAt, delimiterRun, readTextDirective } from '../core/inline-syntax.js';
import { markdownIdentifier } from '../core/markdown-syntax.js';

/** A use of an id inside prose: offsets in the prose text and the place of the directive. */
export interface Mark {
  id: string;
  start: number;
  end: number;
  at: Located;
}

export interface InlineContext {
  origin: Origin;
  /** The text a `:ref{#id}` reads as (e.g. `point 3.2`, an evidence title). */
  refLabel(id: string): string;
  refs: Mark[];
  cites: Mark[];
  footnotes: Mark[];
  /** A chapter's footnote labels (lower case): a `[^label]` it does not define is text, as remark reads it. */
  footnoteLabels?: ReadonlySet<string>;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
/** The characters `scanInline` reads something at: every other one is text, passed over in one search. */
const SPECIAL = /[\\`*_~![<&:]/g;
/** The place of `source[from, to)` in the file. */
export function placeAt(origin: Origin, from: number, to: number): Located {
  // Computed on first read: most places are never reported.
  let position: Located['position'] | undefined;
  return {
    file: origin.file,
    get position() {
      position ??= { start: origin.point(from), end: origin.point(to) };
      return position;
    },
  };
}

/**
 * Append the inline content `origin.base[from, to)` to `out`. Line breaks
 * stay as `\n` (white space to every counter).
 */
export function scanInline(out: ProseBuilder, from: number, to: number, ctx: InlineContext): void {
  const source = ctx.origin.base;
  const origin = ctx.origin;
  const block = source.slice(from, to);
  let run = from;
  const flush = (end: number) => {
    if (end > run) out.add(source.slice(run, end), origin, run, end, 'exact');
  };
  let i = from;
  /** Go on reading at `end`: what comes before it is done with. */
  const skipTo = (end: number) => {
    i = end;
    run = end;
  };
  while (i < to) {
    const ch = source[i]!;
    switch (ch) {
      case '\\': {
        const next = source[i + 1];
        if (next !== undefined && i + 1 < to && PUNCTUATION.test(next)) {
          flush(i);
          run = i + 1;
          i += 2;
          continue;
        }
        if (next === '\n') {
          // A hard line break.
          flush(i);
          run = i + 1;
        }
        i++;
        continue;
      }
      case '`': {
        const span = codeSpanAt(source, i, to);
        if (!span.content) {
          i = span.end;
          continue;
        }
        flush(i);
        const [a, b] = span.content;
        if (b > a) out.add(source.slice(a, b).replace(/\n/g, ' '), origin, a, b, 'align');
        skipTo(span.end);
        continue;
      }
      case '*':
      case '_':
      case '~': {
        let length = 1;
        while (source[i + length] === ch) length++;
        if (isDelimiter(source, i, length, from, to, ch)) {
          flush(i);
          skipTo(i + length);
          continue;
        }
        i += length;
        continue;
      }
      case '!': {
        const image = source[i + 1] === '[' ? linkAt(source, i + 1, to) : undefined;
        if (image) {
          flush(i);
          skipTo(image.end);
          continue;
        }
        i++;
        continue;
      }
      case '[': {
        if (source[i + 1] === '^') {
          const close = source.indexOf(']', i);
          const label = close !== -1 && close < to ? source.slice(i + 2, close).toLowerCase() : undefined;
          if (
            label !== undefined &&
            /^\[\^[^\]\s]+\]$/.test(source.slice(i, close + 1)) &&
            source[close + 1] !== ':' &&
            (ctx.footnoteLabels?.has(markdownIdentifier(label)) ?? true)
          ) {
            flush(i);
            ctx.footnotes.push({ id: label, start: out.length, end: out.length, at: placeAt(origin, i, close + 1) });
            skipTo(close + 1);
            continue;
          }
        }
        const link = linkAt(source, i, to);
        if (link) {
          flush(i);
          scanInline(out, i + 1, link.label, ctx);
          skipTo(link.end);
          continue;
        }
        i++;
        continue;
      }
      case '<': {
        const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>/.exec(source.slice(i, Math.min(to, i + 2048)));
        if (auto) {
          flush(i);
          out.add(auto[1]!, origin, i + 1, i + 1 + auto[1]!.length, 'exact');
          skipTo(i + auto[0].length);
          continue;
        }
        const tag = /^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|!--[\s\S]*?-->)/.exec(source.slice(i, Math.min(to, i + 4096)));
        if (tag) {
          flush(i);
          skipTo(i + tag[0].length);
          continue;
        }
        i++;
        continue;
      }
      case '&': {
        const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(source.slice(i, i + 40));
        // Decoded as micromark decodes them: an unknown name stays text, a code point that cannot be one reads as U+FFFD.
        const value = entity
          ? entity[3]
            ? decodeNamedCharacterReference(entity[3])
            : decodeNumericCharacterReference(entity[1] ?? entity[2]!, entity[1] ? 10 : 16)
          : false;
        if (entity && value !== false) {
          flush(i);
          out.add(value, origin, i, i + entity[0].length, 'atomic');
          skipTo(i + entity[0].length);
          continue;
        }
        i++;
        continue;
      }
      case ':': {
        if (i + 1 < to) {
          const directive = readTextDirective(source, i, to);
          // `:name` alone is a directive for remark-directive; in prose (`note:the…`) it is read as text.
          if (directive && (directive.label || directive.attributes || !/[\p{L}\p{N}]/u.test(source[i - 1] ?? ''))) {
            flush(i);
            const at = placeAt(origin, i, directive.end);
            if ((directive.name === 'ref' || directive.name === 'cite') && directive.id) {
              if (directive.name === 'cite') ctx.cites.push({ id: directive.id, start: out.length, end: out.length, at });
              else {
                const start = out.length;
                out.add(ctx.refLabel(directive.id), origin, i, directive.end, 'atomic');
                ctx.refs.push({ id: directive.id, start, end: out.length, at });
              }
            } else if (directive.label) {
              scanInline(out, directive.label[0], directive.label[1], ctx);
            }
            skipTo(directive.end);
            continue;
          }
        }
        i++;
        continue;
      }
      default: {
        // Plain text up to the next character that may start something (searched in the block only).
        SPECIAL.lastIndex = i + 1 - from;
        const next = SPECIAL.exec(block);
        i = next ? from + next.index : to;
      }
    }
  }
  flush(to);
}

/** `***`, `_`, `~~` runs that open or close emphasis (flanking, and for `_` not inside a word). */
function isDelimiter(source: string, i: number, length: number, from: number, to: number, ch: string): boolean {
  if (ch === '~' && length !== 2 && length !== 1) return false;
  const { before, after, left, right } = delimiterRun(source, i, i + length, from, to);
  if (!left && !right) return false;
  // `_` inside a word.
  if (ch === '_' && before === 0 && after === 0) return false;
  // A lone delimiter with no partner in the rest of the block is literal text.
  const partner = source.indexOf(ch, i + length);
  const previous = source.lastIndexOf(ch, i - 1);
  return (left && partner !== -1 && partner < to) || (right && previous >= from);
}

function parenClose(source: string, open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    else if (c === '\n' && source[i + 1] === '\n') return -1;
  }
  return -1;
}

/** The link or image text opening at `open`, followed by `(url)` or `[label]`: where the text closes and where the link ends (after it). */
function linkAt(source: string, open: number, to: number): { label: number; end: number } | undefined {
  const label = closingBracket(source, open, to, true);
  if (label === -1) return undefined;
  const after = source[label + 1];
  const close = after === '(' ? parenClose(source, label + 1, to) : after === '[' ? source.indexOf(']', label + 1) : -1;
  return close === -1 || close >= to ? undefined : { label, end: close + 1 };
}
