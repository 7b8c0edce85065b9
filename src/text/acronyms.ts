/**
 * Acronyms in prose: a word of two or more capital letters (digits
 * allowed), with an optional plural `s` (`SEE`, `SEEs`, `AMIF`, `CO2` is
 * not one: a single letter). Left out: Roman numerals (`Group III`), codes
 * in legal and document references (`2014/24/EU`, `INT/871`, `COM(2016)`).
 */

export interface AcronymUse {
  /** The acronym without a plural `s`. */
  acronym: string;
  start: number;
  end: number;
}

// Starts with a capital (so the engine can skip ahead); the word boundary before is checked by hand.
const TOKEN = /((?:\p{Lu}\p{N}*){2,})(s?)(?![\p{L}\p{N}])/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

export function findAcronyms(text: string): AcronymUse[] {
  const uses: AcronymUse[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const acronym = m[1]!;
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1];
    if (before !== undefined && LETTER_OR_DIGIT.test(before)) {
      // Inside a word (`ProCEED`): go on after it.
      continue;
    }
    if (ROMAN.test(acronym)) continue;
    const after = text[end];
    // Legal and document references: `2014/24/EU`, `INT/871`, `COM(2016) 377`.
    if (before === '/' || after === '/') continue;
    if (after === '(' && /^\(\d/.test(text.slice(end, end + 2))) continue;
    uses.push({ acronym, start, end });
  }
  return uses;
}

/** Words in capitals inside people's names (`Giuseppe GUERINI`): surnames, not acronyms. */
export function surnamesIn(names: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const name of names) {
    for (const m of name.matchAll(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/gu)) found.add(m[0]);
  }
  return found;
}
