/**
 * The appendix of an adopted opinion in each of the 24 official languages: an
 * opinion made by `init --language <code>`, at stage `adopted`, with two
 * plenary amendments rejected with more than a quarter of the votes cast (one
 * amending a point, one adding a point before another), builds with exit 0
 * and prints its appendix in its own language, from its label file: the
 * rejected-amendments sentence with the rule that amendments.yaml cites, and
 * the insertion before a point. A section text replaced by the plenary needs
 * `amendments.section-text-intro`, which only en, fr, it and de have: in the
 * other languages that appendix reports the missing label and writes nothing
 * (docs/amendments.md).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain, temporaryFolders } from '../helpers.js';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';
import { builtinLabelFiles } from '../../src/labels/load.js';

const folder = temporaryFolders('opinion-appendix-');

/** Two rejected plenary amendments (illustrative test data); `extra` adds more list items. */
function amendmentsYaml(lang: string, extra = ''): string {
  return `procedure:
  rule_rejected: { ${lang}: 'Rule 59(3) test ${lang}' }
amendments:
  - id: am-p1
    number: 1
    stage: plenary
    by: [{ name: Peter SCHMIDT, group: I }]
    target: c-first
    action: amend
    against: First point.
    text: First point, amended.
    tabled: 2018-05-18
    reason: Reason one.
    position: reject
    outcome: rejected
    vote: { for: 62, against: 118, abstentions: 9 }
    voted: 2018-05-23
  - id: am-p2
    number: 2
    stage: plenary
    by: [{ name: Jean MARTIN, group: II }]
    target: c-second
    action: insert-before
    new_id: c-new
    text: A new point.
    tabled: 2018-05-18
    reason: Reason two.
    position: reject
    outcome: rejected
    vote: { for: 70, against: 110, abstentions: 5 }
    voted: 2018-05-23
${extra}`;
}

/** An opinion in `lang` made by `init`, at stage adopted, with the points `c-first` and `c-second`. */
async function adoptedOpinion(lang: string): Promise<{ root: string; dir: string }> {
  const root = folder();
  const dir = join(root, 'op');
  expect((await runMain(['init', dir, '--language', lang, '--stage', 'section'])).code).toBe(0);
  const chapters = join(dir, 'text', lang);
  const first = join(chapters, readdirSync(chapters).sort()[0]!);
  const text = readFileSync(first, 'utf8').replace(/\{#c-first\}[\s\S]*?(?=\n\n)/, '{#c-first} First point.\n\n{#c-second} Second point.');
  expect(text).toContain('{#c-second}');
  writeFileSync(first, text);
  const yaml = join(dir, 'opinion.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^stage: section/m, 'stage: adopted'));
  return { root, dir };
}

describe('the appendix of an adopted opinion in every official language', () => {
  for (const lang of OFFICIAL_LANGUAGES) {
    it(`${lang}: prints the rejected amendments with the sentences of the ${lang} label file`, async () => {
      const { root, dir } = await adoptedOpinion(lang);
      writeFileSync(join(dir, 'amendments.yaml'), amendmentsYaml(lang));
      const build = await runMain(['build', dir, '--out', join(root, 'build'), '--to', 'md']);
      expect(build.code, build.stderr).toBe(0);
      const md = readFileSync(join(root, 'build', 'op', lang, 'opinion.md'), 'utf8');
      const [layer] = await builtinLabelFiles([lang]);
      const label = (key: string) => layer!.text.get(key)!;
      const rule = label('amendments.rule').replace('{rule}', `Rule 59(3) test ${lang}`);
      const appendix = md.slice(md.indexOf(`## ${label('appendix.title')}`));
      expect(appendix.length).toBeLessThan(md.length);
      expect(appendix).toContain(label('amendments.rejected-intro').replace('{rule}', rule));
      expect(appendix).toContain(label('amendments.insert-before').replace('{number}', '1.2'));
      expect(appendix).toContain(label('appendix.amend'));
    });
  }

  it('el: a replaced section text, which needs a sentence the Greek file lacks, is reported and nothing is written', async () => {
    const { root, dir } = await adoptedOpinion('el');
    const adopted = `  - id: am-p3
    number: 3
    stage: plenary
    by: [{ name: Eva NOVÁK, group: III }]
    target: c-second
    action: amend
    against: Second point.
    text: Second point, amended.
    tabled: 2018-05-18
    reason: Reason three.
    position: accept
    outcome: adopted
    vote: { for: 100, against: 70, abstentions: 5 }
    voted: 2018-05-23
`;
    writeFileSync(join(dir, 'amendments.yaml'), amendmentsYaml('el', adopted));
    const build = await runMain(['build', dir, '--out', join(root, 'build'), '--to', 'md']);
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).toContain('Missing label `amendments.section-text-intro` for language `el`');
    expect(readdirSync(root)).toEqual(['op']);
  });
});
