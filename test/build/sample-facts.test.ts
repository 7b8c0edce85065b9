/**
 * Issue 14: the bundled sample opinions state no fact nobody entered. What
 * they take from the published opinion (2018/C 283/01) is as published; the
 * facts they do not know are visible gaps; each version shows only what its
 * stage can know; and they pass the stage and citation rules of `check`.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpinion } from '../../src/opinion/index.js';
import { checkOpinion, RULES, type ConfigLayer } from '../../src/check/index.js';
import { ROOT } from '../helpers.js';

const SAMPLES = ['see-migrants-preliminary', 'see-migrants'];

function only(ids: string[]): ConfigLayer {
  const layer: ConfigLayer = {};
  for (const rule of RULES) layer[rule.meta.id] = ids.includes(rule.meta.id) ? { severity: rule.meta.severity } : { severity: 'off' };
  return layer;
}

describe.each(SAMPLES)('the sample %s', (name) => {
  const dir = join(ROOT, 'opinions', name);

  it('says at its top that it is an illustration, and what in it is invented', () => {
    const head = readFileSync(join(dir, 'opinion.yaml'), 'utf8').split('\n').slice(0, 20).join('\n');
    expect(head).toMatch(/an illustration, not an EESC document/);
    expect(head).toMatch(/Invented for the illustration/);
    expect(head).toMatch(/Not known, so not stated: the opinion's\s*#?\s*INT reference/);
  });

  it('builds in every language with the published facts, gaps for the unknown ones, and nothing invented as a reference', async () => {
    const { renders } = await buildOpinion(dir, { langs: 'all', formats: ['md'] });
    expect(renders.map((r) => r.lang).sort()).toEqual(['de', 'en', 'fr', 'it']);
    for (const render of renders) {
      const md = render.markdown!;
      const row = (field: string) => render.draft.header.find((h) => h.field === field)?.value;
      // As published in the Official Journal: the plenary decision of 21.1.2016 and the rapporteur.
      expect(row('decision'), render.lang).toBe('21.1.2016');
      expect(md, render.lang).toContain('Giuseppe GUERINI');
      // Not known: the INT reference is a visible gap, never a plausible number.
      // (the reference line is the one above the title, after the banner)
      expect(md.split('\n# ')[0]!.trim().split('\n').at(-1), render.lang).toMatch(/^\\\[.+\]$/);
      expect(md, render.lang).not.toMatch(/INT\/\d|EESC-20\d\d-\d|CESE \d|EWSA \d/);
      // No hearing date or place nobody gave (the seed gives neither).
      expect(md, render.lang).not.toMatch(/9 March 2018|9\.3\.2018|9 mars 2018|9 marzo 2018|9\. März 2018|Rome|Roma\b|\bRom\b/);
      // Facts of a later stage: not in a draft dated before them.
      expect(md, render.lang).not.toMatch(/27\.4\.2018|23\.5\.2018|Brussels, |Bruxelles, |Bruxelles, |Brüssel, /);
      expect(
        render.draft.header.map((h) => h.field),
        render.lang,
      ).not.toContain('adopted_in_section');
    }
  }, 60_000);

  it('passes the stage and citation rules of check', async () => {
    const result = await checkOpinion(dir, { rules: only(['consistency/stage-metadata', 'refs/repeated-call']) });
    expect(result.checked).toBe(true);
    const found = result.files.flatMap((f) =>
      f.messages.filter((m) => m.ruleId === 'consistency/stage-metadata' || m.ruleId === 'refs/repeated-call').map((m) => `${m.ruleId}: ${m.reason}`),
    );
    expect(found).toEqual([]);
  });
});
