/**
 * The fast Markdown path (core/markdown-fast.ts) must give exactly remark's
 * tree, positions included, whenever it gives one, and so must the blocks it
 * takes with remark reading the pieces around those it refuses
 * (core/markdown-chunks.ts): checked on every Markdown
 * file of the repository and on generated texts built from the pieces where
 * parsers disagree (emphasis flanking, underscores in words, code spans,
 * directives, footnotes, line starts). It must also take the plain chapters
 * (else it is no faster), and give up on what it does not handle.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { markdownProcessor, parseWithRemark } from '../../src/core/markdown.js';
import { parseInPieces } from '../../src/core/markdown-chunks.js';
import { fastMarkdown } from '../../src/core/markdown-fast.js';
// @ts-expect-error: a script of the benchmarks, without types
import { generateOpinion } from '../../bench/large-opinion.mjs';
import { seededRandom } from '../helpers.js';

const drafts = unified().use(remarkParse).use(remarkGfm).freeze();
const remark = (text: string, directives: boolean) => (directives ? parseWithRemark(text) : (drafts.parse(text) as Root));
const pieceOf = (directives: boolean) =>
  directives ? (text: string) => markdownProcessor().parse(text) as Root : (text: string) => drafts.parse(text) as Root;

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

const root = join(import.meta.dirname, '../..');
const files = ['opinions', 'test', 'templates', 'docs', 'bench'].flatMap((dir) => markdownFiles(join(root, dir)));

/** Whether the fast path agrees with remark on `text` (or gives up); whether it took it. */
function agree(text: string, directives: boolean, pieces = false): boolean {
  const fast = fastMarkdown(text, { directives });
  if (fast) expect(fast, JSON.stringify(text)).toEqual(remark(text, directives));
  // Else (`pieces`) the blocks it takes, with remark reading the pieces around those it refuses.
  else if (pieces)
    expect(parseInPieces(text, pieceOf(directives), { fast: { directives } }), `${JSON.stringify(text)} in pieces`).toEqual(remark(text, directives));
  return fast !== undefined;
}

/** A seeded pseudo-random integer below `n`: the same texts on every run. */
function generator(seed: number): (n: number) => number {
  const random = seededRandom(seed);
  return (n) => Math.floor(random() * n);
}

describe('fast Markdown path', () => {
  it('gives remark’s tree for every Markdown file of the repository', { timeout: 240_000 }, () => {
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const directives of [true, false]) if (agree(text, directives)) taken++;
    }
    expect(files.length).toBeGreaterThan(20);
    expect(taken).toBeGreaterThan(10);
  });

  it('takes the chapters of the sample opinions and the default template', () => {
    const chapters = [...files.filter((file) => /opinions\/[^/]+\/text\//.test(file)), join(root, 'templates/eesc-opinion.md')];
    expect(chapters.length).toBeGreaterThanOrEqual(25);
    for (const file of chapters) expect(fastMarkdown(readFileSync(file, 'utf8')), file).toBeDefined();
  });

  it('takes the chapters of the benchmarks’ generated opinion (lists, footnotes, emphasis) and gives remark’s tree', () => {
    const dir = generateOpinion(join(mkdtempSync(join(tmpdir(), 'opinion-fast-md-')), 'o'), 600);
    try {
      const chapters = readdirSync(join(dir, 'text', 'en'));
      expect(chapters.length).toBe(2);
      for (const name of chapters) expect(agree(readFileSync(join(dir, 'text', 'en', name), 'utf8'), true), name).toBe(true);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('gives up on constructs outside its subset', () => {
    for (const text of [
      'Title\n=====\n',
      'a\n---\n',
      '- item\n\n- loose\n',
      '- item\n  continued\n',
      '- item\nlazy\n',
      '* item\n',
      '1. item\n',
      '> quote\n',
      '    code\n',
      '```\ncode\n```\n',
      '<div>x</div>\n',
      'a <b> c\n',
      '[link](https://example.org)\n',
      '[ref]\n\n[ref]: https://example.org\n',
      'a\\*b\n',
      'a &amp; b\n',
      'see www.example.org\n',
      'a | b\n- | -\n',
      'a\tb\n',
      'a\r\nb\r\n',
      'hard  \nbreak\n',
      '*open only\n',
      'a ~~gone~~ b\n',
      'note:example\n',
      'call[^undefined]\n',
      '# Closed #\n',
      ':::note\nunclosed\n',
      '<!-- unclosed\n',
      '<!-->\n',
    ])
      expect(fastMarkdown(text), JSON.stringify(text)).toBeUndefined();
  });

  it('gives remark’s tree for generated texts', () => {
    const pieces = [
      '*',
      '**',
      '***',
      '_',
      '__',
      'a',
      'b',
      ' ',
      ' ',
      '.',
      ',',
      '(',
      ')',
      '"',
      'é',
      '中',
      '😀',
      '`',
      '``',
      ':ref{#x}',
      ':cite{#y-1}',
      '[^n]',
      '[^N]',
      '{#id}',
      '\n',
      '#',
      '-',
      '1.',
      '2)',
      '+',
      ':',
      ']',
      '\u00a0',
      'x_y',
      '_x_',
      '\n- ',
      '\n\n- ',
      '\n\n',
    ];
    const starts = [
      '',
      '# ',
      '## ',
      '[^n]: ',
      ':::note\n',
      '::principles\n\n',
      '{#p} ',
      '<!-- note -->\n',
      '<!--\n`x` <y> \n-->\n\n',
      '<!-- a -->b\n',
      '- ',
      '- a\n- ',
      'a\n\n- b\n- ',
    ];
    const random = generator(17);
    let taken = 0;
    const total = 4000;
    for (let k = 0; k < total; k++) {
      let body = '';
      for (let n = 2 + random(10); n > 0; n--) body += pieces[random(pieces.length)];
      const start = starts[random(starts.length)]!;
      let text = start + body + (start === ':::note\n' ? '\n:::\n' : '\n');
      if (random(3) === 0) text += '\n[^n]: Note *one*.\n';
      if (random(4) === 0) text = `Intro paragraph.\n\n${text}\nOutro with **strong** and \`code\`.`;
      if (agree(text, random(5) !== 0, true)) taken++;
    }
    expect(taken).toBeGreaterThan(total / 10);
  });

  it('pairs emphasis delimiters as remark does', () => {
    const pieces = ['*a*', '**b**', '_c_', '__d__', '***e***', '*', '**', '_', ' ', ' ', '.', '!', '(', ')', 'a', 'é', '`x`', '\n', ':ref{#x}', '[^n]', 'x_y'];
    const random = generator(11);
    let emphasis = 0;
    const total = 4000;
    for (let k = 0; k < total; k++) {
      let text = 'a';
      for (let n = 2 + random(9); n > 0; n--) text += pieces[random(pieces.length)];
      text += '\n\n[^n]: b\n';
      if (agree(text, true) && /"(emphasis|strong)"/.test(JSON.stringify(fastMarkdown(text)))) emphasis++;
    }
    expect(emphasis).toBeGreaterThan(total / 20);
  });
});
