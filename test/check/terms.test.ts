/**
 * The look-up that spares running a term's pattern (text/terms.ts
 * termMayOccur): it may say yes where the pattern finds nothing, never no
 * where the pattern finds the term.
 */
import { describe, it, expect } from 'vitest';
import { termMayOccur, termPattern } from '../../src/text/terms.js';

const mayOccur = (term: string, text: string) => termMayOccur(term, text, () => text.toUpperCase());

describe('termMayOccur', () => {
  // [term, text]: every pair where the pattern matches.
  const found: [string, string][] = [
    ['social economy enterprise', 'A Social-Economy enterprises network.'],
    ['multi-level governance', 'Multi level governance'],
    ["workers' rights", 'the workers’ rights'],
    ['l’économie sociale', "L'ÉCONOMIE SOCIALE"],
    ['SEE', 'SEEs help migrants'],
    ['Straße', 'die STRAßE'],
    ['σύνοδος', 'ΣΎΝΟΔΟΣ'],
    ['βάσις', 'ΒΆΣΙΣ και βάσισ'],
    ['kilo', 'KILO'],
  ];
  it.each(found)('says %j may occur in %j, where its pattern finds it', (term, text) => {
    expect(termPattern(term).test(text)).toBe(true);
    expect(mayOccur(term, text)).toBe(true);
  });

  it('says no when the first word is missing, in any case for a word, as written for an acronym', () => {
    expect(mayOccur('social economy', 'The economy of social enterprises')).toBe(true);
    expect(mayOccur('integration policy', 'Migrants and employment')).toBe(false);
    expect(mayOccur('SEE', 'see the annex')).toBe(false);
    expect(termPattern('SEE').test('see the annex')).toBe(false);
  });

  it('never says no where the pattern matches, over the case variants of Latin letters', () => {
    // Letters whose capital is another letter's, or several letters, or an ASCII letter for a non-ASCII one.
    const letters = ['s', 'S', 'ſ', 'k', 'K', '\u212a', 'i', 'I', 'ı', 'İ', 'ß', 'ẞ', 'æ', 'Æ', 'ǅ', 'ǆ', 'Ǆ', 'µ', 'Μ'];
    for (const a of letters) {
      for (const b of letters) {
        const term = `x${a}y`;
        const text = `a x${b}y b`;
        if (termPattern(term).test(text)) expect(mayOccur(term, text), `${term} in ${text}`).toBe(true);
      }
    }
  });
});
