/** Word operations as HTML: `<del>` for deletions, `<ins>` for insertions, line breaks kept. */
import type { Segment } from '../paragraphs.js';
import { h, type Child } from './elements.js';

/** Text with its line breaks (list items inside a point) as `<br>`. */
export function lines(text: string): Child[] {
  return text.split('\n').flatMap((line, i) => (i > 0 ? [h('br'), line] : [line]));
}

export function segmentNodes(segments: readonly Segment[]): Child[] {
  return segments.map((segment) => {
    if (segment.op === 'delete') return h('del', {}, lines(segment.text));
    if (segment.op === 'insert') return h('ins', {}, lines(segment.text));
    return lines(segment.text);
  });
}
