/**
 * The sheet's Markdown writer skips the library's escape scan for a text
 * that needs no escape (src/amendments/stringify-text.ts). It must write
 * exactly what remark-stringify writes: checked on random mixes of words
 * and Markdown markers in every construct the sheet uses (headings,
 * paragraphs, strong, emphasis, strikethrough, table cells, texts next to
 * each other and to `<br>`), and on every Markdown file of the repository.
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
import { text as textHandler } from '../../src/amendments/stringify-text.js';
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

describe('the text shortcut of the sheet’s Markdown writer', () => {
  it('writes what remark-stringify writes, on random texts in every construct of the sheet', () => {
    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const word = () => {
      let value = '';
      const length = 1 + Math.floor(random() * 8);
      for (let j = 0; j < length; j++) value += pick(PIECES);
      return value;
    };
    const t = (value: string): PhrasingContent => ({ type: 'text', value });
    const phrasing = (): PhrasingContent[] => {
      const out: PhrasingContent[] = [];
      const count = 1 + Math.floor(random() * 5);
      for (let i = 0; i < count; i++) {
        const kind = pick(['text', 'text', 'text', 'strong', 'emphasis', 'delete', 'br'] as const);
        if (kind === 'text') out.push(t(word()));
        else if (kind === 'br') out.push({ type: 'html', value: '<br>' });
        else out.push({ type: kind, children: [t(word())] });
      }
      return out;
    };
    for (let i = 0; i < Number(process.env.FUZZ ?? 500); i++) {
      const children: RootContent[] = [
        { type: 'heading', depth: 2, children: phrasing() },
        { type: 'paragraph', children: phrasing() },
        {
          type: 'table',
          align: [null, null],
          children: [
            {
              type: 'tableRow',
              children: [
                { type: 'tableCell', children: phrasing() },
                { type: 'tableCell', children: phrasing() },
              ],
            },
            {
              type: 'tableRow',
              children: [
                { type: 'tableCell', children: phrasing() },
                { type: 'tableCell', children: phrasing() },
              ],
            },
          ],
        },
      ];
      const tree: Root = { type: 'root', children };
      same(tree, JSON.stringify(tree));
    }
  });

  it('writes what remark-stringify writes, on every Markdown file of the repository', () => {
    let checked = 0;
    for (const file of [...markdownFiles(join(ROOT, 'opinions')), ...markdownFiles(join(ROOT, 'docs')), ...markdownFiles(join(ROOT, 'test'))]) {
      const source = readFileSync(file, 'utf8');
      if (source.length > 30_000) continue;
      same(parseMarkdown(source), file);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
