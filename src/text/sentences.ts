/**
 * Splitting prose into sentences: at `.`, `!`, `?` or `…` (and Greek `;`) followed by white
 * space and a capital letter, a digit or an opening quote, and at every
 * block boundary (a list item, a table row); not after common
 * abbreviations (`e.g.`, `No.`, `z. B.`, `m.in.`, `p.`) or a single letter.
 */
import type { Prose } from './prose.js';
import { countWords } from './words.js';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  words: number;
}

const ABBREVIATIONS: Record<string, string[]> = {
  en: [
    'e.g',
    'i.e',
    'etc',
    'no',
    'nos',
    'p',
    'pp',
    'cf',
    'art',
    'arts',
    'para',
    'paras',
    'vol',
    'mr',
    'mrs',
    'ms',
    'dr',
    'st',
    'approx',
    'ca',
    'viz',
    'vs',
    'fig',
    'ch',
    'op',
    'cit',
    'ibid',
    'al',
  ],
  fr: ['p', 'pp', 'cf', 'art', 'n', 'no', 'nº', 'm', 'mm', 'mme', 'mmes', 'mlle', 'etc', 'vol', 'chap', 'par', 'ex', 'éd', 'env', 'op', 'cit', 'ibid', 'al'],
  it: ['p', 'pp', 'pag', 'cfr', 'art', 'artt', 'n', 'nn', 'ecc', 'sig', 'sigg', 'dott', 'prof', 'vol', 'cap', 'es', 'op', 'cit', 'ibid', 'al'],
  de: [
    'z.b',
    'z. b',
    'd.h',
    'd. h',
    'u.a',
    'u. a',
    'bzw',
    'gem',
    'nr',
    'abs',
    's',
    'vgl',
    'usw',
    'ca',
    'sog',
    'bspw',
    'ggf',
    'inkl',
    'evtl',
    'art',
    'ziff',
    'kap',
    'bd',
    'hrsg',
    'dr',
    'prof',
  ],
  // Polish, as EESC opinions write them: "m.in. Niemcy", "np. Lokalne Grupy Działania", "tzw. Zielony Ład",
  // "ok. 40 %", "art. 5 ust. 2", "zob. Komunikat"; "itd." and "itp." close a list. Not "im." ("pomagamy im.").
  pl: [
    'np',
    'm.in',
    'tzw',
    'tj',
    'ok',
    'ust',
    'pkt',
    'lit',
    'poz',
    'zob',
    'por',
    'wg',
    'str',
    'dz',
    'dz.u',
    'tys',
    'mld',
    'późn',
    'itd',
    'itp',
    'prof',
    'dr',
    'mgr',
    'inż',
  ],
  // Swedish: "bl.a. Tyskland", "t.ex. EU:s program", "s.k. LEADER-grupper"; "osv.", "m.m." and "m.fl." close a list.
  sv: ['t.ex', 'bl.a', 's.k', 'dvs', 'd.v.s', 'jfr', 'ca', 'kap', 'st', 'inkl', 'resp', 'enl', 'fr.o.m', 't.o.m', 'p.g.a', 'f.d', 'milj', 'osv', 'm.m', 'm.fl'],
  // Greek: "π.χ. Γερμανία", "άρθ. 5 παρ. 2", "βλ. Σημείο", "2 εκατ. Ευρωπαίοι"; "κ.λπ." and "κ.ά." close a list.
  el: ['π.χ', 'δηλ', 'βλ', 'άρθ', 'παρ', 'αριθ', 'αρ', 'σελ', 'εκατ', 'δισ', 'κ.λπ', 'κλπ', 'κ.λ.π', 'κ.ά'],
};
const COMMON = ['e.g', 'i.e', 'etc', 'cf', 'p', 'pp', 'no', 'nr', 'art', 'vol'];

/**
 * The abbreviations of the lists above that close a list ("etc.", "usw.", "ecc."): often
 * the last word of a sentence, so before a capital letter their dot ends it
 * ("… housing, training, etc. The Committee …", "… szkolenia itd. Komitet …"); before anything else it
 * does not ("etc. (see point 2.1)").
 */
const CLOSING = new Set(['etc', 'usw', 'ecc', 'itd', 'itp', 'osv', 'm.m', 'm.fl', 'κ.λπ', 'κλπ', 'κ.λ.π', 'κ.ά']);

/**
 * Languages that write an ordinal as a number and a dot before a noun with a
 * capital ("am 14. August 2012", "auf seiner 500. Plenartagung", "am 9./10. Juli"):
 * a dot after a number of one to three digits does not end the sentence there.
 */
const ORDINAL_DOT = new Set(['de']);

/**
 * Greek ends a question with `;` (U+003B, or U+037E GREEK QUESTION MARK, which NFC makes
 * U+003B): "Αξιοποιεί η ΕΕ αυτό το δυναμικό; Όχι." Its semicolon is the raised dot `·`,
 * so there `;` always ends a sentence.
 */
const SENTENCE_END: Record<string, string> = { el: '.!?…;\u037e' };

const cache = new WeakMap<Prose, Sentence[]>();

/** The sentences of a prose block (cached). */
export function sentencesOf(prose: Prose, lang: string): Sentence[] {
  let found = cache.get(prose);
  if (!found) {
    found = splitSentences(prose.text, lang);
    cache.set(prose, found);
  }
  return found;
}

const BLANK_LINE = /\n\s*\n/;

/** The abbreviations of each language with the common ones, made once per language. */
/** Per language, built on first use: its abbreviations, and the pattern of a sentence mark (or a blank line) and what follows it. */
const LANGUAGES = new Map<string, { abbreviations: Set<string>; boundary: RegExp }>();

export function splitSentences(text: string, lang: string): Sentence[] {
  let language = LANGUAGES.get(lang);
  if (!language) {
    language = {
      abbreviations: new Set([...(ABBREVIATIONS[lang] ?? []), ...COMMON]),
      boundary: new RegExp(`([${SENTENCE_END[lang] ?? '.!?…'}]+)(["'”’»)\\]]*)(\\s+)|\\n\\s*\\n`, 'g'),
    };
    LANGUAGES.set(lang, language);
  }
  const { abbreviations, boundary } = language;
  const result: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return;
    const slice = text.slice(start, end);
    const words = countWords(slice);
    if (words > 0) result.push({ start, end, text: slice, words });
  };
  let start = 0;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + (m[1] ? m[1].length + m[2]!.length : 0);
    // A mark before a blank line ends its block (a list item, a table row) whatever follows: "… projects.\n\n- first, grants;".
    if (m[1] && !BLANK_LINE.test(m[3]!)) {
      const after = m.index + m[0].length;
      const next = text[after];
      if (next === undefined) continue;
      if (!/[\p{Lu}\p{N}"'“‘«(\[¿¡]/u.test(next)) continue;
      if (m[1] === '.' && isAbbreviation(text, m.index, abbreviations, /\p{Lu}/u.test(next))) continue;
      if (m[1] === '.' && ORDINAL_DOT.has(lang) && /(?:^|[\s/(])\d{1,3}$/u.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    }
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return result;
}

/** Whether the `.` at `dot` ends an abbreviation or an initial (not one that closes a list, before a capital). */
function isAbbreviation(text: string, dot: number, abbreviations: Set<string>, beforeCapital: boolean): boolean {
  let from = dot;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1]!)) from--;
  const word = text.slice(from, dot).toLowerCase();
  if (word === '') return false;
  if (/^\p{L}$/u.test(word)) return true;
  if (abbreviations.has(word)) return !(beforeCapital && CLOSING.has(word));
  // "z. B." / "d. h.": two letters with a space.
  const wider = text.slice(Math.max(0, from - 3), dot).toLowerCase();
  return abbreviations.has(wider.trimStart());
}
