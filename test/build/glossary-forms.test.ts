/**
 * The acronym search of the build (render/glossary.ts: `formPattern` and
 * `nextForm`, which checks the character before a match itself) finds what
 * the one regular expression with a lookbehind finds, match for match.
 */
import { describe, expect, it } from 'vitest';
import { formPattern, lastWord, nextForm } from '../../src/render/glossary.js';
import { escapeRegExp } from '../../src/core/regexp.js';
import { seededRandom } from '../helpers.js';

function withLookbehind(forms: string[], value: string): [number, string][] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...value.matchAll(pattern)].map((m) => [m.index!, m[0]]);
}

function found(forms: string[], value: string): [number, string][] {
  const pattern = formPattern(forms);
  const out: [number, string][] = [];
  for (let m = nextForm(pattern, value); m; m = nextForm(pattern, value)) out.push([m.index, m[0]]);
  return out;
}

describe('glossary forms', () => {
  it('finds the forms the lookbehind pattern finds, in texts of letters, digits, marks and surrogate pairs', () => {
    const random = seededRandom(17);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const pieces = ['SEE', 'SEEs', 'EU', 'E', 'S', 'ÉS', '𝒜', '𝒜B', '😀', '1', 'a', 'é', ' ', ' ', '-', '(', ')', '.', '\u0301', '\ud835', '\udc9c', 'x'];
    const formSets = [
      ['SEEs', 'SEE', 'EU'],
      ['E', 'ÉS', 'SEE'],
      ['𝒜B', '𝒜', 'EU'],
      ['S', 'SEEs'],
      ['a.b', 'EU'],
    ].map((forms) => [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)));
    for (let n = 0; n < 20_000; n++) {
      const forms = pick(formSets);
      const value = Array.from({ length: Math.floor(random() * 24) }, () => pick(pieces)).join('');
      expect(found(forms, value), JSON.stringify([forms, value])).toEqual(withLookbehind(forms, value));
    }
  });

  it('finds the last word before trailing white space as the pattern does', () => {
    const random = seededRandom(18);
    const pieces = ['a', 'É', 'ß', '𝒜', '😀', '1', ' ', ' ', '\u00a0', '\n', '\t', '-', '(', '\u0301', '\ud835', '\udc9c', 'x', 'Ω'];
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from({ length: Math.floor(random() * 16) }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
      const match = /(\p{L}+)(\s+)$/u.exec(text);
      expect(lastWord(text), JSON.stringify(text)).toEqual(match ? { word: match[1], index: match.index } : undefined);
    }
  });
});
