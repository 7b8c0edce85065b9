/**
 * The direct HTML writer (render/html-fast.ts) must give exactly what
 * rehype-sanitize with the build's schema and hast-util-to-html give,
 * whenever it gives anything: checked on every block and page shell of the
 * build of every opinion folder of the repository (fixtures good and bad, the
 * samples, every language, with notes) and of generated 200- and 600-point
 * opinions, and on trees built to hit escapes, void elements, properties and
 * protocols. It must also take the generated opinion's blocks (else it is no
 * faster), and give up on what it does not handle.
 */
import { describe, it, expect, vi } from 'vitest';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { find, html } from 'property-information';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import { buildOpinion } from '../../src/opinion/index.js';
import { fastHtml, ATTRIBUTES } from '../../src/render/html-fast.js';
import { SANITIZE_SCHEMA } from '../../src/render/to-html.js';
// @ts-expect-error: a script of the benchmarks, without types
import { generateOpinion } from '../../bench/large-opinion.mjs';
import { ROOT, seededRandom } from '../helpers.js';

/** What the build writes with the libraries alone. */
function reference(node: Root | RootContent, schema?: SanitizeSchema): string {
  if (!schema) return hastToHtml(node);
  const clean = (rehypeSanitize as (schema: SanitizeSchema) => (tree: Root) => Root)(schema);
  return hastToHtml(clean({ type: 'root', children: [node as RootContent] }));
}

// Every call the build makes is checked against the libraries and counted.
const calls = vi.hoisted(() => ({ fast: 0, library: 0, mismatches: [] as string[] }));
vi.mock('../../src/render/html-fast.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/html-fast.js')>();
  const { toHtml } = await import('hast-util-to-html');
  const { default: sanitize } = await import('rehype-sanitize');
  return {
    ...real,
    fastHtml(node: Root | RootContent, schema?: SanitizeSchema) {
      const fast = real.fastHtml(node, schema);
      if (fast === undefined) {
        calls.library++;
        return fast;
      }
      calls.fast++;
      const expected = schema
        ? toHtml((sanitize as (schema: SanitizeSchema) => (tree: Root) => Root)(schema)({ type: 'root', children: [node as RootContent] }))
        : toHtml(node);
      if (fast !== expected) calls.mismatches.push(`${fast}\n  expected\n${expected}`);
      return fast;
    },
  };
});

function opinionFolders(dir: string, out: string[] = []): string[] {
  const names = readdirSync(dir);
  if (names.includes('opinion.yaml')) out.push(dir);
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) opinionFolders(path, out);
  }
  return out;
}

/** Whether the fast writer agrees with the libraries on `node` (or gives up); whether it took it. */
function agree(node: Root | RootContent, schema?: SanitizeSchema): boolean {
  const fast = fastHtml(node, schema);
  if (fast !== undefined) expect(fast, JSON.stringify(node)).toBe(reference(node, schema));
  return fast !== undefined;
}

const element = (tagName: string, properties: Element['properties'] = {}, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

describe('fast HTML writer', () => {
  it('writes every block and page of every build as the libraries do', async () => {
    const folders = ['opinions', 'test'].flatMap((dir) => opinionFolders(join(ROOT, dir)));
    const generated = mkdtempSync(join(tmpdir(), 'opinion-html-fast-'));
    folders.push(generateOpinion(join(generated, 'g200'), 200), generateOpinion(join(generated, 'g600'), 600));
    expect(folders.length).toBeGreaterThan(20);
    for (const dir of folders) {
      for (const notes of [false, true]) await buildOpinion(dir, { langs: 'all', formats: ['html'], notes, lenient: true });
    }
    expect(calls.mismatches.slice(0, 3)).toEqual([]);
    // The generated opinions alone have over 1,500 blocks: nearly all must take the fast path.
    expect(calls.fast).toBeGreaterThan(1500);
    expect(calls.library).toBeLessThan(calls.fast / 20);
  });

  it('gives the attribute names and kinds of property-information', () => {
    for (const [property, attribute] of ATTRIBUTES) {
      const info = find(html, property);
      expect(info.attribute, property).toBe(attribute);
      expect(Boolean(info.boolean || info.overloadedBoolean || info.booleanish || info.commaSeparated || info.commaOrSpaceSeparated), property).toBe(false);
    }
  });

  it('escapes text and attribute values, writes void elements and booleans, keeps style raw', () => {
    const tricky = ['a<b & c>d', '"quoted" and \'single\' `tick`', '\0nul', '&amp; &#x27;', '', ' spaced ', 'é ü – “”', '😀 \uD800 lone'];
    for (const value of tricky) {
      expect(agree(element('p', {}, [text(value)]), SANITIZE_SCHEMA)).toBe(true);
      expect(agree(element('a', { href: `#${value}`, title: value, className: [value, 'x'] }, [text(value)]), SANITIZE_SCHEMA)).toBe(true);
      expect(agree(element('style', {}, [text(value)]))).toBe(true);
      expect(agree(element('meta', { content: value, httpEquiv: [value] }))).toBe(true);
    }
    for (const tag of ['br', 'hr', 'meta', 'img', 'p', 'span', 'BR']) {
      agree(element(tag));
      agree(element(tag, {}, [text('')]));
      agree(element(tag, {}, [text('x')]));
    }
    expect(
      agree(element('section', { dataFootnotes: true, className: ['footnotes'] }, [element('h2', { id: 'footnote-label' }, [text('Notes')])]), SANITIZE_SCHEMA),
    ).toBe(true);
    expect(agree(element('a', { dataFootnoteBackref: '', ariaLabel: 'Back', start: 3, id: Number.NaN, lang: false }))).toBe(true);
    expect(agree({ type: 'root', children: [{ type: 'doctype' }, element('html', { lang: 'en' }, [{ type: 'comment', value: 'opinion-content' }])] })).toBe(
      true,
    );
  });

  it('gives up on what sanitizing would change or the map does not know', () => {
    const refused: (Root | RootContent)[] = [
      element('script', {}, [text('alert(1)')]),
      element('a', { href: 'javascript:alert(1)' }, [text('x')]),
      element('a', { onClick: 'x' }, [text('x')]),
      element('td', {}, [text('no table around it')]),
      element('input', { type: 'checkbox' }),
      element('svg'),
      element('p', {}, [{ type: 'comment', value: 'x' }]),
      element('p', { style: 'color: red' }),
    ];
    for (const node of refused) {
      expect(fastHtml(node, SANITIZE_SCHEMA), JSON.stringify(node)).toBeUndefined();
      // Still the libraries' result where it is taken without a schema.
      agree(node);
    }
    expect(fastHtml({ type: 'comment', value: 'a --> b' })).toBeUndefined();
    expect(fastHtml({ type: 'raw', value: '<b>' } as unknown as RootContent)).toBeUndefined();
  });

  it('agrees with the libraries on generated trees', () => {
    const random = seededRandom(17);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const tags = [
      'p',
      'span',
      'em',
      'strong',
      'a',
      'sup',
      'ul',
      'ol',
      'li',
      'table',
      'tbody',
      'tr',
      'td',
      'h2',
      'h3',
      'br',
      'section',
      'div',
      'code',
      'blockquote',
    ];
    const pieces = ['word', ' ', '<', '&', '"', "'", '`', 'é', '\n', ':', '#', '/', 'http:', 'javascript:', ''];
    const value = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(pieces)).join('');
    const properties = (): Element['properties'] => {
      const result: Element['properties'] = {};
      for (const key of ['className', 'id', 'href', 'title', 'ariaLabel', 'ariaDescribedBy', 'dataFootnoteRef', 'lang', 'align', 'start', 'rel']) {
        if (random() < 0.25) result[key] = pick([value(), [value(), value()], true, false, 3, null]);
      }
      return result;
    };
    const tree = (depth: number): ElementContent =>
      depth === 0 || random() < 0.3
        ? text(value())
        : element(
            pick(tags),
            properties(),
            Array.from({ length: Math.floor(random() * 4) }, () => tree(depth - 1)),
          );
    let taken = 0;
    for (let i = 0; i < 3000; i++) {
      const node = tree(4);
      if (agree(node, SANITIZE_SCHEMA)) taken++;
      agree(node);
    }
    expect(taken).toBeGreaterThan(300);
  });
});
