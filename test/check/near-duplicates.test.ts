/**
 * writing/near-duplicate-point finds its pairs by prefix filtering: held to
 * counting every shared sequence of every pair, on random sets built to have
 * near duplicates, ties and thresholds whose products round badly (0.7 × 10).
 */
import { describe, expect, it } from 'vitest';
import { nearDuplicates } from '../../src/check/rules/writing-near-duplicate-point.js';

/** Every earlier set, each pair counted: the most similar at or above the threshold, the first met on a tie. */
function allPairs(sets: readonly Set<number>[], threshold: number): [number, number, number][] {
  const found: [number, number, number][] = [];
  sets.forEach((set, j) => {
    const shared = new Map<number, number>();
    for (const s of set) for (let i = 0; i < j; i++) if ((sets[i] as Set<number>).has(s)) shared.set(i, (shared.get(i) ?? 0) + 1);
    let best: [number, number, number] | undefined;
    for (const [i, count] of shared) {
      const similarity = count / ((sets[i] as Set<number>).size + set.size - count);
      if (similarity >= threshold && (!best || similarity > best[2])) best = [j, i, similarity];
    }
    if (best) found.push(best);
  });
  return found;
}

/** A deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('near-duplicate points by prefix filtering', () => {
  it('finds exactly what counting every pair finds', () => {
    for (let round = 0; round < 300; round++) {
      const next = random(round);
      const vocabulary = 5 + Math.floor(next() * 60);
      const sets: Set<number>[] = [];
      for (let n = 0; n < 2 + Math.floor(next() * 40); n++) {
        const base = n > 0 && next() < 0.5 ? [...(sets[Math.floor(next() * n)] as Set<number>)] : [];
        // An earlier set with a few sequences changed, or a new one.
        const set = new Set(base.filter(() => next() > 0.15));
        const size = base.length > 0 ? base.length : 1 + Math.floor(next() * 30);
        // Half the rounds spread the values over the whole signed 32-bit range, as shingle hashes are.
        const value = (v: number) => (round % 2 ? Math.imul(v + 1, 0x9e3779b1) : v);
        while (set.size < size && set.size < vocabulary) set.add(value(Math.floor(next() * vocabulary)));
        sets.push(set);
      }
      for (const threshold of [0.5, 0.7, 0.8, 0.9, 1, 0.3 + next() * 0.7]) expect(nearDuplicates(sets, threshold)).toEqual(allPairs(sets, threshold));
    }
  });

  it('takes the first earlier set on a tie', () => {
    const same = () => new Set([1, 2, 3, 4, 5]);
    expect(nearDuplicates([same(), same(), same()], 0.8)).toEqual([
      [1, 0, 1],
      [2, 0, 1],
    ]);
  });
});
