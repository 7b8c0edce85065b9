/**
 * An amendment sheet in the common EU layout, as Markdown: one numbered
 * amendment per changed item, the item it targets, the action (amend, add a
 * new point after, delete, move), a two-column table "Section opinion |
 * Amendment" where the amendment column shows deletions struck through and
 * additions in bold, and the reason when the sources give one. Renumbering
 * is a consequence of other amendments and gets none.
 *
 * Built as an mdast tree and written by remark-stringify (GFM), so the text
 * is escaped for Markdown and table cells.
 */
import type { PhrasingContent, Root, RootContent, TableCell } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Change, DiffResult, Side, WordOp } from '../types.js';
import { itemName, listNumbers } from './describe.js';
import { splitSpace } from '../text/tokenize.js';
import { inlineParagraphs, textParagraphs, type Segment } from './paragraphs.js';

// Made on first use: the build's amendments appendix takes amendmentCell from this module and never stringifies (freezing runs remark-gfm's set-up).
let stringifier: ReturnType<typeof makeStringifier> | undefined;
const makeStringifier = () =>
  unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' }).freeze();

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const BREAK: PhrasingContent = { type: 'html', value: '<br>' };
const PARAGRAPH_BREAK: PhrasingContent = { type: 'html', value: '<br><br>' };

const capitalise = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** Text with its line breaks as `<br>` (a table cell is one line). */
function lines(value: string, wrap?: (children: PhrasingContent[]) => PhrasingContent): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  value.split('\n').forEach((line, i) => {
    if (i > 0) result.push(BREAK);
    // Emphasis markers must touch the text: spaces go outside them.
    const [before, core, after] = splitSpace(line);
    if (before) result.push(text(before));
    if (core) result.push(wrap ? wrap([text(core)]) : text(core));
    if (after) result.push(text(after));
  });
  return result;
}

const struck = (value: string): PhrasingContent[] => lines(value, (children) => ({ type: 'delete', children }));
const bold = (value: string): PhrasingContent[] => lines(value, (children) => ({ type: 'strong', children }));

function joinParagraphs(paragraphs: PhrasingContent[][]): PhrasingContent[] {
  return paragraphs.flatMap((paragraph, i) => (i > 0 ? [PARAGRAPH_BREAK, ...paragraph] : paragraph));
}

const WORD_END = /[\p{L}\p{N}]+$/u;
const WORD_START = /^[\p{L}\p{N}]+/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;

/**
 * Changes that start (end) with punctuation right after (before) a letter —
 * "society" + inserted ", trade unions and" — cannot be bold or struck in
 * Markdown without a character reference inside the word (`societ&#x79;**`).
 * Such a change takes in the word it touches, as whole-word redlines show it:
 * ~~society~~**society, trade unions and**.
 */
function wholeWords(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = segments.map((segment) => ({ ...segment }));
  for (let i = 0; i < out.length; i++) {
    if ((out[i] as Segment).op === 'equal') continue;
    let end = i;
    while (end + 1 < out.length && (out[end + 1] as Segment).op !== 'equal') end++;
    const group = out.slice(i, end + 1);
    const before = out[i - 1];
    const after = out[end + 1];
    const first = group[0] as Segment;
    const last = group[group.length - 1] as Segment;
    const lead = before && !WORDLIKE.test(first.text) && !/^\s/u.test(first.text) ? (WORD_END.exec(before.text)?.[0] ?? '') : '';
    const trail = after && !/[\p{L}\p{N}\s]$/u.test(last.text) ? (WORD_START.exec(after.text)?.[0] ?? '') : '';
    if (lead === '' && trail === '') {
      i = end;
      continue;
    }
    const textOf = (op: Segment['op']) => group.reduce((text, segment) => (segment.op === op ? text + segment.text : text), '');
    const deleted = textOf('delete');
    const inserted = textOf('insert');
    if (before && lead) before.text = before.text.slice(0, -lead.length);
    if (after && trail) after.text = after.text.slice(trail.length);
    const replaced: Segment[] = [
      { op: 'delete', text: lead + deleted + trail },
      { op: 'insert', text: lead + inserted + trail },
    ];
    out.splice(i, group.length, ...replaced);
    i += replaced.length - 1;
  }
  return out.filter((segment) => segment.text !== '');
}

function segmentsCell(segments: readonly Segment[]): PhrasingContent[] {
  return wholeWords(segments).flatMap((segment) =>
    segment.op === 'delete' ? struck(segment.text) : segment.op === 'insert' ? bold(segment.text) : lines(segment.text),
  );
}

/** The text of the original column (`<br>` between lines, `<br><br>` between paragraphs). */
export function plainCell(sides: readonly Side[]): PhrasingContent[] {
  return joinParagraphs(sides.flatMap((side) => textParagraphs(side.text)).map((p) => lines(p)));
}

/** The text of the amendment column: deletions struck (`delete`), additions in bold (`strong`). */
export function amendmentCell(change: Change): PhrasingContent[] {
  switch (change.kind) {
    case 'added':
      return joinParagraphs(change.new.flatMap((side) => textParagraphs(side.text)).map(bold));
    case 'deleted':
      return joinParagraphs(change.old.flatMap((side) => textParagraphs(side.text)).map(struck));
    default:
      return change.ops.length === 0 ? plainCell(change.new) : joinParagraphs(inlineParagraphs(change.ops).map(segmentsCell));
  }
}

/** "after point 1.3", "at the start of chapter 2", "after heading 3.1", "after chapter 3", "at the beginning". */
function place(change: Change): string {
  const after = change.after;
  if (!after) return 'at the beginning of the text';
  if (change.element === 'chapter' && after.element === 'chapter') return after.number ? `after chapter ${after.number}` : 'after the chapter';
  if (after.element === 'chapter') return after.number ? `at the start of chapter ${after.number}` : 'at the start of the chapter';
  return after.number ? `after ${after.element} ${after.number}` : `after the ${after.element}`;
}

export function target(change: Change): string {
  if (change.kind === 'added') return `New ${change.element}`;
  if (change.kind === 'merged') return capitalise(`${change.element}s ${listNumbers(change.old.map((side) => side.number))}`);
  return capitalise(itemName(change.element, change.old[0]));
}

export function action(change: Change): string {
  const noun = change.element === 'chapter' ? 'chapter title' : change.element;
  switch (change.kind) {
    case 'added':
      return `Add a new ${change.element} ${place(change)}:`;
    case 'deleted':
      return `Delete the ${noun}.`;
    case 'moved':
      return change.edited ? `Move ${place(change)} and amend as follows:` : `Move ${place(change)}:`;
    case 'split':
      return `Split into ${change.new.length} ${change.element}s${change.edited ? ' and amend' : ''} as follows:`;
    case 'merged':
      return `Merge into one ${change.element}${change.edited ? ' and amend' : ''} as follows:`;
    default:
      return 'Amend as follows:';
  }
}

function cell(children: PhrasingContent[]): TableCell {
  return { type: 'tableCell', children };
}

/** The reason the sources give for the new text (a recommendation's `reason`), if any. */
export function reasonOf(change: Change): string | undefined {
  return change.new.find((side) => side.reason)?.reason ?? change.old.find((side) => side.reason)?.reason;
}

export interface AmendmentOptions {
  /** Typographic-only changes get amendments too (default: not, they are no change of substance). */
  typography?: boolean;
}

/**
 * The changes that get an amendment: all but renumbering, a consequence of
 * the others, typographic-only changes unless asked for, and a point whose
 * only change is a reference written as before that names another item now
 * (its text is the same: as an amendment it would change nothing; the other
 * formats say where that item went); the items between the parts of a merge
 * (split) are amendments of their own.
 */
export function amendedChanges(result: DiffResult, options: AmendmentOptions = {}): Change[] {
  return result.changes.filter(
    (change) => change.kind !== 'renumbered' && (options.typography || !change.typographic) && !(change.kind === 'modified' && sameWords(change.ops)),
  );
}

/** Whether every deletion is followed by the insertion of the same text (and every insertion follows one). */
function sameWords(ops: readonly WordOp[]): boolean {
  return ops.every((op, i) =>
    op.op === 'equal'
      ? true
      : op.op === 'delete'
        ? ops[i + 1]?.op === 'insert' && ops[i + 1]?.text === op.text
        : ops[i - 1]?.op === 'delete' && ops[i - 1]?.text === op.text,
  );
}

function amendment(change: Change, number: number): RootContent[] {
  const reason = reasonOf(change);
  const nodes: RootContent[] = [
    { type: 'heading', depth: 2, children: [text(`Amendment ${number}`)] },
    { type: 'paragraph', children: [{ type: 'strong', children: [text(target(change))] }] },
    { type: 'paragraph', children: [text(action(change))] },
    {
      type: 'table',
      align: [null, null],
      children: [
        { type: 'tableRow', children: [cell([text('Section opinion')]), cell([text('Amendment')])] },
        { type: 'tableRow', children: [cell(plainCell(change.old)), cell(amendmentCell(change))] },
      ],
    },
  ];
  if (reason) {
    nodes.push({ type: 'paragraph', children: [{ type: 'strong', children: [text('Reason')] }] });
    for (const paragraph of textParagraphs(reason)) nodes.push({ type: 'paragraph', children: [text(paragraph)] });
  }
  return nodes;
}

export function formatAmendments(result: DiffResult, options: AmendmentOptions = {}): string {
  const changes = amendedChanges(result, options);
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text('Amendments')] },
    {
      type: 'paragraph',
      children: [
        text(result.old.title ? `To the ${result.old.title} (` : 'To '),
        { type: 'inlineCode', value: result.old.origin },
        text(result.old.title ? '), proposing the text of ' : ', proposing the text of '),
        { type: 'inlineCode', value: result.new.origin },
        text('.'),
      ],
    },
  ];
  if (changes.length === 0) children.push({ type: 'paragraph', children: [text('No amendments: the texts are the same.')] });
  changes.forEach((change, i) => children.push(...amendment(change, i + 1)));
  const root: Root = { type: 'root', children };
  return (stringifier ??= makeStringifier()).stringify(root);
}
