/**
 * The redline as tracked paragraphs: pure data between a `DiffResult` and a
 * Word document. Each paragraph holds runs that are kept, inserted or
 * deleted, and the revision of its own paragraph mark, following Word's
 * rules: accepting every change removes deleted runs and joins a paragraph
 * whose mark is deleted to the next one; rejecting every change does the same
 * with insertions. So an added point is inserted *with* its mark and a
 * deleted point deleted with its mark, and neither Accept All nor Reject All
 * leaves an empty paragraph (`acceptAll` / `rejectAll` in ./views.ts).
 *
 * Numbers are not text here: a numbered paragraph knows its number in each
 * version; the Word writer numbers it with Word's list (renumbering is then
 * no change at all) or, when Word's counting cannot give the numbers, as a
 * literal number with a tracked change of the number alone.
 *
 * A moved item is Word's move: its old paragraphs moved away from their
 * place, its new ones moved to theirs, linked by the move's name. Where it
 * was edited too, the words it lost are deleted at the old place and the
 * words it gained inserted at the new one, beside the moved text (./word.ts
 * says why not inside it); the paragraph mark that comes or goes with it is
 * then the paragraph's before it (./marks.ts).
 *
 * Footnotes stand where the text calls them, as runs holding the footnote's
 * own tracked paragraphs (./notes.ts); only footnotes that no point calls
 * are listed at the end.
 */
import type { Draft } from '../../../core/draft.js';
import type { CallOps, Change, DiffResult, Element, Entry, Side, WordOp } from '../../types.js';
import { itemParagraphs } from '../paragraphs.js';
import { retargetedNote } from '../describe.js';
import { headerModel, textRuns, type HeaderModel } from './header.js';
import { typographicOnly } from '../../text/typography.js';
import { BREAK, PART_BREAK, rewrittenEquals } from '../../compare/texts.js';
import { wordDiff } from '../../compare/word-diff.js';
import { keptNotes, keptOps, notePairs } from '../../compare/calls.js';
import { tokenize } from '../../text/tokenize.js';
import { lendMarks } from './marks.js';
import { currentReferences } from './references.js';
import { markEdited, markWhole, placedMarks, type Marked } from '../../compare/marks.js';
import { callNotes, takeMarks, type Calls, type NoteContents } from './notes.js';

export type Revision = 'ins' | 'del';

/** A deletion that is text moved away from here (`from`), an insertion that is text moved here (`to`). */
export type Move = 'from' | 'to';

/** A run of text; a `\n` in it is a line break. */
export interface TrackedRun {
  text: string;
  revision?: Revision;
  /** The run's deletion (insertion) is text moved away (here): Word's `w:moveFrom` (`w:moveTo`). */
  move?: Move;
  /** A footnote mark (the run's text is empty), inserted or deleted with the run. */
  note?: TrackedNote;
}

/**
 * A footnote mark: where a version first calls the footnote, the footnote
 * itself with its changes tracked (`key` names it for further calls);
 * elsewhere a further call of the footnote held by mark `repeats`, showing
 * `number`, the footnote's number in the version after Accept All (Reject
 * All for a deleted call).
 */
export type TrackedNote = { key: number; footnote: TrackedParagraph[] } | { repeats: number; number: string };

/**
 * What a paragraph is: a chapter title, a numbered sub-heading, the first
 * paragraph of a point, a further paragraph of it, an unnumbered paragraph,
 * a footnote's paragraph (in the footnote, or in the section at the end).
 */
export type Role = 'chapter' | 'heading' | 'point' | 'pointPart' | 'body' | 'footnote';

export interface TrackedParagraph {
  role: Role;
  runs: TrackedRun[];
  /** The paragraph mark inserted or deleted: the whole paragraph comes or goes with it. */
  mark?: Revision;
  /** The mark's deletion (insertion) is the paragraph moved away (here). */
  markMove?: Move;
  /**
   * The paragraph's words go (come) with a version but its mark stays: the
   * mark of the paragraph before it is deleted (inserted) in its place
   * (./marks.ts).
   */
  markLent?: Revision;
  /** The paragraph is of both versions; its `mark` is the next paragraph's, lent to it (./marks.ts). */
  lends?: true;
  /**
   * The properties the paragraph's mark had in the old version, where they
   * differ (Word's paragraph property change): the mark was the paragraph's
   * before it, which lent it its own (./marks.ts).
   */
  formerly?: { role: Role; level?: number; numbered: boolean };
  /** The paragraph is a moved item's, at its old place (`from`) or its new one (`to`); `name` links the two places. */
  move?: { name: string; side: Move };
  /** The item's number in the old and the new version, on the paragraph that opens the item. */
  number?: { old?: string; new?: string };
  /** List level of a numbered paragraph: 0 for chapters `1`, 1 for `1.1`… */
  level?: number;
  /** A comment on the paragraph (where a moved point went or came from, and whether it was edited). */
  comment?: string;
}

export interface RedlineModel {
  lang: string;
  header: HeaderModel;
  body: TrackedParagraph[];
  /** Footnotes that no mark in the body shows (called from nowhere, or from a chapter title): listed at the end. */
  footnotes: TrackedParagraph[];
}

/** Depth of a number as a list level: `1` → 0, `1.1` → 1. */
export function levelOf(number: string): number | undefined {
  return number === '' ? undefined : number.split('.').length - 1;
}

function roleOf(element: Element, first: boolean, number: string): Role {
  if (element === 'footnote') return 'footnote';
  if (!first) return 'pointPart';
  if (element === 'chapter') return 'chapter';
  if (element === 'heading') return 'heading';
  return number === '' ? 'body' : 'point';
}

/** The paragraphs an item opens in one version: its first is numbered, the others continue it. */
interface SidePart {
  role: Role;
  number: string;
  text: string;
  first: boolean;
  /** Which of the sides it belongs to. */
  side: number;
}

function sideParts(element: Element, sides: readonly Side[]): SidePart[] {
  return sides.flatMap((side, s) =>
    itemParagraphs(side).map((text, i) => ({ role: roleOf(element, i === 0, side.number), number: side.number, text, first: i === 0, side: s })),
  );
}

/**
 * Items standing between the parts of a merge (deleted items) or of a split
 * (added items): their paragraphs after part `after` of the old (new) sides.
 */
interface Between {
  side: 'old' | 'new';
  after: (part: number) => TrackedParagraph[];
}

/** Each side's paragraphs, and after each the paragraphs of the items between it and the next. */
function wholeSides(element: Element, sides: readonly Side[], revision: Revision, between: Between | undefined): TrackedParagraph[] {
  const own = revision === 'del' ? 'old' : 'new';
  if (!between || between.side !== own) return whole(element, sides, revision);
  return sides.flatMap((side, s) => [...whole(element, [side], revision), ...between.after(s)]);
}

const roleKey = (part: SidePart): string => `${part.role}:${part.first ? (levelOf(part.number) ?? '-') : '-'}`;

function paragraphOf(part: SidePart, runs: TrackedRun[], side: 'old' | 'new' | 'both', mark?: Revision): TrackedParagraph {
  const paragraph: TrackedParagraph = { role: part.role, runs };
  if (mark) paragraph.mark = mark;
  const level = part.first ? levelOf(part.number) : undefined;
  if (level !== undefined) {
    paragraph.level = level;
    paragraph.number = side === 'old' ? { old: part.number } : side === 'new' ? { new: part.number } : { old: part.number, new: part.number };
  }
  return paragraph;
}

/** An item that exists in one version only: every paragraph inserted (deleted) with its mark. */
function whole(element: Element, sides: readonly Side[], revision: Revision): TrackedParagraph[] {
  return sideParts(element, sides).map((part) =>
    paragraphOf(part, part.text === '' ? [] : [{ text: part.text, revision }], revision === 'ins' ? 'new' : 'old', revision),
  );
}

/**
 * An item whose words did not change. Its text may still read differently
 * in the old version where a reference followed its renumbered target ("see
 * point 1.3" → "point 1.4"): that is tracked, so that Reject All gives the old
 * text exactly.
 */
function unchanged(element: Element, old: Side, neu: Side, locale: string | undefined): TrackedParagraph[] {
  const oldParts = sideParts(element, [old]);
  const newParts = sideParts(element, [neu]);
  const sameLayout = oldParts.length === newParts.length;
  if (!sameLayout) return [...whole(element, [old], 'del'), ...whole(element, [neu], 'ins')];
  return newParts.map((part, i) => {
    const oldText = (oldParts[i] as SidePart).text;
    // Typography the comparison was told to ignore (’ for '): no change here either.
    const runs = typographicOnly(oldText, part.text) ? [{ text: part.text }] : textRuns(oldText, part.text, locale);
    const paragraph = paragraphOf(part, runs, 'both');
    if (paragraph.number) paragraph.number.old = old.number;
    return paragraph;
  });
}

const revisionOf = (op: WordOp['op']): Revision | undefined => (op === 'insert' ? 'ins' : op === 'delete' ? 'del' : undefined);

interface Draftish {
  runs: TrackedRun[];
  mark?: Revision;
}

function pushRuns(runs: TrackedRun[], added: readonly TrackedRun[]): void {
  for (const run of added) {
    if (run.text === '') continue;
    const previous = runs[runs.length - 1];
    if (previous && previous.revision === run.revision) previous.text += run.text;
    else runs.push({ ...run });
  }
}

/** Word operations as paragraphs: a paragraph break inside an insertion (deletion) is an inserted (deleted) mark. */
export function opParagraphs(source: readonly WordOp[], locale?: string): Draftish[] {
  const ops = rewrittenEquals(source);
  const paragraphs: Draftish[] = [{ runs: [] }];
  const last = ops.length - 1;
  ops.forEach((op, k) => {
    const revision = revisionOf(op.op);
    const trim = (text: string): string => {
      let result = text;
      if (k === 0 && !revision) result = result.trimStart();
      if (k === last && !revision) result = result.trimEnd();
      return result;
    };
    const pieces = trim(op.text).split(BREAK);
    const oldPieces = op.op === 'equal' && op.old !== undefined ? trim(op.old).split(BREAK) : undefined;
    pieces.forEach((piece, i) => {
      if (i > 0) {
        const current = paragraphs[paragraphs.length - 1] as Draftish;
        if (revision) current.mark = revision;
        paragraphs.push({ runs: [] });
      }
      const runs = (paragraphs[paragraphs.length - 1] as Draftish).runs;
      const oldPiece = oldPieces?.[i];
      pushRuns(
        runs,
        revision ? [{ text: piece, revision }] : oldPiece !== undefined && oldPiece !== piece ? textRuns(oldPiece, piece, locale) : [{ text: piece }],
      );
    });
  });
  return leanOnMarks(paragraphs);
}

/**
 * Where a paragraph is joined to the next on accept (its mark deleted), the
 * insertions opening the next paragraph go before the mark, and likewise
 * deletions where it is joined on reject: the same text either way, and the
 * join falls at the space the text has there (readers that join paragraphs
 * with a space, such as pandoc, then read the same words as Word).
 */
function leanOnMarks(paragraphs: Draftish[]): Draftish[] {
  paragraphs.forEach((paragraph, i) => {
    const next = paragraphs[i + 1];
    if (!paragraph.mark || !next) return;
    const moving = paragraph.mark === 'del' ? 'ins' : 'del';
    // Among the changed runs opening the next paragraph (their order between themselves is free).
    const opening = next.runs.findIndex((run) => !run.revision);
    const changed = opening === -1 ? next.runs.length : opening;
    const head = next.runs.slice(0, changed);
    pushRuns(
      paragraph.runs,
      head.filter((run) => run.revision === moving),
    );
    next.runs = [...head.filter((run) => run.revision !== moving), ...next.runs.slice(changed)];
  });
  return paragraphs;
}

/** The paragraphs each version sees: groups of model paragraphs joined where a mark is removed. */
function groups(paragraphs: readonly Draftish[], removed: Revision): number[][] {
  const result: number[][] = [[]];
  paragraphs.forEach((paragraph, i) => {
    (result[result.length - 1] as number[]).push(i);
    if (paragraph.mark !== removed && i < paragraphs.length - 1) result.push([]);
  });
  return result;
}

/**
 * A text as the views are compared: spaces collapsed, and none next to a
 * footnote mark (a private-use character, see ../../compare/marks.ts). The comparison
 * does not count spaces, and kept text shows the new version's spaces in both
 * views: a mark after "system" in the old version and after "system\u00a0" in
 * the new one is the same mark at the same place.
 */
const normal = (text: string): string =>
  text
    .replace(/\s+/gu, ' ')
    .replace(/ ?([\uE000-\uF8FF]) ?/gu, '$1')
    .trim();
const viewText = (paragraphs: readonly Draftish[], group: readonly number[], removed: Revision): string =>
  normal(group.flatMap((i) => (paragraphs[i] as Draftish).runs.filter((run) => run.revision !== removed).map((run) => run.text)).join(''));

/**
 * An edited item word by word, when Word can show it so: each version's
 * paragraphs come out exactly, and a paragraph joined to another on accept
 * or reject has the same role and level in both (a point split into two
 * points, two points merged). Otherwise undefined: the caller deletes the
 * old paragraphs and inserts the new ones.
 */
function edited(
  element: Element,
  ops: readonly WordOp[],
  old: readonly Side[],
  neu: readonly Side[],
  locale: string | undefined,
  between?: Between,
): TrackedParagraph[] | undefined {
  const draft = opParagraphs(ops, locale);
  const oldParts = sideParts(element, old);
  const newParts = sideParts(element, neu);
  const accepted = groups(draft, 'del');
  const rejected = groups(draft, 'ins');
  if (accepted.length !== newParts.length || rejected.length !== oldParts.length) return undefined;
  if (accepted.some((group, g) => viewText(draft, group, 'del') !== normal((newParts[g] as SidePart).text))) return undefined;
  if (rejected.some((group, g) => viewText(draft, group, 'ins') !== normal((oldParts[g] as SidePart).text))) return undefined;
  const newGroup = new Map(accepted.flatMap((group, g) => group.map((i) => [i, g] as const)));
  const oldGroup = new Map(rejected.flatMap((group, g) => group.map((i) => [i, g] as const)));
  const result: TrackedParagraph[] = [];
  for (const [i, paragraph] of draft.entries()) {
    const newPart = newParts[newGroup.get(i) as number] as SidePart;
    const oldPart = oldParts[oldGroup.get(i) as number] as SidePart;
    if (roleKey(newPart) !== roleKey(oldPart)) return undefined;
    const opensNew = accepted[newGroup.get(i) as number]?.[0] === i;
    const opensOld = rejected[oldGroup.get(i) as number]?.[0] === i;
    const tracked = paragraphOf(newPart, paragraph.runs, 'new', paragraph.mark);
    if (tracked.number) tracked.number = { ...(opensOld ? { old: oldPart.number } : {}), ...(opensNew ? { new: newPart.number } : {}) };
    result.push(tracked);
    // After the last paragraph of a part, the items between it and the next part.
    if (between) {
      const [groupsOf, parts, at] = between.side === 'old' ? [rejected, oldParts, oldGroup] : [accepted, newParts, newGroup];
      const g = at.get(i) as number;
      const part = parts[g] as SidePart;
      const group = groupsOf[g] as number[];
      if (group[group.length - 1] === i && parts[g + 1]?.side !== part.side) result.push(...between.after(part.side));
    }
  }
  return result;
}

/** Whether a change's words changed (not only its footnote calls, which the redline shows as tracked marks). */
const wordsEdited = (change: Change): boolean => change.edited === true && (!change.calls || change.ops.some((op) => op.op !== 'equal'));

/** "point 3.5.1", "chapter 2", "footnote 4" (English; the comments of moves). */
function itemLabel(element: Element, side: Side | undefined): string {
  return side?.number ? `${element} ${side.number}` : `an unnumbered ${element}`;
}

/** How the items of one redline are laid out: the locale of their words, and the footnote marks met so far. */
interface Layout {
  locale: string | undefined;
  /** Whether old footnote `old` and new footnote `neu` are one footnote (neither split nor merged). */
  kept: (old: string, neu: string) => boolean;
  calls: Calls;
  /** Each moved item met so far, as Word's move (undefined where a move cannot show it). */
  moves: Map<Change, ShownMove | undefined>;
  /** Items shown between the parts of a merge or a split, not at their own entry. */
  inside: Set<Change>;
}

/** Paragraphs made from an item's texts with their footnote marks written in, the marks then taken out as runs. */
function withMarks(found: Marked | undefined, layout: Layout, make: (found: Marked | undefined) => TrackedParagraph[]): TrackedParagraph[] {
  const paragraphs = make(found);
  if (found) takeMarks(paragraphs, found.marks, layout.calls);
  return paragraphs;
}

function wholeItem(element: Element, sides: readonly Side[], revision: Revision, layout: Layout): TrackedParagraph[] {
  return withMarks(markWhole(sides, revision), layout, (found) => whole(element, found ? (revision === 'ins' ? found.new : found.old) : sides, revision));
}

/** An item of both versions word by word; deleted and inserted whole where Word cannot show it so. */
function editedItem(
  element: Element,
  ops: readonly WordOp[],
  old: readonly Side[],
  neu: readonly Side[],
  layout: Layout,
  between?: Between,
  calls?: CallOps,
): TrackedParagraph[] {
  // Marks the comparison placed over these very operations are taken as placed.
  const marks = calls?.plain === ops ? placedMarks(calls, old, neu) : markEdited(ops, old, neu, layout.kept, layout.locale);
  return withMarks(marks, layout, (found) => {
    const [oldSides, newSides] = found ? [found.old, found.new] : [old, neu];
    return (
      edited(element, found?.ops ?? ops, oldSides, newSides, layout.locale, between) ?? [
        ...wholeSides(element, oldSides, 'del', between),
        ...wholeSides(element, newSides, 'ins', between),
      ]
    );
  });
}

/**
 * The operations of a change; for a split or merge without edits (whose
 * change lists none), the words kept and the paragraph breaks added or
 * removed, so that Word shows it word by word like an edited one.
 */
function splitOps(change: Change, locale: string | undefined): readonly WordOp[] {
  if (change.ops.length > 0 || (change.kind !== 'split' && change.kind !== 'merged')) return change.ops;
  return keptOps(change.old, change.new, locale);
}

/** The items between the parts of a merge or a split, laid out where they stand. */
function betweenOf(change: Change, layout: Layout): Between | undefined {
  if (!change.within?.length) return undefined;
  const within = change.within;
  return {
    side: change.kind === 'merged' ? 'old' : 'new',
    after: (part) => within.filter((inner) => inner.after === part).flatMap((inner) => changeParagraphs(inner.change, layout)),
  };
}

/** An item whose words did not change; with footnote marks, laid out as an edit, since a mark may have moved. */
function unchangedItem(element: Element, old: Side, neu: Side, layout: Layout): TrackedParagraph[] {
  if (!old.notes?.length && !neu.notes?.length) return unchanged(element, old, neu, layout.locale);
  const same = old.text === neu.text || (old.text.length === neu.text.length && typographicOnly(old.text, neu.text));
  const op: WordOp = same ? { op: 'equal', text: neu.text } : { op: 'equal', text: neu.text, old: old.text };
  return editedItem(element, [op], [old], [neu], layout);
}

/** A moved item as Word's move: its paragraphs at the old place and at the new one. */
interface ShownMove {
  source: TrackedParagraph[];
  destination: TrackedParagraph[];
}

/**
 * An edit's runs at one place of its move: the kept runs moved, the edit's
 * deletions deleted at the old place, its insertions inserted at the new
 * one. A footnote mark is copied to both places with what it calls (each
 * place sees it in one version).
 */
function movedRuns(runs: readonly TrackedRun[], side: Move, calls: Calls): TrackedRun[] {
  const edit: Revision = side === 'from' ? 'del' : 'ins';
  const result: TrackedRun[] = [];
  for (const run of runs) {
    if (run.revision !== undefined && run.revision !== edit) continue;
    const moved: TrackedRun = run.revision ? { ...run } : { ...run, revision: edit, move: side };
    const call = calls.get(run);
    const previous = result[result.length - 1];
    if (call) calls.set(moved, call);
    // Moved text that the edit's other side interrupted is one run again.
    else if (previous && !calls.has(previous) && previous.revision === moved.revision && previous.move === moved.move) {
      previous.text += moved.text;
      continue;
    }
    result.push(moved);
  }
  return result;
}

/**
 * A moved item as Word's move, made once for both places from the edit of
 * its old text into its new one, under the new number (the old number and
 * list level stay at the old place). Undefined where the edit changes the
 * item's paragraphs, which the two places cannot show: the item is then
 * deleted and inserted.
 */
function shownMove(change: Change, layout: Layout): ShownMove | undefined {
  if (layout.moves.has(change)) return layout.moves.get(change);
  const neu = change.new[0] as Side;
  const old = { ...(change.old[0] as Side), number: neu.number };
  const edit = change.edited
    ? editedItem(change.element, change.ops, [old], [neu], layout, undefined, change.calls)
    : unchangedItem(change.element, old, neu, layout);
  const oldParts = sideParts(change.element, change.old);
  let shown: ShownMove | undefined;
  if (!edit.some((paragraph) => paragraph.mark) && edit.length === oldParts.length) {
    const name = `move${[...layout.moves.values()].filter(Boolean).length + 1}`;
    shown = {
      source: edit.map((paragraph, i) => ({
        ...paragraphOf(oldParts[i] as SidePart, movedRuns(paragraph.runs, 'from', layout.calls), 'old', 'del'),
        markMove: 'from',
        move: { name, side: 'from' },
      })),
      destination: edit.map((paragraph) => {
        const moved: TrackedParagraph = {
          ...paragraph,
          runs: movedRuns(paragraph.runs, 'to', layout.calls),
          mark: 'ins',
          markMove: 'to',
          move: { name, side: 'to' },
        };
        if (paragraph.number) moved.number = paragraph.number.new === undefined ? {} : { new: paragraph.number.new };
        return moved;
      }),
    };
  }
  layout.moves.set(change, shown);
  return shown;
}

/** A changed item's paragraphs; the first comments on the references that name another item now. */
function changeParagraphs(change: Change, layout: Layout): TrackedParagraph[] {
  const paragraphs = changedItemParagraphs(change, layout);
  const first = paragraphs[0];
  if (first && change.retargeted) first.comment = [first.comment, ...change.retargeted.map(retargetedNote)].filter(Boolean).join('; ');
  return paragraphs;
}

function changedItemParagraphs(change: Change, layout: Layout): TrackedParagraph[] {
  switch (change.kind) {
    case 'added':
      return wholeItem(change.element, change.new, 'ins', layout);
    case 'deleted':
      return wholeItem(change.element, change.old, 'del', layout);
    case 'moved':
      return movePlace(change, 'to', layout);
    case 'renumbered':
      return unchangedItem(change.element, change.old[0] as Side, change.new[0] as Side, layout);
    default:
      return editedItem(change.element, splitOps(change, layout.locale), change.old, change.new, layout, betweenOf(change, layout), change.calls);
  }
}

function entryParagraphs(entry: Entry, layout: Layout): TrackedParagraph[] {
  // Shown between the parts of the merge (split) it stands in.
  if (entry.type === 'change' && layout.inside.has(entry.change)) return [];
  if (entry.type === 'same') return unchangedItem(entry.element, entry.old, entry.new, layout);
  if (entry.type === 'moved-away') return movePlace(entry.change, 'from', layout);
  return changeParagraphs(entry.change, layout);
}

/** One place of a moved item (`from`: its old place), with a comment naming the other ("Moved from point 3.3.3 and edited"). */
function movePlace(change: Change, place: Move, layout: Layout): TrackedParagraph[] {
  const away = place === 'from';
  const other = itemLabel(change.element, away ? change.new[0] : change.old[0]);
  const shown = shownMove(change, layout);
  const paragraphs = (away ? shown?.source : shown?.destination) ?? wholeItem(change.element, away ? change.old : change.new, away ? 'del' : 'ins', layout);
  const first = paragraphs[0];
  if (first) first.comment = `Moved ${away ? 'to' : 'from'} ${other}${wordsEdited(change) ? ' and edited' : ''}`;
  return paragraphs;
}

const elementOf = (entry: Entry): Element => (entry.type === 'same' ? entry.element : entry.change.element);

/** The sides an entry shows: a moved item's old place only the old, its new place only the new. */
function entrySides(entry: Entry): { old: readonly Side[]; new: readonly Side[] } {
  if (entry.type === 'same') return { old: [entry.old], new: [entry.new] };
  if (entry.type === 'moved-away') return { old: entry.change.old, new: [] };
  return entry.change.kind === 'moved' ? { old: [], new: entry.change.new } : { old: entry.change.old, new: entry.change.new };
}

/** A footnote's paragraphs as they stand in the footnote: Word numbers the mark, so no number of their own. */
const inFootnote = (paragraphs: readonly TrackedParagraph[]): TrackedParagraph[] =>
  paragraphs.map((paragraph) =>
    paragraph.mark ? { role: 'footnote', runs: paragraph.runs, mark: paragraph.mark } : { role: 'footnote', runs: paragraph.runs },
  );

/** The footnotes of both versions by number, and which old and new footnote are one. */
function footnoteIndex(entries: readonly Entry[], locale: string | undefined): { contents: NoteContents; kept: Layout['kept'] } {
  const oldSides = new Map<string, Side>();
  const newSides = new Map<string, Side>();
  for (const entry of entries) {
    const sides = entrySides(entry);
    for (const side of sides.old) oldSides.set(side.number, side);
    for (const side of sides.new) newSides.set(side.number, side);
  }
  const pairs = notePairs(entries);
  const kept = keptNotes(pairs);
  // Footnotes have no footnote marks of their own: nothing to call.
  const layout: Layout = { locale, kept, calls: new Map(), moves: new Map(), inside: new Set() };
  const one = (side: Side | undefined, revision: Revision) => (side ? inFootnote(whole('footnote', [side], revision)) : undefined);
  const contents: NoteContents = {
    deleted: (number) => one(oldSides.get(number), 'del'),
    inserted: (number) => one(newSides.get(number), 'ins'),
    tracked(old, neu) {
      const pair = pairs.get(old);
      if (!pair || pair.neu !== neu) return undefined;
      const { entry } = pair;
      if (entry.type !== 'change' || entry.change.ops.length === 0)
        return inFootnote(unchanged('footnote', oldSides.get(old) as Side, newSides.get(neu) as Side, locale));
      return inFootnote(editedItem('footnote', entry.change.ops, entry.change.old, entry.change.new, layout));
    },
  };
  return { contents, kept };
}

/** The footnotes no mark shows, as a list: an entry that none shows as before, else each side not shown inserted or deleted. */
function uncalled(entries: readonly Entry[], shown: { old: Set<string>; new: Set<string> }, layout: Layout): TrackedParagraph[] {
  return entries.flatMap((entry) => {
    const sides = entrySides(entry);
    const oldLeft = sides.old.filter((side) => !shown.old.has(side.number));
    const newLeft = sides.new.filter((side) => !shown.new.has(side.number));
    if (oldLeft.length === sides.old.length && newLeft.length === sides.new.length) return entryParagraphs(entry, layout);
    return [...(oldLeft.length ? whole('footnote', oldLeft, 'del') : []), ...(newLeft.length ? whole('footnote', newLeft, 'ins') : [])];
  });
}

/** The redline of two drafts and their comparison (the header's unchanged fields come from the drafts). */
export function redlineModel(compared: DiffResult, drafts: { old: Draft; new: Draft }): RedlineModel {
  const result = currentReferences(compared, drafts.new);
  const lang = drafts.new.lang ?? drafts.old.lang ?? result.new.lang ?? 'en';
  const footnoteEntries = result.entries.filter((entry) => elementOf(entry) === 'footnote');
  const { contents, kept } = footnoteIndex(footnoteEntries, lang);
  const inside = new Set(result.changes.flatMap((change) => (change.within ?? []).map((inner) => inner.change)));
  const layout: Layout = { locale: lang, kept, calls: new Map(), moves: new Map(), inside };
  const body = result.entries.filter((entry) => elementOf(entry) !== 'footnote').flatMap((entry) => entryParagraphs(entry, layout));
  const shown = callNotes(body, layout.calls, contents);
  return {
    lang,
    header: headerModel(drafts.old, drafts.new),
    body: lendMarks(body),
    footnotes: uncalled(footnoteEntries, shown, layout),
  };
}
