/**
 * The reference for `src/text/scan.ts`: the prose of a block read from
 * the full remark parse (mdast), with `:ref` rendered as a label, `:cite`
 * and footnote references as marks, and `{#id}` markers left out. The scan
 * must find the same text (test/check/scan.test.ts).
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Located } from '../../src/core/model.js';
import { LEADING_ID, TRAILING_ATTRIBUTES } from '../../src/core/markdown-syntax.js';
import type { Origin, ProseBuilder } from '../../src/text/prose.js';
import type { InlineContext, Mark } from '../../src/text/scan.js';

export type { InlineContext, Mark };

type Positioned = { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined };

export function placeOf(node: Positioned, origin: Origin): Located | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return { file: origin.file, position: { start: origin.point(start), end: origin.point(end) } };
}

/** Append the text of block content (paragraphs, lists, tables, quotes), blocks separated by a blank line. */
export function appendBlocks(out: ProseBuilder, nodes: readonly RootContent[], ctx: InlineContext): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        separate(out);
        appendPhrasing(out, node.children, ctx);
        break;
      case 'list':
        for (const item of node.children) appendBlocks(out, item.children, ctx);
        break;
      case 'listItem':
      case 'blockquote':
      case 'footnoteDefinition':
        appendBlocks(out, node.children, ctx);
        break;
      case 'table':
        for (const row of node.children) {
          separate(out);
          row.children.forEach((cell, i) => {
            if (i > 0) out.raw(' ');
            appendPhrasing(out, cell.children, ctx);
          });
        }
        break;
      default:
        // Code, HTML, thematic breaks, definitions and directives are not prose.
        break;
    }
  }
}

function separate(out: ProseBuilder): void {
  if (out.length > 0) out.raw('\n\n');
}

/** Append phrasing content, leaving out a leading `{#id}` and trailing `{#id}` / `{-}` markers. */
export function appendPhrasing(
  out: ProseBuilder,
  nodes: readonly PhrasingContent[],
  ctx: InlineContext,
  strip: { leading?: boolean; trailing?: boolean } = {},
): void {
  nodes.forEach((node, i) => {
    if (node.type === 'text') {
      let from = 0;
      let to = node.value.length;
      if (strip.leading && i === 0) {
        const match = LEADING_ID.exec(node.value);
        if (match) from = match[0].length;
      }
      if (strip.trailing && i === nodes.length - 1) {
        const match = TRAILING_ATTRIBUTES.exec(node.value);
        if (match) to = match.index;
      }
      appendText(out, node, from, to, ctx.origin);
      return;
    }
    appendNode(out, node, ctx);
  });
}

function appendText(out: ProseBuilder, node: { value: string } & Positioned, from: number, to: number, origin: Origin): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = node.value.slice(from, to);
  if (start === undefined || end === undefined) {
    out.raw(value);
    return;
  }
  if (end - start === node.value.length) {
    out.add(value, origin, start + from, start + to, 'exact');
  } else {
    // Escapes or entities: the value is shorter than its source; align when a place is asked for.
    out.add(value, origin, start, end, 'align');
  }
}

function appendNode(out: ProseBuilder, node: PhrasingContent | Nodes, ctx: InlineContext): void {
  switch (node.type) {
    case 'text':
      appendText(out, node, 0, node.value.length, ctx.origin);
      return;
    case 'inlineCode': {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) out.raw(node.value);
      else out.add(node.value, ctx.origin, start, end, 'align');
      return;
    }
    case 'break':
      out.raw('\n');
      return;
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      for (const child of node.children) appendNode(out, child, ctx);
      return;
    case 'footnoteReference': {
      const at = placeOf(node, ctx.origin);
      if (at) ctx.footnotes.push({ id: node.identifier, start: out.length, end: out.length, at });
      return;
    }
    case 'textDirective': {
      const at = placeOf(node, ctx.origin);
      const id = node.attributes?.id;
      if ((node.name === 'ref' || node.name === 'cite') && typeof id === 'string' && id !== '' && at) {
        if (node.name === 'cite') {
          ctx.cites.push({ id, start: out.length, end: out.length, at });
          return;
        }
        const start = out.length;
        const label = ctx.refLabel(id);
        const from = node.position!.start.offset!;
        const to = node.position!.end.offset!;
        out.add(label, ctx.origin, from, to, 'atomic');
        ctx.refs.push({ id, start, end: out.length, at });
        return;
      }
      // `:name` alone after a letter or digit (`note:this`, `10:30`) reads as text in prose (an error for the build).
      const from = node.position!.start.offset!;
      const after = ctx.origin.base[from + 1 + node.name.length];
      const bare = after !== '[' && after !== '{';
      if (bare && /[\p{L}\p{N}]/u.test(ctx.origin.base[from - 1] ?? '')) {
        out.add(`:${node.name}`, ctx.origin, from, from + 1 + node.name.length, 'exact');
        return;
      }
      for (const child of node.children) appendNode(out, child, ctx);
      return;
    }
    case 'image':
    case 'imageReference':
    case 'html':
      return;
    default:
      return;
  }
}
