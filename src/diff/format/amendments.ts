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
import type { Change, DiffResult, Element, Side, WordOp } from '../types.js';
import { SHEET_WORDING } from '../../generated/sheet-labels.js';
import type { LabelKey } from '../../labels/labels.js';
import { splitSpace } from '../text/tokenize.js';
import { opsWithCalls, superscriptCall } from './calls.js';
import { inlineParagraphs, sideParagraphs, textParagraphs, type Segment } from './paragraphs.js';

// Made on first use: the build's amendments appendix takes amendmentCell from this module and never stringifies (freezing runs remark-gfm's set-up).
let stringifier: ReturnType<typeof makeStringifier> | undefined;
const makeStringifier = () =>
  unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' }).freeze();

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const BREAK: PhrasingContent = { type: 'html', value: '<br>' };
const PARAGRAPH_BREAK: PhrasingContent = { type: 'html', value: '<br><br>' };

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
 * ~~society~~**society, trade unions and**. A change of spaces only, which
 * neither strike nor bold shows, takes in the words on both sides:
 * ~~EES ,~~**EES,**.
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
    // Only spaces changed ("EES ," → "EES,"): nothing to strike or bold, so the words on both sides are taken in.
    const blank = group.every((segment) => /^\s*$/u.test(segment.text));
    const lead = blank
      ? (/\S+$/u.exec(before?.text ?? '')?.[0] ?? '')
      : before && !WORDLIKE.test(first.text) && !/^\s/u.test(first.text)
        ? (WORD_END.exec(before.text)?.[0] ?? '')
        : '';
    const trail = blank
      ? (/^\S+/u.exec(after?.text ?? '')?.[0] ?? '')
      : after && !/[\p{L}\p{N}\s]$/u.test(last.text)
        ? (WORD_START.exec(after.text)?.[0] ?? '')
        : '';
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

/** The text of the original column of a change: the old version, its footnote calls shown where they differ. */
export function originalCell(change: Change): PhrasingContent[] {
  if (!change.calls) return plainCell(change.old);
  return joinParagraphs(
    sideParagraphs(opsWithCalls(change, superscriptCall), 'old').map((segments) => lines(segments.map((segment) => segment.text).join(''))),
  );
}

/** The text of the amendment column: deletions struck (`delete`), additions in bold (`strong`). */
export function amendmentCell(change: Change): PhrasingContent[] {
  switch (change.kind) {
    case 'added':
      return joinParagraphs(change.new.flatMap((side) => textParagraphs(side.text)).map(bold));
    case 'deleted':
      return joinParagraphs(change.old.flatMap((side) => textParagraphs(side.text)).map(struck));
    default:
      return change.ops.length === 0 ? plainCell(change.new) : joinParagraphs(inlineParagraphs(opsWithCalls(change, superscriptCall)).map(segmentsCell));
  }
}

/** A `sheet.` label, without its prefix. */
type SheetKey = { [K in LabelKey]: K extends `sheet.${infer Key}` ? Key : never }[LabelKey];

/** The wording of an amendment sheet in one language: the `sheet.` labels of its label file. */
export interface SheetWords {
  /** The language worded (English for a language without a label file). */
  lang: string;
  word(key: SheetKey, values?: Record<string, string | number>): string;
}

/** Whether the label file of `lang` words everything the English one does (a sheet is never worded in two languages). */
const complete = (lang: string): boolean =>
  Object.hasOwn(SHEET_WORDING, lang) && Object.keys(SHEET_WORDING.en!).every((key) => Object.hasOwn(SHEET_WORDING[lang]!, key));

/** The sheet's wording in `lang` (English for a language whose label file the tool does not ship, or lacks some of it). */
export function sheetWords(lang: string | undefined): SheetWords {
  const code = lang !== undefined && complete(lang) ? lang : 'en';
  const table = SHEET_WORDING[code]!;
  return {
    lang: code,
    word: (key, values = {}) => (table[key] as string).replace(/\{([a-z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
  };
}

/** The language of a comparison's sheet: as asked, else the new version's, else the old one's. */
export const sheetLanguage = (result: DiffResult, lang?: string): string | undefined => lang ?? result.new.lang ?? result.old.lang;

/**
 * How the sheet's title names the opinion amended, as `opinion amendments
 * sheet` names one without a reference: its title in the quotation marks of
 * its language, cut from the whole title line ("Opinion of … on ‘Cooperatives
 * …’" → "‘Cooperatives …’"), which the sheet's title wording takes in every
 * language; else the whole title, else the path compared.
 */
export function amendedName(result: DiffResult): string {
  const title = result.old.title;
  if (!title) return result.old.origin;
  return /[‘«„“"‚‹][^]*[’»“”"‘›]/u.exec(title)?.[0] ?? title;
}

/** A list of numbers as the sheet writes it: "1.6, 1.7" (no word for "and", the same in every language). */
const numbersOf = (sides: readonly Side[]): string => sides.map((side) => side.number || '–').join(', ');

/** Where an added or moved item goes: "after point 1.3", "at the start of chapter 2", "after chapter 3", "at the beginning of the text". */
function place(change: Change, w: SheetWords): string {
  const after = change.after;
  if (!after) return w.word('text-start');
  const number = after.number || '–';
  if (after.element === 'chapter') return w.word(change.element === 'chapter' ? 'after-chapter' : 'chapter-start', { number });
  return w.word(after.element === 'footnote' ? 'after-footnote' : 'after-point', { number });
}

/** "Point 1.3", "Heading 3.1", "Chapter 2", "Footnote 4" (a chapter without a number by its title; "–" for another unnumbered item). */
function itemOf(element: Element, side: Side | undefined, w: SheetWords): string {
  const number = side?.number || (element === 'chapter' ? (side?.text ?? '–') : '–');
  return w.word(element, { number });
}

export function target(change: Change, w: SheetWords): string {
  const { element } = change;
  if (change.kind === 'added') {
    if (element !== 'point') return w.word('new-text');
    const after = change.after;
    return after?.number && (after.element === 'point' || after.element === 'heading')
      ? w.word('new-point-after', { number: after.number })
      : w.word('new-point');
  }
  if (change.kind === 'merged')
    return element === 'point' ? w.word('points', { numbers: numbersOf(change.old) }) : change.old.map((side) => itemOf(element, side, w)).join(', ');
  return itemOf(element, change.old[0], w);
}

export function action(change: Change, w: SheetWords): string {
  switch (change.kind) {
    case 'added': {
      const after = change.after;
      const afterPoint = change.element === 'point' && after?.number && (after.element === 'point' || after.element === 'heading');
      return afterPoint ? w.word('insert-after', { number: after.number }) : w.word('insert', { place: place(change, w) });
    }
    case 'deleted':
      return w.word(change.element === 'point' ? 'delete' : 'delete-text');
    case 'moved':
      return w.word(change.edited ? 'move-amend' : 'move', { place: place(change, w) });
    case 'split':
      return w.word('split', { numbers: numbersOf(change.new) });
    case 'merged':
      return w.word('merge');
    default:
      return w.word('amend');
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
  /** The language of the sheet's wording (default: the language of the new version, else of the old one, else English). */
  lang?: string;
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
    (change) =>
      change.kind !== 'renumbered' &&
      (options.typography || !change.typographic) &&
      !(change.kind === 'modified' && !change.calls && sameWords(change.ops)) &&
      // A point without text (a numbered paragraph left empty in Word) added or deleted: nothing to amend.
      !((change.kind === 'added' || change.kind === 'deleted') && change.ops.length === 0),
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

function amendment(change: Change, number: number, w: SheetWords): RootContent[] {
  const reason = reasonOf(change);
  const nodes: RootContent[] = [
    { type: 'heading', depth: 2, children: [text(w.word('number', { number }))] },
    { type: 'paragraph', children: [{ type: 'strong', children: [text(target(change, w))] }] },
    { type: 'paragraph', children: [text(action(change, w))] },
    {
      type: 'table',
      align: [null, null],
      children: [
        { type: 'tableRow', children: [cell([text(w.word('section-opinion'))]), cell([text(w.word('amendment'))])] },
        { type: 'tableRow', children: [cell(originalCell(change)), cell(amendmentCell(change))] },
      ],
    },
  ];
  if (reason) {
    nodes.push({ type: 'paragraph', children: [{ type: 'strong', children: [text(w.word('reason'))] }] });
    for (const paragraph of textParagraphs(reason)) nodes.push({ type: 'paragraph', children: [text(paragraph)] });
  }
  return nodes;
}

/**
 * The sheet as Markdown, worded in the language of the texts compared (the
 * `sheet.` labels of its label file): "Amendments to …", the two versions
 * compared, then each amendment.
 */
export function formatAmendments(result: DiffResult, options: AmendmentOptions = {}): string {
  const w = sheetWords(sheetLanguage(result, options.lang));
  const changes = amendedChanges(result, options);
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(w.word('title', { reference: amendedName(result) }))] },
    {
      type: 'paragraph',
      children: [{ type: 'inlineCode', value: result.old.origin }, text(' → '), { type: 'inlineCode', value: result.new.origin }],
    },
  ];
  if (changes.length === 0) children.push({ type: 'paragraph', children: [text(w.word('none'))] });
  changes.forEach((change, i) => children.push(...amendment(change, i + 1, w)));
  const root: Root = { type: 'root', children };
  return (stringifier ??= makeStringifier()).stringify(root);
}
