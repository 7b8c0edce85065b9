/**
 * What each number of the old version is called in the new one, through the
 * alignment: the point numbers (with headings and chapters) and the footnote
 * numbers, and the items the old draft's marked references point to.
 */
import type { Alignment } from '../align/groups.js';
import type { Unit, Units } from '../align/units.js';
import type { RefNumber } from '../text/references.js';
import { bookmarkOf } from '../../core/bookmarks.js';
import type { RefMapper } from './texts.js';

const GONE = '\u0000gone:';
/** The key of a reference to an item that no longer exists: equal to nothing in the new text. */
const gone = (number: string): string => GONE + number;
/** The new number a key stands for: undefined for an item that no longer exists. */
export const numberOfKey = (key: string): string | undefined => (key.startsWith(GONE) ? undefined : key);

function numberMap(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment): Map<string, string> {
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const unit of old) {
    if (!unit.number) continue;
    if (map.has(unit.number) || ambiguous.has(unit.number)) {
      // The old version numbers two items alike: a reference to that number is left as written.
      map.delete(unit.number);
      ambiguous.add(unit.number);
      continue;
    }
    map.set(unit.number, newNumber(unit, neu, alignment));
  }
  return map;
}

function newNumber(unit: Unit, neu: readonly Unit[], alignment: Alignment): string {
  const group = alignment.groups[alignment.oldGroup[unit.index] ?? -1];
  const first = group ? neu[group.new[0] as number] : undefined;
  return first ? first.number : gone(unit.number);
}

/** Each name references give the items (their ids and bookmarks, by `bookmarkOf`), with what `value` says of the first it numbers. */
export function byBookmark<T extends Pick<Unit, 'id' | 'bookmarks'>>(items: readonly T[], value: (item: T) => string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of items) {
    const number = value(item);
    if (!number) continue;
    for (const name of [...(item.id ? [item.id] : []), ...(item.bookmarks ?? [])]) if (!map.has(bookmarkOf(name))) map.set(bookmarkOf(name), number);
  }
  return map;
}

export function refMapper(old: Units, neu: Units, body: Alignment, footnotes: Alignment): RefMapper {
  const points = numberMap(old.body, neu.body, body);
  const notes = numberMap(old.footnotes, neu.footnotes, footnotes);
  const targets = new Map<string, string>();
  for (const unit of old.body) if (unit.id && !targets.has(unit.id)) targets.set(unit.id, newNumber(unit, neu.body, body));
  for (const unit of old.footnotes) if (unit.id && !targets.has(unit.id)) targets.set(unit.id, newNumber(unit, neu.footnotes, footnotes));
  // A Word draft's items hold bookmarks, which its cross-references name whatever number Word last printed.
  const oldBookmarks = byBookmark(old.body, (unit) => newNumber(unit, neu.body, body));
  const newBookmarks = byBookmark(neu.body, (unit) => unit.number);
  const map = (ref: RefNumber): string => {
    const byTarget = ref.target === undefined ? undefined : (targets.get(ref.target) ?? oldBookmarks.get(bookmarkOf(ref.target)));
    if (byTarget !== undefined) return byTarget;
    return (ref.space === 'footnote' ? notes : points).get(ref.number) ?? ref.number;
  };
  return Object.assign(map, { numberInNew: (target: string) => newBookmarks.get(bookmarkOf(target)) });
}
