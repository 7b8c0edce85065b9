/**
 * Comparing the text of aligned items. Reference numbers of the old text are
 * compared as what they point to in the new version, so "point 1.3" that
 * became "point 1.4" because its target was renumbered is no change.
 */
import type { Unit } from '../align/units.js';
import type { RefNumber } from '../text/references.js';
import { tokenize, type Token } from '../text/tokenize.js';
import type { WordCounts, WordOp } from '../types.js';
import { wordDiff } from './word-diff.js';

/** The number a reference of the old version has in the new one (itself when not an item of the draft). */
export type RefMapper = (ref: RefNumber) => string;

export interface TextComparison {
  edited: boolean;
  ops: WordOp[];
  words: WordCounts;
}

const UNCHANGED: TextComparison = { edited: false, ops: [], words: { added: 0, deleted: 0 } };
const NON_ASCII = /[^\u0000-\u007f]/;
/** Between the texts of several items (a split point's parts): a paragraph break. */
const PARAGRAPH: Token = { text: '\n\n', start: 0, word: false, key: ' ' };

function sameText(a: Unit, b: Unit, map: RefMapper): boolean {
  if (a.masked !== b.masked || a.refs.length !== b.refs.length) return false;
  return a.refs.every((ref, i) => map(ref) === b.refs[i]?.number);
}

function tokensOf(units: readonly Unit[], map: RefMapper | undefined, locale: string | undefined): Token[] {
  const tokens: Token[] = [];
  units.forEach((unit, i) => {
    if (i > 0) tokens.push(PARAGRAPH);
    const own = tokenize(unit.text, locale);
    let r = 0;
    for (const token of own) {
      if (NON_ASCII.test(token.key)) token.key = token.key.normalize('NFC');
      if (map) {
        while (r < unit.refs.length && (unit.refs[r] as RefNumber).start < token.start) r++;
        const ref = unit.refs[r];
        if (ref && ref.start === token.start && ref.number === token.text) token.key = map(ref);
      }
      tokens.push(token);
    }
  });
  return tokens;
}

export function compareTexts(old: readonly Unit[], neu: readonly Unit[], map: RefMapper, locale: string | undefined): TextComparison {
  if (old.length === 1 && neu.length === 1 && sameText(old[0] as Unit, neu[0] as Unit, map)) return UNCHANGED;
  const result = wordDiff(tokensOf(old, map, locale), tokensOf(neu, undefined, locale));
  return result.changed ? { edited: true, ops: result.ops, words: result.words } : UNCHANGED;
}

/** Operations for an item that exists in one version only. */
export function wholeText(units: readonly Unit[], op: 'insert' | 'delete', locale: string | undefined): TextComparison {
  const tokens = tokensOf(units, undefined, locale);
  const text = tokens.map((token) => token.text).join('');
  const count = tokens.filter((token) => token.word).length;
  return {
    edited: true,
    ops: text ? [{ op, text }] : [],
    words: op === 'insert' ? { added: count, deleted: 0 } : { added: 0, deleted: count },
  };
}
