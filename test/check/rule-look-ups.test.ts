/**
 * The look-ups that spare rules a pattern: each must find what the pattern
 * it stands for finds (refs/doubled-word's words next to a reference), or
 * say yes wherever the pattern it spares finds something
 * (glossary/acronym-before-expansion's hand-written expansions).
 */
import { describe, it, expect } from 'vitest';
import { isContraction, wordAfter, wordBefore } from '../../src/check/rules/refs-doubled-word.js';
import { expansionMayOccur, expansionPattern } from '../../src/check/rules/glossary-acronym-before-expansion.js';
import { seededRandom } from '../helpers.js';
import { mentions } from '../../src/check/addressee-names.js';

describe('refs/doubled-word: the words next to a reference', () => {
  it('takes a contraction of three letters or more for the printed word (Polish `pkt`), never a two-letter word', () => {
    expect(['pkt', 'Pkt', 'pto'].map((short, i) => isContraction(short, ['punkt', 'punkt', 'punto'][i]!))).toEqual([true, true, true]);
    // Croatian "ta točka" (that point), Italian "po", and words that are not the printed one.
    expect([isContraction('ta', 'točka'), isContraction('po', 'punto'), isContraction('pkt', 'punkty'), isContraction('Ziff', 'Ziffer')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/u;
  const WORD_BEFORE = new RegExp(`(${WORD.source})[ \\t\\u00a0]+$`, 'u');
  const WORD_AFTER = new RegExp(`^[ \\t\\u00a0]+(${WORD.source})`, 'u');
  // Letters, a combining mark, a letter outside the BMP, apostrophes, hyphens, the spaces and other characters.
  const pieces = ['a', 'Z', 'é', '\u0301', 'ő', 'Σ', '𝐀', "'", '’', '-', ' ', '\t', '\u00a0', '\n', '1', '.', '(', 'point', 'pont', '  '];

  it('finds the word and its place as the patterns do, over generated texts', () => {
    const next = seededRandom(17);
    for (let n = 0; n < 4000; n++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      // A long run of words too: the look-ups read 80 characters at most, as the patterns were given.
      if (n % 10 === 0) text = `${'word '.repeat(Math.floor(next() * 30))}${text}`;
      const at = Math.floor(next() * (text.length + 1));
      const head = text.slice(Math.max(0, at - 80), at);
      const before = WORD_BEFORE.exec(head);
      expect(wordBefore(text, at), JSON.stringify([text, at])).toEqual(before ? { word: before[1], start: at - before[0].length } : undefined);
      const after = WORD_AFTER.exec(text.slice(at, at + 80));
      expect(wordAfter(text, at), JSON.stringify([text, at])).toEqual(after ? { word: after[1], end: at + after[0].length } : undefined);
    }
  });
});

describe('glossary/acronym-before-expansion: where an expansion may be written', () => {
  /** Whether the pattern finds an expansion holding one of the spellings as written (what the rule keeps). */
  const found = (text: string, spellings: string[], expansion: string) => {
    const pattern = expansionPattern(expansion, spellings);
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (spellings.some((s) => m![0].includes(s))) return true;
    return false;
  };

  it('says yes where the pattern finds an expansion, and no where no spelling stands by a parenthesis', () => {
    const cases: [string, string[], string, boolean][] = [
      ['Social economy enterprises (SEEs) employ migrants.', ['SEE', 'SEEs'], 'social economy enterprise', true],
      ['SEEs (social economy enterprises) employ migrants.', ['SEE'], 'social economy enterprise', true],
      ['SEE\u00a0(social-economy enterprise)', ['SEE'], 'social economy enterprise', true],
      ['The SEEs employ migrants (many of them).', ['SEE'], 'social economy enterprise', false],
      ['SEEs employ migrants.', ['SEE'], 'social economy enterprise', false],
      ['Das Europäischer Sozialfonds (ESF)', ['ESF'], 'Europäischer Sozialfonds', true],
    ];
    for (const [text, spellings, expansion, expected] of cases) {
      expect(found(text, spellings, expansion), text).toBe(expected);
      expect(expansionMayOccur(text, spellings, expansion), text).toBe(expected);
    }
    // Words in other scripts: the pattern folds case as Unicode does; always run.
    expect(expansionMayOccur('ΕΟΚΕ', ['ΕΟΚΕ'], 'Ευρωπαϊκή Οικονομική και Κοινωνική Επιτροπή')).toBe(true);
  });

  it('never says no where the pattern finds an expansion, over case variants and spaces', () => {
    // Letters whose capital is another letter's, or several letters, or an ASCII letter for a non-ASCII one.
    const letters = ['s', 'S', 'ſ', 'k', 'K', '\u212a', 'i', 'I', 'ı', 'İ', 'ß', 'ẞ', 'µ', 'Μ'];
    const spaces = ['', ' ', '\u00a0', '\u2003', '\n'];
    for (const a of letters) {
      for (const b of letters) {
        for (const space of spaces) {
          const spelling = `X${a.toUpperCase() === a ? a : 'K'}Y`;
          const spellings = [spelling, `${spelling}s`];
          const expansion = `word ${b}ord`;
          for (const text of [
            `The word ${b}ord${space}(X${a}Y${b})`,
            `The WORD ${a}ORD (${spelling}s${space})`,
            `X${a}Y${b}${space}(word ${a}ord)`,
            `${spelling}${b}${space}(${expansion})`,
          ]) {
            if (found(text, spellings, expansion)) expect(expansionMayOccur(text, spellings, expansion), `${spellings} in ${text}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('addressee names: the first-word look-up before the pattern', () => {
  it('finds a name whatever apostrophe or hyphen the text writes in its first word, as the pattern does', () => {
    expect(mentions('The EESC calls on employers’ organisations to act.', "employers' organisation")).toBe(true);
    expect(mentions("The EESC calls on employers' organisations to act.", "employers' organisation")).toBe(true);
    expect(mentions('The EESC calls on employers to act.', "employers' organisation")).toBe(false);
  });
});
