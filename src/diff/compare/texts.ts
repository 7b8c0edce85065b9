/**
 * Comparing the text of aligned items. Reference numbers of the old text are
 * compared as what they point to in the new version, so "point 1.3" that
 * became "point 1.4" because its target was renumbered is no change. A
 * reference that says what it points to in both versions (an opinion's
 * `:ref`, a Word cross-reference's bookmark) is no change while it points to
 * the same item, whatever number it prints: Word keeps "point 1.3" until its
 * fields are updated, after a point was inserted above the target.
 */
import type { Unit } from '../align/units.js';
import type { RefNumber } from '../text/references.js';
import { bookmarkOf } from '../../core/bookmarks.js';
import { countWordTokens, splitSpace, tokenize, type Token } from '../text/tokenize.js';
import type { Retargeted, WordCounts, WordOp } from '../types.js';
import { numberOfKey } from './ref-mapper.js';
import { wordDiff } from './word-diff.js';

/** The number a reference of the old version has in the new one (itself when not an item of the draft). */
export interface RefMapper {
  (ref: RefNumber): string;
  /** The number the new version gives the item that holds a bookmark (a Word draft's), when one does. */
  readonly numberInNew?: (target: string) => string | undefined;
}

export interface TextComparison {
  edited: boolean;
  ops: WordOp[];
  words: WordCounts;
  retargeted?: Retargeted[];
}

const UNCHANGED: TextComparison = { edited: false, ops: [], words: { added: 0, deleted: 0 } };
const NON_ASCII = /[^\u0000-\u007f]/;

/** The break the parts of an item (a split point's) are joined by to be compared: the offsets of its operations count it. */
export const PART_BREAK = '\n\n';

/** A paragraph break inside a point's text. */
export const BREAK = /\s*\n{2,}\s*/u;

/**
 * Each `equal` operation written otherwise in the old version (a reference
 * that followed its renumbered target: "point 1.3" → "1.4"), as a redline
 * writes it, giving each version exactly, paragraph by paragraph: a deletion
 * and an insertion when its paragraphs do not pair up, else what `pieces`
 * makes of it (by default, kept whole).
 */
export function rewrittenEquals(ops: readonly WordOp[], pieces: (op: WordOp & { old: string }) => WordOp[] = (op) => [op]): WordOp[] {
  return ops.flatMap((op): WordOp[] => {
    if (op.op !== 'equal' || op.old === undefined || op.old === op.text) return [op];
    if (op.old.split(BREAK).length !== op.text.split(BREAK).length)
      return [
        { op: 'delete', text: op.old },
        { op: 'insert', text: op.text },
      ];
    return pieces(op as WordOp & { old: string });
  });
}

/** Where each of the texts starts once they are joined by `PART_BREAK`. */
export function partStarts(parts: readonly { text: string }[]): number[] {
  let start = 0;
  return parts.map(({ text }) => {
    const at = start;
    start += text.length + PART_BREAK.length;
    return at;
  });
}

/** The text of one or more items (a split point's parts), joined by a paragraph break, with their references. */
interface Passage {
  text: string;
  refs: RefNumber[];
}

function passage(units: readonly Unit[]): Passage {
  if (units.length === 1) return { text: (units[0] as Unit).text, refs: (units[0] as Unit).refs };
  const starts = partStarts(units);
  const refs = units.flatMap((unit, i) => unit.refs.map((ref) => ({ ...ref, start: ref.start + starts[i]!, end: ref.end + starts[i]! })));
  return { text: units.map((unit) => unit.text).join(PART_BREAK), refs };
}

/**
 * What each reference of the old passage compares as: its number in the new
 * version, or the number the new passage prints where the reference in the
 * same place of its references points to the same item: the same bookmark,
 * or, for an old reference that only prints a number (a Markdown draft's),
 * the item that number now has, holding the new reference's bookmark.
 */
function sameTargets(a: Passage, b: Passage, map: RefMapper): RefMapper {
  if (a.refs.length !== b.refs.length || !b.refs.some((ref) => ref.target !== undefined)) return map;
  const same = new Map<RefNumber, string>();
  a.refs.forEach((ref, i) => {
    const other = b.refs[i] as RefNumber;
    if (other.target === undefined || other.space !== ref.space) return;
    const pointsThere = ref.target !== undefined ? bookmarkOf(ref.target) === bookmarkOf(other.target) : map.numberInNew?.(other.target) === map(ref);
    if (pointsThere) same.set(ref, other.number);
  });
  return same.size === 0 ? map : (ref) => same.get(ref) ?? map(ref);
}

function sameText(a: Unit, b: Unit, map: RefMapper): boolean {
  if (a.masked !== b.masked || a.refs.length !== b.refs.length) return false;
  const key = sameTargets(a, b, map);
  return a.refs.every((ref, i) => key(ref) === b.refs[i]?.number);
}

/**
 * Tokens of a passage's text from `offset` on; with `map`, reference numbers
 * (`refs`, at offsets in the whole passage) compare as what they point to now.
 */
function tokensOf(text: string, offset: number, refs: readonly RefNumber[], map: RefMapper | undefined, locale: string | undefined): Token[] {
  const tokens = tokenize(text, locale);
  let r = 0;
  for (const token of tokens) {
    if (NON_ASCII.test(token.key)) token.key = token.key.normalize('NFC');
    if (map) {
      while (r < refs.length && (refs[r] as RefNumber).start - offset < token.start) r++;
      const ref = refs[r];
      if (ref && ref.start - offset === token.start && ref.number === token.text) token.key = map(ref);
    }
  }
  return tokens;
}

/**
 * The common beginning and end of two texts, as whole tokens (cut at
 * whitespace), not reaching into a reference of the old text that points
 * elsewhere now: they need not be segmented nor diffed word by word.
 */
function commonEnds(a: Passage, b: Passage, map: RefMapper): { prefix: number; suffix: number } {
  const x = a.text;
  const y = b.text;
  const limit = Math.min(x.length, y.length);
  let prefix = 0;
  while (prefix < limit && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && x.charCodeAt(x.length - 1 - suffix) === y.charCodeAt(y.length - 1 - suffix)) suffix++;
  for (const ref of a.refs) {
    if (map(ref) === ref.number) continue;
    if (ref.start < prefix) prefix = ref.start;
    if (ref.end > x.length - suffix) suffix = Math.max(0, x.length - ref.end);
  }
  // Cut at whitespace, so that no word is split.
  while (prefix > 0 && !/\s/u.test(x.charAt(prefix - 1))) prefix--;
  while (suffix > 0 && !/\s/u.test(x.charAt(x.length - suffix))) suffix--;
  return { prefix, suffix };
}

/** An unchanged stretch as one token, with its whitespace at either end as tokens of their own. */
function stretch(text: string): Token[] {
  const [before, core, after] = splitSpace(text);
  const tokens: Token[] = [];
  if (before) tokens.push({ text: before, start: 0, word: false, key: ' ' });
  if (core) tokens.push({ text: core, start: 0, word: false, key: core });
  if (after) tokens.push({ text: after, start: 0, word: false, key: ' ' });
  return tokens;
}

/** The tokens of a passage between its common beginning and end with the other one. */
function trimmedTokens(part: Passage, prefix: number, suffix: number, map: RefMapper | undefined, locale: string | undefined): Token[] {
  const end = part.text.length - suffix;
  const refs = map ? part.refs.filter((ref) => ref.start >= prefix && ref.end <= end) : [];
  return [...stretch(part.text.slice(0, prefix)), ...tokensOf(part.text.slice(prefix, end), prefix, refs, map, locale), ...stretch(part.text.slice(end))];
}

export function compareTexts(old: readonly Unit[], neu: readonly Unit[], map: RefMapper, locale: string | undefined): TextComparison {
  if (old.length === 1 && neu.length === 1 && sameText(old[0] as Unit, neu[0] as Unit, map)) return UNCHANGED;
  const a = passage(old);
  const b = passage(neu);
  const key = sameTargets(a, b, map);
  const { prefix, suffix } = commonEnds(a, b, key);
  const result = wordDiff(trimmedTokens(a, prefix, suffix, key, locale), trimmedTokens(b, prefix, suffix, undefined, locale));
  if (!result.changed) return UNCHANGED;
  const retargeted = retargetedRefs(a, result.ops, key);
  return retargeted.length > 0 ? { edited: true, ops: result.ops, words: result.words, retargeted } : { edited: true, ops: result.ops, words: result.words };
}

/**
 * The old passage's references that the new one writes alike but that name
 * another item now: a deletion and an insertion of the same text, which only
 * a reference's changed target makes (tokens of equal text compare equal).
 */
function retargetedRefs(a: Passage, ops: readonly WordOp[], key: RefMapper): Retargeted[] {
  const replaced = new Set<string>();
  ops.forEach((op, i) => {
    const next = ops[i + 1];
    if (op.op === 'delete' && next?.op === 'insert' && op.text.trim() === next.text.trim()) replaced.add(op.text.trim());
  });
  if (replaced.size === 0) return [];
  const texts = [...replaced];
  const found = new Map<string, Retargeted>();
  for (const ref of a.refs) {
    const now = key(ref);
    if (now === ref.number || found.has(ref.number) || !texts.some((text) => containsNumber(text, ref.number))) continue;
    const number = numberOfKey(now);
    found.set(ref.number, number === undefined ? { number: ref.number } : { number: ref.number, now: number });
  }
  return [...found.values()];
}

/** Whether `text` holds `number` as a whole number ("1.3" in "1.3 and 1.4", not in "1.31"). */
function containsNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + number.length);
    if (!/[\d.]/.test(before) && !/\d/.test(after) && !(after === '.' && /\d/.test(text.charAt(at + number.length + 1)))) return true;
  }
  return false;
}

/** Operations for an item that exists in one version only. */
export function wholeText(units: readonly Unit[], op: 'insert' | 'delete', locale: string | undefined): TextComparison {
  const text = passage(units).text;
  const count = countWordTokens(text, locale);
  return {
    edited: true,
    ops: text ? [{ op, text }] : [],
    words: op === 'insert' ? { added: count, deleted: 0 } : { added: 0, deleted: count },
  };
}
