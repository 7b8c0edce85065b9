/**
 * The translation round trip through XLIFF 1.2: export → fill in (as a CAT
 * tool would) → import → build gives the translated draft; a second export
 * with nothing changed has no unit left to translate; a unit that does not
 * match is reported with its position and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { initEnglishWithFrench, runMain } from '../helpers.js';
import { buildOpinion } from '../../src/opinion/index.js';

const englishWithFrench = () => initEnglishWithFrench('opinion-xliff-');

/** Fill every empty target with "FR <source>", as a translator would fill it with French. */
function fill(xlf: string): string {
  return xlf.replace(
    /<source>([\s\S]*?)<\/source>(\s*)<target state="needs-translation"><\/target>/g,
    (_, source: string, space: string) => `<source>${source}</source>${space}<target state="translated">FR ${source}</target>`,
  );
}

const snapshot = (dir: string): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p, readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
};

describe('opinion translate export / import (XLIFF 1.2)', () => {
  it('round trip: export → fill → import → build gives the translated draft; a second export has nothing to translate', async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'rt.fr.xlf');
    const first = await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out]);
    expect(first.code).toBe(0);
    const xlf = readFileSync(out, 'utf8');
    expect(xlf).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">/);
    expect(xlf).toContain('<trans-unit id="01-conclusions-and-recommendations.md#c-first" resname="point" xml:space="preserve">');
    // A fact nobody entered (`to be completed`) is a gap, not prose: nothing to translate.
    expect(xlf).not.toContain('<source>to be completed</source>');
    const units = (xlf.match(/<trans-unit /g) ?? []).length;
    expect(first.stdout).toBe(`${out}: ${units} units, ${units} to translate (XLIFF 1.2, en → fr)\n`);

    writeFileSync(out, fill(xlf));
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${units} units written into \\d+ files \\(fr\\)\\n$`));
    expect(readFileSync(join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'), 'utf8')).toContain('{#c-first} FR The EESC considers that');

    const build = await buildOpinion(dir, { langs: ['fr'] });
    expect(build.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => m.reason))).toEqual([]);
    const md = build.renders[0]!.markdown!;
    expect(md).toContain('# Avis du Comité économique et social européen sur «FR Title of the opinion»');
    expect(md).toContain('## 1. FR Conclusions and recommendations');
    expect(md).toMatch(/\n1\.1 FR The /);

    const second = await runMain(['translate', 'export', dir, '--to', 'fr', '--out', join(root, 'again.xlf')]);
    expect(second.stdout).toContain(`${units} units, 0 to translate`);
    expect(readFileSync(join(root, 'again.xlf'), 'utf8')).not.toContain('needs-translation');
  });

  it('leaves out a target that a CAT tool filled with a copy of the source and still marks as not translated, and says so', async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'copy.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const exported = readFileSync(out, 'utf8');
    const copied = fill(exported).replace(
      /(<trans-unit id="01-conclusions-and-recommendations.md#c-first"[^>]*>\s*<source>)([\s\S]*?)(<\/source>\s*)<target state="translated">FR [\s\S]*?<\/target>/,
      (_, open: string, source: string, between: string) => `${open}${source}${between}<target state="needs-translation">${source}</target>`,
    );
    expect(copied).toContain('<target state="needs-translation">The EESC considers');
    writeFileSync(out, copied);
    // A new chapter file needs every unit: the copy is no translation, so nothing is written.
    const refused = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('Unit `01-conclusions-and-recommendations.md#c-first` is not translated yet');
    expect(refused.stdout + refused.stderr).toContain('xliff/incomplete');
    expect(existsSync(join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'))).toBe(false);
    // Once translated, a later file's copy of the source does not overwrite the translation.
    writeFileSync(join(root, 'full.fr.xlf'), fill(exported));
    const full = await runMain(['translate', 'import', join(root, 'full.fr.xlf'), '--opinion', dir]);
    expect(full.code, full.stdout + full.stderr).toBe(0);
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(readFileSync(join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'), 'utf8')).toContain('{#c-first} FR The EESC considers');
  });

  it("writes a Windows editor's files back as they were: CRLF line endings and BOM kept, in the files it creates too", async () => {
    const { root, dir } = await englishWithFrench();
    const windows = (path: string) => writeFileSync(path, `\ufeff${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}`);
    const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
    windows(chapter);
    windows(join(dir, 'recommendations.yaml'));
    const out = join(root, 'win.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    writeFileSync(out, fill(readFileSync(out, 'utf8')));
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    for (const path of [join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'), join(dir, 'recommendations.yaml')]) {
      const written = readFileSync(path, 'utf8');
      expect(written.startsWith('\ufeff'), path).toBe(true);
      expect(written.match(/\n/g)!.length, path).toBe(written.match(/\r\n/g)!.length);
    }
    expect(readFileSync(join(dir, 'recommendations.yaml'), 'utf8')).toContain('FR ');
  });

  it('writes translations into flow mappings ({ en: …, de: … } and { id: …, text: … }) as flow entries, so the YAML stays valid', async () => {
    const { root, dir } = await englishWithFrench();
    const doc = (path: string) => join(dir, path);
    const opinionYaml = readFileSync(doc('opinion.yaml'), 'utf8').replace(/^title: .*$/m, 'title: { en: Title of the opinion, de: Titel }');
    writeFileSync(doc('opinion.yaml'), opinionYaml);
    writeFileSync(
      doc('glossary.yaml'),
      'glossary:\n  - { id: g-see, term: SEE, kind: acronym, expansion: social economy enterprise }\n  - { id: g-ngo, term: NGO, kind: acronym, expansion: { en: non-governmental organisation } }\n',
    );
    const chapter = doc('text/en/01-conclusions-and-recommendations.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\n{#c-acronyms} SEE and NGO.\n`);
    const out = join(root, 'flow.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    writeFileSync(out, fill(readFileSync(out, 'utf8')));
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(readFileSync(doc('opinion.yaml'), 'utf8')).toContain('title: { en: Title of the opinion, de: Titel, fr: "FR Title of the opinion" }');
    expect(readFileSync(doc('glossary.yaml'), 'utf8')).toBe(
      'glossary:\n  - { id: g-see, term: SEE, kind: acronym, expansion: { en: "social economy enterprise", fr: "FR social economy enterprise" } }\n' +
        '  - { id: g-ngo, term: NGO, kind: acronym, expansion: { en: non-governmental organisation, fr: "FR non-governmental organisation" } }\n',
    );
    const validate = await runMain(['validate', dir]);
    expect(validate.stdout).not.toContain('yaml/syntax');
  });

  it('adds a language after a comment that ends the last one, not between the text and its comment', async () => {
    const { root, dir } = await englishWithFrench();
    const path = join(dir, 'opinion.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title:\n  en: Title of the opinion # working title'));
    const out = join(root, 'comment.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    writeFileSync(out, fill(readFileSync(out, 'utf8')));
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('title:\n  en: Title of the opinion # working title\n  fr: "FR Title of the opinion"\n');
  });

  it('exports the text of lists, tables and quotes with the point they belong to, and writes it back in place', async () => {
    const { root, dir } = await englishWithFrench();
    const chapter = join(dir, 'text', 'en', '03-specific-comments.md');
    writeFileSync(
      chapter,
      readFileSync(chapter, 'utf8') +
        [
          '',
          '{#s-barriers} The barriers are:',
          '',
          '- linguistic, as courses',
          '  are too short;',
          '- legal:',
          '  - recognition of *skills*;',
          '',
          '| Region | Cooperatives | Note |',
          '| :--- | ---: | --- |',
          '| North | 48 | `a\\|b` |',
          '',
          '> A cooperative is a community,',
          '> not only a workplace.',
          '>',
          '> - a quoted item',
          '',
        ].join('\n'),
    );
    const out = join(root, 'blocks.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const xlf = readFileSync(out, 'utf8');
    const unit = (id: string) =>
      new RegExp(`<trans-unit id="03-specific-comments\\.md#${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" resname="([a-z-]+)"[^>]*>\\s*<source>([^<]*)`)
        .exec(xlf)
        ?.slice(1);
    // Each list item, table cell and quoted paragraph is a unit, keyed by its point; a continuation line's indent or `>` is not text.
    expect(unit('s-barriers/list-1/1')).toEqual(['list-item', 'linguistic, as courses\nare too short;']);
    expect(unit('s-barriers/list-1/2')).toEqual(['list-item', 'legal:']);
    expect(xlf).toContain('<trans-unit id="03-specific-comments.md#s-barriers/list-1/3" resname="list-item"');
    expect(unit('s-barriers/table-1/1.1')).toEqual(['table-cell', 'Region']);
    expect(unit('s-barriers/table-1/2.1')).toEqual(['table-cell', 'North']);
    // A cell of figures has nothing to translate.
    expect(xlf).not.toContain('#s-barriers/table-1/2.2"');
    expect(unit('s-barriers/quote-1/1')).toEqual(['quote', 'A cooperative is a community,\nnot only a workplace.']);
    expect(unit('s-barriers/quote-1/2')).toEqual(['quote', 'a quoted item']);

    // A translator's line breaks and `|` do not break the list, the quote or the table.
    const filled = fill(xlf).replace('<target state="translated">FR Note</target>', '<target state="translated">Remarque | note</target>');
    writeFileSync(out, filled);
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout).toBe(0);
    const fr = readFileSync(join(dir, 'text', 'fr', '03-specific-comments.md'), 'utf8');
    expect(fr).toContain(
      [
        '{#s-barriers} FR The barriers are:',
        '',
        '- FR linguistic, as courses',
        '  are too short;',
        '- FR legal:',
        '  - FR recognition of *skills*;',
        '',
        '| FR Region | FR Cooperatives | Remarque \\| note |',
        '| :--- | ---: | --- |',
        '| FR North | 48 | FR `a\\|b` |',
        '',
        '> FR A cooperative is a community,',
        '> not only a workplace.',
        '>',
        '> - FR a quoted item',
      ].join('\n'),
    );
    const build = await buildOpinion(dir, { langs: ['fr'] });
    expect(build.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => m.reason))).toEqual([]);
    const md = build.renders[0]!.markdown!;
    expect(md).toContain('FR recognition of *skills*');
    expect(md).toMatch(/\| FR Region +\| FR Cooperatives \| Remarque \\\| note \|/);
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', join(root, 'again.xlf')])).stdout).toContain(', 0 to translate');
  });

  it('exports what the appendix of an adopted opinion prints from amendments.yaml, so that the translated opinion builds with it', async () => {
    const { root, dir } = await englishWithFrench();
    const meta = join(dir, 'opinion.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^stage: .*$/m, 'stage: adopted'));
    const chapter = join(dir, 'text', 'en', '02-general-comments.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8').trimEnd()}\n\n{#g-second} The Committee asks for more.\n`);
    const amendment = (id: string, rest: string) =>
      `  - id: ${id}\n    number: ${id.slice(4)}\n    stage: plenary\n    by: [Jan KOWALSKI]\n    target: g-second\n${rest}`;
    writeFileSync(
      join(dir, 'amendments.yaml'),
      'procedure:\n  rule_rejected: Rule 74(3) of the Rules of Procedure\namendments:\n' +
        // Rejected with 40 of 140 votes cast: printed in the appendix, its text and reason with it.
        amendment(
          'am-p1',
          '    action: amend\n    against: The Committee asks for more.\n    text: >-\n      The Committee asks for much more.\n    reason: More is needed.\n    outcome: rejected\n    vote: { for: 40, against: 100, abstentions: 5 }\n',
        ) +
        // Withdrawn, and rejected with too few votes: in no appendix, nothing to translate.
        amendment('am-p2', '    action: delete\n    reason: Not needed.\n    outcome: withdrawn\n') +
        amendment(
          'am-p3',
          '    action: amend\n    against: The Committee asks for more.\n    text: The Committee asks for less.\n    outcome: rejected\n    vote: { for: 10, against: 130, abstentions: 0 }\n',
        ),
    );
    const out = join(root, 'adopted.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const xlf = readFileSync(out, 'utf8');
    const ids = [...xlf.matchAll(/<trans-unit id="(amendments\/[^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['amendments/procedure/rule_rejected', 'amendments/am-p1/text', 'amendments/am-p1/reason']);
    writeFileSync(out, fill(xlf));
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    expect((await runMain(['validate', dir, '--quiet'])).code).toBe(0);
    const build = await buildOpinion(dir, { langs: ['fr'] });
    expect(build.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => m.reason))).toEqual([]);
    const md = build.renders[0]!.markdown!;
    expect(md).toContain('(FR Rule 74(3) of the Rules of Procedure)');
    expect(md).toContain('FR More is needed.');
    expect(md).toContain('> FR The Committee asks for **much** more.');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).stdout).toContain(' 0 to translate');
  });

  it('--since exports only what changed in the original since a git revision', async () => {
    const { root, dir } = await englishWithFrench();
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'first');
    const chapter = join(dir, 'text', 'en', '02-general-comments.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('{#g-first} The Committee', '{#g-first} The Committee now'));
    const out = join(root, 'since.xlf');
    const run = await runMain(['translate', 'export', dir, '--to', 'fr', '--since', 'HEAD', '--out', out]);
    expect(run.stdout).toContain(': 1 unit, 1 to translate');
    expect(readFileSync(out, 'utf8')).toContain('id="02-general-comments.md#g-first"');
    // Translated, then the original changes again: the unit has a translation to review, not to make.
    const all = join(root, 'all.xlf');
    await runMain(['translate', 'export', dir, '--to', 'fr', '--out', all]);
    writeFileSync(all, fill(readFileSync(all, 'utf8')));
    expect((await runMain(['translate', 'import', all, '--opinion', dir])).code).toBe(0);
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'translated');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('{#g-first} The Committee now', '{#g-first} The Committee still'));
    const review = await runMain(['translate', 'export', dir, '--to', 'fr', '--since', 'HEAD', '--out', out]);
    expect(review.stdout).toContain(': 1 unit, 0 to translate, 1 to review (the original changed since the translation)');
    expect(readFileSync(out, 'utf8')).toContain('<target state="needs-review-translation">FR ');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--since', 'no-such-rev', '--out', out])).code).toBe(2);
    // A revision that looks like an option is refused, never passed to git as one.
    const planted = join(root, 'planted');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', `--since=--output=${planted}`, '--out', out])).code).toBe(2);
    expect(existsSync(planted)).toBe(false);
  });

  it('reports, positioned, every unit whose id or source does not match, and writes nothing', async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'bad.xlf');
    await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out]);
    const broken = fill(readFileSync(out, 'utf8'))
      .replace('id="01-conclusions-and-recommendations.md#c-first"', 'id="01-conclusions-and-recommendations.md#c-renamed"')
      .replace('<source>General comments</source>', '<source>General remarks</source>');
    writeFileSync(out, broken);
    const before = snapshot(dir);
    const run = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(run.code).toBe(1);
    const line = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(run.stdout).toContain(`${line('#c-renamed')}:7`);
    expect(run.stdout).toContain('Unknown unit id `01-conclusions-and-recommendations.md#c-renamed`');
    expect(run.stdout).toContain(`${line('<source>General remarks')}:9`);
    expect(run.stdout).toContain('Unexpected source text in unit `02-general-comments.md#title`');
    expect(run.stdout).toContain('nothing written');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'text', 'fr'))).toBe(false);
  });

  it("keeps a translation's blank line where it was typed: a footnote's second paragraph stays in the footnote, a point's is refused", async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'paragraphs.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    writeFileSync(
      out,
      fill(readFileSync(out, 'utf8')).replace(
        '<target state="translated">FR A footnote.</target>',
        '<target state="translated">FR Une note.\n\nSon second paragraphe.</target>',
      ),
    );
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout).toBe(0);
    expect(readFileSync(join(dir, 'text', 'fr', '02-general-comments.md'), 'utf8')).toContain('[^fn-first]: FR Une note.\n\n    Son second paragraphe.');
    const build = await buildOpinion(dir, { langs: ['en', 'fr'] });
    const points = (md: string) => md.match(/^\d+(\.\d+)+ /gm);
    expect(points(build.renders[1]!.markdown!)).toEqual(points(build.renders[0]!.markdown!));
    expect(build.renders[1]!.markdown!).toMatch(/\[\^\d+\]: FR Une note\.\n\n {4}Son second paragraphe\./);

    // A point is one paragraph: a blank line in its translation would start a point the original does not have.
    const again = join(root, 'point.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', again])).code).toBe(0);
    const split = readFileSync(again, 'utf8').replace(
      /(<trans-unit id="02-general-comments.md#g-first"[^>]*>\s*<source>[^]*?<\/source>\s*<target state="translated">)FR /,
      '$1FR Premier paragraphe.\n\n',
    );
    writeFileSync(again, split);
    const before = snapshot(dir);
    const run = await runMain(['translate', 'import', again, '--opinion', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${split.split('\n').findIndex((l) => l.includes('FR Premier paragraphe.')) + 1}:`);
    expect(run.stdout).toContain('Unexpected blank line in the translation of `02-general-comments.md#g-first`');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a file that is not XLIFF 1.2, with its position', async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'v2.xlf');
    writeFileSync(
      out,
      '<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f"/></xliff>\n',
    );
    const run = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2:1');
    expect(run.stdout).toContain('Unexpected `<xliff version="2.0">`, expected an XLIFF 1.2 document');
  });
});
