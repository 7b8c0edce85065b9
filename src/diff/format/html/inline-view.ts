/**
 * The inline redline: the whole new version in reading order, with
 * deletions and insertions inside the text, deleted items where they were,
 * and a marker at the old place of each moved item.
 */
import type { Element as HastElement } from 'hast';
import type { Change, DiffResult, Element, Entry, Side } from '../../types.js';
import { listNumbers, writtenNumber } from '../describe.js';
import { inlineParagraphs, partParagraphs, textParagraphs, type Segment } from '../paragraphs.js';
import type { Anchors } from './anchors.js';
import { h, type Child } from './elements.js';
import { opsWithCalls } from '../calls.js';
import { htmlCall, lines, retargetedNotes, segmentNodes } from './segments.js';

function item(element: Element, state: string, id: string | undefined, number: Child, was: string | undefined, badge: Child, body: Child[]): HastElement {
  const className = ['item', element, state];
  return h(
    'div',
    id ? { className, id } : { className },
    h('span', { className: ['num'] }, number, was ? h('span', { className: ['was'] }, `was ${was}`) : null),
    badge ? h('span', { className: ['badge'] }, badge) : null,
    h('div', { className: ['text'] }, body),
  );
}

const paragraphs = (texts: readonly string[], wrap?: (text: string) => Child): Child[] => texts.map((text) => h('p', {}, wrap ? wrap(text) : lines(text)));
const plain = (sides: readonly Side[]): Child[] => paragraphs(sides.flatMap((side) => textParagraphs(side.text)));
/** A text wholly inserted (`ins`) or deleted (`del`), paragraph by paragraph. */
const wholly = (tag: 'ins' | 'del', text: string): Child[] => paragraphs(textParagraphs(text), (part) => h(tag, {}, lines(part)));
const marked = (list: readonly Segment[][]): Child[] => list.map((segments) => h('p', {}, segmentNodes(segments)));

/** Split (or merged) text: each new part opens with its number when the parts are known. */
function parts(change: Change): Child[] {
  const list =
    change.ops.length > 0
      ? inlineParagraphs(opsWithCalls(change, htmlCall))
      : change.new.flatMap((side) => textParagraphs(side.text).map((text): Segment[] => [{ op: 'equal', text }]));
  const starts = change.kind === 'split' ? partParagraphs(change.new, list.length) : undefined;
  return list.map((segments, i) => {
    const part = i > 0 ? starts?.get(i) : undefined;
    return h('p', {}, part ? h('span', { className: ['part-num'] }, part.number) : null, segmentNodes(segments));
  });
}

function changeItem(change: Change, anchors: Anchors): HastElement {
  const { element } = change;
  const oldSide = change.old[0];
  const newSide = change.new[0];
  const id = anchors.inline(change);
  const number = writtenNumber(element, (newSide ?? oldSide)?.number ?? '');
  const was = oldSide && newSide && oldSide.number !== newSide.number && change.kind !== 'merged' ? oldSide.number || 'unnumbered' : undefined;
  const shown = (state: string, badge: Child, body: Child[], formerly?: string) =>
    item(element, state, id, number, formerly, badge, [...body, ...retargetedNotes(change)]);
  const edited = change.edited ? ' and edited' : '';
  switch (change.kind) {
    case 'added':
      return shown('added', 'added', wholly('ins', newSide?.text ?? ''));
    case 'deleted':
      return shown('deleted', 'deleted', wholly('del', oldSide?.text ?? ''));
    case 'renumbered':
      return shown('renumbered', null, plain(change.new), was);
    case 'modified':
      return shown('modified', 'modified', marked(inlineParagraphs(opsWithCalls(change, htmlCall))), was);
    case 'moved': {
      const badge = ['moved from ', h('a', { href: `#${anchors.movedFrom(change)}` }, oldSide?.number || 'elsewhere'), edited];
      return shown('moved', badge, change.edited ? marked(inlineParagraphs(opsWithCalls(change, htmlCall))) : plain(change.new));
    }
    case 'split':
      return shown('split', `split from ${oldSide?.number}${edited}`, parts(change));
    case 'merged':
      return shown('merged', `merged from ${listNumbers(change.old.map((side) => side.number))}${edited}`, parts(change));
  }
}

function movedAwayItem(change: Change, anchors: Anchors): HastElement {
  const side = change.old[0] as Side;
  const badge = ['moved to ', h('a', { href: `#${anchors.inline(change)}` }, change.new[0]?.number || 'elsewhere')];
  return item(change.element, 'moved-away', anchors.movedFrom(change), writtenNumber(change.element, side.number), undefined, badge, wholly('del', side.text));
}

function entryItem(entry: Entry, anchors: Anchors): HastElement {
  if (entry.type === 'same') return item(entry.element, 'same', undefined, writtenNumber(entry.element, entry.new.number), undefined, null, plain([entry.new]));
  if (entry.type === 'moved-away') return movedAwayItem(entry.change, anchors);
  return changeItem(entry.change, anchors);
}

export function inlineView(result: DiffResult, anchors: Anchors): HastElement {
  const body: Child[] = [];
  const footnotes: Child[] = [];
  for (const entry of result.entries) {
    const element = entry.type === 'same' ? entry.element : entry.change.element;
    (element === 'footnote' ? footnotes : body).push(entryItem(entry, anchors));
  }
  return h(
    'section',
    { className: ['inline-view'], ariaLabel: 'Inline redline' },
    h(
      'article',
      { className: ['document'] },
      body.length === 0 && footnotes.length === 0 ? h('p', { className: ['no-changes'] }, 'Both versions are empty.') : body,
      footnotes.length > 0 ? h('section', { className: ['footnotes'] }, h('h2', { className: ['footnotes-title'] }, 'Footnotes'), footnotes) : null,
    ),
  );
}
