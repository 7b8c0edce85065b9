/**
 * The HTML output: one standalone page. The filled mdast becomes hast with
 * mdast-util-to-hast, as remark-rehype would make it (footnotes as real links both ways, labels in the draft's
 * language), is sanitized with rehype-sanitize (GitHub's schema) — sources
 * never bring HTML, a
 * script, an event handler or a `javascript:` URL into the page — and is
 * then placed in a page shell with the stylesheet and a Content Security
 * Policy that forbids scripts outright. The blocks and the page are written
 * by html-fast.ts when it knows what sanitizing and hast-util-to-html would
 * give (the common case, without loading them), by those libraries otherwise.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { toHast as mdastToHast } from 'mdast-util-to-hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { CLOBBER_PREFIX } from './anchors.js';
import { footnoteReference } from './footnote-reference-html.js';
import { fastHtml } from './html-fast.js';
import { replaceNodes } from './replace-nodes.js';
import type { Labels } from '../labels/labels.js';
import { stylesheet, type PageInfo } from './stylesheet.js';
import './mdast-data.js';

/** The Content Security Policy of every built page: no script, no request but images; styles inline. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; base-uri 'none'; form-action 'none'";

/** GitHub's schema, with classes allowed on every element and ids left as they are (they come from checked source ids). */
export const SANITIZE_SCHEMA: SanitizeSchema = (() => {
  const attributes: NonNullable<SanitizeSchema['attributes']> = {};
  for (const [tag, list] of Object.entries(defaultSchema.attributes ?? {})) {
    attributes[tag] = list.filter((entry) => !(Array.isArray(entry) && entry[0] === 'className'));
  }
  attributes['*'] = [...(attributes['*'] ?? []), 'className'];
  return { ...defaultSchema, attributes, clobber: [], clobberPrefix: '' };
})();

export interface PageOptions extends PageInfo {
  /** The page title (plain text). */
  title: string;
  labels: Labels;
}

/**
 * The page for a filled tree, which is taken from `holder` (and changed on
 * the way): once converted to hast, the mdast can go, and each top-level
 * block is sanitized and written on its own, so that a long opinion never
 * holds several full copies of itself in memory.
 */
export function toHtml(holder: { tree?: Root }, page: PageOptions): string {
  const labels = page.labels.text;
  const tree = holder.tree!;
  delete holder.tree;
  // What remark-rehype's transformer does (it only calls mdast-util-to-hast), without a unified processor around it.
  const body = mdastToHast(unwrapAnchorless(tree), {
    clobberPrefix: CLOBBER_PREFIX,
    handlers: { footnoteReference },
    footnoteLabel: labels['html.footnotes'],
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['sr-only'] },
    footnoteBackLabel: (index: number, rereference: number) =>
      labels['html.back-to-reference'].replace('{number}', String(index + 1)) + (rereference > 1 ? ` (${rereference})` : ''),
  }) as HastRoot;
  tidy(body);
  const blocks = body.children;
  body.children = [];
  let clean: ((tree: HastRoot) => HastRoot) | undefined;
  let content = '';
  for (let i = 0; i < blocks.length; i++) {
    // Written directly when the libraries' result is known (html-fast.ts), else sanitized and written by them.
    const block = blocks[i]!;
    content +=
      fastHtml(block, SANITIZE_SCHEMA) ??
      hastToHtml(
        (clean ??= (rehypeSanitize as (schema: SanitizeSchema) => (tree: HastRoot) => HastRoot)(SANITIZE_SCHEMA))({ type: 'root', children: [block] }),
      );
    blocks[i] = { type: 'text', value: '' };
  }
  const shell = pageShell([{ type: 'comment', value: CONTENT }], page);
  const [before, after] = (fastHtml(shell) ?? hastToHtml(shell)).split(`<!--${CONTENT}-->`);
  return `${before}${content}${after}\n`;
}

/** Where the content goes in the page shell (sources cannot make comments: they never reach hast). */
const CONTENT = 'opinion-content';

/** References to targets without an anchor (an evidence item's title) are text, not links; in place. */
function unwrapAnchorless(tree: Root): Root {
  replaceNodes(tree, (child) => (child.type === 'link' && child.data?.opinionRef && child.url === '' ? child.children : undefined));
  return tree;
}

/**
 * Two layout details: the header block is a table without a header row (the
 * empty `thead` GFM requires goes), and a hanging number is followed by its
 * box, the space the Markdown needs inside it.
 */
function tidy(tree: HastRoot): void {
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table') {
        child.children = child.children.filter((part) => !(part.type === 'element' && part.tagName === 'thead' && isBlank(part)));
      }
      const [first, second] = child.children;
      // The space goes inside the number's box (kept there by `white-space: pre`):
      // copied, searched or read aloud, "1.1 The EESC…" keeps its space, and the
      // text still starts where the box ends.
      if (
        first?.type === 'element' &&
        first.tagName === 'span' &&
        String(first.properties.className) === 'num' &&
        second?.type === 'text' &&
        second.value.startsWith(' ')
      ) {
        second.value = second.value.slice(1);
        const inner = first.children[0];
        if (inner?.type === 'text') inner.value += ' ';
      }
      visit(child);
    }
  };
  visit(tree);
}

function isBlank(node: ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() === '';
  if (node.type === 'element') return node.children.every(isBlank);
  return true;
}

function pageShell(content: ElementContent[], page: PageOptions): HastRoot {
  const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const nl = text('\n');
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      nl,
      el('html', { lang: page.lang }, [
        nl,
        el('head', {}, [
          nl,
          el('meta', { charSet: 'utf-8' }),
          nl,
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          nl,
          el('meta', { httpEquiv: ['Content-Security-Policy'], content: HTML_CSP }),
          nl,
          el('title', {}, [text(page.title)]),
          nl,
          el('style', {}, [text('\n' + stylesheet({ reference: page.reference, document: page.document, lang: page.lang }))]),
          nl,
        ]),
        nl,
        el('body', {}, [nl, el('article', { className: ['opinion'], lang: page.lang }, [nl, ...content, nl]), nl]),
        nl,
      ]),
    ],
  };
}
