/**
 * Block content of a filled draft → Word paragraphs and tables. The class
 * the build put on a node (`src/render/slots.ts`) says which named style it
 * takes; chapter, section and point numbers (`span.num`) become Word list
 * numbers or, when the plan says so, literal numbers before a tab. Nodes
 * with an id carry a bookmark of that id, which cross-references link to.
 */
import { Bookmark, Paragraph, Tab, TextRun, type FileChild, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { Heading, List, Nodes, Paragraph as MdParagraph, PhrasingContent, RootContent } from 'mdast';
import { BULLET_LIST, LIST_HANGING, LIST_LEVELS, listIndent, numberedItem, ORDERED_LIST, STYLE } from '../../word/document.js';
import { classesOf, idOf, isNumber, type WordContext } from './context.js';
import { inlines, type RunFormat } from './inlines.js';
import { gfmTable, headerTable } from './tables.js';

export interface Frame {
  /** The style of a plain paragraph here. */
  style: string;
  /** Left indent of paragraphs that are not list items, in twips (inside a list item). */
  indent?: number;
  /** Inside a footnote. */
  inFootnote?: boolean;
}

/** Paragraph classes that have a style of their own. */
const PARAGRAPH_STYLES: Record<string, string> = {
  stage: STYLE.stage,
  reference: STYLE.reference,
  kind: STYLE.kind,
  closing: STYLE.closing,
  signature: STYLE.signature,
  point: STYLE.point,
  'point-part': STYLE.pointPart,
  'appendix-subtitle': STYLE.kind,
  'internal-note': STYLE.note,
};

const NO_INDENT = { indent: { left: 0, hanging: 0 } } as const;

export function blocks(nodes: readonly RootContent[], ctx: WordContext, frame: Frame): FileChild[] {
  return nodes.flatMap((node) => block(node, ctx, frame));
}

function block(node: RootContent, ctx: WordContext, frame: Frame): FileChild[] {
  const classes = classesOf(node);
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node, ctx, frame, classes)];
    case 'heading':
      return [heading(node, ctx, frame, classes)];
    case 'table':
      return [classes.includes('header-block') ? headerTable(node, ctx) : gfmTable(node, ctx, frame.indent ?? 0)];
    case 'list':
      return list(node, ctx, classes.includes('internal-note') ? { ...frame, style: STYLE.note } : frame, 0);
    case 'blockquote':
      return blocks(node.children, ctx, {
        ...frame,
        style: classes.includes('internal-note') ? STYLE.note : frame.style === STYLE.note ? STYLE.note : STYLE.quote,
      });
    case 'code':
      return [
        new Paragraph({
          style: frame.style,
          ...indented(frame),
          children: node.value.split('\n').map((line, i) => new TextRun({ text: line, style: STYLE.code, ...(i > 0 ? { break: 1 } : {}) })),
        }),
      ];
    case 'thematicBreak':
      return [new Paragraph({ thematicBreak: true })];
    case 'footnoteDefinition':
    case 'definition':
    case 'html':
    case 'yaml':
      return [];
    default:
      return 'children' in node ? blocks(node.children as RootContent[], ctx, frame) : [];
  }
}

function indented(frame: Frame): Pick<IParagraphOptions, 'indent'> {
  return frame.indent !== undefined ? { indent: { left: frame.indent } } : {};
}

function paragraph(node: MdParagraph, ctx: WordContext, frame: Frame, classes: string[]): Paragraph {
  const named = classes.find((name) => PARAGRAPH_STYLES[name]);
  let style = named ? PARAGRAPH_STYLES[named]! : frame.style;
  if (classes.includes('point') && classes.includes('unnumbered')) style = STYLE.body;
  const format: RunFormat = classes.includes('amendment-vote') ? { italics: true } : {};
  const { options, lead, children } = numbered(node, ctx);
  return new Paragraph({
    style,
    ...(named ? {} : indented(frame)),
    ...options,
    children: [...lead, ...marked(node, ctx, inlines(children, ctx, format, { inFootnote: frame.inFootnote ?? false }))],
  });
}

function heading(node: Heading, ctx: WordContext, frame: Frame, classes: string[]): Paragraph {
  const has = (name: string) => classes.includes(name);
  let style: string;
  let paragraph: IParagraphOptions = {};
  let format: RunFormat = {};
  if (has('title')) style = STYLE.title;
  else if (has('chapter')) [style, paragraph] = [STYLE.chapter, has('unnumbered') ? NO_INDENT : {}];
  else if (has('section')) style = node.depth <= 3 ? STYLE.section : STYLE.subsection;
  else if (has('appendix')) [style, paragraph] = [STYLE.appendixTitle, { pageBreakBefore: true }];
  else if (has('internal-note') || frame.style === STYLE.note) [style, format] = [STYLE.note, { bold: true }];
  else style = node.depth === 1 ? STYLE.title : node.depth === 2 ? STYLE.chapter : node.depth === 3 ? STYLE.section : STYLE.subsection;
  if (!has('chapter') && !has('section') && style !== STYLE.title && style !== STYLE.note) paragraph = { ...paragraph, ...NO_INDENT };
  const { options, lead, children } = numbered(node, ctx);
  return new Paragraph({ style, ...paragraph, ...options, children: [...lead, ...marked(node, ctx, inlines(children, ctx, format))] });
}

/** A numbered item's number (list level or literal) and its text without the number. */
function numbered(node: MdParagraph | Heading, ctx: WordContext): { options: IParagraphOptions; lead: ParagraphChild[]; children: PhrasingContent[] } {
  const index = ctx.items.get(node);
  const first = node.children[0];
  if (index === undefined || !first || !isNumber(first)) return { options: {}, lead: [], children: node.children };
  const rest = node.children.slice(1);
  const next = rest[0];
  if (next?.type === 'text') rest[0] = { ...next, value: next.value.replace(/^\s+/, '') };
  const item = numberedItem(ctx.plan, index, (first as { value: string }).value);
  return { options: item.paragraph, lead: item.lead, children: rest };
}

/** The runs of a node with an id, inside a bookmark of that id. */
function marked(node: Nodes, ctx: WordContext, runs: ParagraphChild[]): ParagraphChild[] {
  const id = idOf(node);
  const name = id ? ctx.bookmarks.get(id) : undefined;
  return name ? [new Bookmark({ id: name, children: runs })] : runs;
}

function list(node: List, ctx: WordContext, frame: Frame, level: number): FileChild[] {
  const ordered = node.ordered === true;
  const start = node.start ?? 1;
  // Word lists count from 1: another start is written as literal numbers.
  const literal = ordered && start !== 1;
  const instance = ctx.lists++;
  const style = frame.style === STYLE.note || frame.style === STYLE.footnoteText ? frame.style : STYLE.listItem;
  const out: FileChild[] = [];
  node.children.forEach((item, i) => {
    let first = true;
    for (const child of item.children) {
      if (first && child.type === 'paragraph') {
        first = false;
        const options: IParagraphOptions = literal
          ? { indent: { left: listIndent(level), hanging: LIST_HANGING } }
          : { numbering: { reference: ordered ? ORDERED_LIST : BULLET_LIST, level: Math.min(level, LIST_LEVELS - 1), instance } };
        const lead = literal ? [new TextRun(`${start + i}.`), new TextRun({ children: [new Tab()] })] : [];
        out.push(new Paragraph({ style, ...options, children: [...lead, ...inlines(child.children, ctx, {}, { inFootnote: frame.inFootnote ?? false })] }));
      } else if (child.type === 'list') {
        out.push(...list(child, ctx, frame, level + 1));
      } else {
        out.push(...block(child, ctx, { ...frame, style, indent: listIndent(level) }));
      }
    }
  });
  return out;
}
