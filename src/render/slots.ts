/**
 * What each template slot becomes: mdast built from the resolved document.
 * Classes and ids for the HTML page ride on `data.hProperties`; the
 * Markdown writer ignores them. Point and section numbers are their own text
 * node (a `span.num` in HTML) so that the stylesheet can hang them.
 */
import { cloneNodes } from './clone.js';
import type { BlockContent, Heading, Paragraph, PhrasingContent, RootContent, Table, TableRow, Text } from 'mdast';
import type { NoteBlock } from './ir.js';
import type { ResolvedDocument } from './resolve.js';
import type { Labels } from '../labels/labels.js';
import { displayChapterNumber, displayNumber } from './numbering.js';
import type { Numbering } from '../core/model.js';
import './mdast-data.js';

/** Everything the slots draw from. */
export interface Parts extends Pick<ResolvedDocument, 'front' | 'chapters' | 'footnotes' | 'closing' | 'amendments'> {
  labels: Labels;
  numbering: Numbering;
  /** The rapporteur's notes files, when notes are asked for. */
  notes?: { path: string; nodes: RootContent[] }[];
}

const text = (value: string): Text => ({ type: 'text', value });
const classed = <T extends RootContent>(node: T, className: string, id?: string): T => {
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), className: className.split(' '), ...(id ? { id } : {}) } };
  return node;
};
const numberNode = (value: string): Text => ({ type: 'text', value, data: { hName: 'span', hProperties: { className: ['num'] } } });

export function stageSlot(parts: Parts): RootContent[] {
  const stage = parts.front.stage;
  if (!stage) return [];
  const children: PhrasingContent[] = [{ type: 'strong', children: [text(stage.title)] }];
  if (stage.purpose) children.push(text(` – ${stage.purpose}`));
  if (stage.version) children.push({ type: 'break' }, text(stage.version));
  return [classed<Paragraph>({ type: 'paragraph', children }, 'stage')];
}

export function referenceSlot(parts: Parts): RootContent[] {
  const { reference, document } = parts.front;
  if (!reference && !document) return [];
  const children: PhrasingContent[] = [];
  if (reference) children.push(text(reference));
  if (document) {
    if (children.length) children.push({ type: 'break' });
    children.push(text(document));
  }
  return [classed<Paragraph>({ type: 'paragraph', children }, 'reference')];
}

export function titleSlot(parts: Parts): RootContent[] {
  const out: RootContent[] = [classed<Heading>({ type: 'heading', depth: 1, children: cloneNodes(parts.front.titleLine) }, 'title')];
  // As the Official Journal prints them: the documents referred under the title,
  // the kind in brackets, then the OJ's own number of the text.
  if (parts.front.documents) out.push(classed<Paragraph>({ type: 'paragraph', children: [text(parts.front.documents)] }, 'documents'));
  if (parts.front.kindLine.length > 0) out.push(classed<Paragraph>({ type: 'paragraph', children: cloneNodes(parts.front.kindLine) }, 'kind'));
  if (parts.front.ojReference) out.push(classed<Paragraph>({ type: 'paragraph', children: [text(parts.front.ojReference)] }, 'oj-reference'));
  return out;
}

export function headerSlot(parts: Parts): RootContent[] {
  if (parts.front.header.length === 0) return [];
  const cell = (children: PhrasingContent[]) => ({ type: 'tableCell' as const, children });
  const rows: TableRow[] = [{ type: 'tableRow', children: [cell([]), cell([])] }];
  for (const row of parts.front.header) {
    rows.push({ type: 'tableRow', children: [cell(row.label ? [text(row.label)] : []), cell(cloneNodes(row.value))] });
  }
  return [classed<Table>({ type: 'table', align: [null, null], children: rows }, 'header-block')];
}

export function chaptersSlot(parts: Parts): RootContent[] {
  const out: RootContent[] = [];
  for (const chapter of parts.chapters) {
    const title: PhrasingContent[] = chapter.numbered ? [numberNode(displayChapterNumber(chapter.number)), text(' '), ...chapter.title] : [...chapter.title];
    out.push(classed<Heading>({ type: 'heading', depth: 2, children: title }, chapter.numbered ? 'chapter' : 'chapter unnumbered', chapter.id));
    for (const block of chapter.blocks) {
      switch (block.type) {
        case 'heading': {
          const depth = Math.min(6, block.level + 2) as Heading['depth'];
          const children: PhrasingContent[] = block.number
            ? [numberNode(displayNumber(block.number, parts.numbering)), text(' '), ...block.title]
            : [...block.title];
          out.push(classed<Heading>({ type: 'heading', depth, children }, 'section', block.id));
          break;
        }
        case 'point': {
          const paragraph = block.paragraph;
          if (block.number) paragraph.children.unshift(numberNode(displayNumber(block.number, parts.numbering)), text(' '));
          out.push(classed(paragraph, block.number ? 'point' : 'point unnumbered', block.id));
          for (const node of block.more) out.push(classed(node, 'point-part'));
          break;
        }
        case 'content':
          out.push(...block.nodes);
          break;
        case 'note':
          out.push(noteBlock(block, parts.labels));
          break;
      }
    }
  }
  return out;
}

function noteBlock(note: NoteBlock, labels: Labels): RootContent {
  const mark: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [text(labels.text['notes.chapter-note'])] }] };
  return classed({ type: 'blockquote', children: [mark, ...note.nodes] }, 'internal-note');
}

export function signatureSlot(parts: Parts): RootContent[] {
  const closing = parts.closing;
  if (!closing) return [];
  const out: RootContent[] = [];
  if (closing.placeDate) out.push(classed<Paragraph>({ type: 'paragraph', children: cloneNodes(closing.placeDate) }, 'closing'));
  const signature: PhrasingContent[] = [text(closing.presidentTitle ?? parts.labels.text['closing.president'])];
  if (closing.president) signature.push({ type: 'break' }, text(closing.president));
  out.push(classed<Paragraph>({ type: 'paragraph', children: signature }, 'signature'));
  return out;
}

export function appendixSlot(parts: Parts): RootContent[] {
  if (parts.amendments.length === 0) return [];
  const labels = parts.labels.text;
  const out: RootContent[] = [
    classed<Heading>({ type: 'heading', depth: 2, children: [text(labels['appendix.title'])] }, 'appendix'),
    classed<Paragraph>({ type: 'paragraph', children: [text(labels['appendix.subtitle'])] }, 'appendix-subtitle'),
  ];
  if (!parts.amendments[0]?.intro) out.push({ type: 'paragraph', children: [text(labels['appendix.intro'])] });
  for (const amendment of parts.amendments) {
    if (amendment.intro) out.push({ type: 'paragraph', children: [text(amendment.intro)] });
    if (amendment.part === 'section-text') {
      // Section text replaced at plenary: the point, its text and the vote.
      out.push(classed<Heading>({ type: 'heading', depth: 3, children: [text(amendment.heading)] }, 'section-text', amendment.id));
      out.push(classed({ type: 'blockquote', children: cloneNodes(amendment.text) as BlockContent[] }, 'amendment-text'));
      if (amendment.vote) out.push(classed<Paragraph>({ type: 'paragraph', children: [text(amendment.vote)] }, 'amendment-vote'));
      continue;
    }
    out.push(
      classed<Heading>(
        { type: 'heading', depth: 3, children: [text(labels['appendix.amendment'].replace('{number}', String(amendment.number)))] },
        'amendment',
        amendment.id,
      ),
    );
    out.push({ type: 'paragraph', children: [{ type: 'strong', children: [text(amendment.heading)] }, text(` – ${amendment.action}`)] });
    if (amendment.text.length > 0) out.push(classed({ type: 'blockquote', children: cloneNodes(amendment.text) as BlockContent[] }, 'amendment-text'));
    if (amendment.reason.length > 0) {
      out.push({ type: 'paragraph', children: [{ type: 'strong', children: [text(labels['appendix.reason'])] }] });
      out.push(...(cloneNodes(amendment.reason) as BlockContent[]));
    }
    if (amendment.tabledBy) out.push({ type: 'paragraph', children: [text(amendment.tabledBy)] });
    if (amendment.vote) out.push(classed<Paragraph>({ type: 'paragraph', children: [text(amendment.vote)] }, 'amendment-vote'));
  }
  return out;
}

export function notesSlot(parts: Parts): RootContent[] {
  if (!parts.notes || parts.notes.length === 0) return [];
  const out: RootContent[] = [classed<Heading>({ type: 'heading', depth: 2, children: [text(parts.labels.text['notes.title'])] }, 'internal-notes')];
  for (const note of parts.notes) {
    for (const node of cloneNodes(note.nodes)) {
      if (node.type === 'heading') node.depth = Math.min(6, node.depth + 2) as Heading['depth'];
      out.push(classed(node, 'internal-note'));
    }
  }
  return out;
}

/** The footnote definitions, in number order, for the end of the document. */
export function footnoteDefinitions(parts: Parts): RootContent[] {
  return parts.footnotes.map((footnote) => ({
    type: 'footnoteDefinition' as const,
    identifier: footnote.number,
    label: footnote.number,
    children: footnote.content,
  }));
}
