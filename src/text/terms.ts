/**
 * Finding a term in prose: whole words only, spaces and hyphens between its
 * words interchangeable, an optional plural ending; acronyms match in
 * capitals only, other terms in any case.
 */
import { escapeRegExp } from '../core/regexp.js';
import { INFLECTING_LANGUAGES } from '../generated/inflecting-languages.js';
import { isLatin, letterClass, wordPattern } from './word-pattern.js';

/** Whether a term is written in capitals (an acronym such as `SEE` or `AMIF`). */
export function isAcronym(term: string): boolean {
  return /^(?:\p{Lu}[\p{Lu}\p{N}]*){2,}$/u.test(term) && /\p{Lu}.*\p{Lu}/u.test(term);
}

/** A global regular expression matching `term` as a whole word (or words). */
export function termPattern(term: string): RegExp {
  const acronym = isAcronym(term);
  const body = term
    .trim()
    .split(/[\s\-‐‑]+/)
    .map((w) => escapeRegExp(w).replace(/['’]/g, "['’]"))
    .join('[\\s\\-‐‑]+');
  return wordPattern(`${body}${acronym ? 's?' : '(?:s|es)?'}`, acronym ? '' : 'i', term);
}

/** Whether the words of `lang` inflect (its label file: `glossary.expand: author`), so that a term shows in other forms than its own. */
export const inflects = (lang: string): boolean => INFLECTING_LANGUAGES.includes(lang);

/**
 * A global regular expression matching `term` in a language whose words
 * inflect (Polish "przedsiębiorstw społecznych" for the term "przedsiębiorstwo
 * społeczne"): each word by its stem, the word less up to its last three
 * letters (never shorter than four), then any letters. Looser than
 * `termPattern`, for telling whether a term is used at all; an acronym is
 * matched as `termPattern` matches it.
 */
export function inflectedTermPattern(term: string): RegExp {
  if (isAcronym(term)) return termPattern(term);
  return wordPattern(inflectedWords(term, term), 'i', term);
}

/**
 * The source of a pattern matching the words of `term` in any of their forms:
 * each by its stem (see `inflectedTermPattern`), then any letters of the
 * word class of `words` (the text of the whole pattern).
 */
export function inflectedWords(term: string, words: string): string {
  const letters = `[${letterClass(words)}]*`;
  return term
    .trim()
    .split(/[\s\-‐‑]+/)
    .map((word) => {
      const characters = [...word];
      const cut = /^\p{L}+$/u.test(word) ? Math.min(3, Math.max(0, characters.length - 4)) : 0;
      const stem = escapeRegExp(characters.slice(0, characters.length - cut).join('')).replace(/['’]/g, "['’]");
      return cut > 0 ? `${stem}${letters}` : stem;
    })
    .join('[\\s\\-‐‑]+');
}

/**
 * Whether `termPattern(term)` may match in `text`, told without running it:
 * false only when the literal start of its first word (up to an apostrophe,
 * which the pattern takes in either form) is not in the text — as written for
 * an acronym, in capitals for a Latin term (\`upper\`: \`text.toUpperCase()\`).
 * A pattern without the \`u\` flag matches a letter ignoring case when both
 * have the same single-character capital, or are the same character, so each
 * matched letter has the capital of the term's. Terms in other scripts (whose
 * patterns fold case as Unicode does) are always run.
 */
export function termMayOccur(term: string, text: string, upper: () => string): boolean {
  const start = term
    .trim()
    .split(/[\s\-‐‑]+/)[0]!
    .split(/['’]/)[0]!;
  if (isAcronym(term)) return text.includes(start);
  return !isLatin(term) || upper().includes(start.toUpperCase());
}
