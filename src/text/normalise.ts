/** Text reduced for comparison: lower case, words only (letters and digits, inner apostrophes kept). */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function normaliseWords(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
}

/**
 * The `k`-word sequences (shingles) of a list of words, as a set of 32-bit
 * hashes (words numbered through `ids`, shared by the texts compared).
 */
export function shingles(words: string[], k: number, ids: Map<string, number>): Set<number> {
  const numbers = words.map((w) => {
    let id = ids.get(w);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(w, id);
    }
    return id;
  });
  const set = new Set<number>();
  const size = Math.min(k, numbers.length);
  for (let i = 0; i + size <= numbers.length; i++) {
    let hash = 0x811c9dc5;
    for (let j = i; j < i + size; j++) hash = Math.imul(hash ^ numbers[j]!, 0x01000193);
    set.add(hash | 0);
  }
  return set;
}
