/**
 * The HTML redline: a standalone page (no script, no external resource; a
 * Content-Security-Policy forbids both) with a summary, the header changes,
 * a table of contents of the changes, an inline view of the whole text and
 * a side-by-side view, switched by radio buttons, and a print stylesheet.
 * Built as a hast tree and written by hast-util-to-html: all of the drafts'
 * text is escaped.
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { CHANGE_KINDS, type DiffResult, type HeaderChange } from '../../types.js';
import { fieldLabel } from '../describe.js';
import { Anchors } from './anchors.js';
import { h, type Child } from './elements.js';
import { inlineView } from './inline-view.js';
import { sideBySideView } from './side-by-side.js';
import { STYLE } from './style.js';
import { tableOfContents } from './toc.js';

export interface HtmlOptions {
  /** The page title; default: "Redline: <title of the new version>". */
  title?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

function summary(result: DiffResult): Child {
  const { summary } = result;
  const items: Child[] = [];
  for (const kind of CHANGE_KINDS) {
    const count = summary.counts[kind] + summary.footnotes[kind];
    if (count > 0) items.push(h('li', {}, h('span', { className: ['count'] }, String(count)), ` ${kind}`));
  }
  if (summary.header > 0) items.push(h('li', {}, h('span', { className: ['count'] }, String(summary.header)), ' header'));
  items.push(h('li', {}, 'words ', h('ins', {}, `+${summary.words.added}`), ' ', h('del', {}, `−${summary.words.deleted}`)));
  return h('ul', { className: ['summary'], ariaLabel: 'Summary' }, result.identical ? h('li', {}, 'No differences') : items);
}

/** A header field's change: its old value deleted, its new one inserted (an added field has no old value, a deleted one no new). */
function headerRow(change: HeaderChange): Child {
  const value = (text: string | undefined, tag: 'del' | 'ins') => (text === undefined ? h('span', { className: ['empty'] }, '—') : h(tag, {}, text));
  return h('tr', {}, h('th', { scope: 'row' }, fieldLabel(change)), h('td', {}, value(change.old, 'del')), h('td', {}, value(change.new, 'ins')));
}

function headerChanges(result: DiffResult): Child {
  if (result.header.length === 0) return null;
  return h(
    'section',
    { className: ['header-changes'], id: 'header-changes' },
    h('h2', {}, 'Header'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Old'), h('th', { scope: 'col' }, 'New'))),
      h('tbody', {}, result.header.map(headerRow)),
    ),
  );
}

export function formatHtml(result: DiffResult, options: HtmlOptions = {}): string {
  const anchors = new Anchors(result);
  const documentTitle = result.new.title ?? result.old.title ?? `${result.old.origin} → ${result.new.origin}`;
  const toggle = (id: string, type: 'radio' | 'checkbox', checked: boolean): Child =>
    h('input', { type, id, className: ['view-toggle'], ...(type === 'radio' ? { name: 'view' } : {}), ...(checked ? { checked: true } : {}) });
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { lang: result.new.lang ?? result.old.lang ?? 'en' },
        h(
          'head',
          {},
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: ['Content-Security-Policy'], content: CSP }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'opinion diff' }),
          h('title', {}, options.title ?? `Redline: ${documentTitle}`),
          h('style', {}, STYLE),
        ),
        h(
          'body',
          {},
          toggle('view-inline', 'radio', true),
          toggle('view-sbs', 'radio', false),
          toggle('only-changes', 'checkbox', false),
          h(
            'header',
            { className: ['page-header'] },
            h('p', { className: ['kicker'] }, 'Redline'),
            h('h1', {}, documentTitle),
            h('p', { className: ['versions'] }, 'Changes from ', h('code', {}, result.old.origin), ' to ', h('code', {}, result.new.origin)),
            h(
              'div',
              { className: ['bar'] },
              h(
                'div',
                { className: ['controls'], role: 'group', ariaLabel: 'View' },
                h('label', { htmlFor: ['view-inline'] }, 'Inline'),
                h('label', { htmlFor: ['view-sbs'] }, 'Side by side'),
                h('label', { htmlFor: ['only-changes'] }, 'Changes only'),
              ),
              summary(result),
            ),
            h(
              'p',
              { className: ['legend'] },
              h('del', {}, 'Deleted text'),
              ' · ',
              h('ins', {}, 'inserted text'),
              ' · moved items are marked where they were and where they are',
            ),
          ),
          h(
            'div',
            { className: ['layout'] },
            tableOfContents(result, anchors),
            h('main', {}, headerChanges(result), inlineView(result, anchors), sideBySideView(result, anchors)),
          ),
        ),
      ),
    ],
  };
  return toHtml(tree) + '\n';
}
