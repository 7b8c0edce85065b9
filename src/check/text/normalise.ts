/** Text reduced for comparison: lower case, words only (letters and digits), single spaces. */
import { wordTokens } from './words.js';

export function normaliseWords(text: string): string[] {
  return wordTokens(text).map((t) => t.text.toLowerCase().replace(/’/g, "'"));
}

/** The `k`-word sequences (shingles) of a list of words, as a set. */
export function shingles(words: string[], k: number): Set<string> {
  const set = new Set<string>();
  if (words.length < k) {
    if (words.length > 0) set.add(words.join(' '));
    return set;
  }
  for (let i = 0; i + k <= words.length; i++) set.add(words.slice(i, i + k).join(' '));
  return set;
}
