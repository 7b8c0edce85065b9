/**
 * From an alignment to the document's entries in reading order: unchanged
 * items, changes (with their word-level operations) and the old place of
 * moved items. Deleted items and old places sit after the item they followed.
 */
import type { Alignment, Group } from '../align/groups.js';
import { inPlace } from '../align/order.js';
import { sideOf, type Unit } from '../align/units.js';
import type { Change, ChangeKind, Entry } from '../types.js';
import { compareTexts, wholeText, type RefMapper } from './texts.js';
import { typographicOps } from '../text/typography.js';
import { changedCalls, type KeptNote } from './calls.js';

/** The chapters an entry belongs to, as indices of chapter units (-1: none). */
export interface ChapterLink {
  old: number;
  new: number;
}

export interface Entries {
  entries: Entry[];
  /** For each change, its chapter in both versions. */
  chapters: Map<Change, ChapterLink>;
}

const STRUCTURE_WEIGHT = 1.5;

/**
 * Which groups of `alignment` stayed in place (`kept`), its splits and merges
 * that moved settled: a split or merge that also moved (out of order, or to
 * another chapter) has no one place to show it in, so its longest part is
 * the item moved (and edited) and the other parts are left free, to be added
 * (deleted) where they stand. Done before anything reads the alignment: the
 * references to an old number must follow the part that was kept, as the
 * entries show it (`refMapper`).
 */
export function settleMoves(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment): boolean[] {
  const { groups } = alignment;
  const kept = inPlace(groups, (group) => (neu[group.new[0] as number]?.element === 'point' ? 1 : STRUCTURE_WEIGHT), neu.length);
  groups.forEach((group, g) => {
    if (kept[g]) return;
    const [side, units] = group.new.length > 1 ? (['new', neu] as const) : group.old.length > 1 ? (['old', old] as const) : [];
    if (!side) return;
    const longest = group[side].reduce((a, b) => ((units[b] as Unit).text.length > (units[a] as Unit).text.length ? b : a));
    alignment.keepOnly(group, side, longest);
  });
  return kept;
}

/** The entries of an alignment settled by `settleMoves`, whose `kept` it returned. */
export function buildEntries(
  old: readonly Unit[],
  neu: readonly Unit[],
  alignment: Alignment,
  kept: readonly boolean[],
  map: RefMapper,
  locale: string | undefined,
  ignoreTypography = false,
  sameNote: KeptNote = () => false,
): Entries {
  const { groups } = alignment;
  const placed: { position: number; tie: number; entry: Entry }[] = [];
  const chapters = new Map<Change, ChapterLink>();
  /** A merge's first old item, a split's first new item: to find its group again. */
  const indexOf = new Map<Change, number>();

  const chapterLink = (unit: Unit, side: 'old' | 'new'): ChapterLink => {
    const own = unit.chapter;
    const group = groups[(side === 'old' ? alignment.oldGroup : alignment.newGroup)[own] ?? -1];
    const other = group ? ((side === 'old' ? group.new[0] : group.old[0]) ?? -1) : -1;
    return side === 'old' ? { old: own, new: other } : { old: other, new: own };
  };

  /** Where an old item's place is in the new reading order: just after the in-place item it follows. */
  const oldPosition = (index: number): number => {
    for (let k = index - 1; k >= 0; k--) {
      const g = alignment.oldGroup[k] as number;
      if (g !== -1 && kept[g]) return Math.max(...(groups[g] as Group).new) + 0.5;
    }
    return -0.5;
  };

  /** The old item that precedes a new item's place, among items that stayed in place. */
  const after = (index: number): Change['after'] => {
    for (let k = index - 1; k >= 0; k--) {
      const g = alignment.newGroup[k] as number;
      if (g === -1 || !kept[g]) continue;
      const last = old[Math.max(...(groups[g] as Group).old)] as Unit;
      return { number: last.number, element: last.element };
    }
    return undefined;
  };

  const change = (kind: ChangeKind, oldUnits: Unit[], newUnits: Unit[], comparison: ReturnType<typeof compareTexts>): Change => {
    const first = (newUnits[0] ?? oldUnits[0]) as Unit;
    const result: Change = {
      kind,
      element: first.element,
      old: oldUnits.map(sideOf),
      new: newUnits.map(sideOf),
      ops: comparison.ops,
      words: comparison.words,
    };
    const id = newUnits.find((unit) => unit.id)?.id ?? oldUnits.find((unit) => unit.id)?.id;
    if (id) result.id = id;
    if (kind === 'moved' || kind === 'split' || kind === 'merged') result.edited = comparison.edited;
    if (comparison.retargeted) result.retargeted = comparison.retargeted;
    chapters.set(result, newUnits[0] ? chapterLink(newUnits[0], 'new') : chapterLink(oldUnits[0] as Unit, 'old'));
    return result;
  };

  groups.forEach((group, g) => {
    const oldUnits = group.old.map((i) => old[i] as Unit);
    const newUnits = group.new.map((i) => neu[i] as Unit);
    let comparison = compareTexts(oldUnits, newUnits, map, locale);
    // Only typography changed (’ for ', – for -): flagged, or no edit at all when ignored.
    const typographic = comparison.edited && group.old.length === 1 && group.new.length === 1 && typographicOps(comparison.ops);
    if (typographic && ignoreTypography) comparison = { edited: false, ops: [], words: { added: 0, deleted: 0 } };
    // A footnote call added, removed or moved to another word is a change, whatever the words.
    const calls = changedCalls(oldUnits, newUnits, comparison.ops, sameNote, locale);
    if (calls) comparison = { ...comparison, edited: true, ops: calls.plain };
    const position = group.new[0] as number;
    const kind: ChangeKind | undefined =
      group.old.length > 1
        ? 'merged'
        : group.new.length > 1
          ? 'split'
          : !kept[g]
            ? 'moved'
            : comparison.edited
              ? 'modified'
              : oldUnits[0]?.number !== newUnits[0]?.number
                ? 'renumbered'
                : undefined;
    if (kind === undefined) {
      const [a, b] = [oldUnits[0] as Unit, newUnits[0] as Unit];
      placed.push({ position, tie: 0, entry: { type: 'same', element: b.element, old: sideOf(a), new: sideOf(b) } });
      return;
    }
    const result = change(kind, oldUnits, newUnits, comparison);
    if (typographic && !ignoreTypography && !calls) result.typographic = true;
    if (calls) result.calls = calls;
    indexOf.set(result, kind === 'merged' ? (group.old[0] as number) : (group.new[0] as number));
    if (kind === 'moved') {
      const place = after(position);
      if (place) result.after = place;
      const from = group.old[0] as number;
      placed.push({ position: oldPosition(from), tie: from, entry: { type: 'moved-away', change: result } });
    }
    placed.push({ position, tie: 0, entry: { type: 'change', change: result } });
  });

  const deletedAt = new Map<number, Change>();
  const addedAt = new Map<number, Change>();
  old.forEach((unit, i) => {
    if (!alignment.oldFree(i)) return;
    const result = change('deleted', [unit], [], wholeText([unit], 'delete', locale));
    deletedAt.set(i, result);
    placed.push({ position: oldPosition(i), tie: i, entry: { type: 'change', change: result } });
  });
  neu.forEach((unit, i) => {
    if (!alignment.newFree(i)) return;
    const result = change('added', [], [unit], wholeText([unit], 'insert', locale));
    addedAt.set(i, result);
    const place = after(i);
    if (place) result.after = place;
    placed.push({ position: i, tie: 0, entry: { type: 'change', change: result } });
  });
  // A merge across a deleted item (a split across an added one): the item between its parts.
  for (const { entry } of placed) {
    if (entry.type !== 'change' || (entry.change.kind !== 'merged' && entry.change.kind !== 'split')) continue;
    const group = groups[alignment[entry.change.kind === 'merged' ? 'oldGroup' : 'newGroup'][indexOf.get(entry.change) as number] as number] as Group;
    const [indices, between] = entry.change.kind === 'merged' ? [group.old, deletedAt] : [group.new, addedAt];
    const within: NonNullable<Change['within']> = [];
    for (let k = 0; k + 1 < indices.length; k++) {
      for (let j = (indices[k] as number) + 1; j < (indices[k + 1] as number); j++) {
        const inner = between.get(j);
        if (inner) within.push({ after: k, change: inner });
      }
    }
    if (within.length > 0) entry.change.within = within;
  }

  placed.sort((a, b) => a.position - b.position || a.tie - b.tie);
  return { entries: placed.map((p) => p.entry), chapters };
}
