/**
 * The text of an opinion as a reader sees it, per language, in reading
 * order: each chapter's title, headings and points (with the principles and
 * recommendations that `::principles` / `::recommendations` place from the
 * YAML), and its footnotes (Markdown footnotes, and one per source cited
 * with `:cite`). Every block keeps the way back to the user's source.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import type { ChapterSource, Evidence, Located, Opinion, Source, Text, YamlKind } from '../../core/model.js';
import { LEADING_ID, TRAILING_ATTRIBUTES } from '../../core/markdown.js';
import { parseMarkdown } from '../../core/markdown.js';
import { appendBlocks, appendPhrasing, placeOf, type InlineContext, type Mark } from './inline.js';
import { ProseBuilder, type Origin, type Prose } from './prose.js';
import { SourceFiles, textIn } from './sources.js';

export type BlockKind = 'title' | 'heading' | 'point' | 'footnote';
/** Where a block's text is written: the Markdown chapter, or a YAML item placed in it. */
export type BlockFrom = 'prose' | 'principle' | 'recommendation' | 'citation';

export interface TextBlock {
  kind: BlockKind;
  from: BlockFrom;
  lang: string;
  /** Id of the chapter (from its file name). */
  chapter: string;
  /** The point's, heading's or footnote's id; the principle's or recommendation's id; the cited evidence id. */
  id?: string;
  /** Number as rendered (`1.2`, `3.1.4`; footnotes `1`, `2`…), when numbered. */
  number?: string;
  prose: Prose;
  /** `:ref{#id}` uses, `:cite{#id}` uses and footnote references inside the text. */
  refs: Mark[];
  cites: Mark[];
  footnotes: Mark[];
  /** The whole block in its source. */
  at: Located;
}

export interface ChapterText {
  id: string;
  lang: string;
  path: string;
  /** "1", "2"…; absent for an unnumbered chapter (`# Foreword {-}`). */
  number?: string;
  title?: TextBlock;
  /** Headings and points in reading order. */
  body: TextBlock[];
  /** Markdown footnotes defined in the file, then sources first cited in this chapter. */
  footnotes: TextBlock[];
  /** The `::principles` / `::recommendations` directives, in order, with their places. */
  placements: { name: string; at: Located }[];
}

export interface LangText {
  lang: string;
  chapters: ChapterText[];
}

export interface OpinionText {
  /** The original language. */
  original: string;
  /** The original language, then the languages with text (`text/<lang>/`). */
  langs: string[];
  byLang: Map<string, LangText>;
  sources: SourceFiles;
}

const POINT_WORD: Record<string, [point: string, chapter: string, footnote: string]> = {
  en: ['point', 'chapter', 'footnote'],
  fr: ['paragraphe', 'chapitre', 'note'],
  it: ['punto', 'capitolo', 'nota'],
  de: ['Ziffer', 'Kapitel', 'Fußnote'],
  es: ['punto', 'capítulo', 'nota'],
  nl: ['paragraaf', 'hoofdstuk', 'voetnoot'],
};

export function buildText(opinion: Opinion, sources = new SourceFiles(opinion)): OpinionText {
  const original = typeof opinion.meta.language === 'string' ? opinion.meta.language : 'en';
  const langs = [...new Set([original, ...Object.keys(opinion.chapters)])].sort((a, b) => (a === original ? -1 : b === original ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const byLang = new Map<string, LangText>();
  for (const lang of langs) byLang.set(lang, new LangBuilder(opinion, sources, lang, original).build(opinion.chapters[lang] ?? []));
  return { original, langs, byLang, sources };
}

/** Every block of a language version in reading order: titles, headings, points, then footnotes. */
export function allBlocks(lang: LangText | undefined): TextBlock[] {
  if (!lang) return [];
  const blocks: TextBlock[] = [];
  for (const chapter of lang.chapters) {
    if (chapter.title) blocks.push(chapter.title);
    blocks.push(...chapter.body);
  }
  for (const chapter of lang.chapters) blocks.push(...chapter.footnotes);
  return blocks;
}

/** The points of a language version (from prose and from YAML), in reading order. */
export function pointsOf(lang: LangText | undefined): TextBlock[] {
  return lang ? lang.chapters.flatMap((c) => c.body.filter((b) => b.kind === 'point')) : [];
}

class LangBuilder {
  /** Rendered numbers of ids in this language (points, headings, chapters, placed items). */
  private readonly numbers = new Map<string, { kind: 'point' | 'chapter' | 'footnote'; number: string }>();
  private readonly cited = new Set<string>();
  private readonly words: [string, string, string];

  constructor(
    private readonly opinion: Opinion,
    private readonly sources: SourceFiles,
    private readonly lang: string,
    private readonly original: string,
  ) {
    this.words = POINT_WORD[lang] ?? POINT_WORD.en!;
  }

  build(chapters: ChapterSource[]): LangText {
    const numbering = chapters.map((chapter, i) => this.number(chapter, i));
    return { lang: this.lang, chapters: chapters.map((chapter, i) => this.chapter(chapter, numbering[i]!)) };
  }

  /** First pass: the number of every chapter, heading and point, so that `:ref` can render labels. */
  private number(chapter: ChapterSource, index: number): Numbering {
    const nodes = chapter.tree.children;
    const title = nodes.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
    const unnumbered = title ? /\{[^}]*(?:-|\.unnumbered)[^}]*\}\s*$/.test(lastText(title)) : false;
    const chapterNumber = unnumbered ? undefined : String(index + 1 - this.unnumberedBefore);
    if (unnumbered) this.unnumberedBefore++;
    this.numbers.set(chapter.id, { kind: 'chapter', number: chapterNumber ?? '' });
    const numbering: Numbering = { chapter: chapterNumber, byNode: new Map() };
    const counters = new Map<string, number>();
    let prefix: string[] = chapterNumber ? [chapterNumber] : [];
    const next = (): string | undefined => {
      if (!chapterNumber) return undefined;
      const key = prefix.join('.');
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return [...prefix, String(n)].join('.');
    };
    for (const node of nodes) {
      if (node.type === 'heading' && node.depth > 1) {
        prefix = prefix.slice(0, Math.max(1, node.depth - 1));
        const number = next();
        numbering.byNode.set(node, [number]);
        if (number) prefix = number.split('.');
        const marker = TRAILING_ATTRIBUTES.exec(lastText(node));
        for (const part of marker?.[1]?.split(/\s+/) ?? []) {
          if (part.startsWith('#')) this.numbers.set(part.slice(1), { kind: 'point', number: number ?? '' });
        }
      } else if (node.type === 'paragraph') {
        const number = next();
        numbering.byNode.set(node, [number]);
        const marker = LEADING_ID.exec(firstText(node));
        if (marker?.[1]) this.numbers.set(marker[1], { kind: 'point', number: number ?? '' });
      } else if (node.type === 'leafDirective' && (node.name === 'principles' || node.name === 'recommendations')) {
        const items = node.name === 'principles' ? this.opinion.principles : this.opinion.recommendations;
        const list = items.map((item) => {
          const number = next();
          if (typeof item.id === 'string') this.numbers.set(item.id, { kind: 'point', number: number ?? '' });
          return number;
        });
        numbering.byNode.set(node, list);
      }
    }
    return numbering;
  }

  private unnumberedBefore = 0;
  private footnoteCount = 0;

  private chapter(source: ChapterSource, numbering: Numbering): ChapterText {
    const origin = this.sources.markdownOrigin(source.path);
    const chapter: ChapterText = { id: source.id, lang: this.lang, path: source.path, body: [], footnotes: [], placements: [] };
    if (numbering.chapter) chapter.number = numbering.chapter;
    const nodes = source.tree.children;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'heading') {
        const block = this.markdownBlock(node.depth === 1 ? 'title' : 'heading', source, origin, [node], { trailing: true });
        if (!block) continue;
        if (node.depth === 1 && !chapter.title && chapter.body.length === 0) {
          if (numbering.chapter) block.number = numbering.chapter;
          chapter.title = block;
          continue;
        }
        block.kind = 'heading';
        const number = numbering.byNode.get(node)?.[0];
        if (number) block.number = number;
        const marker = TRAILING_ATTRIBUTES.exec(lastText(node));
        const id = marker?.[1]?.split(/\s+/).find((p) => p.startsWith('#'))?.slice(1);
        if (id) block.id = id;
        chapter.body.push(block);
      } else if (node.type === 'paragraph') {
        // A list, table or quote right after a paragraph belongs to its point.
        const group: RootContent[] = [node];
        while (i + 1 < nodes.length && ['list', 'table', 'blockquote', 'code'].includes(nodes[i + 1]!.type)) group.push(nodes[++i]!);
        const block = this.markdownBlock('point', source, origin, group, { leading: true });
        if (!block) continue;
        const number = numbering.byNode.get(node)?.[0];
        if (number) block.number = number;
        const marker = LEADING_ID.exec(firstText(node));
        if (marker?.[1]) block.id = marker[1];
        chapter.body.push(block);
      } else if (node.type === 'leafDirective' && (node.name === 'principles' || node.name === 'recommendations')) {
        const place = placeOf(node, origin);
        if (place) chapter.placements.push({ name: node.name, at: place });
        const numbers = numbering.byNode.get(node) ?? [];
        const placed = node.name === 'principles' ? this.principles() : this.recommendations();
        placed.forEach((block, j) => {
          if (!block) return;
          const number = numbers[j];
          if (number) block.number = number;
          block.chapter = source.id;
          chapter.body.push(block);
        });
      } else if (node.type === 'footnoteDefinition') {
        const block = this.markdownBlock('footnote', source, origin, [node], {});
        if (!block) continue;
        block.id = node.identifier;
        block.number = String(++this.footnoteCount);
        chapter.footnotes.push(block);
      }
      // `:::note`, HTML, thematic breaks and other directives are not part of the text.
    }
    for (const block of chapter.body) for (const cite of block.cites) this.citation(cite.id, chapter);
    return chapter;
  }

  private context(origin: Origin): InlineContext {
    return { origin, refLabel: (id) => this.label(id), refs: [], cites: [], footnotes: [] };
  }

  private markdownBlock(kind: BlockKind, source: ChapterSource, origin: Origin, nodes: RootContent[], strip: { leading?: boolean; trailing?: boolean }): TextBlock | undefined {
    const ctx = this.context(origin);
    const out = new ProseBuilder();
    const [first, ...rest] = nodes;
    if (first?.type === 'paragraph' || first?.type === 'heading') appendPhrasing(out, first.children, ctx, strip);
    else if (first) appendBlocks(out, [first], ctx);
    appendBlocks(out, rest, ctx);
    const start = placeOf(nodes[0]!, origin);
    const end = placeOf(nodes[nodes.length - 1]!, origin);
    if (!start || !end) return undefined;
    return {
      kind,
      from: 'prose',
      lang: this.lang,
      chapter: source.id,
      prose: out.build(),
      refs: ctx.refs,
      cites: ctx.cites,
      footnotes: ctx.footnotes,
      at: { file: start.file, position: { start: start.position.start, end: end.position.end } },
    };
  }

  /** A YAML text (inline Markdown) as prose; `title` (a principle's) comes first, as its own sentence. */
  private yamlBlock(from: 'principle' | 'recommendation', kind: YamlKind, pointer: string, id: unknown, parts: (Text | undefined)[], names: string[]): TextBlock | undefined {
    const out = new ProseBuilder();
    let ctx: InlineContext | undefined;
    let at: Located | undefined;
    parts.forEach((text, i) => {
      const found = textIn(text, this.lang, this.original);
      if (!found) return;
      const origin = this.sources.yamlOrigin(kind, `${pointer}/${names[i]}${found.pointer}`, found.value);
      if (!origin) return;
      const partCtx = this.context(origin);
      if (out.length > 0) out.raw('\n\n');
      const tree = parseMarkdown(found.value);
      appendBlocks(out, tree.children, partCtx);
      if (!ctx) ctx = partCtx;
      else {
        ctx.refs.push(...partCtx.refs);
        ctx.cites.push(...partCtx.cites);
        ctx.footnotes.push(...partCtx.footnotes);
      }
      if (names[i] === 'text' || !at) at = { file: origin.file, position: { start: origin.point(0), end: origin.point(found.value.length) } };
    });
    if (!ctx || !at) return undefined;
    const block: TextBlock = { kind: 'point', from, lang: this.lang, chapter: '', prose: out.build(), refs: ctx.refs, cites: ctx.cites, footnotes: ctx.footnotes, at };
    if (typeof id === 'string') block.id = id;
    return block;
  }

  private principles(): (TextBlock | undefined)[] {
    return this.opinion.principles.map((p, i) => this.yamlBlock('principle', 'principles', `/principles/${i}`, p.id, [p.title, p.text], ['title', 'text']));
  }

  private recommendations(): (TextBlock | undefined)[] {
    return this.opinion.recommendations.map((r, i) => this.yamlBlock('recommendation', 'recommendations', `/recommendations/${i}`, r.id, [r.text], ['text']));
  }

  /** The first `:cite` of a source adds a footnote with the source (title, author, publisher, address). */
  private citation(id: string, chapter: ChapterText): void {
    const target = findCited(this.opinion.evidence, id);
    if (!target) return;
    const key = target.pointer;
    if (this.cited.has(key)) return;
    this.cited.add(key);
    const out = new ProseBuilder();
    let at: Located | undefined;
    const add = (value: Text | undefined, field: string) => {
      const found = textIn(value, this.lang, this.original) ?? textIn(value, this.original, this.original);
      if (!found) return;
      const pointer = `${target.pointer}/${field}${found.pointer}`;
      const origin = this.sources.yamlOrigin('evidence', pointer, found.value);
      if (!origin) return;
      if (out.length > 0) out.raw(', ');
      out.add(found.value, origin, 0, found.value.length, 'exact');
      at ??= { file: origin.file, position: { start: origin.point(0), end: origin.point(found.value.length) } };
    };
    const source = target.source;
    add(source.author, 'author');
    add(source.title, 'title');
    add(source.publisher, 'publisher');
    add(source.url, 'url');
    if (!at) return;
    chapter.footnotes.push({
      kind: 'footnote',
      from: 'citation',
      lang: this.lang,
      chapter: chapter.id,
      id: target.evidenceId,
      number: String(++this.footnoteCount),
      prose: out.build(),
      refs: [],
      cites: [],
      footnotes: [],
      at,
    });
  }

  private label(id: string): string {
    const [point, chapter, footnote] = this.words;
    const numbered = this.numbers.get(id);
    if (numbered) {
      const word = numbered.kind === 'chapter' ? chapter : numbered.kind === 'footnote' ? footnote : point;
      return numbered.number ? `${word} ${numbered.number}` : word;
    }
    const evidence = findCited(this.opinion.evidence, id);
    if (evidence) {
      const title = this.opinion.evidence[evidence.index]?.title;
      return textIn(title, this.lang, this.original)?.value ?? textIn(title, this.original, this.original)?.value ?? id;
    }
    const glossary = this.opinion.glossary.find((g) => g.id === id);
    if (glossary && typeof glossary.term === 'string') return glossary.term;
    return `${footnote} 1`;
  }
}

interface Numbering {
  chapter: string | undefined;
  byNode: Map<RootContent, (string | undefined)[]>;
}

interface Cited {
  evidenceId: string;
  index: number;
  /** Pointer to the object holding `source` (the evidence item, or a fact with a source of its own). */
  pointer: string;
  source: Source;
}

/** The evidence item or fact `id` names, with the source a citation of it shows. */
export function findCited(evidence: Evidence[], id: string): Cited | undefined {
  for (let i = 0; i < evidence.length; i++) {
    const item = evidence[i]!;
    const source = isSource(item.source) ? item.source : undefined;
    if (item.id === id) return source ? { evidenceId: item.id, index: i, pointer: `/evidence/${i}/source`, source } : undefined;
    const facts = Array.isArray(item.facts) ? item.facts : [];
    for (let j = 0; j < facts.length; j++) {
      const fact = facts[j];
      if (fact?.id !== id) continue;
      if (isSource(fact.source)) return { evidenceId: item.id, index: i, pointer: `/evidence/${i}/facts/${j}/source`, source: fact.source };
      return source ? { evidenceId: item.id, index: i, pointer: `/evidence/${i}/source`, source } : undefined;
    }
  }
  return undefined;
}

function isSource(value: unknown): value is Source {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstText(node: Paragraph): string {
  const first = node.children[0];
  return first?.type === 'text' ? first.value : '';
}

function lastText(node: Heading): string {
  const last = node.children[node.children.length - 1];
  return last?.type === 'text' ? last.value : '';
}
