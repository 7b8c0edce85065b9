/**
 * The sheet's Markdown writer writes plain blocks directly and leaves the
 * others to remark-stringify (src/amendments/sheet-markdown.ts). It must
 * write exactly what the library writes: checked on random sheets (texts of
 * words, punctuation and every Markdown marker, in every construct of the
 * sheet), on the sample's sheets in each of its languages and stages, and on
 * a sheet of the benchmark's kind (amendments rewriting whole points).
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { ROOT, seededRandom } from '../helpers.js';
import { writeSheetMarkdown } from '../../src/amendments/sheet-markdown.js';
import { sheetMarkdown, sheetOf, sheetTree } from '../../src/amendments/sheet.js';
import { sheetLabels } from '../../src/amendments/sheet-labels.js';
import { openOpinion } from '../../src/opinion/open.js';
import { indexPoints } from '../../src/validate/amendments/points.js';
import { MARKDOWN_PIECES, rewritingAmendments } from './scratch.js';

// The library alone, without the sheet's text shortcut.
const library = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' }).freeze();
const stringify = (root: Root) => library.stringify(root);

/** The writer's output, and how many blocks it left to the library. */
function written(tree: Root): { markdown: string; left: number } {
  let left = 0;
  const markdown = writeSheetMarkdown(tree, (root) => {
    left++;
    return stringify(root);
  });
  return { markdown, left };
}

// Mostly what the fast path writes (words, spaces, common punctuation), then everything else.
const PLAIN_PIECES = ['word', 'Word', 'é', 'Ωμέγα', '12', ' ', ',', '.', ':', ';', '?', '!', '(', ')', '’', '“', '”', '–', '-', '/', '%', '+', '='];
const PIECES = [
  ...PLAIN_PIECES,
  ...PLAIN_PIECES,
  ...MARKDOWN_PIECES,
  '[',
  ']',
  '<',
  '&',
  '`',
  '|',
  '@',
  'www',
  'w.',
  'http',
  's://',
  '\r',
  '\t',
  '2)',
  '1.',
  '#',
  '{x}',
  '\u00a0',
  '😀',
];

describe('the sheet’s direct Markdown writer', () => {
  it('writes what remark-stringify writes, on random sheets', () => {
    const random = seededRandom(12);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    // Half the sheets of plain pieces only (the direct way, at its edges), half of any.
    let palette: readonly string[] = PIECES;
    const word = () => {
      let value = '';
      const length = 1 + Math.floor(random() * 6);
      for (let j = 0; j < length; j++) value += pick(palette);
      return value;
    };
    const t = (value: string): PhrasingContent => ({ type: 'text', value });
    const phrasing = (): PhrasingContent[] => {
      const out: PhrasingContent[] = [];
      const count = 1 + Math.floor(random() * 6);
      for (let i = 0; i < count; i++) {
        const kind = pick(['text', 'text', 'text', 'strong', 'strong', 'emphasis', 'delete', 'delete', 'br', 'brbr', 'empty'] as const);
        if (kind === 'text') out.push(t(word()));
        else if (kind === 'br') out.push({ type: 'html', value: '<br>' });
        else if (kind === 'brbr') out.push({ type: 'html', value: '<br><br>' });
        else if (kind === 'empty') out.push(t(''));
        else out.push({ type: kind, children: [t(word())] });
      }
      return out;
    };
    const cell = () => ({ type: 'tableCell' as const, children: random() < 0.1 ? [] : phrasing() });
    let blocks = 0;
    let left = 0;
    for (let i = 0; i < Number(process.env.FUZZ ?? 1500); i++) {
      palette = i % 2 === 0 ? PLAIN_PIECES : PIECES;
      const children: RootContent[] = [
        { type: 'heading', depth: 1 + Math.floor(random() * 2), children: random() < 0.7 ? [t(word())] : phrasing() },
        { type: 'paragraph', children: phrasing() },
        {
          type: 'table',
          align: [null, null],
          children: [
            { type: 'tableRow', children: [cell(), cell()] },
            { type: 'tableRow', children: [cell(), cell()] },
          ],
        },
        { type: 'paragraph', children: [{ type: 'strong', children: [t(word())] }, t(` ${word()}`)] },
      ];
      const tree: Root = { type: 'root', children };
      const result = written(tree);
      expect(result.markdown, JSON.stringify(tree)).toBe(stringify(tree));
      blocks += children.length;
      left += result.left;
    }
    // Both ways are exercised.
    expect(left).toBeGreaterThan(blocks / 10);
    expect(left).toBeLessThan(blocks * 0.9);
  });

  it('writes what remark-stringify writes, on the sample’s sheets and on rewritten points', async () => {
    const dir = join(ROOT, 'opinions/see-migrants');
    const opened = await openOpinion(dir, { positions: 'lazy' });
    const opinion = opened.opinion!;
    for (const lang of ['en', 'fr']) {
      const { labels } = await sheetLabels(lang, opened.validated.labels ?? [], { file: opened.files[0]! });
      for (const stage of ['section', 'plenary', undefined]) {
        const sheet = sheetOf(opinion, indexPoints(opinion), labels!, stage);
        expect(sheetMarkdown(sheet), `${lang} ${stage}`).toBe(stringify(sheetTree(sheet)));
      }
    }
    // Every point rewritten in the words of the benchmark's amendments: long struck and bold runs, many of them.
    const points = indexPoints(opinion);
    const amendments = rewritingAmendments(
      [...points.points.keys()],
      (n) => `The EESC considers that amendment ${n} improves this point with new words about social economy enterprises.`,
      (n) => `Illustrative reason ${n}.`,
    );
    const { labels } = await sheetLabels('en', opened.validated.labels ?? [], { file: opened.files[0]! });
    const sheet = sheetOf({ ...opinion, amendments: amendments as never }, points, labels!, 'section');
    expect(sheet.entries.length).toBe(amendments.length);
    const tree = sheetTree(sheet);
    const result = written(tree);
    expect(result.markdown).toBe(stringify(tree));
    expect(result.left).toBeLessThan(tree.children.length / 4);
  });
});
