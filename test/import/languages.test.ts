/**
 * Drafts in every official language read back as `opinion build` wrote them:
 * the diff of an opinion folder against its own built Markdown or Word draft
 * finds no difference (header rows, stage banner, version line, title line and
 * closing block recognised in each language), and `opinion import` of either
 * draft gives sources that build to the same Markdown, without a warning.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';
import { importDraft } from '../../src/import/index.js';
import { writeImportedFolder } from '../../src/import/write.js';
import { buildOpinion } from '../../src/opinion/index.js';
import { ROOT, runMain } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'opinion-import-languages-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A small opinion in `lang` at `stage`, with every header row, a footnote and (adopted) the closing block. */
function opinionIn(lang: string, stage: 'section' | 'adopted'): string {
  const dir = join(temp, `${lang}-${stage}`, 'op');
  mkdirSync(join(dir, 'text', lang), { recursive: true });
  const adopted = [
    'adopted_in_section: 2026-04-27',
    'adopted_at_plenary: 2026-05-20',
    'plenary_session: 535',
    'vote: { for: 186, against: 1, abstentions: 2 }',
    'closing:',
    '  date: 2026-05-20',
    '  president: Oliver RÖPKE',
  ];
  writeFileSync(
    join(dir, 'opinion.yaml'),
    [
      'reference: SOC/999',
      'title: Social economy enterprises',
      'kind: own-initiative',
      'rapporteurs:',
      '  - name: Marie NOVÁKOVÁ',
      '    role: rapporteur',
      '    form: feminine',
      '  - name: Jan NOVÁK',
      '    role: co-rapporteur',
      'section: Employment, Social Affairs and Citizenship',
      'decision:',
      '  by: plenary',
      '  date: 2026-01-20',
      `language: ${lang}`,
      `languages: [${lang}]`,
      `stage: ${stage}`,
      'version: 3',
      'version_date: 2026-03-02',
      ...(stage === 'adopted' ? adopted : []),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'text', lang, '01-first.md'),
    '# First chapter\n\n{#f-one} The first point.\n\n{#f-two} The second point, with a note.[^n]\n\n[^n]: The note.\n',
  );
  return dir;
}

describe.each(OFFICIAL_LANGUAGES.map((lang) => [lang]))('drafts in %s', (lang) => {
  it.each([['section' as const], ['adopted' as const]])('at stage %s: folder = its drafts; import builds back the same', async (stage) => {
    const dir = opinionIn(lang, stage);
    const out = join(dir, '..', 'out');
    expect((await runMain(['build', dir, '--to', 'md,docx', '--out', out, '--quiet'])).code).toBe(0);
    const drafts = ['md', 'docx'].map((ext) => join(out, 'op', lang, `opinion.${ext}`));
    const original = readFileSync(drafts[0] as string, 'utf8');
    for (const draft of drafts) {
      const diff = await runMain(['diff', dir, draft, '--quiet']);
      expect(diff.stdout, `${draft}`).toContain('No differences.');
      const result = await importDraft(readFileSync(draft), draft);
      expect(result.lang).toBe(lang);
      expect(result.report.messages.filter((m) => m.fatal === false).map(String), draft).toEqual([]);
      const imported = join(dir, '..', `imported-${draft.endsWith('.md') ? 'md' : 'docx'}`);
      await writeImportedFolder(imported, result.files, { schemasDir: join(ROOT, 'schemas') });
      const build = await buildOpinion(imported, {});
      expect(build.renders[0]?.markdown, draft).toBe(original);
    }
  });
});
