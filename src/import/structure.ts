/**
 * A draft's tree (from Markdown or Word) read as an opinion: the front (title
 * line, banner, reference, header table), chapters with their sub-headings
 * and numbered points (each a paragraph and the lists or tables after it),
 * the closing block and the footnotes. Numbers are read with the diff's
 * reader of leading numbers, long ones (1.100) recognised by the same rule;
 * the front with its reader of header rows.
 */
import type { FootnoteDefinition, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import type { Draft, DraftHeaderField } from '../core/draft.js';
import { report } from '../core/messages.js';
import { addFrontHeading, addFrontLine, addHeaderTable, linesOf } from '../drafts/markdown/front-matter.js';
import { isClosingLine } from '../drafts/markdown/header-labels.js';
import { headingRole, pointNumber, titleLineAt } from '../drafts/markdown/outline.js';
import { levels, type Leading } from '../drafts/markdown/numbering.js';
import { inlineText, type PlainText } from '../render/plain-text.js';
import { blocksOf, chapterHeadingDepth, isTitle, listHeading } from '../drafts/markdown/markdown-draft.js';
import { stripLeading } from '../drafts/markdown/journal-footnotes.js';

export interface Item {
  kind: 'heading' | 'point';
  /** The number in the draft ("3.1.2"), '' when it had none. */
  number: string;
  dotted: boolean;
  /** 1: a section (3.1), 2: a sub-section (3.1.1); for points, the level they sit at. */
  level: number;
  /** The text without its number. */
  phrasing: PhrasingContent[];
  /** Lists, tables and quotes that belong to the point. */
  more: RootContent[];
  text: string;
  node: RootContent;
  id?: string;
  /** The number `opinion build` will give it. */
  built?: string;
  /** Moved to recommendations.yaml. */
  recommendation?: boolean;
}

export interface Chapter {
  number?: string;
  title: PhrasingContent[];
  titleText: string;
  items: Item[];
  node?: RootContent;
  id?: string;
}

export interface Structure {
  /** Header rows and title, as the diff reads them. */
  front: Draft;
  /** Every line before the first chapter (for the language guess). */
  frontLines: string[];
  /** Where each header row of `front` was read: its paragraph (or the table), for the messages about it. */
  places: WeakMap<DraftHeaderField, Position>;
  chapters: Chapter[];
  /** Lines of the closing block ("Brussels, 23 May 2018.", the president…). */
  closing: string[];
  footnotes: Map<string, FootnoteDefinition>;
}

export function readStructure(tree: Root, file: VFile): Structure {
  const front: Draft = { origin: String(file.path), header: [], chapters: [], footnotes: [] };
  const structure: Structure = { front, frontLines: [], chapters: [], closing: [], footnotes: new Map(), places: new WeakMap() };
  /** The front's rows that `add` reads from `node`, placed there. */
  const readFront = (node: RootContent, add: () => void) => {
    add();
    // Every row not placed yet: those added, and one that replaced the row above (a label over two paragraphs).
    if (node.position) for (const row of front.header) if (!structure.places.has(row)) structure.places.set(row, node.position);
  };
  let phase: 'front' | 'body' | 'closing' = 'front';
  let chapter: Chapter | undefined;
  let point: Item | undefined;
  // The diff's reading of blocks and numbers: "1.100" is a point in sequence with its neighbours, "1.500 Unternehmen" in prose is not.
  const blocks = blocksOf(tree);
  const chapterDepth = chapterHeadingDepth(blocks);
  /** Lists made of typed dashes: the next such paragraph adds its items to them. */
  const typedLists = new WeakSet<List>();

  const startChapter = (number: string | undefined, title: PhrasingContent[], node: RootContent) => {
    chapter = { title, titleText: inlineText(title).text.trim(), items: [], node };
    if (number !== undefined) chapter.number = number;
    structure.chapters.push(chapter);
    point = undefined;
    phase = 'body';
  };
  const warn = (node: RootContent, reason: string, ruleId: string, severity: 'warning' | 'info' = 'warning') =>
    report(file, reason, { ruleId, severity, place: node.position });

  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition') continue;
    const first = structure.footnotes.get(node.identifier);
    // The first definition is the footnote, as Markdown (and the diff) reads it: the second is not lost unseen.
    if (first)
      warn(
        node,
        `Unexpected second footnote \`[^${node.label ?? node.identifier}]\`, expected each footnote once: the first (line ${first.position?.start.line}) is imported, this one is not`,
        'import/footnote',
      );
    else structure.footnotes.set(node.identifier, node);
  }

  const titleAt = titleLineAt(blocks);
  for (const [i, block] of blocks.entries()) {
    const { node } = block;
    // HTML comments are left out with the blocks the draft reader skips.
    if (node.type === 'html') {
      warn(node, `Unexpected HTML \`${node.value.slice(0, 40)}\`, expected Markdown: not imported`, 'import/unmapped');
      continue;
    }
    if (node.type === 'heading' || node.type === 'paragraph') {
      const text = (block.plain as PlainText).text;
      const lead = block.lead as Leading;
      const rest = stripLeading(node.children, lead.skip);
      const restText = text.slice(lead.skip).trim();
      const depth1 = lead.number !== undefined && levels(lead.number) === 1;
      if (phase === 'closing' && node.type !== 'heading') {
        structure.closing.push(...linesOf(text));
        continue;
      }
      if (node.type === 'heading') {
        const inChapter = chapter && { numbered: chapter.number !== undefined };
        const place = headingRole(text, lead, node.depth, {
          ...(inChapter ? { chapter: inChapter } : {}),
          titled: front.title !== undefined,
          chapterDepth,
          titleAhead: i < titleAt,
          closed: phase === 'closing',
        });
        if (place.role === 'front') {
          structure.frontLines.push(text.trim());
          readFront(node, () => addFrontHeading(front, lead.rest, place.title));
          continue;
        }
        if (place.role === 'chapter') {
          if (phase === 'closing') {
            const reason =
              'Unexpected chapter after the closing block, expected the closing block last: imported as a chapter, which the build prints before the closing block';
            warn(node, reason, 'import/after-closing');
          }
          startChapter(place.number, rest, node);
          continue;
        }
        if (!chapter) startChapter(undefined, [], node);
        const number = place.number ?? '';
        point = undefined;
        (chapter as Chapter).items.push({
          kind: 'heading',
          number,
          dotted: number !== '' && lead.dotted,
          // A numbered one at its number's level, an unnumbered one at its own under the chapter's.
          level: number !== '' ? levels(number) - 1 : Math.max(1, node.depth - (chapterDepth ?? node.depth - 1)),
          phrasing: stripLeading(node.children, place.skip),
          more: [],
          text: text.slice(place.skip).trim(),
          node,
        });
        continue;
      }
      // A chapter heading written as a paragraph: "1. Conclusions", in bold or with its dot.
      const current = Number(chapter?.number ?? 0);
      if (depth1 && (lead.number as string).length <= 2 && (lead.dotted || block.emphasis) && isTitle(restText) && Number(lead.number) > current) {
        startChapter(lead.number, unwrapEmphasis(rest), node);
        continue;
      }
      if (isClosingLine(text)) {
        phase = 'closing';
        point = undefined;
        structure.closing.push(...linesOf(text));
        continue;
      }
      if (phase === 'front') {
        structure.frontLines.push(...linesOf(text));
        readFront(node, () => addFrontLine(front, text));
        continue;
      }
      const current2 = chapter as Chapter;
      const number = pointNumber(lead, { numbered: current2.number !== undefined });
      if (number !== undefined) {
        point = { kind: 'point', number, dotted: lead.dotted, level: levels(number) - 1, phrasing: rest, more: [], text: restText, node };
        if (block.emphasis && isTitle(restText)) {
          point.kind = 'heading';
          point.phrasing = unwrapEmphasis(rest);
        }
        current2.items.push(point);
        if (point.kind === 'heading') point = undefined;
        continue;
      }
      // The Official Journal's layout, as copied from EUR-Lex: the number on a line of its own, then the text.
      if (point && point.kind === 'point' && point.phrasing.length === 0 && point.more.length === 0) {
        point.phrasing = (node as Paragraph).children;
        point.text = text.trim();
        continue;
      }
      // A list typed with dashes or bullets (pasted from Word: "–<tab>training;"): a list of the point.
      const items = point ? typedList(node as Paragraph) : undefined;
      if (point && items) {
        const last = point.more[point.more.length - 1];
        if (last?.type === 'list' && typedLists.has(last)) last.children.push(...items);
        else {
          const list: List = { type: 'list', ordered: false, spread: false, children: items };
          typedLists.add(list);
          point.more.push(list);
        }
        continue;
      }
      // After a list, table or quote of the point, joining the paragraph to the point's first one would move it before them.
      if (point && current2.number !== undefined && point.more.length === 0) {
        warn(
          node,
          `Unexpected paragraph without a number after point ${point.number || '(unnumbered)'}, expected each point to start with its number: joined to that point with a line break`,
          'import/unnumbered-paragraph',
        );
        point.phrasing = [...point.phrasing, { type: 'break' }, ...(node as Paragraph).children];
        point.text += '\n' + text;
        continue;
      }
      if (current2.number !== undefined) {
        warn(
          node,
          point
            ? `Unexpected paragraph without a number after the list, table or quote of point ${point.number || '(unnumbered)'}, expected each point to start with its number: imported as a point of its own (in the sources a paragraph opens a point), which the build numbers`
            : `Unexpected paragraph without a number in chapter ${current2.number}, expected a numbered point: imported as a point, which the build numbers`,
          'import/unnumbered-paragraph',
        );
      }
      point = { kind: 'point', number: '', dotted: false, level: 0, phrasing: node.children, more: [], text: text.trim(), node };
      current2.items.push(point);
      continue;
    }
    // "1.   Conclusions and recommendations" as the Official Journal prints it, which Markdown reads as a list.
    const heading = node.type === 'list' && phase !== 'closing' ? listHeading(node, String(file.value)) : undefined;
    if (heading && Number(heading.number) > Number(chapter?.number ?? 0)) {
      startChapter(heading.number, ((node as List).children[0]!.children[0] as Paragraph).children, node);
      continue;
    }
    // Tables, lists, quotes, code.
    if (phase === 'front' && node.type === 'table') {
      addHeaderTable(front, node, (added, row) => {
        // A Word table's rows have no place of their own: the table's then.
        const place = row.position ?? row.children[0]?.position ?? node.position;
        if (place) structure.places.set(added, place);
      });
      for (const row of node.children) structure.frontLines.push(row.children.map((cell) => inlineText(cell.children).text).join(' '));
      continue;
    }
    if (point && (phase as string) === 'body') {
      point.more.push(node);
      continue;
    }
    if (phase === 'closing' || phase === 'front') {
      warn(
        node,
        `Unexpected ${node.type} ${phase === 'front' ? 'before the first chapter' : 'in the closing block'}, expected text: not imported`,
        'import/unmapped',
      );
      continue;
    }
    const holder: Item = { kind: 'point', number: '', dotted: false, level: 0, phrasing: [], more: [node], text: '', node };
    warn(node, `Unexpected ${node.type} before the first point of the chapter, expected it after a point: imported as a point of its own`, 'import/unmapped');
    (chapter as Chapter).items.push(holder);
    point = holder;
  }
  return structure;
}

/** A dash or bullet typed before each item of a list, and the space after it. */
const TYPED_BULLET = /^[ \t]*[–—•·▪◦‣-][ \t]+(?=\S)/u;

/**
 * The items of a paragraph whose every line starts with a typed dash or
 * bullet, each line one item (its phrasing kept, the bullet left out); else
 * undefined.
 */
function typedList(paragraph: Paragraph): ListItem[] | undefined {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text') {
      lines[lines.length - 1]!.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ type: 'text', value: part });
    });
  }
  const items: ListItem[] = [];
  for (const line of lines) {
    const first = line[0];
    const bullet = first?.type === 'text' ? TYPED_BULLET.exec(first.value) : null;
    if (!first || !bullet) return undefined;
    const rest = [{ type: 'text', value: (first as { value: string }).value.slice(bullet[0].length) } as PhrasingContent, ...line.slice(1)];
    items.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: rest }] });
  }
  return items;
}

function unwrapEmphasis(nodes: PhrasingContent[]): PhrasingContent[] {
  const meaningful = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  if (meaningful.length === 1 && (meaningful[0]?.type === 'strong' || meaningful[0]?.type === 'emphasis')) return meaningful[0].children;
  return nodes;
}
