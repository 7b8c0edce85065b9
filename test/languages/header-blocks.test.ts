/**
 * Every official language builds: an opinion scaffolded with
 * `init --language <code>` builds with exit 0 in each of the 24 languages,
 * and its header block and closing (with a woman as rapporteur and as
 * President, so that the feminine forms show) match the golden file
 * `golden/<code>.md`. Update with UPDATE_GOLDEN=1 after checking the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { runMain } from '../helpers.js';
import { buildOpinion } from '../../src/opinion/index.js';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';

const GOLDEN = join(import.meta.dirname, 'golden');

/** Title line, kind, header table; then the closing block. */
function headerAndClosing(markdown: string): string {
  const start = markdown.indexOf('# ');
  const header = markdown.slice(start, markdown.indexOf('\n## ', start)).trimEnd();
  // The last point is `3.1.1.` at stage adopted, `3.1.1` before (numbering by stage, issue 14).
  const last = Math.max(markdown.lastIndexOf('\n3.1.1 '), markdown.lastIndexOf('\n3.1.1. '));
  expect(last).toBeGreaterThan(0);
  const closing = markdown
    .slice(last)
    .split('\n\n')
    .slice(1)
    .filter((block) => !block.startsWith('[^'))
    .join('\n\n')
    .trimEnd();
  return `${header}\n\n…\n\n${closing}\n`;
}

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual, name).toBe(readFileSync(path, 'utf8'));
}

describe('init --language <code>, then build, in every official language', () => {
  for (const lang of OFFICIAL_LANGUAGES) {
    it(lang, async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-lang-')), `x-${lang}`);
      // The facts are given as options (issue 14: init writes no fact nobody gave);
      // init derives the section from the reference's code and the Rule from the
      // kind and decision date, in the language.
      const init = await runMain([
        'init',
        dir,
        '--language',
        lang,
        '--reference',
        'INT/1000',
        '--title',
        'Title of the opinion',
        '--kind',
        'own-initiative',
        '--decision-date',
        '2026-01-21',
        '--rapporteur',
        'Firstname SURNAME',
        '--version-date',
        '2026-04-01',
      ]);
      expect(init.code).toBe(0);

      // Adopted, with a woman as rapporteur and as President (illustrative test data).
      const path = join(dir, 'opinion.yaml');
      const doc = parseDocument(readFileSync(path, 'utf8'));
      doc.setIn(['rapporteurs', 0, 'form'], 'feminine');
      doc.setIn(['rapporteurs', 1], doc.createNode({ name: 'Second SURNAME', role: 'co-rapporteur' }));
      doc.set('stage', 'adopted');
      doc.set('adopted_in_section', '2026-04-27');
      doc.set('adopted_at_plenary', '2026-05-23');
      doc.set('plenary_session', 535);
      doc.set('vote', doc.createNode({ for: 186, against: 1, abstentions: 2 }));
      doc.setIn(['closing', 'date'], '2026-05-23');
      doc.setIn(['closing', 'president'], 'Firstname SURNAME');
      doc.setIn(['closing', 'president_form'], 'feminine');
      writeFileSync(path, doc.toString());

      const validate = await runMain(['validate', dir]);
      expect(validate.code, validate.stdout).toBe(0);
      const build = await buildOpinion(dir);
      const errors = build.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}:${m.line} ${m.reason}`));
      expect(errors).toEqual([]);
      expect(build.ok).toBe(true);
      golden(`${lang}.md`, headerAndClosing(build.renders[0]!.markdown!));
    });
  }
});
