/**
 * consistency/translation-structure and a translation still being written: a
 * point that is only the language's gap mark (`[à compléter]`, which
 * text/to-be-completed reports) has no numbers or references to compare yet.
 */
import { describe, expect, it } from 'vitest';
import { checkOpinion } from '../../src/check/index.js';
import { findings, writeOpinion } from './helpers.js';

const OPINION =
  'reference: INT/900\ntitle:\n  en: Migrants and the social economy\n  fr: Les migrants et l’économie sociale\nkind: own-initiative\nlanguage: en\nlanguages: [en, fr]\nstage: study-group\n';
const ENGLISH = '# Conclusions\n\n{#c-one} Since 2014, SEEs have helped 2,000 migrants (see :ref{#c-two}).\n\n{#c-two} They need funding.\n';

/** The translation-structure and gap findings of the opinion with this French chapter. */
async function withFrench(chapter: string): Promise<{ structure: string[]; gaps: string[] }> {
  const dir = writeOpinion({ 'opinion.yaml': OPINION, 'text/en/01-conclusions.md': ENGLISH, 'text/fr/01-conclusions.md': chapter });
  const result = await checkOpinion(dir, {});
  return { structure: findings(result.files, dir, 'consistency/translation-structure'), gaps: findings(result.files, dir, 'text/to-be-completed') };
}

describe('a point not translated yet', () => {
  it('is reported as a gap, not as numbers and references missing from the translation', async () => {
    const { structure, gaps } = await withFrench('# Conclusions\n\n{#c-one} [à compléter]\n\n{#c-two} Elles ont besoin de financements.\n');
    expect(structure).toEqual([]);
    expect(gaps).toEqual([
      'text/fr/01-conclusions.md:3:10-3:23: Unexpected gap mark `[à compléter]` in this point, expected the text itself; the draft shows a gap there',
    ]);
  });

  it('once translated, is compared again', async () => {
    const { structure } = await withFrench(
      '# Conclusions\n\n{#c-one} Depuis 2014, les EES ont aidé 200 migrants.\n\n{#c-two} Elles ont besoin de financements.\n',
    );
    expect(structure).toEqual([
      'text/fr/01-conclusions.md:3:1-3:53: Unexpected numbers in point 1.1 (`c-one`) of the `fr` version: `200`, expected `2000` as in `en`',
      'text/fr/01-conclusions.md:3:1-3:53: Unexpected references in point 1.1 (`c-one`) of the `fr` version: none, expected `c-two` as in `en`',
    ]);
  });
});
