/**
 * `opinion build` on focused fixtures and on the sample opinions. Each case
 * builds a fixture folder and compares, byte for byte, with golden files in
 * golden/<case>/: the messages (`messages.txt`) and each language's
 * `opinion.md`, `opinion.html` and `opinion.json`.
 * A missing golden file fails. Regenerate after an intended change with
 *   UPDATE_GOLDEN=1 npx vitest run test/build
 * and review the diff.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftMarkdown } from '../../src/render/index.js';
import { buildOpinion, type BuildOptions } from '../../src/opinion/index.js';
import { describeMessages, golden, ROOT } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GOLDEN = join(import.meta.dirname, 'golden');

/** Compare `actual` with golden/<path> (see test/helpers.ts: a missing golden fails unless UPDATE_GOLDEN=1). */
function expectGolden(path: string, actual: string): void {
  expect(actual, path).toBe(golden(join(GOLDEN, path), actual));
}

interface Case {
  name: string;
  dir: string;
  options?: BuildOptions;
  ok: boolean;
}

const CASES: Case[] = [
  { name: 'basic', dir: join(FIXTURES, 'basic'), ok: true },
  { name: 'basic-notes', dir: join(FIXTURES, 'basic'), options: { notes: true }, ok: true },
  { name: 'numbering-oj', dir: join(FIXTURES, 'numbering-oj'), ok: true },
  { name: 'languages', dir: join(FIXTURES, 'languages'), options: { langs: 'all' }, ok: true },
  { name: 'malicious', dir: join(FIXTURES, 'malicious'), ok: true },
  { name: 'missing-translation', dir: join(FIXTURES, 'missing-translation'), options: { langs: ['fr'] }, ok: false },
  { name: 'template-errors', dir: join(FIXTURES, 'template-errors'), ok: false },
  { name: 'custom-template', dir: join(FIXTURES, 'custom-template'), options: { langs: 'all' }, ok: true },
  { name: 'see-migrants', dir: join(ROOT, 'opinions', 'see-migrants'), options: { langs: 'all' }, ok: true },
  { name: 'see-migrants-preliminary', dir: join(ROOT, 'opinions', 'see-migrants-preliminary'), options: { langs: 'all' }, ok: true },
];

describe('build fixtures (golden files)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const build = await buildOpinion(c.dir, c.options);
      expectGolden(`${c.name}/messages.txt`, describeMessages(build.files, c.dir));
      expect(build.ok).toBe(c.ok);
      for (const render of build.renders) {
        if (!c.ok) continue;
        expectGolden(`${c.name}/${render.lang}/opinion.md`, render.markdown!);
        expectGolden(`${c.name}/${render.lang}/opinion.html`, render.html!);
        expectGolden(`${c.name}/${render.lang}/opinion.json`, render.json!);
      }
    });
  }
});

describe('Markdown output', () => {
  it('is stable: parsing and writing it again with remark changes nothing', async () => {
    for (const c of CASES.filter((c) => c.ok)) {
      const build = await buildOpinion(c.dir, c.options);
      for (const render of build.renders) {
        const again = draftMarkdown.stringify(draftMarkdown.parse(render.markdown!));
        expect(again, `${c.name} ${render.lang}`).toBe(render.markdown);
      }
    }
  }, 60_000);

  it('is deterministic: two builds give the same bytes', async () => {
    for (const c of CASES.filter((c) => c.ok)) {
      const [a, b] = [await buildOpinion(c.dir, c.options), await buildOpinion(c.dir, c.options)];
      expect(b.renders.map((r) => [r.markdown, r.html, r.json])).toEqual(a.renders.map((r) => [r.markdown, r.html, r.json]));
    }
  }, 60_000);
});

describe('what a draft contains', () => {
  it('numbers points EESC-style, with sections sharing the counter of their level', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'basic'));
    const md = renders[0]!.markdown!;
    expect(md).toContain('## Foreword\n\nThis opinion was prepared');
    expect(md).toContain('## 1. Conclusions and recommendations');
    expect(md).toContain('\n1.1 The European Economic and Social Committee (EESC) considers that social economy enterprises (SEEs) are drivers');
    expect(md).toContain('### 2.2 Funding');
    expect(md).toContain('\n2.2.1 Small SEEs');
    expect(md).toContain('#### 2.2.2 Simplification');
    expect(md).toContain('\n2.2.2.1 Procedures should be simpler');
  });

  it('numbers points OJ-style with a trailing dot, references without', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'numbering-oj'));
    const md = renders[0]!.markdown!;
    expect(md).toContain('\n1.1. The EESC considers');
    expect(md).toContain('### 2.1. Background');
    expect(md).toContain('\n2.1.1. Platform work grows fast.');
    expect(md).toContain('(see point 2.2 and amendment 1)');
  });

  it('resolves references to points, sections, chapters, footnotes, items and evidence', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'basic'));
    const md = renders[0]!.markdown!;
    expect(md).toContain('(see point 2.2 and chapter 2)');
    expect(md).toContain('citing The Camelot cooperative (Ferrara) and the participation principle.[^');
    expect(md).toContain('(see footnote 3 and point 2.3.1)');
    expect(md).toContain('(see point 1.5.1)');
  });

  it('follows renumbering: a point inserted before moves every reference', async () => {
    const dir = copyFixture('basic');
    const chapter = join(dir, 'text', 'en', '02-specific-comments.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('## Funding', '{#sc-new} A new point.\n\n## Funding'));
    const { renders } = await buildOpinion(dir);
    const md = renders[0]!.markdown!;
    expect(md).toContain('(see point 2.3 and chapter 2)');
    expect(md).toContain('(see footnote 3 and point 2.4.1)');
    const draft = renders[0]!.draft;
    const point = draft.chapters[1]!.points.find((p) => p.id === 'c-drivers')!;
    expect(point.refs).toEqual([
      { target: 's-funding', start: point.text.indexOf('point 2.3'), end: point.text.indexOf('point 2.3') + 'point 2.3'.length },
      { target: 'specific-comments', start: point.text.indexOf('chapter 2'), end: point.text.indexOf('chapter 2') + 'chapter 2'.length },
    ]);
  });

  it('numbers footnotes in reading order, citations included, one footnote per source', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'basic'));
    const { footnotes } = renders[0]!.draft;
    expect(footnotes.map((f) => [f.number, f.id])).toEqual([
      ['1', 'camelot'],
      ['2', 'eurostat'],
      ['3', 'fn-law'],
      ['4', 'fn-second'],
    ]);
    expect(footnotes[0]!.text).toBe('Cooperatives Europe, Camelot: a social cooperative, 20 June 2017, https://coopseurope.coop/ (accessed 1 March 2018).');
    expect(footnotes[3]!.text).toBe('A second footnote, referring back to point 2.1.');
  });

  it('groups recommendations by addressee when asked, then continues the numbering', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'basic'));
    const points = renders[0]!.draft.chapters[1]!.points.map((p) => `${p.number}${p.heading ? ' #' : ''} ${p.id ?? ''}`.trim());
    expect(points).toEqual([
      '1.1 c-drivers',
      '1.2 c-list',
      '1.3 c-recs',
      '1.4 #',
      '1.4.1 rec-promote',
      '1.5 #',
      '1.5.1 rec-funding',
      '1.6 #',
      '1.6.1 rec-local',
      '1.7 c-after',
    ]);
  });

  it('leaves notes out, or keeps them clearly marked with --notes', async () => {
    const plain = (await buildOpinion(join(FIXTURES, 'basic'))).renders[0]!;
    expect(plain.markdown).not.toContain('check the figures');
    expect(plain.markdown).not.toContain('Hearing follow-up');
    const noted = (await buildOpinion(join(FIXTURES, 'basic'), { notes: true })).renders[0]!;
    expect(noted.markdown).toContain('> **Internal note – not part of the opinion:**\n>\n> Internal: check the figures before the plenary.');
    expect(noted.markdown).toContain('## Internal notes – not part of the opinion\n\n### Hearing follow-up');
    expect(noted.html).toContain('class="internal-note"');
    expect(noted.length).toEqual(plain.length);
  });

  it('shows only what exists at the stage, and labels non-final versions', async () => {
    const section = (await buildOpinion(join(FIXTURES, 'basic'))).renders[0]!;
    expect(section.markdown!.startsWith('**DRAFT OPINION** – version for the section meeting\\\nVersion 2 of 10 April 2018\n')).toBe(true);
    // The version for the section meeting cannot know the section's adoption, nor carry the plenary's closing block.
    expect(section.draft.header.map((h) => h.field)).toEqual(['rapporteur', 'co-rapporteur', 'decision', 'legal_basis', 'kind', 'section']);
    expect(section.markdown).not.toContain('Brussels, 23 May 2018');
    expect(section.markdown).not.toContain('The President of the European Economic and Social Committee');
    const adopted = (await buildOpinion(join(FIXTURES, 'numbering-oj'))).renders[0]!;
    expect(adopted.markdown).not.toContain('DRAFT');
    expect(adopted.draft.header.map((h) => `${h.label} ${h.value}`)).toEqual([
      'Rapporteurs: Anna KOWALSKA, Peter SCHMIDT',
      'Referral Austrian Presidency, 12.3.2018',
      'Bureau decision 20.3.2018',
      'Legal basis Article 304 of the Treaty on the Functioning of the European Union',
      'Section responsible Employment, Social Affairs and Citizenship',
      'Adopted in section 28.6.2018',
      'Adopted at plenary 11.7.2018',
      'Plenary session No 536',
      'Outcome of vote (for/against/abstentions) 186/1/2',
    ]);
    expect(adopted.draft.title).toBe('Opinion of the European Economic and Social Committee on ‘Fair work in the platform economy’');
    expect(adopted.document!.kind).toBe('(exploratory opinion requested by the Austrian Presidency)');
  });

  it("prints the Official Journal's facts where the OJ prints them: documents under the title, the OJ number under the kind, one referral row for several", async () => {
    const dir = copyFixture('numbering-oj');
    const path = join(dir, 'opinion.yaml');
    const yaml = readFileSync(path, 'utf8')
      .replace(/^rapporteurs:\n(?: {2}- name: .*\n {4}role: .*\n)+/m, '') // a "no comment" opinion: no rapporteur
      .replace(/^numbering: oj\n/m, '') // the stage decides: adopted → OJ numbering
      .replace(
        /^referrals:\n/m,
        'referral_rows: one\ndocuments: [COM(2023) 316 final, 2023/0187 (COD)]\noj_reference: 2018/C 283/01\ncelex: 52018AE0001\nreferrals:\n  - type: referral\n    body: Council\n    date: 2018-03-13\n',
      );
    writeFileSync(path, yaml);
    const build = await buildOpinion(dir, { formats: ['md', 'json'] });
    // Issue 13: the build names the unverified labels it prints (here the amendments appendix's English labels) — the only message.
    expect(
      describeMessages(build.files, dir)
        .split('\n')
        .filter(
          (line) =>
            line &&
            !line.includes('source/schema-link') &&
            !/ labels\/unverified Unverified labels in this `en` draft: (`appendix\.[a-z-]+`(, )?)+, not yet confirmed/.test(line),
        ),
    ).toEqual([]);
    const render = build.renders[0]!;
    const md = render.markdown!;
    const title = md.indexOf('# Opinion of the European Economic and Social Committee on ‘Fair work in the platform economy’');
    expect(md.indexOf('(COM(2023) 316 final — 2023/0187 (COD))')).toBeGreaterThan(title);
    expect(md.indexOf('(exploratory opinion requested by the Austrian Presidency)')).toBeGreaterThan(md.indexOf('(COM(2023) 316 final'));
    expect(md.indexOf('(2018/C 283/01)')).toBeGreaterThan(md.indexOf('(exploratory opinion requested'));
    expect(render.draft.header.map((h) => `${h.label} ${h.value}`).slice(0, 2)).toEqual([
      'Referral Council, 13.3.2018; Austrian Presidency, 12.3.2018',
      'Bureau decision 20.3.2018',
    ]);
    expect(render.draft.header.some((h) => h.field === 'rapporteur')).toBe(false);
    expect(md).toContain('\n1.1. The EESC considers');
    expect(render.document).toMatchObject({
      ojReference: '2018/C 283/01',
      celex: '52018AE0001',
      documents: ['COM(2023) 316 final', '2023/0187 (COD)'],
      numbering: 'oj',
    });
  });

  it('shows on each version only what its stage can know, and numbers by stage unless told', async () => {
    const dir = copyFixture('numbering-oj');
    const path = join(dir, 'opinion.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace(/^stage: adopted$/m, 'stage: plenary\nversion_date: 2018-07-01')
        .replace(/^numbering: oj\n/m, '')
        .replace(/^oj_reference: .*\n/m, ''),
    );
    const render = (await buildOpinion(dir)).renders[0]!;
    // The version for the plenary knows the section's adoption, not the plenary's; it has no closing block.
    expect(render.draft.header.map((h) => h.field)).toEqual(['rapporteur', 'referral', 'decision', 'legal_basis', 'section', 'adopted_in_section']);
    expect(render.markdown).not.toContain('Brussels, 11 July 2018');
    expect(render.markdown).not.toContain('The President of the European Economic and Social Committee');
    expect(render.markdown).toContain('**SECTION OPINION** – version for the plenary session');
    expect(render.markdown).toContain('\n1.1 The EESC considers');
  });

  it('writes labels and dates in each language', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'languages'), { langs: 'all' });
    const byLang = Object.fromEntries(renders.map((r) => [r.lang, r]));
    expect(byLang.fr!.markdown).toContain('**AVANT-PROJET**\\\nVersion 1 du 1er mars 2018');
    expect(byLang.fr!.markdown).toContain('| Base juridique                   | Article 29, paragraphe 2, du règlement intérieur |');
    expect(byLang.fr!.markdown).toContain("les autres entreprises de l'économie sociale (EES) aident");
    expect(byLang.it!.markdown).toContain("le altre imprese dell'economia sociale (IES) aiutano");
    // A preliminary draft carries no closing block: that belongs to the text as adopted.
    expect(byLang.fr!.markdown).not.toContain('Bruxelles, le 1er mai 2018.');
    const adopted = copyFixture('languages');
    writeFileSync(
      join(adopted, 'opinion.yaml'),
      readFileSync(join(adopted, 'opinion.yaml'), 'utf8').replace(/^stage: .*$/m, 'stage: adopted\nadopted_at_plenary: 2018-05-01'),
    );
    const closings = Object.fromEntries((await buildOpinion(adopted, { langs: 'all' })).renders.map((r) => [r.lang, r.markdown!]));
    expect(closings.fr).toContain('Bruxelles, le 1er mai 2018.');
    // The first day of a month is an ordinal in Italian, as in the Official Journal ("1º gennaio", printed "1o" on EUR-Lex).
    expect(closings.it).toContain('Bruxelles, 1º maggio 2018');
    expect(closings.de).toContain('Brüssel, den 1. Mai 2018');
    expect(byLang.de!.markdown).toContain('# Stellungnahme des Europäischen Wirtschafts- und Sozialausschusses zum Thema „Genossenschaften und Migranten“');
    expect(byLang.en!.markdown).toContain('Cooperatives and other social economy enterprises (SEEs) help migrants.');
  });

  it('counts the length without spaces, numbers, header or closing', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'numbering-oj'));
    const text =
      'Conclusions and recommendations' +
      'The EESC considers that platform work should be fair.' +
      'The Committee calls for social protection (see point 2.2 and amendment 1).' +
      'General comments' +
      'Background' +
      'Platform work grows fast.' +
      'It raises questions.' +
      'Social protection' +
      'Workers need cover.';
    expect(renders[0]!.length).toEqual({ characters: text.replace(/\s/g, '').length, limit: 18000, exceeded: false });
  });

  it('warns when the length exceeds 18,000 characters', async () => {
    const dir = copyFixture('numbering-oj');
    const long = Array.from({ length: 400 }, (_, i) => `{#x-${i}} ${'Platform workers need protection. '.repeat(2)}`).join('\n\n');
    writeFileSync(join(dir, 'text', 'en', '03-long.md'), `# Long\n\n${long}\n`);
    const build = await buildOpinion(dir);
    expect(build.ok).toBe(true);
    expect(build.renders[0]!.length.exceeded).toBe(true);
    expect(describeMessages(build.files, dir)).toMatch(
      /opinion\.yaml:1:1 warning length\/limit Unexpected length of 2\d,\d{3} characters without spaces in the `en` text, expected at most 18,000/,
    );
  });
});

describe('safety', () => {
  it('lets no HTML, script or javascript: URL from a source into any output', async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'malicious'));
    const { markdown, html, json } = renders[0]!;
    for (const output of [markdown!, html!, json!]) {
      expect(output).not.toMatch(/<script|<img|<b |onerror=|onmouseover=|javascript:|data:text/i);
    }
    expect(html).toContain('<a href="https://www.eesc.europa.eu/">good</a>');
    expect(html).toContain('Content-Security-Policy');
  });
});

describe('templates and labels', () => {
  it("uses the opinion's own template, a slot replacement and label overrides", async () => {
    const { renders } = await buildOpinion(join(FIXTURES, 'custom-template'), { langs: 'all' });
    const [en, es] = renders;
    expect(en!.markdown!.startsWith('**ECO/905** – EN\n\n# Opinion of the European')).toBe(true);
    expect(en!.markdown).toMatch(/\| Rapporteur \(EN override\): \| Giuseppe GUERINI +\|/);
    expect(en!.markdown).toContain('*Done in Brussels for Giuseppe GUERINI.*');
    expect(es!.markdown).toContain('# Dictamen del Comité Económico y Social Europeo sobre «Una presentación propia»');
    expect(es!.markdown).toContain('Bruselas, 23 de mayo de 2018.');
  });

  it('takes a label file given on the command line over the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-labels-'));
    const file = join(dir, 'override.yaml');
    writeFileSync(file, 'lang: en\nclosing:\n  president: The President of the Committee\n');
    const { renders } = await buildOpinion(join(FIXTURES, 'numbering-oj'), { labels: [file] });
    expect(renders[0]!.markdown).toContain('The President of the Committee\\\nLuca JAHIER');
  });

  it("never falls back to English: a label the opinion leaves out comes from the language's own shipped file", async () => {
    const dir = copyFixture('custom-template');
    const labels = join(dir, 'labels', 'es.yaml');
    const text = readFileSync(labels, 'utf8');
    writeFileSync(labels, text.replace(/^  opinion: .*\n/m, ''));
    expect(readFileSync(labels, 'utf8')).not.toBe(text);
    const build = await buildOpinion(dir, { langs: ['es'] });
    expect(build.ok).toBe(true);
    expect(build.renders[0]!.markdown).toContain('Dictamen del Comité Económico y Social Europeo sobre «');
    expect(build.renders[0]!.markdown).not.toContain('Opinion of the European Economic and Social Committee');
  });

  it('reports a language whose labels are broken, and writes the others', async () => {
    const dir = copyFixture('custom-template');
    const labels = join(dir, 'labels', 'es.yaml');
    writeFileSync(labels, readFileSync(labels, 'utf8').replace(/^  point: punto \{number\}$/m, '  point: punto {numero}'));
    const build = await buildOpinion(dir, { langs: 'all' });
    expect(build.ok).toBe(false);
    expect(build.failed).toEqual(['es']);
    expect(build.renders.map((r) => r.lang)).toEqual(['en']);
    expect(describeMessages(build.files, dir)).toContain('labels/es.yaml');
    expect(describeMessages(build.files, dir)).toContain('labels/unknown-placeholder');
  });
});

function copyFixture(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), `opinion-${name}-`)), name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  // Copies lose the relative schema links: point them at the repository's schemas.
  for (const file of walk(dir)) {
    if (file.endsWith('.yaml')) writeFileSync(file, readFileSync(file, 'utf8').replace(/\$schema=(?:\.\.\/)+schemas\//, `$schema=${join(ROOT, 'schemas')}/`));
  }
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
