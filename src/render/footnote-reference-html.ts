/**
 * A footnote call in HTML, as mdast-util-to-hast writes it, in constant time.
 * Its own handler looks the note up with `footnoteOrder.indexOf` at every call,
 * which made a chapter of 20,000 footnotes quadratic; this one keeps the
 * positions in a map next to that list (issue 18, item 7). Same output: the
 * handler is replaced, not changed.
 */
import type { Element } from 'hast';
import type { FootnoteReference } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { normalizeUri } from 'micromark-util-sanitize-uri';

const positions = new WeakMap<State, Map<string, number>>();

export function footnoteReference(state: State, node: FootnoteReference): Element {
  const clobberPrefix = typeof state.options.clobberPrefix === 'string' ? state.options.clobberPrefix : 'user-content-';
  const id = String(node.identifier).toUpperCase();
  const safeId = normalizeUri(id.toLowerCase());
  let numbers = positions.get(state);
  if (!numbers) positions.set(state, (numbers = new Map()));
  let counter = numbers.get(id);
  let reuseCounter = state.footnoteCounts.get(id) ?? 0;
  if (counter === undefined) {
    state.footnoteOrder.push(id);
    counter = state.footnoteOrder.length;
    numbers.set(id, counter);
  }
  reuseCounter += 1;
  state.footnoteCounts.set(id, reuseCounter);
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: {
      href: `#${clobberPrefix}fn-${safeId}`,
      id: `${clobberPrefix}fnref-${safeId}${reuseCounter > 1 ? `-${reuseCounter}` : ''}`,
      dataFootnoteRef: true,
      ariaDescribedBy: ['footnote-label'],
    },
    children: [{ type: 'text', value: String(counter) }],
  };
  state.patch(node, link);
  const sup: Element = { type: 'element', tagName: 'sup', properties: {}, children: [link] };
  state.patch(node, sup);
  return state.applyData(node, sup);
}
