/** The side-by-side view: one row per item, the old version on the left, the new on the right. */
import type { Element as HastElement } from 'hast';
import type { Change, DiffResult, Entry, Side, Element } from '../../types.js';
import { listNumbers, writtenNumber } from '../describe.js';
import { partParagraphs, sideParagraphs, textParagraphs } from '../paragraphs.js';
import type { Anchors } from './anchors.js';
import { h, type Child } from './elements.js';
import { opsWithCalls } from '../calls.js';
import { htmlCall, lines, retargetedNotes, segmentNodes } from './segments.js';

const numberOf = (element: Element, side: Side): Child => (side.number === '' ? null : h('span', { className: ['num'] }, writtenNumber(element, side.number)));

/** An item's text as paragraphs, the number opening the first. */
function cellText(element: Element, sides: readonly Side[], wrap?: (text: string) => Child): Child[] {
  return sides.flatMap((side) =>
    textParagraphs(side.text).map((text, i) => h('p', {}, i === 0 ? numberOf(element, side) : null, wrap ? wrap(text) : lines(text))),
  );
}

function cellOps(change: Change, side: 'old' | 'new'): Child[] {
  const sides = side === 'old' ? change.old : change.new;
  const list = sideParagraphs(opsWithCalls(change, htmlCall), side);
  // Each part's number opens its first paragraph; one item's, its first.
  const starts = partParagraphs(sides, list.length) ?? (sides.length === 1 ? new Map([[0, sides[0] as Side]]) : undefined);
  return list.map((segments, i) => {
    const part = starts?.get(i);
    return h('p', {}, part ? numberOf(change.element, part) : null, segmentNodes(segments));
  });
}

const note = (...children: Child[]): Child => h('span', { className: ['note'] }, children);
const empty = (text: string): Child => h('p', { className: ['empty'] }, text);

function row(state: string, element: Element, id: string | undefined, left: Child[], right: Child[]): HastElement {
  const className = [state, element];
  return h('tr', id ? { className, id } : { className }, h('td', { className: ['old'] }, left), h('td', { className: ['new'] }, right));
}

function changeRow(change: Change, anchors: Anchors): HastElement {
  const tr = changeCells(change, anchors);
  (tr.children[1] as HastElement).children.push(...retargetedNotes(change));
  return tr;
}

function changeCells(change: Change, anchors: Anchors): HastElement {
  const { element } = change;
  const id = anchors.sideBySide(change);
  const edited = change.ops.length > 0;
  /** Both versions' text, edited or not (a move, split or merge), under a note. */
  const both = (label: Child) =>
    row(change.kind, element, id, edited ? cellOps(change, 'old') : cellText(element, change.old), [
      label,
      edited ? cellOps(change, 'new') : cellText(element, change.new),
    ]);
  switch (change.kind) {
    case 'added':
      return row('added', element, id, [empty('(not in this version)')], [note('added'), cellText(element, change.new, (text) => h('ins', {}, lines(text)))]);
    case 'deleted':
      return row('deleted', element, id, [note('deleted'), cellText(element, change.old, (text) => h('del', {}, lines(text)))], [empty('(deleted)')]);
    case 'renumbered':
      return row('renumbered', element, id, cellText(element, change.old), [note('renumbered'), cellText(element, change.new)]);
    case 'modified':
      return row('modified', element, id, cellOps(change, 'old'), [note('modified'), cellOps(change, 'new')]);
    case 'moved':
      return both(
        note(
          'moved from ',
          h('a', { href: `#${anchors.sideBySideMovedFrom(change)}` }, change.old[0]?.number || 'elsewhere'),
          change.edited ? ' and edited' : '',
        ),
      );
    case 'split':
      return both(note(`split from ${change.old[0]?.number}`));
    case 'merged':
      return both(note(`merged from ${listNumbers(change.old.map((side) => side.number))}`));
  }
}

function entryRow(entry: Entry, anchors: Anchors): HastElement {
  if (entry.type === 'same') return row('same', entry.element, undefined, cellText(entry.element, [entry.old]), cellText(entry.element, [entry.new]));
  if (entry.type === 'moved-away') {
    const { change } = entry;
    const to = note('moved to ', h('a', { href: `#${anchors.sideBySide(change)}` }, change.new[0]?.number || 'elsewhere'));
    return row(
      'moved-away',
      change.element,
      anchors.sideBySideMovedFrom(change),
      cellText(change.element, change.old, (text) => h('del', {}, lines(text))),
      [to],
    );
  }
  return changeRow(entry.change, anchors);
}

export function sideBySideView(result: DiffResult, anchors: Anchors): HastElement {
  return h(
    'section',
    { className: ['sbs-view'], ariaLabel: 'Side-by-side comparison' },
    h('h2', {}, 'Side by side'),
    h(
      'table',
      { className: ['sbs'] },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Old: ', h('code', {}, result.old.origin)), h('th', { scope: 'col' }, 'New: ', h('code', {}, result.new.origin))),
      ),
      h(
        'tbody',
        {},
        result.entries.map((entry) => entryRow(entry, anchors)),
      ),
    ),
  );
}
