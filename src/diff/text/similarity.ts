/**
 * Content similarity of two texts for aligning items that have no common id:
 * the Dice coefficient over their words and pairs of consecutive words,
 * counted with multiplicity. Pairs make unrelated texts that share common
 * words ("the", "EESC") score low, while an edited text keeps most of them.
 *
 * Words are numbered through a `Vocabulary` shared by the texts compared, so
 * that features are numbers: a word's number, or for a pair of words a
 * number above `PAIR` made of both.
 */

/** Word features of a text: feature → count. */
export type Features = Map<number, number>;

/** Features at or above this are pairs of words. */
export const PAIR = 2 ** 21;

/** Numbers for the words of the texts compared together. */
export class Vocabulary {
  private readonly numbers = new Map<string, number>();

  number(word: string): number {
    let number = this.numbers.get(word);
    if (number === undefined) {
      number = this.numbers.size;
      if (number >= PAIR - 1) throw new RangeError('Too many different words to compare');
      this.numbers.set(word, number);
    }
    return number;
  }
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function featuresOf(text: string, vocabulary: Vocabulary): Features {
  const features: Features = new Map();
  let previous = -1;
  WORD.lastIndex = 0;
  const lower = text.toLowerCase();
  for (let match = WORD.exec(lower); match; match = WORD.exec(lower)) {
    const word = vocabulary.number(match[0]);
    features.set(word, (features.get(word) ?? 0) + 1);
    if (previous !== -1) {
      const pair = (previous + 1) * PAIR + word;
      features.set(pair, (features.get(pair) ?? 0) + 1);
    }
    previous = word;
  }
  return features;
}

export function sizeOf(features: Features): number {
  let size = 0;
  for (const count of features.values()) size += count;
  return size;
}

/** How many features the two have in common (with multiplicity). */
export function overlap(a: Features, b: Features): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [feature, count] of small) {
    const other = large.get(feature);
    if (other) common += Math.min(count, other);
  }
  return common;
}

/** Dice coefficient: 1 for the same words in the same order, 0 for nothing in common. */
export function dice(a: Features, b: Features, sizeA = sizeOf(a), sizeB = sizeOf(b)): number {
  if (sizeA + sizeB === 0) return 1;
  return (2 * overlap(a, b)) / (sizeA + sizeB);
}

/** Share of `part`'s features found in `whole` (1: all of `part` is in `whole`). */
export function containment(part: Features, whole: Features): number {
  const size = sizeOf(part);
  return size === 0 ? 0 : overlap(part, whole) / size;
}

/** The features of both texts together (a split point's parts, merged points). */
export function union(parts: readonly Features[]): Features {
  const result: Features = new Map();
  for (const part of parts) for (const [feature, count] of part) result.set(feature, (result.get(feature) ?? 0) + count);
  return result;
}

/** What remains of `whole` once `part` is taken out of it. */
export function subtract(whole: Features, part: Features): Features {
  const result: Features = new Map();
  for (const [feature, count] of whole) {
    const left = count - (part.get(feature) ?? 0);
    if (left > 0) result.set(feature, left);
  }
  return result;
}
