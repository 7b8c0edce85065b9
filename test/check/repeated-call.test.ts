/**
 * `refs/repeated-call` beyond its documented examples: every language's
 * sentences, translations reported only where they differ from the
 * original, calls from YAML-placed items, and the sample opinions.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { checkOpinion, RULES, type ConfigLayer } from '../../src/check/index.js';
import { ROOT } from '../helpers.js';
import { findings, writeOpinion } from './helpers.js';

const ID = 'refs/repeated-call';
function only(options: Record<string, unknown> = {}): ConfigLayer {
  const layer: ConfigLayer = {};
  for (const rule of RULES) layer[rule.meta.id] = rule.meta.id === ID ? { severity: 'warning', options } : { severity: 'off' };
  return layer;
}

const OPINION =
  'reference: INT/900\ntitle:\n  en: Migrants\n  fr: Migrants\n  de: Migranten\nkind: own-initiative\nlanguage: en\nlanguages: [en, fr, de]\nstage: study-group\n';
const EVIDENCE =
  'evidence:\n  - id: camelot\n    kind: case-study\n    title:\n      en: The Camelot cooperative\n      fr: La coopérative Camelot\n      de: Die Genossenschaft Camelot\n' +
  '    facts:\n      - id: camelot-staff\n        text: About 200 employees.\n      - id: camelot-founding\n        text: Set up in 1999.\n' +
  '    source:\n      author: CECOP\n      title: Labour integration of refugees\n';

const ENGLISH = 'reference: INT/900\ntitle: Migrants\nkind: own-initiative\nlanguage: en\nstage: study-group\n';

async function run(files: Record<string, string>, opinion = OPINION): Promise<string[]> {
  const dir = writeOpinion({ 'evidence.yaml': EVIDENCE, ...files }, { 'opinion.yaml': opinion });
  const result = await checkOpinion(dir, { rules: only() });
  const others = result.files.flatMap((f) => f.messages.filter((m) => m.ruleId !== ID && m.fatal !== false).map((m) => `${m.ruleId}: ${m.reason}`));
  expect(others).toEqual([]);
  return findings(result.files, dir, ID).map((f) => f.replace(/: Unexpected second call of (.*?) (in .*?), expected.*$/, ': $1 $2'));
}

describe('refs/repeated-call', () => {
  it('reads each language’s sentences: a translation is reported where it alone repeats a call', async () => {
    const found = await run({
      'text/en/01-conclusions.md': '# Conclusions\n\n{#c-camelot} Camelot employs 200 people :cite{#camelot-staff}. It was set up in 1999.\n',
      // French puts the call before the full stop; the second call is in a sentence of its own (one per point by default).
      'text/fr/01-conclusions.md':
        '# Conclusions\n\n{#c-camelot} Camelot emploie 200 personnes :cite{#camelot-staff}. Elle a été fondée en 1999 :cite{#camelot-founding}.\n',
      // German: "z. B." does not end the sentence, so both calls are in one sentence.
      'text/de/01-conclusions.md':
        '# Schlussfolgerungen\n\n{#c-camelot} Camelot beschäftigt z. B. :cite{#camelot-staff} Geflüchtete und wurde 1999 gegründet :cite{#camelot-founding}.\n',
    });
    expect(found).toEqual([
      'text/de/01-conclusions.md:3:99-3:123: the source of `camelot` in one sentence',
      'text/fr/01-conclusions.md:3:93-3:117: the source of `camelot` in point 1.1 (`c-camelot`)',
    ]);
  });

  it('reports the original only, not each translation that repeats it too', async () => {
    const found = await run({
      'text/en/01-conclusions.md':
        '# Conclusions\n\n{#c-camelot} Camelot employs 200 people :cite{#camelot-staff} and was set up in 1999 :cite{#camelot-founding}.\n',
      'text/fr/01-conclusions.md':
        '# Conclusions\n\n{#c-camelot} Camelot emploie 200 personnes :cite{#camelot-staff} et a été fondée en 1999 :cite{#camelot-founding}.\n',
      'text/de/01-conclusions.md': '# Schlussfolgerungen\n\n{#c-camelot} Camelot beschäftigt 200 Menschen :cite{#camelot-staff}.\n',
    });
    expect(found).toEqual(['text/en/01-conclusions.md:3:86-3:110: the source of `camelot` in one sentence']);
  });

  it('finds calls in a recommendation placed from the YAML, at their place in the YAML', async () => {
    const found = await run(
      {
        'recommendations.yaml':
          'recommendations:\n  - id: rec-camelot\n    addressees: [member-states]\n    text:\n      en: Member States should fund cooperatives like Camelot :cite{#camelot-staff} and its courses :cite{#camelot-founding}.\n',
        'text/en/01-conclusions.md': '# Conclusions\n\n{#c-intro} The EESC calls for funding.\n\n::recommendations\n',
      },
      ENGLISH,
    );
    expect(found).toEqual(['recommendations.yaml:5:101-5:125: the source of `camelot` in one sentence']);
  });

  it('tells different sources apart, and a fact with a source of its own from its item', async () => {
    const evidence = EVIDENCE.replace(
      '        text: Set up in 1999.\n',
      '        text: Set up in 1999.\n        source:\n          title: Camelot’s own history page\n          publisher: Camelot\n',
    );
    const found = await run(
      {
        'evidence.yaml': evidence,
        'text/en/01-conclusions.md':
          '# Conclusions\n\n{#c-camelot} Camelot employs 200 people :cite{#camelot-staff} and was set up in 1999 :cite{#camelot-founding}.[^sprar]\n\n[^sprar]: Protection System for Asylum Seekers and Refugees.\n',
      },
      ENGLISH,
    );
    expect(found).toEqual([]);
  });

  it('finds no repeated call in the sample opinions', async () => {
    for (const name of ['see-migrants', 'see-migrants-preliminary']) {
      const dir = join(ROOT, 'opinions', name);
      const result = await checkOpinion(dir, { rules: only() });
      expect(findings(result.files, dir, ID), name).toEqual([]);
    }
  });
});
