/**
 * Parsing long Markdown in pieces (src/core/markdown-chunks.ts) gives the
 * tree of the whole text, positions included: on every Markdown file of the
 * project and on generated documents full of what crosses blocks (footnotes
 * and links defined elsewhere, fenced code, HTML comments, `:::` containers,
 * lists, quotes, tables), cut with pieces as small as a few characters; by
 * remark alone, and with the fast reader (src/core/markdown-fast.ts) taking
 * the blocks it can and remark the pieces around the others, for chapters
 * (directives) and for drafts (none).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseInPieces, cutPoints } from '../../src/core/markdown-chunks.js';
import { markdownProcessor } from '../../src/core/markdown.js';
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { ROOT } from '../helpers.js';

const processor = markdownProcessor();
const whole = (text: string) => processor.parse(text) as Root;
const draftProcessor = unified().use(remarkParse).use(remarkGfm).freeze();
const wholeDraft = (text: string) => draftProcessor.parse(text) as Root;

/** In pieces of `piece` characters by remark alone; with `fast`, also with the fast reader first (chapters, and drafts without directives). */
function expectPieces(text: string, piece: number, what: string, fast: { draft: boolean } | undefined): void {
  const tree = whole(text);
  expect(parseInPieces(text, whole, { piece }), what).toEqual(tree);
  if (!fast) return;
  expect(parseInPieces(text, whole, { piece, fast: { directives: true } }), `${what}, fast`).toEqual(tree);
  if (fast.draft) expect(parseInPieces(text, wholeDraft, { piece, fast: { directives: false } }), `${what}, fast draft`).toEqual(wholeDraft(text));
}

function markdownFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, found);
    else if (name.endsWith('.md') && statSync(path).size < 60_000) found.push(path);
  }
  return found;
}

const MIXED = [
  '# Title',
  'A call to a note defined far below.[^far] And a [reference link][far-link], a [collapsed][] one and a [shortcut].',
  '```md\n[^far]: not a definition, in code\n\n| a | b |\n|---|---|\n\n```',
  '<!-- a comment\n\nthat spans a blank line\n\n-->',
  ':::note\ninside a container\n\nstill inside\n:::',
  '- a list\n\n- of loose items\n\n  with a second paragraph',
  '1. ordered\n2. list',
  '> a quote\n\n> another quote',
  '| Fund | Share |\n| :--- | ---: |\n| AMIF | 20 % |\n| ESF | 30 % |\n| ERDF | 50 % |\n| x | y |\n| z | w |',
  '    indented code\n\n    goes on',
  'A paragraph with *emphasis* and :ref{#p-1} and `code`.',
  '1.1 A plain point of a draft, calling the note defined far below.[^far]\n\n1.2 Another, with **strong** words.',
  '## 2. A heading\n\nnote:example, and a call to a note nobody defines[^nowhere].',
  '[far-link]: https://example.org/far\n[collapsed]: https://example.org/c\n[shortcut]: https://example.org/s',
  '[^far]: The note, with a second paragraph\n\n    indented under it.',
  '~~~\nunclosed fence at the end\n\nof the text',
];

describe('parsing Markdown in pieces', () => {
  it('gives the same tree as one parse, on every Markdown file of the project', { timeout: 240_000 }, () => {
    const files = [
      ...markdownFiles(join(ROOT, 'opinions')),
      ...markdownFiles(join(ROOT, 'test')),
      ...markdownFiles(join(ROOT, 'docs')),
      ...markdownFiles(join(ROOT, 'templates')),
    ];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expectPieces(text, 200, `${file} in pieces of 200`, { draft: file.startsWith(join(ROOT, 'test')) });
    }
  });

  it('gives the same tree on generated documents whose blocks refer to each other', () => {
    for (let seed = 0; seed < 24; seed++) {
      const blocks = Array.from({ length: 30 }, (_, i) => MIXED[(i * 7 + seed * 3) % MIXED.length]!);
      const text = blocks.join(seed % 2 ? '\n\n' : '\n\n\n');
      expect(cutPoints(text, 16).length, `seed ${seed}`).toBeGreaterThan(5);
      for (const piece of [1, 16, 100]) expectPieces(text, piece, `seed ${seed}, pieces of ${piece}`, piece === 16 ? { draft: true } : undefined);
    }
  });

  it('leaves to remark only the pieces around what the fast reader refuses', () => {
    const point = (n: number) => `${n}.1 The Committee considers that *plain* points are most of a draft.[^${n}]\n\n[^${n}]: A note.\n\n`;
    const text = `${Array.from({ length: 40 }, (_, n) => point(n)).join('')}| a | b |\n|---|---|\n| 1 | 2 |\n\n${Array.from({ length: 40 }, (_, n) => point(n + 40)).join('')}`;
    const read: string[] = [];
    const tree = parseInPieces(text, (part) => (read.push(part), wholeDraft(part)), { fast: { directives: false } });
    expect(tree).toEqual(wholeDraft(text));
    expect(read).toEqual(['| a | b |\n|---|---|\n| 1 | 2 |\n\n']);
  });

  it('cuts a long table between rows and joins the rows again', () => {
    const text = `Before.\n\n| a | b |\n| --- | :-: |\n${'| x | *y* |\n'.repeat(500)}| last | row |\n\nAfter.\n`;
    const cuts = cutPoints(text, 200);
    expect(cuts.filter((cut) => cut.table).length).toBeGreaterThan(10);
    const tree = parseInPieces(text, whole, { piece: 200 });
    expectPieces(text, 200, 'a long table', { draft: true });
    expect(tree.children.map((child) => child.type)).toEqual(['paragraph', 'table', 'paragraph']);
  });

  it('cuts 1,000 footnotes called from other pieces, each note still found by its call', () => {
    const text = Array.from({ length: 1_000 }, (_, i) => `Point ${i}.[^n${(i * 37) % 1_000}]\n\n[^n${i}]: Note ${i}.`).join('\n\n');
    expect(cutPoints(text, 2_000).length).toBeGreaterThan(10);
    expectPieces(text, 2_000, '1,000 footnotes', { draft: true });
  });
});
