/** Word operations as HTML: `<del>` for deletions, `<ins>` for insertions, line breaks kept. */
import type { Element } from 'hast';
import { splitSpace } from '../../text/tokenize.js';
import type { Change } from '../../types.js';
import { retargetedNote } from '../describe.js';
import type { Segment } from '../paragraphs.js';
import { h, type Child } from './elements.js';

/** Text with its line breaks (list items inside a point) as `<br>`. */
export function lines(text: string): Child[] {
  return text.split('\n').flatMap((line, i) => (i > 0 ? [h('br'), line] : [line]));
}

/** Deleted and inserted text marked, the spaces at either end left outside the mark. */
export function segmentNodes(segments: readonly Segment[]): Child[] {
  return segments.map((segment) => {
    if (segment.op === 'equal') return lines(segment.text);
    const [before, core, after] = splitSpace(segment.text);
    if (core === '') return lines(segment.text);
    return [lines(before), h(segment.op === 'delete' ? 'del' : 'ins', {}, lines(core)), lines(after)];
  });
}

/** A note under an item for each reference written as before that names another item now. */
export function retargetedNotes(change: Change): Element[] {
  return (change.retargeted ?? []).map((ref) => h('p', { className: ['ref-note'] }, retargetedNote(ref)));
}
