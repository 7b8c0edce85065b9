/**
 * A shortcut for the word segmentation of `Intl.Segmenter`, for text that
 * only holds letters of the Latin, Greek and Cyrillic scripts (the scripts of
 * the 24 official EU languages), ASCII digits, white space and common
 * punctuation. On such text, Unicode word boundaries (UAX #29) come down to:
 * letters and digits join; `.` `'` `’` `‘` join two letters or two digits
 * ("e.g", "l’économie", "3.2"); `:` `·` join two letters ("l·l"); `,` `;`
 * join two digits ("5,000"); white space runs together; every other
 * character stands alone.
 *
 * The segmenter costs about 20 ms to start in every process and segments
 * about 8 times slower; this gives the same tokens (the property tests in
 * test/diff/tokenize.test.ts check it against `Intl.Segmenter` on many
 * random texts in several locales). Text with any other character (marks,
 * format characters such as the soft hyphen, the narrow no-break space and
 * `_` that join words in UAX #29, other scripts) is
 * left to the segmenter.
 */

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const SPACE = 3;
/** Joins two letters or two digits. */
const MID_NUM_LET = 4;
/** Joins two digits. */
const MID_NUM = 5;
/** Joins two letters. */
const MID_LETTER = 7;
/** Punctuation or a symbol standing alone. */
const ALONE = 6;

const LIMIT = 0x2100;
const CLASSES = new Uint8Array(LIMIT);

// Letters of the Latin (to U+024F), Greek and Cyrillic (U+0370–U+04FF) blocks, found in one pass.
const SCRIPTS = String.fromCharCode(...Array.from({ length: 0x500 }, (_, code) => (code < 0x250 || code >= 0x370 ? code : 0x20)));
for (const match of SCRIPTS.matchAll(/\p{L}/gu)) CLASSES[match.index] = LETTER;

// The other classes: few characters, set one by one (a loop over every code point runs cold at start-up).
const set = (kind: number, chars: string) => {
  for (const char of chars) CLASSES[char.charCodeAt(0)] = kind;
};
set(DIGIT, '0123456789');
set(SPACE, ' \t\n\r\f\v\u00a0\u2009\u2002\u2003');
set(MID_NUM_LET, ".'\u2019\u2018");
set(MID_NUM, ',;');
set(MID_LETTER, ':\u00b7');
set(ALONE, '!"#$%&()*+-/<=>?@[\\]^`{|}~§«°±¶»¿¡×÷–—“”„…•€‰‹›′″');

const classOf = (code: number): number => (code < LIMIT ? (CLASSES[code] as number) : OTHER);

/** Whether every character of the text is one the shortcut knows. */
export function fastSegmentable(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (classOf(text.charCodeAt(i)) === OTHER) return false;
  return true;
}

export interface Segment {
  text: string;
  start: number;
  word: boolean;
}

/** Segments of a text for which `fastSegmentable` is true: as `Intl.Segmenter` (granularity word) gives them. */
export function fastSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = classOf(text.charCodeAt(i));
    const start = i;
    if (kind === LETTER || kind === DIGIT) {
      i++;
      while (i < n) {
        const next = classOf(text.charCodeAt(i));
        if (next === LETTER || next === DIGIT) {
          i++;
          continue;
        }
        if ((next === MID_NUM_LET || next === MID_NUM || next === MID_LETTER) && i + 1 < n) {
          const before = classOf(text.charCodeAt(i - 1));
          const after = classOf(text.charCodeAt(i + 1));
          const letters = before === LETTER && after === LETTER;
          const digits = before === DIGIT && after === DIGIT;
          const joins = next === MID_NUM_LET ? letters || digits : next === MID_NUM ? digits : letters;
          if (joins) {
            i += 2;
            continue;
          }
        }
        break;
      }
      segments.push({ text: text.slice(start, i), start, word: true });
    } else if (kind === SPACE) {
      // Runs of white space are one token in the end (the segmenter's pieces are joined).
      i++;
      while (i < n && classOf(text.charCodeAt(i)) === SPACE) i++;
      segments.push({ text: text.slice(start, i), start, word: false });
    } else {
      i++;
      segments.push({ text: text.slice(start, i), start, word: false });
    }
  }
  return segments;
}

/** How many words (and numbers) `fastSegments` would give, without making the segments. */
export function fastWordCount(text: string): number {
  let count = 0;
  for (const segment of fastSegments(text)) if (segment.word) count++;
  return count;
}
