/**
 * The text model reads chapters through the loader's outline and its own
 * inline scan instead of a full CommonMark parse. This holds it to the full
 * parse: on every Markdown chapter of every opinion in the repository
 * (samples and test fixtures) and on tricky cases, each point, heading and
 * footnote has the same text, ids, references, citations and footnote
 * references as read from remark's tree.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { RootContent } from 'mdast';
import { loadOpinion } from '../../src/core/load.js';
import { findOpinionFolders } from '../../src/validate/index.js';
import { LEADING_ID, TRAILING_ATTRIBUTES } from '../../src/core/markdown-syntax.js';
import { buildText } from '../../src/text/model.js';
import { SourceFiles } from '../../src/text/sources.js';
import { ProseBuilder } from '../../src/text/prose.js';
import type { ChapterSource } from '../../src/core/model.js';
import { appendBlocks, appendPhrasing, type InlineContext } from './reference-inline.js';

interface Seen {
  kind: string;
  id?: string;
  text: string;
  refs: string[];
  cites: string[];
  footnotes: string[];
}

/** Text without the labels of references, white space collapsed. */
function normalise(text: string, refs: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, ref.start) + '⟨ref⟩';
    at = ref.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ').trim();
}

function reference(chapter: ChapterSource, sources: SourceFiles): Seen[] {
  const origin = sources.markdownOrigin(chapter.path);
  const seen: Seen[] = [];
  const nodes = chapter.tree.children;
  const take = (kind: string, build: (ctx: InlineContext, out: ProseBuilder) => void, id?: string) => {
    const ctx: InlineContext = { origin, refLabel: () => 'LABEL', refs: [], cites: [], footnotes: [] };
    const out = new ProseBuilder();
    build(ctx, out);
    const prose = out.build();
    seen.push({
      kind,
      ...(id ? { id } : {}),
      text: normalise(prose.text, ctx.refs),
      refs: ctx.refs.map((m) => m.id),
      cites: ctx.cites.map((m) => m.id),
      footnotes: ctx.footnotes.map((m) => m.id.toLowerCase()),
    });
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading') {
      const last = node.children[node.children.length - 1];
      const marker = last?.type === 'text' ? TRAILING_ATTRIBUTES.exec(last.value) : null;
      const id = marker?.[1]
        ?.split(/\s+/)
        .find((p) => p.startsWith('#'))
        ?.slice(1);
      const title = seen.length === 0 && node.depth === 1;
      take(title ? 'title' : 'heading', (ctx, out) => appendPhrasing(out, node.children, ctx, { trailing: true }), title ? undefined : id);
    } else if (node.type === 'paragraph') {
      const group: RootContent[] = [];
      while (i + 1 < nodes.length && ['list', 'table', 'blockquote', 'code'].includes(nodes[i + 1]!.type)) group.push(nodes[++i]!);
      const first = node.children[0];
      const marker = first?.type === 'text' ? LEADING_ID.exec(first.value) : null;
      take(
        'point',
        (ctx, out) => {
          appendPhrasing(out, node.children, ctx, { leading: true });
          appendBlocks(out, group, ctx);
        },
        marker?.[1] || undefined,
      );
    } else if (node.type === 'footnoteDefinition') {
      take('footnote', (ctx, out) => appendBlocks(out, node.children, ctx), node.identifier);
    }
  }
  return seen;
}

async function compareFolder(dir: string): Promise<number> {
  const { opinion } = await loadOpinion(dir);
  if (!opinion) return 0;
  const sources = new SourceFiles(opinion);
  const text = buildText(opinion, sources);
  let compared = 0;
  for (const [lang, chapters] of Object.entries(opinion.chapters)) {
    const model = text.byLang.get(lang)!;
    for (const chapter of chapters) {
      const mine = model.chapters.find((c) => c.id === chapter.id)!;
      const blocks = [...(mine.title ? [mine.title] : []), ...mine.body.filter((b) => b.from === 'prose'), ...mine.footnotes.filter((f) => f.from === 'prose')];
      const actual: Seen[] = blocks.map((b) => ({
        kind: b.kind,
        ...(b.id ? { id: b.id } : {}),
        text: normalise(b.prose.text, b.refs),
        refs: b.refs.map((m) => m.id),
        cites: b.cites.map((m) => m.id),
        footnotes: b.footnotes.map((m) => m.id),
      }));
      const expected = reference(chapter, sources);
      const order = (list: Seen[]) => [...list.filter((s) => s.kind !== 'footnote'), ...list.filter((s) => s.kind === 'footnote')];
      expect(actual, chapter.path).toEqual(order(expected));
      compared++;
    }
  }
  return compared;
}

describe('the inline scan reads prose as the full parse does', () => {
  it('on every opinion in the repository', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const found = await findOpinionFolders([join(root, 'opinions'), join(root, 'test')]);
    let compared = 0;
    for (const folder of found.folders) compared += await compareFolder(folder);
    expect(compared).toBeGreaterThan(20);
  });

  it('on tricky inline Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-scan-'));
    mkdirSync(join(dir, 'text', 'en'), { recursive: true });
    writeFileSync(join(dir, 'opinion.yaml'), 'reference: INT/900\ntitle: T\nkind: own-initiative\nlanguage: en\nstage: study-group\n');
    writeFileSync(
      join(dir, 'text', 'en', '01-tricky.md'),
      [
        '# Tricky *cases* {#tricky}',
        '',
        '{#p-emphasis} Some *emphasis*, **strong**, _under_ and ~~struck~~ text; snake_case_name and 5 * 3 stay.',
        '',
        '{#p-links} A [link](https://example.org "title") and ![an image](x.png), an <https://auto.link> and `code *not* emphasis`.',
        '',
        '{#p-escapes} Escaped \\*stars\\*, an entity &amp; a dash &ndash; and a hard\\',
        'break across lines, then a footnote[^fn-one] and :cite{#c} and :ref{#p-links}.',
        '',
        '{#p-list} A point with a list:',
        '',
        '- first item with *emphasis*;',
        '- second item',
        '  continued on the next line.',
        '',
        '1. numbered',
        '',
        '> A quote that belongs to the point.',
        '',
        '| Cell one | Cell *two* |',
        '| --- | --- |',
        '| three | four |',
        '',
        '## A heading with `code` {#s-code}',
        '',
        'A point without an id, with <b>inline HTML</b> and a :abbr[label]{title="x"}.',
        '',
        ':::note',
        'An internal note with :ref{#p-links}.',
        ':::',
        '',
        '[^fn-one]: The footnote, with *emphasis* and a [link](https://example.org).',
        '',
      ].join('\n'),
    );
    expect(await compareFolder(dir)).toBe(1);
  });
});
