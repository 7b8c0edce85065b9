import { distance } from 'fastest-levenshtein';

/**
 * The candidates close enough to `actual` to be offered as "did you mean",
 * best first (at most `limit`). Close enough: an edit distance of at most a
 * third of the longer word (minimum 1), two letters swapped counting as one
 * edit (`titel` → `title`), or one being a prefix of the other.
 */
export function suggest(actual: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = actual.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === actual) continue;
    const other = candidate.toLowerCase();
    const d = swapped(lower, other) ? 1 : distance(lower, other);
    const max = Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3));
    const prefix = lower.length >= 3 && (other.startsWith(lower) || lower.startsWith(other));
    if (d <= max || prefix) scored.push({ candidate, score: prefix && d > max ? max + 0.5 : d });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate, 'en'));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** ": did you mean `a`, `b`?" offering the candidates (each as `shown` writes it), or nothing when there are none. */
export function didYouMean(near: readonly string[], shown = (candidate: string) => `\`${candidate}\``): string {
  return near.length ? `: did you mean ${near.map(shown).join(', ')}?` : '';
}

/** ", did you mean `a`?" offering the nearest candidate, or `otherwise` when there is none. */
export function didYouMeanNearest(near: readonly string[], otherwise = ''): string {
  return near.length ? `, did you mean \`${near[0]}\`?` : otherwise;
}

/** Whether `a` is `b` with two neighbouring letters swapped (the commonest typo, two edits for Levenshtein). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
