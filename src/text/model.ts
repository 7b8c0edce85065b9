/**
 * The text of an opinion as a reader sees it, per language, in reading
 * order: each chapter's title, headings and points (with the principles and
 * recommendations that `::principles` / `::recommendations` place from the
 * YAML), and its footnotes (Markdown footnotes, and one per source cited
 * with `:cite`). Every block keeps the way back to the user's source.
 *
 * Chapters are read through the loader's outline of their blocks (the one
 * validation already made) and a scan of each block's inline Markdown
 * (`scan.ts`): a full CommonMark parse would cost ten times more.
 */
import { footnoteLabels, type OutlineBlock } from '../core/prose-outline.js';
import type { ChapterSource, Evidence, Located, Opinion, Source, Text, YamlKind } from '../core/model.js';
import { headingAttributes, LEADING_ID } from '../core/markdown-syntax.js';
import { placeAt, scanInline, type InlineContext, type Mark } from './scan.js';
import { ProseBuilder, type Origin, type Prose } from './prose.js';
import { refText } from './ref-words.js';
import { SourceFiles, textWithPointer } from './sources.js';
import type { LineIndex } from '../core/line-index.js';

export type { Mark } from './scan.js';

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

const ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const QUOTE = /^[ \t]*>[ \t]?/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export interface BuildTextOptions {
  /**
   * Scan the inline text of chapter paragraphs (default true). Without it,
   * their `prose`, `refs`, `cites` and `footnotes` are left empty: ids,
   * numbers and places only, what the amendments' point index needs, at a
   * fraction of the cost on a long opinion. Citation footnotes are then
   * found from the outline's `:cite` directives.
   */
  prose?: boolean;
}

export function buildText(opinion: Opinion, sources = new SourceFiles(opinion), options: BuildTextOptions = {}): OpinionText {
  const original = typeof opinion.meta.language === 'string' ? opinion.meta.language : 'en';
  const langs = [...new Set([original, ...Object.keys(opinion.chapters)])].sort((a, b) =>
    a === original ? -1 : b === original ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const byLang = new Map<string, LangText>();
  for (const lang of langs) byLang.set(lang, new LangBuilder(opinion, sources, lang, original, options.prose !== false).build(opinion.chapters[lang] ?? []));
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

/** The kind of a block the outline leaves as `other`. */
type Other = { kind: 'placement'; name: string } | { kind: 'list' | 'quote' | 'table' } | { kind: 'skip' };

const OTHER_KINDS = new Map<string | undefined, Other>([
  ['list', { kind: 'list' }],
  ['blockquote', { kind: 'quote' }],
  ['table', { kind: 'table' }],
]);

/** What an `other` block is, from remark's type of it (`::principles` and the like place items). */
function classify(block: OutlineBlock): Other {
  if (block.node === 'leafDirective') return { kind: 'placement', name: block.name! };
  return OTHER_KINDS.get(block.node) ?? { kind: 'skip' };
}

interface Numbering {
  chapter: string | undefined;
  byBlock: Map<OutlineBlock, (string | undefined)[]>;
}

class LangBuilder {
  /** Rendered numbers of ids in this language (points, headings, chapters, placed items). */
  private readonly numbers = new Map<string, { kind: 'point' | 'chapter'; number: string }>();
  private readonly cited = new Set<string>();
  private unnumberedBefore = 0;
  private footnoteCount = 0;

  constructor(
    private readonly opinion: Opinion,
    private readonly sources: SourceFiles,
    private readonly lang: string,
    private readonly original: string,
    private readonly prose = true,
  ) {}

  build(chapters: ChapterSource[]): LangText {
    const numbering = chapters.map((chapter, i) => this.number(chapter, i));
    return { lang: this.lang, chapters: chapters.map((chapter, i) => this.chapter(chapter, numbering[i]!)) };
  }

  private lineText(lines: LineIndex, text: string, line: number): [number, number, string] {
    const [start, end] = lines.line(line);
    const stop = Math.min(end, text.length);
    return [start, stop, text.slice(start, stop)];
  }

  /** First pass: the number of every chapter, heading and point, so that `:ref` can render labels. */
  private number(chapter: ChapterSource, index: number): Numbering {
    const blocks = chapter.outline.blocks;
    const title = blocks.find((b) => b.type === 'heading' && b.depth === 1);
    const unnumbered = headingAttributes(title?.content ?? '')?.unnumbered === true;
    const chapterNumber = unnumbered ? undefined : String(index + 1 - this.unnumberedBefore);
    if (unnumbered) this.unnumberedBefore++;
    this.numbers.set(chapter.id, { kind: 'chapter', number: chapterNumber ?? '' });
    const numbering: Numbering = { chapter: chapterNumber, byBlock: new Map() };
    const counters = new Map<string, number>();
    let prefix: string[] = chapterNumber ? [chapterNumber] : [];
    const next = (): string | undefined => {
      if (!chapterNumber) return undefined;
      const key = prefix.join('.');
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return [...prefix, String(n)].join('.');
    };
    for (const block of blocks) {
      if (block.type === 'heading' && (block.depth ?? 1) > 1) {
        prefix = prefix.slice(0, Math.max(1, (block.depth ?? 2) - 1));
        const number = next();
        numbering.byBlock.set(block, [number]);
        if (number) prefix = number.split('.');
        const id = headingAttributes(block.content ?? '')?.ids[0];
        if (id) this.numbers.set(id, { kind: 'point', number: number ?? '' });
      } else if (block.type === 'paragraph') {
        const number = next();
        numbering.byBlock.set(block, [number]);
        const marker = LEADING_ID.exec(block.firstLine ?? '');
        if (marker?.[1]) this.numbers.set(marker[1], { kind: 'point', number: number ?? '' });
      } else if (block.type === 'other') {
        const other = classify(block);
        if (other.kind !== 'placement' || (other.name !== 'principles' && other.name !== 'recommendations')) continue;
        const items = other.name === 'principles' ? this.opinion.principles : this.opinion.recommendations;
        numbering.byBlock.set(
          block,
          items.map((item) => {
            const number = next();
            if (typeof item.id === 'string') this.numbers.set(item.id, { kind: 'point', number: number ?? '' });
            return number;
          }),
        );
      }
    }
    return numbering;
  }

  private chapter(source: ChapterSource, numbering: Numbering): ChapterText {
    const origin = this.sources.markdownOrigin(source.path);
    const lines = this.sources.lineIndex(source.path);
    const text = origin.base;
    const chapter: ChapterText = { id: source.id, lang: this.lang, path: source.path, body: [], footnotes: [], placements: [] };
    const noteLabels = footnoteLabels(source.outline);
    if (numbering.chapter) chapter.number = numbering.chapter;
    const offset = (p: { line: number; column: number }) => Math.min(text.length, lines.offset(p.line, p.column));
    let lastPoint: { block: TextBlock; out: ProseBuilder; ctx: InlineContext } | undefined;
    const finishPoint = () => {
      if (lastPoint) lastPoint.block.prose = lastPoint.out.build();
      lastPoint = undefined;
    };

    for (const block of source.outline.blocks) {
      const from = offset(block.position.start);
      const to = offset(block.position.end);
      if (block.type === 'heading') {
        finishPoint();
        let contentTo = block.contentEnd ? offset(block.contentEnd) : to;
        // An ATX heading's text ends its line; a setext heading's runs from its first line.
        const contentFrom = block.contentEnd && block.contentEnd.line === block.position.start.line ? contentTo - (block.content ?? '').length : from;
        const attributes = headingAttributes(text.slice(contentFrom, contentTo));
        if (attributes) contentTo = contentFrom + attributes.index;
        const made = this.markdownBlock(
          block.depth === 1 && !chapter.title && chapter.body.length === 0 ? 'title' : 'heading',
          source,
          origin,
          from,
          to,
          contentFrom,
          contentTo,
          noteLabels,
        );
        if (made.kind === 'title') {
          if (numbering.chapter) made.number = numbering.chapter;
          chapter.title = made;
          continue;
        }
        const number = numbering.byBlock.get(block)?.[0];
        if (number) made.number = number;
        const id = headingAttributes(block.content ?? '')?.ids[0];
        if (id) made.id = id;
        chapter.body.push(made);
      } else if (block.type === 'paragraph') {
        finishPoint();
        const marker = LEADING_ID.exec(text.slice(from, Math.min(to, from + 200)));
        const ctx = this.context(origin, noteLabels);
        const out = new ProseBuilder();
        if (this.prose) scanInline(out, from + (marker ? marker[0].length : 0), to, ctx);
        const made = this.block('point', 'prose', source.id, new ProseBuilder().build(), ctx, placeAt(origin, from, to));
        const number = numbering.byBlock.get(block)?.[0];
        if (number) made.number = number;
        if (marker?.[1]) made.id = marker[1];
        chapter.body.push(made);
        lastPoint = { block: made, out, ctx };
      } else if (block.type === 'footnoteDefinition') {
        finishPoint();
        const label = /^[ \t]*\[\^[^\]]+\]:[ \t]*/.exec(text.slice(from, Math.min(to, from + 300)));
        const made = this.markdownBlock('footnote', source, origin, from, to, from + (label ? label[0].length : 0), to, noteLabels);
        made.id = block.label ?? '';
        made.number = String(++this.footnoteCount);
        chapter.footnotes.push(made);
      } else if (block.type === 'other') {
        const other = classify(block);
        if (other.kind === 'placement') {
          finishPoint();
          chapter.placements.push({ name: other.name, at: placeAt(origin, from, to) });
          if (other.name !== 'principles' && other.name !== 'recommendations') continue;
          const numbers = numbering.byBlock.get(block) ?? [];
          const placed = other.name === 'principles' ? this.principles() : this.recommendations();
          placed.forEach((item, j) => {
            if (!item) return;
            const number = numbers[j];
            if (number) item.number = number;
            item.chapter = source.id;
            chapter.body.push(item);
          });
        } else if (lastPoint && (other.kind !== 'skip' || /^[ \t]*(?:```|~~~)/.test(text.slice(from, from + 10)))) {
          // A list, table or quote right after a paragraph belongs to its point; code too, but is not prose.
          if (other.kind !== 'skip' && this.prose) this.appendLines(other.kind, block, source, lastPoint.out, lastPoint.ctx);
          lastPoint.block.at = { file: lastPoint.block.at.file, position: { start: lastPoint.block.at.position.start, end: origin.point(to) } };
        } else {
          finishPoint();
        }
      } else {
        finishPoint();
      }
      // `:::note`, HTML, thematic breaks and other directives are not part of the text.
    }
    finishPoint();
    if (this.prose) for (const block of chapter.body) for (const cite of block.cites) this.citation(cite.id, chapter);
    else
      for (const directive of source.outline.directives) if (directive.name === 'cite' && directive.id) this.citation(directive.id.replace(/^#/, ''), chapter);
    return chapter;
  }

  /** The lines of a list, quote or table, their markers left out; items and rows as blocks of their own. */
  private appendLines(kind: 'list' | 'quote' | 'table', block: OutlineBlock, source: ChapterSource, out: ProseBuilder, ctx: InlineContext): void {
    const lines = this.sources.lineIndex(source.path);
    const text = ctx.origin.base;
    for (let line = block.position.start.line; line <= block.position.end.line; line++) {
      const [start, end, content] = this.lineText(lines, text, line);
      if (content.trim() === '') continue;
      if (kind === 'table') {
        if (TABLE_DELIMITER.test(content)) continue;
        out.raw('\n\n');
        let cell = start + (content.match(/^[ \t]*\|?/)?.[0].length ?? 0);
        const stop = start + content.replace(/\|?[ \t]*$/, '').length;
        for (let i = cell; i <= stop; i++) {
          if (i === stop || (text[i] === '|' && text[i - 1] !== '\\')) {
            if (cell > start + (content.match(/^[ \t]*\|?/)?.[0].length ?? 0)) out.raw(' ');
            scanInline(out, cell, i, ctx);
            cell = i + 1;
          }
        }
        continue;
      }
      const marker = kind === 'list' ? ITEM.exec(content) : QUOTE.exec(content);
      out.raw(marker && (kind === 'list' || content.trim() === '>') ? '\n\n' : '\n');
      const skip = marker ? marker[0].length : content.length - content.trimStart().length;
      scanInline(out, start + skip, end, ctx);
    }
  }

  /** `footnoteLabels`: those the chapter defines (a call to another label is text). */
  private context(origin: Origin, footnoteLabels: ReadonlySet<string>): InlineContext {
    return { origin, refLabel: (id) => this.label(id), refs: [], cites: [], footnotes: [], footnoteLabels };
  }

  /** A block of this language; `marks`: the references, citations and footnote calls in its prose. */
  private block(
    kind: BlockKind,
    from: BlockFrom,
    chapter: string,
    prose: Prose,
    marks: Pick<TextBlock, 'refs' | 'cites' | 'footnotes'>,
    at: Located,
  ): TextBlock {
    return { kind, from, lang: this.lang, chapter, prose, refs: marks.refs, cites: marks.cites, footnotes: marks.footnotes, at };
  }

  private markdownBlock(
    kind: BlockKind,
    source: ChapterSource,
    origin: Origin,
    from: number,
    to: number,
    contentFrom: number,
    contentTo: number,
    footnoteLabels: ReadonlySet<string>,
  ): TextBlock {
    const ctx = this.context(origin, footnoteLabels);
    const out = new ProseBuilder();
    scanInline(out, contentFrom, Math.max(contentFrom, contentTo), ctx);
    return this.block(kind, 'prose', source.id, out.build(), ctx, placeAt(origin, from, to));
  }

  /** A YAML text (inline Markdown) as prose; `title` (a principle's) comes first, as its own sentence. */
  private yamlBlock(
    from: 'principle' | 'recommendation',
    kind: YamlKind,
    pointer: string,
    id: unknown,
    parts: (Text | undefined)[],
    names: string[],
  ): TextBlock | undefined {
    const out = new ProseBuilder();
    const ctx: InlineContext = { origin: undefined as unknown as Origin, refLabel: (x) => this.label(x), refs: [], cites: [], footnotes: [] };
    let at: Located | undefined;
    parts.forEach((text, i) => {
      const found = textWithPointer(text, this.lang, this.original);
      if (!found) return;
      const origin = this.sources.yamlOrigin(kind, `${pointer}/${names[i]}${found.pointer}`, found.value);
      if (!origin) return;
      if (out.length > 0) out.raw('\n\n');
      ctx.origin = origin;
      scanInline(out, 0, found.value.length, ctx);
      if (names[i] === 'text' || !at) at = placeAt(origin, 0, found.value.length);
    });
    if (!at) return undefined;
    const block = this.block('point', from, '', out.build(), ctx, at);
    if (typeof id === 'string') block.id = id;
    return block;
  }

  private principles(): (TextBlock | undefined)[] {
    return this.opinion.principles.map((p, i) => this.yamlBlock('principle', 'principles', `/principles/${i}`, p.id, [p.title, p.text], ['title', 'text']));
  }

  private recommendations(): (TextBlock | undefined)[] {
    return this.opinion.recommendations.map((r, i) => this.yamlBlock('recommendation', 'recommendations', `/recommendations/${i}`, r.id, [r.text], ['text']));
  }

  /** The first `:cite` of a source adds a footnote with the source (author, title, publisher, address). */
  private citation(id: string, chapter: ChapterText): void {
    const target = findCited(this.opinion.evidence, id);
    if (!target) return;
    const key = target.pointer;
    if (this.cited.has(key)) return;
    this.cited.add(key);
    const out = new ProseBuilder();
    let at: Located | undefined;
    const add = (value: Text | undefined, field: string) => {
      const found = textWithPointer(value, this.lang, this.original) ?? textWithPointer(value, this.original, this.original);
      if (!found) return;
      const origin = this.sources.yamlOrigin('evidence', `${target.pointer}/${field}${found.pointer}`, found.value);
      if (!origin) return;
      if (out.length > 0) out.raw(', ');
      out.add(found.value, origin, 0, found.value.length, 'exact');
      at ??= placeAt(origin, 0, found.value.length);
    };
    for (const field of ['author', 'title', 'publisher', 'url'] as const) add(target.source[field], field);
    if (!at) return;
    const footnote = this.block('footnote', 'citation', chapter.id, out.build(), { refs: [], cites: [], footnotes: [] }, at);
    footnote.id = target.evidenceId;
    footnote.number = String(++this.footnoteCount);
    chapter.footnotes.push(footnote);
  }

  private label(id: string): string {
    const numbered = this.numbers.get(id);
    if (numbered) return refText(this.lang, numbered.kind === 'chapter' ? 'chapter' : 'point', numbered.number);
    const evidence = findCited(this.opinion.evidence, id);
    if (evidence) {
      const title = this.opinion.evidence[evidence.index]?.title;
      return textWithPointer(title, this.lang, this.original)?.value ?? textWithPointer(title, this.original, this.original)?.value ?? id;
    }
    const glossary = this.opinion.glossary.find((g) => g.id === id);
    if (glossary && typeof glossary.term === 'string') return glossary.term;
    return refText(this.lang, 'footnote', '1');
  }
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
