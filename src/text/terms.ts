/**
 * Finding a term in prose: whole words only, spaces and hyphens between its
 * words interchangeable, an optional plural ending; acronyms match in
 * capitals only, other terms in any case.
 */
import { escapeRegExp } from '../core/regexp.js';
import { wordPattern } from './word-pattern.js';

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
