/**
 * From a loaded opinion to the resolved document of one language: chapters
 * read and numbered, footnotes and citations numbered, references resolved,
 * acronyms expanded, the front matter, closing and appendix built. Pure:
 * data in, data out; problems are messages on the sources' VFiles.
 */
import type { FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Draft } from '../core/draft.js';
import { report, withThousands } from '../core/messages.js';
import type { ChapterSource, Opinion } from '../core/model.js';
import { readChapter } from './chapters.js';
import { appendixAmendments, closingBlock, type AppendixAmendment, type Closing } from './closing.js';
import { createContext, type ContextOptions, type RenderContext } from './context.js';
import { numberFootnotes } from './footnotes.js';
import { frontMatter, type FrontMatter } from './front-matter.js';
import { expandAcronyms } from './glossary.js';
import { applyTypography } from './typography.js';
import type { Chapter, Footnote } from './ir.js';
import { countLength, type LengthCount } from './length.js';
import { numberChapters } from './numbering.js';
import type { RecommendationGrouping } from '../core/template.js';
import { collectTargets, resolveReferences } from './references.js';
import { replaceNodes } from './replace-nodes.js';
import { toDraft } from './to-draft.js';
import { checkTranslation } from './translations.js';
import { chapterUnits, footnoteUnits, type Unit } from './units.js';

export interface ResolveOptions extends ContextOptions {
  /** Default grouping of `::recommendations` (the template's `::chapters{recommendations=…}`). */
  recommendations?: RecommendationGrouping;
  /** Chapter trees owned by the caller (parsed or read from a cache), changed in place. */
  trees?: ReadonlyMap<ChapterSource, Root>;
}

export interface ResolvedDocument {
  ctx: RenderContext;
  front: FrontMatter;
  chapters: Chapter[];
  footnotes: Footnote[];
  closing?: Closing;
  amendments: AppendixAmendment[];
  length: LengthCount;
  draft: Draft;
}

export function resolveDocument(opinion: Opinion, options: ResolveOptions): ResolvedDocument {
  const ctx = createContext(opinion, options);
  checkTranslation(ctx);

  const sources = opinion.chapters[ctx.lang] ?? [];
  if (sources.length === 0) {
    report(ctx.yamlFile('opinion'), `Missing text for language \`${ctx.lang}\`, expected chapters in \`text/${ctx.lang}/\``, {
      ruleId: 'lang/missing-text',
      place: ctx.locate('opinion', '/languages')?.position ?? ctx.locate('opinion', '/language')?.position,
    });
  }
  const placed = new Set<string>();
  const definitions = new Map<VFile, Map<string, FootnoteDefinition>>();
  const chapters = sources.map((source) => {
    const tree = options.trees?.get(source);
    const { chapter, footnotes } = readChapter(ctx, source, { recommendations: options.recommendations ?? 'none', placed, ...(tree ? { tree } : {}) });
    definitions.set(source.file, footnotes);
    return chapter;
  });
  numberChapters(chapters);
  const { footnotes, byLabel } = numberFootnotes(ctx, chapters, definitions);

  const targets = collectTargets(ctx, chapters, byLabel);
  const opinionFile = ctx.yamlFile('opinion');
  // Prose from opinion.yaml is resolved as it is made, before it is copied into label texts.
  const front = frontMatter(ctx, (nodes) => resolveReferences([{ nodes, file: opinionFile, role: 'front' }], targets));
  const closing = closingBlock(ctx);
  const numbers = new Map<string, string>();
  for (const chapter of chapters) {
    for (const block of chapter.blocks)
      if ((block.type === 'point' || block.type === 'heading') && block.id && block.number) numbers.set(block.id, block.number);
  }
  const amendments = appendixAmendments(ctx, numbers);

  const frontUnits: Unit[] = [
    { nodes: front.titleLine, file: opinionFile, role: 'front' },
    { nodes: front.kindLine, file: opinionFile, role: 'front' },
    ...front.header.map((row): Unit => ({ nodes: row.value, file: opinionFile, role: 'front' })),
    ...amendments.map((a): Unit => ({ nodes: [...a.text, ...a.reason], file: a.file, role: 'front' })),
  ];
  resolveReferences([...chapterUnits(chapters), ...footnoteUnits(footnotes), ...frontUnits.slice(front.header.length + 2)], targets);
  // Citations cite their sources as written: acronyms in a publisher's name stay as they are.
  expandAcronyms(ctx, [...chapterUnits(chapters), ...footnoteUnits(footnotes.filter((f) => f.kind === 'footnote'))]);
  if (opinion.meta.typography === 'language') applyTypography(options.labels, [...chapterUnits(chapters), ...footnoteUnits(footnotes)]);
  for (const unit of [...chapterUnits(chapters), ...footnoteUnits(footnotes), ...frontUnits]) removeDirectives(unit);

  const length = countLength(chapters, footnotes);
  if (length.exceeded) {
    report(
      opinionFile,
      `Unexpected length of ${withThousands(length.characters)} characters without spaces in the \`${ctx.lang}\` text, expected at most ${withThousands(length.limit)}`,
      {
        ruleId: 'length/limit',
        severity: 'warning',
        note: 'An EESC opinion must not exceed 18,000 characters without spaces at any stage (counted: chapter and section titles, points and footnotes)',
      },
    );
  }
  const draft = toDraft(opinion.dir, ctx.lang, front, chapters, footnotes);
  if (ctx.numbering === 'oj') draft.numbering = 'oj';
  return { ctx, front, chapters, footnotes, ...(closing ? { closing } : {}), amendments, length, draft };
}

/** Directives left after references and citations are not part of the format: report and drop them. */
function removeDirectives(unit: Unit): void {
  replaceNodes({ type: 'paragraph', children: unit.nodes as PhrasingContent[] }, (child) => {
    if (child.type !== 'textDirective' && child.type !== 'leafDirective' && child.type !== 'containerDirective') return undefined;
    const prefix = child.type === 'textDirective' ? ':' : child.type === 'leafDirective' ? '::' : ':::';
    report(
      unit.file,
      `Unexpected directive \`${prefix}${child.name}\`, expected \`:ref\`, \`:cite\`${prefix === ':' ? '' : ', `::principles`, `::recommendations` or `:::note` at the top level of a chapter'}`,
      {
        ruleId: 'source/unknown-directive',
        place: child.position,
        note: prefix === ':' ? 'Write `\\:` for a colon that starts a word, e.g. `10\\:30`' : undefined,
      },
    );
    return child.type === 'textDirective' ? [{ type: 'text', value: `${prefix}${child.name}` }, ...child.children] : [];
  });
}
