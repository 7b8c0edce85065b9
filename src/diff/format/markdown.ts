/**
 * The whole new version as Markdown with CriticMarkup: `{--deleted--}`,
 * `{++inserted++}`, `{~~old~>new~~}`, and `{>>comments<<}` saying where an
 * item moved from or to, or what it was numbered. The document is built as
 * an mdast tree and written by remark-stringify, so the draft's own text is
 * escaped; only the CriticMarkup delimiters are written raw.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Change, DiffResult, Element, Entry, HeaderChange, Retargeted, Side } from '../types.js';
import { fieldLabel, listNumbers, retargetedNote, writtenNumber } from './describe.js';
import { opsWithCalls, superscriptCall } from './calls.js';
import { inlineParagraphs, itemParagraphs, partParagraphs, textParagraphs, type Segment } from './paragraphs.js';
import { summaryLine } from './summary-line.js';

const stringifier = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', rule: '-' }).freeze();

const raw = (value: string): PhrasingContent => ({ type: 'html', value });
const text = (value: string): PhrasingContent => ({ type: 'text', value });

function wrap(open: string, value: string, close: string): PhrasingContent[] {
  return value === '' ? [] : [raw(open), text(value), raw(close)];
}
const inserted = (value: string): PhrasingContent[] => wrap('{++', value, '++}');
const deleted = (value: string): PhrasingContent[] => wrap('{--', value, '--}');
/** A comment, written as it is (CriticMarkup comments are not Markdown). */
const comment = (value: string): PhrasingContent[] => [raw(`{>>${value.replace(/<<\}/g, '<< }')}<<}`)];
/** A comment opening an item's text. */
const note = (value: string): PhrasingContent[] => [...comment(value), text(' ')];
const substituted = (from: string, to: string): PhrasingContent[] => [raw('{~~'), text(from), raw('~>'), text(to), raw('~~}')];

/**
 * Segments as CriticMarkup: a deletion followed by an insertion is a
 * substitution; of the same reference number, one that names another item
 * now, highlighted with a comment saying so.
 */
function critic(segments: readonly Segment[], retargeted: readonly Retargeted[] = []): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const next = segments[i + 1];
    const same =
      segment.op === 'delete' && next?.op === 'insert' && segment.text === next.text ? retargeted.find((ref) => ref.number === segment.text.trim()) : undefined;
    if (same) {
      result.push(raw('{=='), text(segment.text), raw('==}'), ...comment(retargetedNote(same)));
      i++;
    } else if (segment.op === 'delete' && next?.op === 'insert') {
      result.push(...substituted(segment.text, next.text));
      i++;
    } else if (segment.op === 'delete') result.push(...deleted(segment.text));
    else if (segment.op === 'insert') result.push(...inserted(segment.text));
    else result.push(text(segment.text));
  }
  return result;
}

/** How an item opens: its number ("1.2 "), as a chapter heading reads ("2. "), or a footnote "(3) ". */
function prefix(element: Element, number: string): string {
  return number === '' ? '' : `${writtenNumber(element, number)} `;
}

function block(element: Element, children: PhrasingContent[]): Paragraph | Heading {
  if (element === 'chapter') return { type: 'heading', depth: 2, children };
  if (element === 'heading') return { type: 'heading', depth: 3, children };
  return { type: 'paragraph', children };
}

/** The paragraphs of an item added (deleted) whole, its number opening the first. */
function wholeItem(element: Element, side: Side | undefined, mark: (value: string) => PhrasingContent[]): RootContent[] {
  return itemParagraphs(side).map((p, i) => block(element, mark(((i === 0 ? prefix(element, side?.number ?? '') : '') + p).trimEnd())));
}

/** A side's text as paragraphs of plain text. */
const plain = (value: string): PhrasingContent[][] => textParagraphs(value).map((p) => [text(p)]);
/** A change's operations as paragraphs of CriticMarkup. */
const marked = (change: Change): PhrasingContent[][] =>
  inlineParagraphs(opsWithCalls(change, superscriptCall)).map((segments) => critic(segments, change.retargeted));

/** An item's paragraphs; the number opens the first. */
function blocks(element: Element, opening: PhrasingContent[], paragraphs: PhrasingContent[][]): RootContent[] {
  const [first = [], ...rest] = paragraphs;
  return [block(element, [...opening, ...first]), ...rest.map((children) => block(element, children))];
}

function sameItem(element: Element, side: Side): RootContent[] {
  return blocks(element, [text(prefix(element, side.number))], plain(side.text));
}

function changeNumber(change: Change): PhrasingContent[] {
  const from = change.old[0]?.number ?? '';
  const to = change.new[0]?.number ?? '';
  const written = prefix(change.element, to);
  if (from === to || from === '' || to === '') return [text(written)];
  // The number sits inside its written form: "3. " for a chapter, "(3) " for a footnote.
  const at = written.indexOf(to);
  const before = written.slice(0, at);
  return [...(before ? [text(before)] : []), ...substituted(from, to), text(written.slice(at + to.length))];
}

function changedItem(change: Change): RootContent[] {
  const { element } = change;
  const oldSide = change.old[0];
  const newSide = change.new[0];
  switch (change.kind) {
    case 'added':
      return wholeItem(element, newSide, inserted);
    case 'deleted':
      return wholeItem(element, oldSide, deleted);
    case 'renumbered':
      return blocks(
        element,
        [text(prefix(element, newSide?.number ?? '')), ...note(`renumbered, was ${oldSide?.number || 'unnumbered'}`)],
        plain(newSide?.text ?? ''),
      );
    case 'modified':
      return blocks(element, changeNumber(change), marked(change));
    case 'moved': {
      const paragraphs = change.edited ? marked(change) : plain(newSide?.text ?? '');
      return blocks(element, [text(prefix(element, newSide?.number ?? '')), ...note(`moved from ${oldSide?.number || 'elsewhere'}`)], paragraphs);
    }
    case 'split':
    case 'merged': {
      const origin = change.kind === 'split' ? `split from ${oldSide?.number}` : `merged from ${listNumbers(change.old.map((s) => s.number))}`;
      const paragraphs = change.edited ? marked(change) : change.new.flatMap((side) => plain(side.text));
      const starts = change.kind === 'split' ? partParagraphs(change.new, paragraphs.length) : undefined;
      if (starts) {
        return paragraphs.map((children, i) => {
          const part = starts.get(i);
          return block(element, [...(part ? [text(prefix(element, part.number))] : []), ...(i === 0 ? note(origin) : []), ...children]);
        });
      }
      return blocks(element, [text(prefix(element, newSide?.number ?? '')), ...note(origin)], paragraphs);
    }
  }
}

function movedAway(change: Change): RootContent[] {
  const side = change.old[0] as Side;
  const paragraphs = textParagraphs(side.text);
  return paragraphs.map((p, i) =>
    block(change.element, [
      ...deleted((i === 0 ? prefix(change.element, side.number) : '') + p),
      ...(i === paragraphs.length - 1 ? [text(' '), ...comment(`moved to ${change.new[0]?.number || 'elsewhere'}`)] : []),
    ]),
  );
}

function entryBlocks(entry: Entry): RootContent[] {
  if (entry.type === 'same') return sameItem(entry.element, entry.new);
  if (entry.type === 'moved-away') return movedAway(entry.change);
  return changedItem(entry.change);
}

/** A header field's change in CriticMarkup (an added field has no old value, a deleted one no new). */
function changedValue(change: HeaderChange): PhrasingContent[] {
  return change.kind === 'modified' ? substituted(change.old ?? '', change.new ?? '') : [...deleted(change.old ?? ''), ...inserted(change.new ?? '')];
}

function headerItem(change: HeaderChange): RootContent {
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(`${fieldLabel(change)}: `), ...changedValue(change)] }] };
}

export function formatMarkdown(result: DiffResult): string {
  const title = result.header.find((change) => change.field === 'title');
  const titleText = result.new.title ?? result.old.title ?? `${result.old.origin} → ${result.new.origin}`;
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: title ? changedValue(title) : [text(titleText)] },
    { type: 'paragraph', children: comment(`opinion diff ${result.old.origin} → ${result.new.origin}. ${summaryLine(result)}`) },
  ];
  const header = result.header.filter((change) => change.field !== 'title');
  if (header.length > 0) {
    children.push(
      { type: 'heading', depth: 2, children: [text('Header')] },
      { type: 'list', ordered: false, spread: false, children: header.map(headerItem) as never },
    );
  }
  let footnotes = false;
  for (const entry of result.entries) {
    const element = entry.type === 'same' ? entry.element : entry.change.element;
    if (element === 'footnote' && !footnotes) {
      children.push({ type: 'heading', depth: 2, children: [text('Footnotes')] });
      footnotes = true;
    }
    children.push(...entryBlocks(entry));
  }
  const root: Root = { type: 'root', children };
  return stringifier.stringify(root);
}
