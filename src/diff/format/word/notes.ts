/**
 * Footnote marks in the redline: which footnote each mark shows, once
 * ../../compare/marks.ts has placed the marks among the tracked runs.
 *
 * Which run holds the footnote itself is decided over the whole document
 * (`callNotes`): as in the built draft, a footnote is written where each
 * version first calls it, and further calls refer to that mark (Word's
 * `NOTEREF`); a kept mark that is the first call in one version only is
 * written as a deleted and an inserted mark.
 */
import type { CallMark } from '../../types.js';
import type { Move, Revision, TrackedNote, TrackedParagraph, TrackedRun } from './model.js';

/** Marks that are in the runs but not yet decided: the run of each, and what it calls. */
export type Calls = Map<TrackedRun, CallMark>;

/** The marks taken out of the runs' text as runs of their own (tracked as their run is), each noted in `calls` with what it calls. */
export function takeMarks(paragraphs: readonly TrackedParagraph[], marks: ReadonlyMap<string, CallMark>, calls: Calls): void {
  const pattern = new RegExp(`([${[...marks.keys()].join('')}])`, 'u');
  for (const paragraph of paragraphs) {
    paragraph.runs = paragraph.runs.flatMap((run) =>
      run.text.split(pattern).flatMap((piece, i): TrackedRun[] => {
        if (i % 2 === 0) return piece === '' ? [] : [{ ...run, text: piece }];
        const mark: TrackedRun = { ...run, text: '' };
        calls.set(mark, marks.get(piece) as CallMark);
        return [mark];
      }),
    );
  }
}

/** The footnotes, by number in each version, with their paragraphs as a mark shows them. */
export interface NoteContents {
  /** The footnote of the old version, every run deleted. */
  deleted(number: string): TrackedParagraph[] | undefined;
  /** The footnote of the new version, every run inserted. */
  inserted(number: string): TrackedParagraph[] | undefined;
  /** The footnote of both versions with its changes tracked. */
  tracked(old: string, neu: string): TrackedParagraph[] | undefined;
}

/** What a mark becomes: the footnote (the first call in a version) or a further call of it. */
function noteRun(revision: Revision | undefined, note: TrackedNote): TrackedRun {
  return revision ? { text: '', revision, note } : { text: '', note };
}

/** What a mark calls in the versions that see it: those its run is seen in. */
function seenCall(run: TrackedRun, call: CallMark): CallMark {
  return {
    ...(run.revision !== 'ins' && call.old !== undefined ? { old: call.old } : {}),
    ...(run.revision !== 'del' && call.new !== undefined ? { new: call.new } : {}),
  };
}

/**
 * Decide every mark, in reading order: the first call of a footnote in each
 * version holds the footnote (kept, deleted or inserted), every further
 * call refers to it. Returns the footnote numbers of each version that some
 * mark shows.
 */
export function callNotes(body: readonly TrackedParagraph[], calls: Calls, contents: NoteContents): { old: Set<string>; new: Set<string> } {
  const first = { old: new Map<string, number>(), new: new Map<string, number>() };
  let keys = 0;
  const hold = (revision: Revision | undefined, footnote: TrackedParagraph[] | undefined, call: CallMark): TrackedRun[] => {
    if (!footnote) return [];
    const key = ++keys;
    if (call.old !== undefined) first.old.set(call.old, key);
    if (call.new !== undefined) first.new.set(call.new, key);
    return [noteRun(revision, { key, footnote })];
  };
  const deleted = (number: string): TrackedRun[] => {
    const key = first.old.get(number);
    return key !== undefined ? [noteRun('del', { repeats: key, number })] : hold('del', contents.deleted(number), { old: number });
  };
  const inserted = (number: string): TrackedRun[] => {
    const key = first.new.get(number);
    return key !== undefined ? [noteRun('ins', { repeats: key, number })] : hold('ins', contents.inserted(number), { new: number });
  };
  const decide = (call: CallMark): TrackedRun[] => {
    const { old, new: neu } = call;
    if (old === undefined) return neu === undefined ? [] : inserted(neu);
    if (neu === undefined) return deleted(old);
    const oldKey = first.old.get(old);
    const newKey = first.new.get(neu);
    if (oldKey === undefined && newKey === undefined) {
      const footnote = contents.tracked(old, neu);
      if (footnote) return hold(undefined, footnote, call);
    }
    if (oldKey !== undefined && oldKey === newKey) return [noteRun(undefined, { repeats: oldKey, number: neu })];
    return [...deleted(old), ...inserted(neu)];
  };
  for (const paragraph of body) {
    paragraph.runs = paragraph.runs.flatMap((run): TrackedRun[] => {
      const call = calls.get(run);
      if (!call) return [run];
      // A mark in moved text is moved with it.
      const runs = decide(seenCall(run, call));
      return run.move ? runs.map((mark) => ({ ...mark, move: run.move as Move })) : runs;
    });
  }
  return { old: new Set(first.old.keys()), new: new Set(first.new.keys()) };
}
