/**
 * The look-up that spares running a term's pattern (text/terms.ts
 * termMayOccur): it may say yes where the pattern finds nothing, never no
 * where the pattern finds the term; and the looser pattern of a term in a
 * language whose words inflect (inflectedTermPattern).
 */
import { describe, it, expect } from 'vitest';
import { inflectedTermPattern, inflects, termMayOccur, termPattern } from '../../src/text/terms.js';

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

describe('inflectedTermPattern: a term in its other forms, in a language whose words inflect', () => {
  const uses = (term: string, text: string) => inflectedTermPattern(term).test(text);
  // [term, text, whether the term is used there]
  const cases: [string, string, boolean][] = [
    ['przedsiębiorstwo społeczne', 'Rola przedsiębiorstw społecznych jest niedoceniana.', true],
    ['integracja migrantów', 'w integracji migrantów na rynku pracy', true],
    ['yhteisötalouden yritys', 'yhteisötalouden yrityksille', true],
    ['szociális vállalkozás', 'a szociális vállalkozásoknak', true],
    ['Sozialwirtschaft', 'Unternehmen der Sozialwirtschaften', true],
    ['социална икономика', 'социалната икономика', true],
    // Whole words, every word of the term, no stem under four letters, acronyms as written.
    ['przedsiębiorstwo społeczne', 'przedsiębiorstw prywatnych', false],
    ['przedsiębiorstwo społeczne', 'nieprzedsiębiorstwo społeczne', false],
    ['rynek', 'rynku', false],
    ['EKES', 'EKESU', false],
    ['EKES', 'opinia EKES', true],
  ];
  it('finds each word by its stem, whole words only', () => {
    for (const [term, text, used] of cases) expect(uses(term, text), `${term} in ${text}`).toBe(used);
  });
  it('is for the languages whose label file says their words inflect', () => {
    expect(['pl', 'de', 'fi', 'hu', 'bg'].every(inflects)).toBe(true);
    expect(['en', 'fr', 'it', 'es', 'pt', 'nl'].some(inflects)).toBe(false);
  });
});
