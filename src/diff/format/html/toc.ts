/**
 * The table of contents of the changes: grouped by chapter, one link per
 * changed item to its place in the inline view (and one to the side-by-side
 * view, shown when that view is on). Renumbered items are only counted.
 */
import type { Element as HastElement } from 'hast';
import type { DiffResult } from '../../types.js';
import { chapterHeading, chapterOf, headline } from '../describe.js';
import { plural } from '../../../core/messages.js';
import type { Anchors } from './anchors.js';
import { h, type Child } from './elements.js';

export function tableOfContents(result: DiffResult, anchors: Anchors): HastElement {
  const items: Child[] = [];
  if (result.header.length > 0) {
    items.push(
      h(
        'li',
        { className: ['kind-header'] },
        h('a', { className: ['to-inline'], href: '#header-changes' }, `Header: ${plural(result.header.length, 'field')} changed`),
        h('a', { className: ['to-sbs'], href: '#header-changes' }, `Header: ${plural(result.header.length, 'field')} changed`),
      ),
    );
  }
  let group: string | undefined;
  let renumbered = 0;
  for (const change of result.changes) {
    if (change.kind === 'renumbered') {
      renumbered++;
      continue;
    }
    const heading = chapterHeading(chapterOf(change));
    if (heading !== group) {
      items.push(h('li', { className: ['toc-chapter'] }, heading));
      group = heading;
    }
    const label = headline(change);
    items.push(
      h(
        'li',
        { className: [`kind-${change.kind}`] },
        h('a', { className: ['to-inline'], href: `#${anchors.inline(change)}` }, label),
        h('a', { className: ['to-sbs'], href: `#${anchors.sideBySide(change)}` }, label),
      ),
    );
  }
  return h(
    'nav',
    { className: ['toc'], ariaLabel: 'Changes' },
    h('h2', {}, 'Changes'),
    items.length > 0 ? h('ol', {}, items) : h('p', { className: ['toc-note'] }, renumbered > 0 ? 'Only numbering changed.' : 'No changes.'),
    renumbered > 0 ? h('p', { className: ['toc-note'] }, `${plural(renumbered, 'item')} renumbered (shown in the text).`) : null,
  );
}
