/**
 * The typography of the draft's language in the prose, when the opinion asks
 * for it: the apostrophe and quotation marks the labels use, so that one
 * draft is consistent; as written otherwise.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpinion } from '../../src/opinion/index.js';

function fixture(typography: boolean): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'opinion-typo-')), 'languages');
  cpSync('test/build/fixtures/languages', dir, { recursive: true });
  if (typography) writeFileSync(join(dir, 'opinion.yaml'), readFileSync(join(dir, 'opinion.yaml'), 'utf8') + 'typography: language\n');
  for (const lang of ['de', 'fr']) {
    const path = join(dir, 'text', lang, '01-conclusions-and-recommendations.md');
    writeFileSync(path, readFileSync(path, 'utf8') + `\n{#c-typo} Das "Modell" der EES, l'approche, \`code "as is"\`.\n`);
  }
  const en = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
  writeFileSync(en, readFileSync(en, 'utf8') + `\n{#c-typo} The "model" of SEEs, the EESC's approach.\n`);
  return dir;
}

describe('typography: language', () => {
  it('writes quotes and apostrophes as the language does, leaving code alone', async () => {
    const dir = fixture(true);
    const [de, fr, en] = await Promise.all(['de', 'fr', 'en'].map(async (lang) => (await buildOpinion(dir, { langs: [lang] })).renders[0]!.markdown!));
    expect(de).toContain('Das „Modell“ der EES, l’approche, `code "as is"`.');
    expect(fr).toContain('Das «Modell» der EES, l’approche, `code "as is"`.');
    expect(en).toContain('The ‘model’ of SEEs, the EESC’s approach.');
  });

  it('leaves the prose as written by default', async () => {
    const build = await buildOpinion(fixture(false), { langs: ['de'] });
    expect(build.renders[0]!.markdown).toContain(`Das "Modell" der EES, l'approche`);
  });
});
