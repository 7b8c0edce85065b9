/**
 * A Markdown draft as a `Draft`: a draft written by `opinion build`, or a
 * Word document converted to Markdown, where each point is a paragraph
 * starting with its number (`1.1`, `1.1.`, `2.3.1`), chapter headings are
 * `1. Conclusions and recommendations` (a Markdown heading or plain text),
 * sub-headings `3.1 Access to finance`, the header a label/value table, and
 * footnotes GFM footnotes.
 *
 * The document is parsed with remark (CommonMark + GFM); only a block's
 * leading number is read with a regular expression.
 */
import type { List, Nodes, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Draft, DraftChapter, DraftNote, DraftPoint } from '../../core/draft.js';
import { LEADING_ID } from '../../core/markdown-syntax.js';
import { report } from '../../core/messages.js';
import { footnotesOf } from './footnotes.js';
import { pairJournalFootnotes } from './journal-footnotes.js';
import { addFrontHeading, addFrontLine, addHeaderRow, addHeaderTable } from './front-matter.js';
import { isClosingLine, titleLanguage } from './header-labels.js';
import { headingRole, pointNumber, titleLineAt } from './outline.js';
import { blockNumbers, levels, type Leading } from './numbering.js';
import { inlineText, TextBuilder, type PlainText } from '../../render/plain-text.js';
import { parseDraftTree } from './processor.js';

export interface ParsedDraft {
  draft: Draft;
  /** Warnings about the draft's numbering, with their place in the file. */
  messages: VFileMessage[];
  /** The file (text and messages), for reporters. */
  file: VFile;
}

/** A title or heading is short and has no closing punctuation. */
const TITLE_WORDS = 20;
const HEADING_WORDS = 12;
const SENTENCE_END = /[.:;!?…]$/u;

/** A top-level block as both readers of drafts (diff, import) see it. */
export interface Block {
  node: RootContent;
  /** For headings and paragraphs: the rendered text (with its footnote marks) and its leading number. */
  plain?: PlainText;
  lead?: Leading;
  emphasis: boolean;
}

/** At most `limit` words (counted until the limit is passed), between spaces of any kind (a narrow no-break space parts words as a space does). */
function fewWords(text: string, limit: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code <= 32 || code === 160 || (code >= 0x1680 && /\s/u.test(text[i] as string));
    if (!space && !inWord && ++words > limit) return false;
    inWord = !space;
  }
  return true;
}

/** A title or heading (a chapter's, written as a paragraph "1. Conclusions"): text, at most `words` words, no closing punctuation. The one test of both readers. */
export const isTitle = (text: string, words = TITLE_WORDS): boolean => text.trim() !== '' && !SENTENCE_END.test(text.trim()) && fewWords(text, words);

/** Whether a paragraph is nothing but bold or italic text (a sub-heading in converted documents). */
export function emphasisOnly(node: Nodes): boolean {
  if (node.type !== 'paragraph' && node.type !== 'heading') return false;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return meaningful.length > 0 && meaningful.every((child) => child.type === 'strong' || child.type === 'emphasis');
}

/** The blocks that carry text, in order (footnote definitions, link definitions, rules, front matter and HTML comments left out). */
export function blocksOf(tree: Root): Block[] {
  const blocks: Block[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition' || node.type === 'definition' || node.type === 'thematicBreak' || node.type === 'yaml') continue;
    if (node.type === 'html' && !/\S/.test(node.value.replace(/<!--[\s\S]*?-->/g, ''))) continue;
    if (node.type === 'heading' || node.type === 'paragraph') {
      blocks.push({ node, plain: inlineText(node.children), emphasis: emphasisOnly(node) });
    } else {
      blocks.push({ node, emphasis: false });
    }
  }
  // A number with a component of three digits or more is a point number only in sequence with its neighbours.
  const leads = blockNumbers(blocks.map((block) => (block.plain ? { text: block.plain.text, heading: block.node.type === 'heading' } : undefined)));
  leads.forEach((lead, i) => {
    if (lead) (blocks[i] as Block).lead = lead;
  });
  return blocks;
}

/** The heading level of chapters: that of the first heading numbered as one ("1. Conclusions"). */
export function chapterHeadingDepth(blocks: readonly Block[]): number | undefined {
  const first = blocks.find((block) => block.node.type === 'heading' && block.lead?.number !== undefined && levels(block.lead.number) === 1);
  return first?.node.type === 'heading' ? first.node.depth : undefined;
}

/** The ordered list "1. Conclusions and recommendations" that Markdown makes of a plain chapter heading. */
export function listHeading(list: List, source: string): { number: string; title: string } | undefined {
  if (!list.ordered || list.children.length !== 1) return undefined;
  const item = list.children[0];
  const paragraph = item?.children[0];
  if (!item || item.children.length !== 1 || paragraph?.type !== 'paragraph') return undefined;
  const offset = list.position?.start.offset;
  if (offset === undefined || !/^\d{1,2}\./.test(source.slice(offset, offset + 3))) return undefined;
  const title = inlineText(paragraph.children).text.trim();
  return isTitle(title, TITLE_WORDS) ? { number: String(list.start ?? 1), title } : undefined;
}

class DraftReader {
  readonly file: VFile;
  readonly draft: Draft;
  private chapter: DraftChapter | undefined;
  private point: { point: DraftPoint; text: TextBuilder } | undefined;
  private phase: 'front' | 'body' | 'closing' = 'front';
  private chapterDepth: number | undefined;
  /** The block of the front's title line (`titleLineAt`). */
  private titleAt = -1;
  /** Each point number read, and the line (paragraph) of its first point. */
  private readonly numbers = new Map<string, number | undefined>();
  /** Points (below chapter level) read, and how many of them with a trailing dot. */
  private numbered = 0;
  private dotted = 0;
  /** Footnote identifier → number, for the marks in the points. */
  private footnoteNumbers = new Map<string, string>();

  /** Where each top-level block of the text stands in the document it was made from (a Word draft's paragraphs). */
  private places: Map<RootContent, Position> | undefined;

  constructor(
    text: string,
    origin: string,
    private readonly sourcePlaces?: readonly (Position | undefined)[],
  ) {
    this.file = new VFile({ path: origin, value: text });
    this.draft = { origin, header: [], chapters: [], footnotes: [] };
  }

  /**
   * Where a block stands: in the document the text was made from (a Word
   * draft's paragraph) when there is one, never at a line of the text made
   * from it; else in the text.
   */
  private placeOf(node: RootContent): Position | undefined {
    return this.sourcePlaces ? this.places?.get(node) : node.position;
  }

  read(): Draft {
    const tree = parseDraftTree(this.file);
    pairJournalFootnotes(tree);
    if (this.sourcePlaces?.length === tree.children.length) {
      this.places = new Map();
      tree.children.forEach((node, i) => {
        const place = this.sourcePlaces?.[i];
        if (place) this.places?.set(node, place);
      });
    }
    const blocks = blocksOf(tree);
    this.chapterDepth = chapterHeadingDepth(blocks);
    this.titleAt = titleLineAt(blocks);
    const { footnotes, numbers } = footnotesOf(tree);
    this.footnoteNumbers = numbers;
    blocks.forEach((block, i) => this.block(block, blocks, i));
    this.endPoint();
    // Official Journal style: most points numbered with a trailing dot (`1.1.`).
    if (this.dotted > 0 && this.dotted * 2 > this.numbered) this.draft.numbering = 'oj';
    this.draft.footnotes = footnotes;
    // The language the title line is written in, as the build writes it in each language.
    const lang = this.draft.title === undefined ? undefined : titleLanguage(this.draft.title);
    if (lang) this.draft.lang = lang;
    return this.draft;
  }

  private block(block: Block, blocks: readonly Block[], i: number): void {
    const { node } = block;
    if (node.type === 'heading') return this.heading(block, node.depth, i);
    if (node.type === 'paragraph') return this.paragraph(block, blocks, i);
    if (node.type === 'list') {
      const heading = listHeading(node, String(this.file.value));
      const current = Number(this.chapter?.number ?? 0);
      if (heading && (this.phase !== 'body' || !this.chapter || Number(heading.number) > current)) {
        return this.startChapter(heading.number, heading.title, undefined, block);
      }
    }
    if (node.type === 'table' && this.phase === 'front') return addHeaderTable(this.draft, node);
    if (node.type === 'html') return;
    if (this.phase === 'front') return this.row('preamble', new TextBuilder().block(node).text);
    if (this.phase === 'closing') return;
    this.continuation(block);
  }

  private heading(block: Block, depth: number, i: number): void {
    const lead = block.lead as Leading;
    const text = block.plain?.text ?? '';
    const id = lead.id ?? block.plain?.anchor;
    const chapter = this.chapter && { numbered: this.chapter.number !== undefined };
    const place = headingRole(text, lead, depth, {
      ...(chapter ? { chapter } : {}),
      titled: this.draft.title !== undefined,
      chapterDepth: this.chapterDepth,
      titleAhead: i < this.titleAt,
      closed: this.phase === 'closing',
    });
    if (place.role === 'front') return addFrontHeading(this.draft, lead.rest, place.title);
    if (place.role === 'chapter') return this.startChapter(place.number, lead.rest.trim(), id, block);
    this.addPoint(place.number ?? '', id, true, block, place.skip);
  }

  private paragraph(block: Block, blocks: readonly Block[], i: number): void {
    const lead = block.lead as Leading;
    const text = block.plain?.text ?? '';
    const id = lead.id ?? block.plain?.anchor;
    const rest = text.slice(lead.skip);
    // A chapter heading written as a paragraph: "1. Conclusions" (not "535. Plenartagung", a German ordinal).
    if (lead.number !== undefined && levels(lead.number) === 1 && lead.number.length <= 2 && (lead.dotted || block.emphasis) && isTitle(rest, TITLE_WORDS)) {
      if (this.phase !== 'body' || Number(lead.number) > Number(this.chapter?.number ?? 0)) {
        return this.startChapter(lead.number, rest.trim(), id, block);
      }
    }
    if (this.phase === 'closing' && lead.number === undefined) return this.row('closing', text.trim());
    const number = pointNumber(lead, this.chapter && { numbered: this.chapter.number !== undefined });
    if (number !== undefined) {
      const next = this.nextNumber(blocks, i);
      const heading = block.emphasis || (next !== undefined && next.startsWith(number + '.') && isTitle(rest, HEADING_WORDS));
      return this.addPoint(number, id, heading, block);
    }
    if (isClosingLine(text)) {
      this.endPoint();
      this.phase = 'closing';
      return this.row('closing', text.trim());
    }
    if (this.phase === 'front') return addFrontLine(this.draft, text.trim());
    this.continuation(block);
  }

  /** The number of the next numbered block after block `i` (found once for all blocks, not by scanning each time). */
  private nextNumbers: (string | undefined)[] | undefined;
  private nextNumber(blocks: readonly Block[], i: number): string | undefined {
    if (!this.nextNumbers) {
      this.nextNumbers = new Array<string | undefined>(blocks.length);
      let next: string | undefined;
      for (let k = blocks.length - 1; k >= 0; k--) {
        this.nextNumbers[k] = next;
        const number = blocks[k]?.lead?.number;
        if (number !== undefined) next = number;
      }
    }
    return this.nextNumbers[i];
  }

  private row(field: string, value: string): void {
    addHeaderRow(this.draft, field, '', value);
  }

  private warn(block: Block, reason: string, ruleId: string): void {
    report(this.file, reason, { ruleId, severity: 'warning', place: this.placeOf(block.node) });
  }

  private inUnnumberedChapter(): boolean {
    return this.chapter !== undefined && this.chapter.number === undefined;
  }

  private startChapter(number: string | undefined, title: string, id: string | undefined, block: Block): void {
    this.endPoint();
    if (number !== undefined) {
      const numbered = this.draft.chapters.filter((c) => c.number !== undefined);
      const expected = String(Number(numbered[numbered.length - 1]?.number ?? 0) + 1);
      if (number !== expected) {
        this.warn(block, `Unexpected chapter number \`${number}\`, expected \`${expected}\``, 'diff/chapter-number');
      }
    }
    const chapter: DraftChapter = { title, points: [] };
    if (number !== undefined) chapter.number = number;
    if (id) chapter.id = id;
    if (block.plain?.anchors) chapter.bookmarks = block.plain.anchors;
    this.draft.chapters.push(chapter);
    this.chapter = chapter;
    this.phase = 'body';
  }

  /**
   * A numbered point or a sub-heading (numbered or not, `number` ''): the
   * block's text after its number, or after its first `skip` characters.
   */
  private addPoint(number: string, id: string | undefined, heading: boolean, block: Block, skip = (block.lead as Leading).skip): void {
    this.endPoint();
    if (!this.chapter) {
      this.warn(
        block,
        `Unexpected point \`${number}\` before the first chapter heading, expected a heading such as \`1. Conclusions and recommendations\` first`,
        'diff/point-outside-chapter',
      );
      this.startChapter(undefined, '', undefined, block);
    }
    const chapter = this.chapter as DraftChapter;
    // An unnumbered sub-heading has no number to check or count.
    if (number !== '') {
      if (chapter.number !== undefined && !number.startsWith(chapter.number + '.')) {
        const reason = `Unexpected number \`${number}\` in chapter ${chapter.number}, expected a number starting with \`${chapter.number}.\``;
        this.warn(block, reason, 'diff/point-outside-chapter');
      }
      if (this.numbers.has(number)) {
        const first = this.numbers.get(number);
        const place = first === undefined ? '' : this.sourcePlaces ? ` (first used in paragraph ${first})` : ` (first used on line ${first})`;
        this.warn(block, `Unexpected second point numbered \`${number}\`, expected each number once${place}`, 'diff/duplicate-number');
      } else {
        this.numbers.set(number, this.placeOf(block.node)?.start.line);
      }
      this.numbered++;
      if ((block.lead as Leading).dotted) this.dotted++;
    }
    const point: DraftPoint = { number, text: '' };
    if (id) point.id = id;
    if (block.plain?.anchors) point.bookmarks = block.plain.anchors;
    if (heading) point.heading = true;
    const place = this.placeOf(block.node);
    if (place) point.at = { file: this.draft.origin, position: place };
    const lead = block.lead as Leading;
    const builder = new TextBuilder();
    builder.startBlock('paragraph');
    builder.appendFrom(block.plain as PlainText, skip, lead.skip + lead.rest.length, true);
    chapter.points.push(point);
    this.point = { point, text: builder };
    if (heading) this.endPoint();
  }

  /**
   * A block that is not a numbered point: in a numbered chapter, more of the
   * current point (a second paragraph, a list, a table); in an unnumbered
   * chapter (a foreword) or before a chapter's first point, each paragraph is
   * an unnumbered point.
   */
  private continuation(block: Block): void {
    const paragraph = block.node.type === 'paragraph';
    if (this.point && !(paragraph && (this.inUnnumberedChapter() || this.point.point.number === ''))) {
      const { point } = this.point;
      if (block.plain?.anchors) point.bookmarks = [...(point.bookmarks ?? []), ...block.plain.anchors];
      this.point.text.append('\n\n');
      this.point.text.block(block.node);
      return;
    }
    this.endPoint();
    if (!this.chapter) this.startChapter(undefined, '', undefined, block);
    const point: DraftPoint = { number: '', text: '' };
    const builder = new TextBuilder();
    // The dialect's `{#id}` starting a paragraph (after any white space); an empty one (`{#}`) is text.
    const text = block.plain?.text ?? '';
    const space = text.length - text.trimStart().length;
    const marker = paragraph ? LEADING_ID.exec(text.slice(space)) : null;
    const id = marker?.[1] || block.plain?.anchor;
    if (id) point.id = id;
    if (block.plain?.anchors) point.bookmarks = block.plain.anchors;
    const place = this.placeOf(block.node);
    if (place) point.at = { file: this.draft.origin, position: place };
    if (marker?.[1]) {
      builder.startBlock('paragraph');
      builder.appendFrom(block.plain as PlainText, space + marker[0].length, text.length);
    } else builder.block(block.node);
    (this.chapter as DraftChapter).points.push(point);
    this.point = { point, text: builder };
  }

  private endPoint(): void {
    if (!this.point) return;
    const { text, notes, refs, blocks } = this.point.text.trimmed();
    this.point.point.text = text;
    if (blocks.length > 1) this.point.point.blocks = blocks;
    // The cross-references a Word draft marks with their bookmark.
    if (refs.length > 0) this.point.point.refs = refs;
    const known = notes.flatMap((note): DraftNote[] => {
      const number = this.footnoteNumbers.get(note.number);
      return number === undefined ? [] : [{ offset: note.offset, number }];
    });
    if (known.length > 0) this.point.point.notes = known;
    this.point = undefined;
  }
}

/**
 * `places`: where each top-level block of `text` stands in the document it was
 * made from (the paragraphs of a Word draft written as Markdown), for the
 * points' places and the messages; used when the text has exactly as many
 * top-level blocks, else points and messages have no place (never a line of
 * `text`, which the user never saw).
 */
export function parseMarkdownDraft(text: string, origin: string, places?: readonly (Position | undefined)[]): ParsedDraft {
  const reader = new DraftReader(text, origin, places);
  const draft = reader.read();
  return { draft, messages: reader.file.messages, file: reader.file };
}
