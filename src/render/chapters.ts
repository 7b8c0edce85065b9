/**
 * A chapter file → the chapter's title and blocks (points, numbered
 * headings, notes), following the source format:
 *
 * - the first `#` heading is the chapter title (`{-}`: unnumbered chapter);
 * - each top-level paragraph is a point (`{#id}` at its start gives its id);
 *   a list, table, quote or code block right after it belongs to it;
 * - `##` / `###` open numbered sections / sub-sections (`{#id}` at the end);
 * - `::principles`, `::recommendations` place YAML items as points;
 * - `:::note` is an internal note: dropped, or kept when notes are asked for.
 *
 * The loaded source tree is copied, never changed (one loaded opinion can be
 * rendered in several ways), unless the caller hands over a tree of its own.
 */
import type { BlockContent, FootnoteDefinition, Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../core/messages.js';
import { headingAttributes, ID_PATTERN, LEADING_ID } from '../core/markdown-syntax.js';
import type { ChapterSource, Position } from '../core/model.js';
import type { RenderContext } from './context.js';
import type { Chapter, PointBlock } from './ir.js';
import { placePrinciples, placeRecommendations, type Placed } from './placed-items.js';
import type { RecommendationGrouping } from '../core/template.js';
import { makeSafe } from '../core/source-safety.js';
import { pointAfter } from '../core/line-index.js';

export interface ChapterResult {
  chapter: Chapter;
  /** The chapter's footnote definitions, by identifier (GFM footnotes are local to their file). */
  footnotes: Map<string, FootnoteDefinition>;
}

export interface ChapterOptions {
  recommendations: RecommendationGrouping;
  placed: Placed;
  /** The chapter's tree, owned by the caller and free to change; otherwise the loaded tree is taken over when parsed already (core/model.ts `takeTree`), or copied. */
  tree?: Root;
}

export function readChapter(ctx: RenderContext, source: ChapterSource, options: ChapterOptions): ChapterResult {
  const file = source.file;
  const tree = options.tree ?? source.takeTree?.() ?? (structuredClone(source.tree) as Root);
  const footnotes = new Map<string, FootnoteDefinition>();
  // Cleaned before the footnotes are taken out: their content reaches every output too. What is
  // left out or changed was reported by validation (validate/semantics.ts), where `validate` and CI see it.
  makeSafe(tree, file, { quiet: true });
  takeFootnoteDefinitions(tree, footnotes);

  const chapter: Chapter = { id: source.id, number: '', numbered: true, title: [], blocks: [], file };
  let titled = false;
  /** Level of the section the next points belong to (0: the chapter itself). */
  let level = 0;
  let lastPoint: PointBlock | undefined;

  const attach = (node: BlockContent) => {
    if (lastPoint) lastPoint.more.push(node);
    else {
      const previous = chapter.blocks[chapter.blocks.length - 1];
      if (previous && previous.type === 'content') previous.nodes.push(node);
      else chapter.blocks.push({ type: 'content', nodes: [node], file });
    }
  };

  for (const node of tree.children as RootContent[]) {
    switch (node.type) {
      case 'heading': {
        const { title, id, unnumbered } = headingParts(node, file);
        if (node.depth === 1 && !titled) {
          titled = true;
          chapter.title = title;
          chapter.numbered = !unnumbered;
          chapter.at = node.position;
          break;
        }
        let wanted = node.depth === 1 ? 1 : node.depth - 1;
        if (node.depth === 1) {
          report(file, 'Unexpected second `#` heading, expected `##` for a section (the first `#` heading is the chapter title)', {
            ruleId: 'chapter/heading-depth',
            severity: 'warning',
            place: node.position,
          });
        }
        if (wanted > level + 1) {
          report(file, `Unexpected \`${'#'.repeat(node.depth)}\` heading, expected \`${'#'.repeat(level + 2)}\`: headings go one level down at a time`, {
            ruleId: 'chapter/heading-depth',
            severity: 'warning',
            place: node.position,
          });
          wanted = level + 1;
        }
        level = wanted;
        lastPoint = undefined;
        chapter.blocks.push({ type: 'heading', level, number: '', title, ...(id ? { id } : {}), file, at: node.position });
        break;
      }
      case 'paragraph': {
        lastPoint = pointFrom(node, file);
        chapter.blocks.push(lastPoint);
        break;
      }
      case 'leafDirective': {
        lastPoint = undefined;
        if (node.name === 'principles') chapter.blocks.push(...placePrinciples(ctx, node, file, options.placed));
        else if (node.name === 'recommendations') chapter.blocks.push(...placeRecommendations(ctx, node, file, options.placed, options.recommendations, level));
        else unknownDirective(file, `::${node.name}`, node.position, ['::principles', '::recommendations']);
        break;
      }
      case 'containerDirective': {
        if (node.name === 'note') {
          if (ctx.notes) chapter.blocks.push({ type: 'note', nodes: node.children as BlockContent[], file, at: node.position });
        } else {
          unknownDirective(file, `:::${node.name}`, node.position, [':::note']);
        }
        break;
      }
      case 'list':
      case 'table':
      case 'blockquote':
      case 'code':
      case 'thematicBreak':
        attach(node);
        break;
      default:
        // Definitions and footnote definitions were taken out; nothing else is top-level content.
        break;
    }
  }
  if (!titled) {
    report(file, 'Missing chapter title, expected a `#` heading at the top of the file', {
      ruleId: 'chapter/title',
      place: { line: 1, column: 1 },
    });
    chapter.title = [{ type: 'text', value: source.id }];
  }
  return { chapter, footnotes };
}

function pointFrom(paragraph: Paragraph, file: VFile): PointBlock {
  const first = paragraph.children[0];
  let id: string | undefined;
  if (first && first.type === 'text') {
    const match = LEADING_ID.exec(first.value);
    if (match) {
      if (ID_PATTERN.test(match[1]!)) id = match[1]!;
      const rest = first.value.slice(match[0].length).replace(/^\s+/, '');
      // The text now starts after the marker: so does its position (a message at a word in it is placed by it).
      if (first.position) first.position.start = pointAfter(first.position.start, first.value.slice(0, first.value.length - rest.length));
      first.value = rest;
      if (first.value === '') paragraph.children.shift();
    }
  }
  return { type: 'point', kind: 'point', ...(id ? { id } : {}), number: '', paragraph, more: [], file, at: paragraph.position };
}

/** A heading's title without its `{#id}` / `{-}` attributes. */
function headingParts(heading: Heading, file: VFile): { title: PhrasingContent[]; id?: string; unnumbered: boolean } {
  const children = [...heading.children];
  const last = children[children.length - 1];
  let id: string | undefined;
  let unnumbered = false;
  if (last && last.type === 'text') {
    const attributes = headingAttributes(last.value);
    if (attributes) {
      unnumbered = attributes.unnumbered;
      id = attributes.ids.findLast((name) => ID_PATTERN.test(name));
      const value = last.value.slice(0, attributes.index);
      children[children.length - 1] = { ...last, value };
      if (value === '') children.pop();
    }
  }
  if (unnumbered && heading.depth > 1) {
    report(file, 'Unexpected `{-}` on a section heading, expected it on the chapter title only: sections are always numbered', {
      ruleId: 'chapter/heading-depth',
      severity: 'warning',
      place: heading.position,
    });
    unnumbered = false;
  }
  return { title: children, ...(id ? { id } : {}), unnumbered };
}

function takeFootnoteDefinitions(parent: { children: RootContent[] }, into: Map<string, FootnoteDefinition>): void {
  parent.children = parent.children.filter((child) => {
    if (child.type === 'footnoteDefinition') {
      if (!into.has(child.identifier)) into.set(child.identifier, child);
      return false;
    }
    if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading') takeFootnoteDefinitions(child as { children: RootContent[] }, into);
    return true;
  });
}

export function unknownDirective(file: VFile, written: string, place: Position | undefined, expected: string[]): void {
  report(file, `Unexpected directive \`${written}\`, expected ${expected.map((e) => `\`${e}\``).join(' or ')}`, {
    ruleId: 'source/unknown-directive',
    place,
    expected,
    note: 'Write `\\:` for a colon that starts a word, e.g. `10\\:30` or `note\\:this`',
  });
}
