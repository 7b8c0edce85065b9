/**
 * The sheet's Markdown writer and the drafts' (the Markdown output) skip the
 * library's escape scan for a text that needs no escape
 * (src/render/stringify-text.ts). They must write exactly what
 * remark-stringify writes: checked on random mixes of words and Markdown
 * markers in every construct the sheet uses (headings, paragraphs, strong,
 * emphasis, strikethrough, table cells, texts next to each other and to
 * `<br>`), with the drafts' options also in lists, quotes and footnotes and
 * next to text directives, and on every Markdown file of the repository.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import remarkDirective from 'remark-directive';
import { ROOT } from '../helpers.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { text as textHandler } from '../../src/render/stringify-text.js';
import { draftMarkdown, STRINGIFY_OPTIONS } from '../../src/render/to-markdown.js';
import { MARKDOWN_PIECES, markdownFiles } from './scratch.js';
import { seededRandom } from '../helpers.js';

const options = { bullet: '-', emphasis: '*', strong: '*', rule: '-' } as const;
// Directives too: the repository's Markdown has them (the sheet writes none).
const library = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkDirective).use(remarkStringify, options).freeze();
const shortcut = unified()
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkDirective)
  .use(remarkStringify, { ...options, handlers: { text: textHandler } })
  .freeze();

const same = (tree: Root, what: string) => expect(shortcut.stringify(tree), what).toBe(library.stringify(tree));
// The drafts' writer (render/to-markdown.ts), against the library with the same options.
const draftLibrary = unified().use(remarkGfm).use(remarkDirective).use(remarkStringify, STRINGIFY_OPTIONS).freeze();
const sameDraft = (tree: Root, what: string) => expect(draftMarkdown.stringify(tree), what).toBe(draftLibrary.stringify(tree));

// The fast paths' alphabet, and what else the library escapes.
const PIECES = [
  ...MARKDOWN_PIECES,
  '12',
  '  ',
  '[',
  ']',
  '<',
  '<b>',
  '&',
  '&amp;',
  '+',
  '=',
  '!',
  '`',
  '|',
  '@',
  'www',
  'http',
  's://',
  'W',
  'p',
  '\r',
  '2)',
  ':ref{#x}',
];

/** Random trees of every construct of the sheet (and, with `draft`, of the drafts, with text directives). */
function randomTrees(seed: number, draft: boolean): Root[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = () => {
    let value = '';
    const length = 1 + Math.floor(random() * 8);
    for (let j = 0; j < length; j++) value += pick(draft ? [...PIECES, ':', 'a:'] : PIECES);
    return value;
  };
  const t = (value: string): PhrasingContent => ({ type: 'text', value });
  const kinds = ['text', 'text', 'text', 'strong', 'emphasis', 'delete', 'br', ...(draft ? (['directive', 'directive'] as const) : [])] as const;
  const phrasing = (): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    const count = 1 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      const kind = pick(kinds);
      if (kind === 'text') out.push(t(word()));
      else if (kind === 'br') out.push({ type: 'html', value: '<br>' });
      else if (kind === 'directive') out.push({ type: 'textDirective', name: pick(['ref', 'cite']), attributes: { id: 'x' }, children: [] });
      else out.push({ type: kind, children: [t(word())] });
    }
    return out;
  };
  const cell = () => ({ type: 'tableCell' as const, children: phrasing() });
  const row = () => ({ type: 'tableRow' as const, children: [cell(), cell()] });
  const trees: Root[] = [];
  for (let i = 0; i < Number(process.env.FUZZ ?? 500); i++) {
    const children: RootContent[] = [
      { type: 'heading', depth: 2, children: phrasing() },
      { type: 'paragraph', children: phrasing() },
      { type: 'table', align: [null, null], children: [row(), row()] },
    ];
    if (draft) {
      children.push(
        { type: 'list', ordered: random() < 0.5, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: phrasing() }] }] },
        { type: 'blockquote', children: [{ type: 'paragraph', children: phrasing() }] },
        { type: 'footnoteDefinition', identifier: 'n', label: 'n', children: [{ type: 'paragraph', children: phrasing() }] },
      );
    }
    trees.push({ type: 'root', children });
  }
  return trees;
}

describe('the text shortcut of the sheet’s and the drafts’ Markdown writers', () => {
  it('writes what remark-stringify writes, on random texts in every construct of the sheet', () => {
    for (const tree of randomTrees(7, false)) same(tree, JSON.stringify(tree));
  });

  it('writes what remark-stringify writes with the drafts’ options, on random texts next to text directives, in lists, quotes and footnotes', () => {
    for (const tree of randomTrees(11, true)) sameDraft(tree, JSON.stringify(tree));
  });

  it('writes what remark-stringify writes, on every Markdown file of the repository', () => {
    let checked = 0;
    for (const file of [...markdownFiles(join(ROOT, 'opinions')), ...markdownFiles(join(ROOT, 'docs')), ...markdownFiles(join(ROOT, 'test'))]) {
      const source = readFileSync(file, 'utf8');
      if (source.length > 30_000) continue;
      same(parseMarkdown(source), file);
      sameDraft(parseMarkdown(source), file);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
