/**
 * Aligning the items of two versions: which old item became which new one.
 *
 * 1. Same stable id.
 * 2. Same text (references masked, so renumbered references do not count).
 * 3. Similar text (Dice over words and word pairs ≥ the threshold), best
 *    pairs first, candidates found through an index of rare features.
 * 4. Splits and merges: a matched item whose neighbouring unmatched items
 *    hold the rest of its text.
 * 5. Between two aligned items, what is left on both sides: split or merged
 *    items whose parts are each too short to match alone, then items
 *    rewritten in place (a lower threshold, same position, same kind).
 */
import type { Unit } from './units.js';
import { featuresOfUnit } from './units.js';
import { Alignment, type Group } from './groups.js';
import { containment, dice, PAIR, subtract, union, type Features } from '../text/similarity.js';
import { tokenize } from '../text/tokenize.js';
import { wordDiff } from '../compare/word-diff.js';

export interface AlignOptions {
  /** Minimum similarity for two items to be the same edited item. */
  similarity: number;
}

/** Items rewritten in place need this much in common with what they replace. */
const IN_PLACE_SIMILARITY = 0.25;
/**
 * …and at least this share of the shorter text's words kept, in order (the
 * words a word-level redline would show unchanged). Below it, almost nothing
 * survives: the old item is deleted and the new one added (docs/diff.md).
 */
export const KEPT_IN_PLACE = 1 / 3;
/** A part of a split (or merged) item: this much of its words come from the whole. */
const PART_CONTAINMENT = 0.6;
/** A feature shared by more unmatched items than this says little: not used to find candidates. */
const COMMON_FEATURE = 64;
/** Candidates scored exactly per item, those sharing the most features. */
const CANDIDATES = 8;
/** Candidates share at least this many (rare enough) features. */
const MIN_SHARED = 2;
/** How many of an item's rarest features are used to find its candidates. */
const RARE_FEATURES = 16;

export function align(old: readonly Unit[], neu: readonly Unit[], options: AlignOptions): Alignment {
  const alignment = new Alignment(old.length, neu.length);
  matchIds(old, neu, alignment);
  matchTexts(old, neu, alignment);
  matchSimilar(old, neu, alignment, options.similarity);
  extendSplitsAndMerges(old, neu, alignment);
  matchSlots(old, neu, alignment, options.similarity);
  return alignment;
}

function matchIds(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment): void {
  const byId = new Map<string, number>();
  for (const unit of neu) if (unit.id && !byId.has(unit.id)) byId.set(unit.id, unit.index);
  for (const unit of old) {
    if (!unit.id) continue;
    const match = byId.get(unit.id);
    if (match !== undefined && alignment.newFree(match)) alignment.add([unit.index], [match]);
  }
}

function matchTexts(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment): void {
  const byText = new Map<string, number[]>();
  for (const unit of neu) {
    if (!alignment.newFree(unit.index)) continue;
    const list = byText.get(unit.masked);
    if (list) list.push(unit.index);
    else byText.set(unit.masked, [unit.index]);
  }
  const used = new Map<string, number>();
  for (const unit of old) {
    if (!alignment.oldFree(unit.index)) continue;
    const list = byText.get(unit.masked);
    if (!list) continue;
    const next = used.get(unit.masked) ?? 0;
    const match = list[next];
    if (match === undefined) continue;
    used.set(unit.masked, next + 1);
    alignment.add([unit.index], [match]);
  }
}

function features(unit: Unit): Features {
  return featuresOfUnit(unit).features;
}

function similarity(a: Unit, b: Unit): number {
  const fa = featuresOfUnit(a);
  const fb = featuresOfUnit(b);
  return dice(fa.features, fb.features, fa.size, fb.size);
}

function matchSimilar(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment, threshold: number): void {
  const freeNew = neu.filter((unit) => alignment.newFree(unit.index));
  const freeOld = old.filter((unit) => alignment.oldFree(unit.index));
  if (freeNew.length === 0 || freeOld.length === 0) return;
  // Candidates share a pair of words (rarer than single words); single words only for texts too short to have pairs.
  const keys = (unit: Unit): number[] => {
    const all = [...features(unit).keys()];
    const pairs = all.filter((feature) => feature >= PAIR);
    return pairs.length > 0 ? pairs : all;
  };
  const index = new Map<number, number[]>();
  for (const unit of freeNew) {
    for (const feature of keys(unit)) {
      const postings = index.get(feature);
      if (postings) postings.push(unit.index);
      else index.set(feature, [unit.index]);
    }
  }
  const candidates: { oldIndex: number; newIndex: number; score: number; distance: number }[] = [];
  for (const unit of freeOld) {
    const shared = new Map<number, number>();
    // The rarest features: an edited version of the item shares most of them, other items few.
    const own = keys(unit)
      .map((feature) => ({ feature, postings: index.get(feature) }))
      .filter((entry): entry is { feature: number; postings: number[] } => entry.postings !== undefined && entry.postings.length <= COMMON_FEATURE)
      .sort((a, b) => a.postings.length - b.postings.length || a.feature - b.feature)
      .slice(0, RARE_FEATURES);
    for (const { postings } of own) {
      for (const candidate of postings) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
    }
    const best = [...shared]
      .filter(([, count]) => count >= Math.min(MIN_SHARED, own.length))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES);
    for (const [candidate] of best) {
      const other = neu[candidate] as Unit;
      const score = similarity(unit, other);
      if (score < threshold) continue;
      const distance = Math.abs(unit.index / old.length - candidate / neu.length);
      candidates.push({ oldIndex: unit.index, newIndex: candidate, score, distance });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.oldIndex - b.oldIndex || a.newIndex - b.newIndex);
  for (const { oldIndex, newIndex } of candidates) {
    if (alignment.oldFree(oldIndex) && alignment.newFree(newIndex)) alignment.add([oldIndex], [newIndex]);
  }
}

/** The unit may be a part of a split or merged point. */
function isPart(unit: Unit | undefined): unit is Unit {
  return unit !== undefined && unit.element === 'point';
}

function extendSplitsAndMerges(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment): void {
  const freePoint = (units: readonly Unit[], free: (index: number) => boolean, index: number): boolean => isPart(units[index]) && free(index);
  const newFree = (index: number) => alignment.newFree(index);
  const oldFree = (index: number) => alignment.oldFree(index);
  for (const group of [...alignment.groups]) {
    if (group.old.length !== 1 || group.new.length !== 1) continue;
    const oldIndex = group.old[0] as number;
    const newIndex = group.new[0] as number;
    const whole = old[oldIndex];
    const part = neu[newIndex];
    if (!isPart(whole) || !isPart(part)) continue;
    // Only where a neighbouring point is unmatched can there be a split or a merge.
    const splitNeighbour = freePoint(neu, newFree, newIndex - 1) || freePoint(neu, newFree, newIndex + 1);
    const mergeNeighbour = freePoint(old, oldFree, oldIndex - 1) || freePoint(old, oldFree, oldIndex + 1);
    if (splitNeighbour && extend(group, 'new', whole, neu, alignment)) continue;
    if (mergeNeighbour) extend(group, 'old', part, old, alignment);
  }
}

/**
 * Grow `group` on `side` with neighbouring unmatched points of `units` whose
 * words come from what `whole` has left once the group's parts are taken out.
 */
function extend(group: Group, side: 'old' | 'new', whole: Unit, units: readonly Unit[], alignment: Alignment): boolean {
  const free = (index: number): boolean => (side === 'old' ? alignment.oldFree(index) : alignment.newFree(index));
  let known: Features | undefined;
  const wholeFeatures = (): Features => (known ??= features(whole));
  let grown = false;
  for (;;) {
    const parts = group[side];
    let chosen: number | undefined;
    // What the parts leave of the whole, in characters: a further part must fit in it.
    const room = whole.masked.length - parts.reduce((sum, i) => sum + (units[i] as Unit).masked.length, 0);
    // The next item on either side, or the one after it when an unmatched item between is
    // not a part (a point deleted, or added, between the parts of a merge or a split).
    const last = parts[parts.length - 1] as number;
    const first = parts[0] as number;
    const around = [last + 1, first - 1];
    if (free(last + 1) && last + 2 < units.length) around.push(last + 2);
    if (free(first - 1) && first - 2 >= 0) around.push(first - 2);
    for (const index of around) {
      const candidate = units[index];
      if (!isPart(candidate) || !free(index) || candidate.masked.length > room * 1.5 + 40) continue;
      const candidateFeatures = features(candidate);
      // Contained in what is left of the whole, so first in the whole (cheaper to check).
      if (featuresOfUnit(candidate).size < 3 || containment(candidateFeatures, wholeFeatures()) < PART_CONTAINMENT) continue;
      const together = union(parts.map((i) => features(units[i] as Unit)));
      if (containment(candidateFeatures, subtract(wholeFeatures(), together)) < PART_CONTAINMENT) continue;
      if (dice(wholeFeatures(), union([together, candidateFeatures])) <= dice(wholeFeatures(), together)) continue;
      chosen = index;
      break;
    }
    if (chosen === undefined) return grown;
    alignment.extend(group, side, chosen);
    grown = true;
  }
}

interface Slot {
  old: number[];
  new: number[];
}

/** Runs of unmatched items lying between the same two aligned items on both sides. */
function slots(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment): Slot[] {
  const result: Slot[] = [];
  let start = 0;
  while (start < old.length) {
    if (!alignment.oldFree(start)) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < old.length && alignment.oldFree(end + 1)) end++;
    const before = start > 0 ? alignment.groups[alignment.oldGroup[start - 1] as number] : undefined;
    const after = end + 1 < old.length ? alignment.groups[alignment.oldGroup[end + 1] as number] : undefined;
    const from = before ? Math.max(...before.new) + 1 : 0;
    const to = after ? Math.min(...after.new) - 1 : neu.length - 1;
    const freeNew: number[] = [];
    let clean = from <= to + 1;
    for (let index = from; clean && index <= to; index++) {
      if (alignment.newFree(index)) freeNew.push(index);
      else clean = false;
    }
    if (clean && freeNew.length > 0) result.push({ old: range(start, end), new: freeNew });
    start = end + 1;
  }
  return result;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The share of the shorter text's words that a word-level diff keeps (1 when one text has no words). */
export function keptShare(a: Unit, b: Unit): number {
  const oldTokens = tokenize(a.masked);
  const newTokens = tokenize(b.masked);
  const oldWords = oldTokens.filter((token) => token.word).length;
  const newWords = newTokens.filter((token) => token.word).length;
  const shorter = Math.min(oldWords, newWords);
  if (shorter === 0) return 1;
  return (oldWords - wordDiff(oldTokens, newTokens).words.deleted) / shorter;
}

function matchSlots(old: readonly Unit[], neu: readonly Unit[], alignment: Alignment, threshold: number): void {
  for (const slot of slots(old, neu, alignment)) {
    joinParts(slot.old, slot.new, old, neu, alignment, threshold, 'split');
    joinParts(slot.new, slot.old, neu, old, alignment, threshold, 'merge');
    const freeOld = slot.old.filter((index) => alignment.oldFree(index));
    const freeNew = slot.new.filter((index) => alignment.newFree(index));
    if (freeOld.length !== freeNew.length) continue;
    freeOld.forEach((oldIndex, i) => {
      const newIndex = freeNew[i] as number;
      const a = old[oldIndex] as Unit;
      const b = neu[newIndex] as Unit;
      if (a.element === b.element && similarity(a, b) >= IN_PLACE_SIMILARITY && keptShare(a, b) >= KEPT_IN_PLACE) alignment.add([oldIndex], [newIndex]);
    });
  }
}

/**
 * In a slot, a whole item (old for a split, new for a merge) and two
 * consecutive items on the other side that each come from it.
 */
function joinParts(
  wholes: number[],
  parts: number[],
  wholeUnits: readonly Unit[],
  partUnits: readonly Unit[],
  alignment: Alignment,
  threshold: number,
  kind: 'split' | 'merge',
): void {
  const wholeFree = (index: number): boolean => (kind === 'split' ? alignment.oldFree(index) : alignment.newFree(index));
  const partFree = (index: number): boolean => (kind === 'split' ? alignment.newFree(index) : alignment.oldFree(index));
  for (const wholeIndex of wholes) {
    const whole = wholeUnits[wholeIndex];
    if (!isPart(whole) || !wholeFree(wholeIndex)) continue;
    const wholeFeatures = features(whole);
    for (let i = 0; i + 1 < parts.length; i++) {
      const first = parts[i] as number;
      const second = parts[i + 1] as number;
      if (second !== first + 1 || !partFree(first) || !partFree(second)) continue;
      const a = partUnits[first];
      const b = partUnits[second];
      if (!isPart(a) || !isPart(b)) continue;
      if (containment(features(a), wholeFeatures) < PART_CONTAINMENT || containment(features(b), wholeFeatures) < PART_CONTAINMENT) continue;
      if (dice(wholeFeatures, union([features(a), features(b)])) < threshold) continue;
      if (kind === 'split') alignment.add([wholeIndex], [first, second]);
      else alignment.add([first, second], [wholeIndex]);
      break;
    }
  }
}
