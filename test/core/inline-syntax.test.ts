/**
 * The two fast readers of `:ref{#id}` / `:cite{#id}` in inline Markdown —
 * the references of YAML texts (`inlineDirectives` of
 * `core/prose-outline.ts`) and the text model's inline scan (prose:
 * `text/scan.ts`) — share one reader (`core/inline-syntax.ts`) and cannot
 * disagree: on every case here, and on random mixes of the
 * characters that matter, both find the references and citations remark
 * finds, at the same places (the scan, like the text model, does not read
 * inside a reference's label: the reference stands for its own label).
 */
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../src/core/markdown.js';
import { inlineDirectives } from '../../src/core/prose-outline.js';
import { scanInline, type InlineContext } from '../../src/text/scan.js';
import { ProseBuilder } from '../../src/text/prose.js';

/** `name id line:column-line:column` of each reference and citation with an id. */
type Found = string[];

/** `prose`: as the text model reads it, where a reference stands for its label (what its brackets hold is not read). */
function fromRemark(text: string, prose = false): Found {
  const found: Found = [];
  visit(parseMarkdown(text), 'textDirective', (node) => {
    const id = node.attributes?.id;
    if ((node.name === 'ref' || node.name === 'cite') && typeof id === 'string' && id !== '') {
      const { start, end } = node.position!;
      found.push(`${node.name} ${id} ${start.line}:${start.column}-${end.line}:${end.column}`);
      if (prose && node.name === 'ref') return 'skip';
    }
    return undefined;
  });
  return found;
}

function fromOutline(text: string): Found {
  return inlineDirectives(text)
    .filter((d) => (d.name === 'ref' || d.name === 'cite') && d.id)
    .map((d) => `${d.name} ${d.id} ${d.position.start.line}:${d.position.start.column}-${d.position.end.line}:${d.position.end.column}`);
}

/** The inline scan over a one-line paragraph (all the cases are one paragraph). */
function fromScan(text: string): Found {
  const origin = { file: 'x.md', base: text, point: (offset: number) => ({ line: 1, column: offset + 1, offset }) };
  const ctx: InlineContext = { origin, refLabel: () => 'LABEL', refs: [], cites: [], footnotes: [] };
  scanInline(new ProseBuilder(), 0, text.length, ctx);
  const marks = [...ctx.refs.map((m) => ({ name: 'ref', m })), ...ctx.cites.map((m) => ({ name: 'cite', m }))];
  return marks
    .sort((a, b) => a.m.at.position.start.offset! - b.m.at.position.start.offset!)
    .map(({ name, m }) => `${name} ${m.id} ${m.at.position.start.line}:${m.at.position.start.column}-${m.at.position.end.line}:${m.at.position.end.column}`);
}

const CASES = [
  'See :ref{#a} and :cite{#b}.',
  'A label :ref[the point]{#a} and :cite[x [y] z]{#b}.',
  'Unclosed label :ref[abc and :ref{#a}.',
  'A code span in a label :ref[a `]` b]{#a} c.',
  'Unclosed attributes :ref{#a and :cite{#b}.',
  'Malformed :ref{#a b="c} and :ref{#a .x y=z} and :ref{id="q"}.',
  'Empty :ref{} and :ref{#} and :ref{ #a }.',
  'Escaped \\:ref{#a}, doubled ::ref{#b}, in code `:ref{#c}` and after code `x`:ref{#d}.',
  'Letters before: see:ref{#a} and word:cite{#b}.',
  'Two ids :ref{#a #b} and id then hash :ref{id=a #b}.',
  'Brackets [x :ref{#a}] and [link :cite{#b}](https://example.org).',
  'Names :ref-x{#a} :ref_{#b} :ref1{#c}.',
  'Nested :ref[x :cite{#a}]{#b} and :ref[y :cite{#c}] and :abbr[z :ref{#d}]{title="t:u"}.',
];

describe('one reader of :ref and :cite', () => {
  for (const text of CASES) {
    it(text, () => {
      expect(fromOutline(text)).toEqual(fromRemark(text));
      expect(fromScan(text)).toEqual(fromRemark(text, true));
    });
  }

  it('agrees with remark on random mixes of the characters that matter', () => {
    const pieces = [':ref', ':cite', '{#a}', '{#b', '{id="c"}', '[', ']', '`', '\\', ' ', 'x', ':', '{', '}', '#', '.', '"'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
    for (let n = 0; n < 2000; n++) {
      const text = 'Start ' + Array.from({ length: 4 + Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join('') + ' end.';
      expect(fromOutline(text), text).toEqual(fromRemark(text));
      expect(fromScan(text), text).toEqual(fromRemark(text, true));
    }
  });
});
