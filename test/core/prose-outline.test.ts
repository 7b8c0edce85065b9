/**
 * The prose outline (core/prose-outline.ts, read from the parsed tree) must
 * give exactly what the full remark parse holds: top-level headings,
 * paragraphs, footnote definitions and `:ref`/`:cite` directives, at the same
 * positions, with the heading text and first lines validation reads. Checked
 * on every Markdown file of the repository (sample opinions, fixtures) and on
 * tricky cases.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../src/core/markdown.js';
import { outlineProse } from '../../src/core/prose-outline.js';

interface Found {
  blocks: string[];
  directives: string[];
}

const pos = (p: { start: { line: number; column: number }; end: { line: number; column: number } }) =>
  `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;

/** What the full parse sees. */
function fromTree(tree: Root): Found {
  const blocks = tree.children.map((node) => {
    const at = pos(node.position!);
    if (node.type === 'heading') {
      const last = node.children[node.children.length - 1];
      const end = last?.position ? `${last.position.end.line}:${last.position.end.column}` : '';
      return `heading${node.depth} ${at} end=${end} first=${firstText(node)}`;
    }
    if (node.type === 'paragraph') return `paragraph ${at} first=${firstText(node)}`;
    if (node.type === 'footnoteDefinition') return `footnoteDefinition ${at} ${node.identifier}`;
    if (node.type === 'definition') return `definition ${at}`;
    return `other ${at}`;
  });
  const directives: string[] = [];
  visit(tree, 'textDirective', (node) => {
    directives.push(`${node.name} ${node.attributes?.id ?? ''} ${pos(node.position!)}`);
  });
  return { blocks, directives };
}

function firstText(node: { children: { type: string; value?: string }[] }): string {
  const first = node.children[0];
  return first?.type === 'text' ? (/^\{#[^}\s]*\}/.exec(first.value ?? '')?.[0] ?? '') : '';
}

/** What the outline sees, in the same terms. */
function fromOutline(text: string): Found {
  const { blocks, directives } = outlineProse(text, parseMarkdown(text));
  return {
    blocks: blocks.map((b) => {
      const at = pos(b.position);
      const first = /^\{#[^}\s]*\}/.exec(b.firstLine ?? '')?.[0] ?? '';
      if (b.type === 'heading') return `heading${b.depth} ${at} end=${b.contentEnd!.line}:${b.contentEnd!.column} first=${first}`;
      if (b.type === 'paragraph') return `paragraph ${at} first=${first}`;
      if (b.type === 'footnoteDefinition') return `footnoteDefinition ${at} ${b.label}`;
      return `${b.type} ${at}`;
    }),
    directives: directives.map((d) => `${d.name} ${d.id ?? ''} ${pos(d.position)}`),
  };
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'build' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

const root = join(import.meta.dirname, '../..');
const files = [...markdownFiles(join(root, 'opinions')), ...markdownFiles(join(root, 'test')), ...markdownFiles(join(root, 'templates'))];

const TRICKY: Record<string, string> = {
  'setext headings and lazy lines': 'Title\n=====\n\n{#a} Para\nlazy line :ref{#b}\n\nSub\n---\n',
  'closing hashes and trailing id': '# Chapter #\n\n## Section {#s-one} ##\n\n### Deeper {#s-two}\n',
  'code spans and fences hide directives': 'Text `:ref{#no}` and :ref{#yes}.\n\n```\n:ref{#fenced}\n```\n\n~~~md\n:cite{#tilde}\n~~~\n',
  'escapes and double colons': 'Not \\:ref{#a}, not ::ref{#b} here, :cite[label]{#c} yes, :ref{id="d"} yes, :ref{id=e .cls} yes.\n',
  'directive without attributes': 'See :ref and :ref{} and :ref{# bad}.\n',
  'lists and quotes are not points': '{#p} Point.\n\n- item :ref{#in-list}\n  continued\n- {#x} item two\n\n> quote :cite{#in-quote}\nlazy\n\n1. one\n2. two\n',
  'containers and leaf directives': '::principles\n\n:::note\nInternal :ref{#in-note}\n\n{#not-a-point} inside\n:::\n\n{#after} After.\n',
  'nested containers and fences in containers': ':::note\n:::aside\ninner\n:::\n```\n:::\n```\nstill note :ref{#n}\n:::\n\ntext\n',
  'footnotes with continuation': 'Text.[^fn-a]\n\n[^fn-a]: First line :cite{#ev}\n    continued\n\n    second paragraph\n\n[^FN-B]: Other.\n\n{#p2} Next.\n',
  tables: '| a | b |\n| - | - |\n| :ref{#in-table} | x |\n\n{#p3} After table.\n',
  'indented code and html': '    code :ref{#no}\n\n<div>\n:ref{#html}\n</div>\n\n{#p4} text\n',
  'thematic break vs setext': 'Para\n\n---\n\n***\n\n{#p5} x\n',
  'interrupting blocks': '{#p6} Para\n# Heading\n{#p7} Para\n- list\n{#p8} Para\n> quote\n',
  'link reference definitions': '[ref]: https://example.org\n\n# Title\n\nText [ref].\n',
  'unicode and tabs': '# Überschrift\n\n{#ü} Größe :ref{#a-b}\tand\t:cite{#c}\n\n\t{#tabbed} indented by tab\n',
  'empty and whitespace': '\n\n   \n',
  'label with brackets': 'x :cite[a [b] c]{#d} y\n',
  'blocks right after a paragraph': '{#a} Para\n::recommendations\n{#b} Para\n:::note\nx :ref{#c}\n:::\n{#d} Para\n```\ncode\n```\n',
  'ordered list not starting at 1 does not interrupt': '{#a} In\n2018. the year\n\n1. starts\n',
  'a list with another marker starts a new block': '1) one\n2) two\n\n3. three\n\n- a\n\n* b\n',
  'html comment spanning blank lines': '<!--\n\n:ref{#hidden}\n\n-->\n\n{#a} After.\n',
  // Read by the one directive reader shared with the text model's scan (core/inline-syntax.ts; see inline-syntax.test.ts).
  'directive labels and attributes as remark reads them':
    'x :ref[a `]` b]{#a} :ref[open {#b} :cite{#c .k d="e}f"} \\::ref{#g}\n:ref[y :cite{#h}] :abbr[z]{title="t:u" #i} :ref{#j{k} :ref{:x #l}\n',
};

describe('prose outline matches the full parse', () => {
  for (const file of files) {
    it(file.slice(root.length + 1), () => {
      const text = readFileSync(file, 'utf8')
        .replace(/\r\n?/g, '\n')
        .replace(/^\uFEFF/, '');
      expect(fromOutline(text)).toEqual(fromTree(parseMarkdown(text)));
    });
  }
  for (const [name, text] of Object.entries(TRICKY)) {
    it(name, () => {
      expect(fromOutline(text)).toEqual(fromTree(parseMarkdown(text)));
    });
  }
  it('reads the repository Markdown', () => {
    expect(files.length).toBeGreaterThan(20);
  });
});
