/**
 * Counting syllables from spelling, per language — the heuristics that
 * readability tools use (a syllable per group of vowels, with each
 * language's silent endings), right for most words and close enough over a
 * text: the formulas were fitted on counts of the same kind.
 */

const VOWELS: Record<string, RegExp> = {
  en: /[aeiouy]+/g,
  fr: /[aeiouyàâäéèêëîïôöûùüÿœæ]+/g,
  de: /[aeiouyäöü]+/g,
  it: /[aeiouàèéìíîòóùú]+/g,
};

/** Counts kept per language, by word. */
const caches = new Map<string, Map<string, number>>();
let cached = 0;

/** Syllables of one word (letters only, any case); at least 1. Words repeat: counts are kept. */
export function syllables(word: string, lang: string): number {
  let cache = caches.get(lang);
  if (!cache) caches.set(lang, (cache = new Map()));
  let count = cache.get(word);
  if (count === undefined) {
    count = countSyllables(word, lang);
    if (++cached > 100_000) {
      for (const other of caches.values()) other.clear();
      cached = 1;
    }
    cache.set(word, count);
  }
  return count;
}

function countSyllables(word: string, lang: string): number {
  let w = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (w === '') return 0;
  if (lang === 'en') {
    if (w.length <= 3) return 1;
    // Silent endings: "made", "makes", "asked" (but "wanted", "table", "places" keep theirs).
    w = w.replace(/(?:[^laeiouyscgxz]es|[^tdaeiouy]ed|[^laeiouy]e)$/, (m) => m[0]!).replace(/^y/, '');
  } else if (lang === 'fr') {
    // Mute final e: "communauté" keeps its é; "entreprise", "entreprises" lose the e.
    if (w.length > 3) w = w.replace(/([^aeiouyàâäéèêëîïôöûùüÿœæ])(?:e|es)$/, '$1');
  }
  const groups = w.match(VOWELS[lang] ?? VOWELS.en!);
  return Math.max(1, groups ? groups.length : 0);
}
