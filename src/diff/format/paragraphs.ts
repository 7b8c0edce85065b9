/**
 * Word operations laid out as paragraphs, for formatters that render one
 * side or both: a paragraph break in the kept or inserted text starts a new
 * paragraph of the new version; one inside a deletion is shown as "¶".
 */
import type { Side, WordOp } from '../types.js';

export interface Segment {
  op: WordOp['op'];
  text: string;
}

const BREAK = /\n{2,}/u;

function push(paragraph: Segment[], op: Segment['op'], text: string): void {
  if (text === '') return;
  const last = paragraph[paragraph.length - 1];
  if (last && last.op === op) last.text += text;
  else paragraph.push({ op, text });
}

/** Both versions in one (inline redline), in the paragraphs of the new version. */
export function inlineParagraphs(ops: readonly WordOp[]): Segment[][] {
  const paragraphs: Segment[][] = [[]];
  for (const op of ops) {
    if (op.op === 'delete') {
      push(paragraphs[paragraphs.length - 1] as Segment[], 'delete', op.text.replace(/\s*\n{2,}\s*/gu, ' ¶ '));
      continue;
    }
    op.text.split(BREAK).forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      push(paragraphs[paragraphs.length - 1] as Segment[], op.op, piece);
    });
  }
  return paragraphs.map(trimParagraph).filter((paragraph) => paragraph.length > 0);
}

/** One version (side-by-side views): its own paragraphs, with its deletions or insertions marked. */
export function sideParagraphs(ops: readonly WordOp[], side: 'old' | 'new'): Segment[][] {
  const paragraphs: Segment[][] = [[]];
  for (const op of ops) {
    if (op.op === (side === 'old' ? 'insert' : 'delete')) continue;
    const text = op.op === 'equal' && side === 'old' ? (op.old ?? op.text) : op.text;
    text.split(BREAK).forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      push(paragraphs[paragraphs.length - 1] as Segment[], op.op, piece);
    });
  }
  return paragraphs.map(trimParagraph).filter((paragraph) => paragraph.length > 0);
}

/** A side's paragraphs: an empty numbered item (a point whose text is still to come) is one empty paragraph, beside its number. */
export function itemParagraphs(side: Side | undefined): string[] {
  const texts = textParagraphs(side?.text ?? '');
  return texts.length === 0 && side?.number ? [''] : texts;
}

/**
 * Where each part of a split (merged) item opens among the `count`
 * paragraphs of its version, the parts read one after another: paragraph
 * index → the part it opens. A part may hold several paragraphs (a list and
 * the sentence after it), so its number goes to its first one, not to the
 * paragraph of the same rank. Undefined when the parts' paragraphs do not
 * add up to `count`.
 */
export function partParagraphs(sides: readonly Side[], count: number): Map<number, Side> | undefined {
  const starts = new Map<number, Side>();
  let at = 0;
  for (const side of sides) {
    const paragraphs = textParagraphs(side.text).length;
    if (paragraphs > 0) starts.set(at, side);
    at += paragraphs;
  }
  return at === count ? starts : undefined;
}

/** Plain paragraphs of a text. */
export function textParagraphs(text: string): string[] {
  return text
    .split(BREAK)
    .map((piece) => piece.trim())
    .filter(Boolean);
}

function trimParagraph(paragraph: Segment[]): Segment[] {
  const result = paragraph.map((segment) => ({ ...segment }));
  const first = result[0];
  if (first && first.op === 'equal') first.text = first.text.trimStart();
  const last = result[result.length - 1];
  if (last && last.op === 'equal') last.text = last.text.trimEnd();
  return result.filter((segment) => segment.text !== '');
}
