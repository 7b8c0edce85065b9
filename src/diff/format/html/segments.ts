/** Word operations as HTML: `<del>` for deletions, `<ins>` for insertions, line breaks kept. */
import type { Element } from 'hast';
import { splitSpace } from '../../text/tokenize.js';
import type { Change } from '../../types.js';
import { retargetedNote } from '../describe.js';
import type { Segment } from '../paragraphs.js';
import { h, type Child } from './elements.js';

const CALL_OPEN = '\u{F0000}';
const CALL_CLOSE = '\u{F0001}';
const CALL = /\u{F0000}([^\u{F0001}]*)\u{F0001}/u;

/** A footnote call as the HTML shows it: written as a placeholder in the operations, then `<sup class="call">`. */
export const htmlCall = (number: string): string => CALL_OPEN + number + CALL_CLOSE;

/** Text with its line breaks (list items inside a point) as `<br>`, its footnote calls (`htmlCall`) as `<sup>`. */
export function lines(text: string): Child[] {
  return text.split('\n').flatMap((line, i) => (i > 0 ? [h('br'), ...withCalls(line)] : withCalls(line)));
}

function withCalls(line: string): Child[] {
  if (!line.includes(CALL_OPEN)) return [line];
  return line
    .split(CALL)
    .map((piece, i) => (i % 2 === 0 ? piece : h('sup', { className: ['call'] }, piece)))
    .filter((piece) => piece !== '');
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
