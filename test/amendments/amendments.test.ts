/**
 * The amendments cycle on the sample opinion and on broken sources: list,
 * sheet, apply, the diff's attribution, tabling a member's Word copy with
 * tracked changes, the appendix of an adopted opinion, and refusals with
 * positioned messages and nothing written.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { runMain, ROOT, withTypedPoint } from '../helpers.js';
import { readDocx } from '../../src/drafts/word/index.js';
import { inlineText } from '../../src/render/plain-text.js';
import { SAMPLE, scratch } from './scratch.js';
import { merge3, pointMarkdown } from '../../src/amendments/merge.js';

const json = (text: string) => JSON.parse(text) as Record<string, unknown>[];

describe('opinion amendments list', () => {
  it('lists the amendments in text order with exactly the documented fields', async () => {
    const run = await runMain(['amendments', 'list', SAMPLE, '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = json(run.stdout);
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => ['id', 'number', 'stage', 'target', 'action', 'by', 'position', 'outcome', 'vote']));
    expect(rows.map((r) => r.id)).toEqual(['am-s1', 'am-p1', 'am-s2', 'am-s3', 'am-s4', 'am-s5', 'am-p2', 'am-p3', 'am-s6']);
    expect(rows[0]).toEqual({
      id: 'am-s1',
      number: 1,
      stage: 'section',
      target: 'c-resource',
      action: 'amend',
      by: ['Peter SCHMIDT'],
      position: 'accept',
      outcome: 'adopted',
      vote: { for: 41, against: 12, abstentions: 3 },
    });
    expect(rows.find((r) => r.id === 'am-s2')!.vote).toBeNull();
  });
});

describe('opinion amendments sheet', () => {
  it('shows each amendment as two columns with word-level changes, in text order', async () => {
    const run = await runMain(['amendments', 'sheet', SAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| Draft opinion | Amendment |');
    expect(run.stdout).toContain('not a question of charity **but of sound economic and social policy**.');
    expect(run.stdout).toContain('*Compromise amendment replacing AM 2, AM 3.*');
    expect(run.stdout.indexOf('## AM 1 –')).toBeLessThan(run.stdout.indexOf('## AM 5 –'));
    expect(run.stdout).not.toContain('plenary');
  });

  it('writes Markdown, HTML and a Word file whose amendments are real tables, the same bytes twice', async () => {
    const { root } = scratch();
    const out = join(root, 'sheet');
    const first = await runMain(['amendments', 'sheet', SAMPLE, '--to', 'md,html,docx', '--out', out]);
    expect(first.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['amendments.docx', 'amendments.html', 'amendments.md']);
    const docx = readFileSync(join(out, 'amendments.docx'));
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    // The opinion is at stage `section`: the sheet of its 6 section amendments.
    expect(xml.match(/<w:tbl>/g)?.length).toBe(6);
    expect(xml).toContain('<w:strike/>');
    expect(readFileSync(join(out, 'amendments.html'), 'utf8')).toContain('<del>');
    const again = join(root, 'sheet-again');
    await runMain(['amendments', 'sheet', SAMPLE, '--to', 'docx', '--out', again]);
    expect(readFileSync(join(again, 'amendments.docx')).equals(docx)).toBe(true);
  });
});

describe('opinion amendments apply, then opinion diff', () => {
  it('writes the next version with exactly the adopted amendments, each change attributed and nothing else', async () => {
    const { root, sample } = scratch();
    const next = join(root, 'opinions', 'see-migrants-plenary');
    const applied = await runMain(['amendments', 'apply', sample, '--out', next, '--date', '2018-05-02']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Applied 3 adopted section amendments: AM 1 (am-s1), AM 4 (am-s4), AM 5 (am-s5)');
    const diff = await runMain(['diff', sample, next, '--format', 'json']);
    expect(diff.code).toBe(1);
    const result = JSON.parse(diff.stdout) as {
      changes: { kind: string; id?: string; amendment?: string; unexplained?: boolean }[];
      header: { field: string }[];
    };
    const changes = result.changes.filter((c) => c.kind !== 'renumbered');
    expect(changes.map((c) => [c.kind, c.id, c.amendment])).toEqual([
      ['modified', 'c-resource', 'am-s1'],
      ['modified', 'rec-funding', 'am-s4'],
      ['added', 'sc-housing', 'am-s5'],
    ]);
    expect(changes.some((c) => c.unexplained)).toBe(false);
    expect(diff.stderr).not.toContain('unexplained');
    // The outcomes are kept, the applied ones say so; the rest of the file is untouched.
    const before = readFileSync(join(sample, 'amendments.yaml'), 'utf8');
    const after = readFileSync(join(next, 'amendments.yaml'), 'utf8');
    expect(after.replace(/\n {4}applied_in: 3/g, '')).toBe(before);
    const meta = readFileSync(join(next, 'opinion.yaml'), 'utf8');
    expect(meta).toMatch(/^stage: plenary(\s+#.*)?$/m); // the sample comments its lines (issue 14); the comment is kept
    expect(meta).toMatch(/^version: 3 /m);
    // A change made by hand in the new version is reported as explained by no amendment.
    const chapter = join(next, 'text', 'en', '03-specific-comments.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('Public authorities can also support SEEs', 'Public authorities can also help SEEs'));
    const edited = await runMain(['diff', sample, next, '--format', 'json']);
    const unexplained = (JSON.parse(edited.stdout) as { changes: { id?: string; unexplained?: boolean }[] }).changes.filter((c) => c.unexplained);
    expect(unexplained.map((c) => c.id)).toEqual(['sc-procurement']);
    expect(edited.stderr).toContain('unexplained change: point 3.4.3 (`sc-procurement`) modified');
    const check = await runMain(['check', next, '--previous', sample, '--format', 'json']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('amendments/unexplained-change');
  });

  it('applies the plenary amendments next, and the adopted opinion is built with its appendix', async () => {
    const { root, sample } = scratch();
    const plenary = join(root, 'opinions', 'p');
    const adopted = join(root, 'opinions', 'a');
    expect((await runMain(['amendments', 'apply', sample, '--out', plenary])).code).toBe(0);
    const second = await runMain(['amendments', 'apply', plenary, '--out', adopted]);
    expect(second.stdout).toContain('Applied 1 adopted plenary amendment: AM 3 (am-p3)');
    const build = await runMain(['build', adopted, '--out', join(root, 'build'), '--to', 'md,json']);
    expect(build.code).toBe(0);
    const md = readFileSync(join(root, 'build', 'a', 'en', 'opinion.md'), 'utf8');
    const appendix = md.slice(md.indexOf('## APPENDIX'));
    expect(appendix).toContain('The following amendments, which received at least a quarter of the votes cast, were rejected in the course of the debate:');
    expect(appendix).toContain('**Point 1.7** – Amend as follows:');
    expect(appendix).toContain('Outcome of the vote: 62 votes in favour, 118 against, 9 abstentions');
    // AM 2 (30 of 180 votes cast) does not reach a quarter.
    expect(appendix).not.toContain('governing bodies');
    expect(appendix).toContain('The following text of the section opinion was rejected in favour of amendments adopted by the Assembly');
    expect(appendix).toContain('mentoring, access to credit and help with housing');
    const document = JSON.parse(readFileSync(join(root, 'build', 'a', 'en', 'opinion.json'), 'utf8')) as {
      appendix: { id: string; part: string; text: string }[];
    };
    expect(document.appendix.map((a) => [a.id, a.part])).toEqual([
      ['am-p1', 'rejected'],
      ['am-p3', 'section-text'],
    ]);
    expect(document.appendix[0]!.text).toContain('complement them at local level');
    // The version for the plenary (not adopted) has no appendix.
    await runMain(['build', plenary, '--out', join(root, 'build'), '--to', 'md']);
    expect(readFileSync(join(root, 'build', 'p', 'en', 'opinion.md'), 'utf8')).not.toContain('APPENDIX');
  });
});

describe("a member's Word copy with tracked changes", () => {
  it('is tabled as one amendment per changed point, and applying them gives the member’s text', async () => {
    const { root, sample } = scratch();
    const edited = join(root, 'opinions', 'edited');
    cpSync(sample, edited, { recursive: true });
    const chapter1 = join(edited, 'text', 'en', '01-conclusions-and-recommendations.md');
    writeFileSync(
      chapter1,
      readFileSync(chapter1, 'utf8')
        .replace('{#c-networks} Among the chief', '{#c-networks} Among the main')
        .replace('(see :ref{#sec-communities}).', '(see :ref{#sec-communities}) and across borders.'),
    );
    const chapter3 = join(edited, 'text', 'en', '03-specific-comments.md');
    writeFileSync(
      chapter3,
      readFileSync(chapter3, 'utf8')
        .replace('{#sc-language} The EESC considers', '{#sc-language} The EESC firmly considers')
        .replace(/\{#sc-mobilisation\}[^\n]*\n\n/, '')
        .replace(
          '## Access to funding',
          '{#sc-mentors} Mentors from the cooperative movement help new entrepreneurs through their first years.\n\n## Access to funding',
        ),
    );
    // The member's copy: the project's own Word redline, tracked changes from the sample to the edited text.
    const copy = join(root, 'member.docx');
    expect((await runMain(['diff', sample, edited, '--out', copy, '--quiet'])).code).toBe(1);
    expect(strFromU8(unzipSync(readFileSync(copy))['word/document.xml']!)).toContain('<w:ins ');
    // Only the member's amendments in this test; the comment after `[]` is kept.
    const before = '# Amendments of the test\namendments: [] # none tabled yet\n';
    writeFileSync(join(sample, 'amendments.yaml'), before);
    const tabled = await runMain(['amendments', 'table', sample, copy, '--by', 'Jean MARTIN', '--group', 'II', '--date', '2018-04-19']);
    expect(tabled.code).toBe(0);
    expect(tabled.stdout).toContain('Tabled 4 section amendments by Jean MARTIN');
    const after = readFileSync(join(sample, 'amendments.yaml'), 'utf8');
    expect(after.startsWith('# Amendments of the test\namendments: # none tabled yet\n  - id: am-s1\n')).toBe(true);
    expect(after).toContain('(see :ref{#sec-communities}) and');
    expect(after.match(/action: (\S+)/g)).toEqual(['action: amend', 'action: amend', 'action: insert-after', 'action: delete']);
    expect((await runMain(['validate', sample])).code).toBe(0);
    // The secretariat records the decisions: all adopted.
    writeFileSync(join(sample, 'amendments.yaml'), after.replace(/(\n {4}tabled: 2018-04-19)/g, '\n    outcome: adopted\n    without_vote: true$1'));
    const next = join(root, 'opinions', 'next');
    const applied = await runMain(['amendments', 'apply', sample, '--out', next]);
    expect(applied.code, applied.stderr).toBe(0);
    // The applied version's text is the member's: no change of any point between them.
    const diff = await runMain(['diff', edited, next, '--format', 'json']);
    const changes = (JSON.parse(diff.stdout) as { changes: { kind: string; old?: string; new?: string }[] }).changes.filter((c) => c.kind !== 'renumbered');
    // Only the new point's id differs (the member's copy has none: the tabled one is generated).
    expect(changes.every((c) => c.old === c.new || c.kind === 'added' || c.kind === 'deleted')).toBe(true);
    const texts = (dir: string) => readFileSync(join(dir, 'text', 'en', '03-specific-comments.md'), 'utf8').replace(/\{#[a-z0-9-]+\} /g, '');
    expect(texts(next)).toBe(texts(edited));
    expect(readFileSync(join(next, 'text', 'en', '01-conclusions-and-recommendations.md'), 'utf8')).toBe(readFileSync(chapter1, 'utf8'));
  });
});

describe("a member's copy with a new point", () => {
  const NEW_POINT = 'The Committee also calls for a review of the scheme after two years.';
  /**
   * The sample built to Markdown, and a member's copy of it where the member typed a new point as
   * 1.7 and renumbered the points after it, not the references to them.
   */
  const memberInsertsPoint = async (root: string, sample: string): Promise<{ built: string; copy: string }> => {
    expect((await runMain(['build', sample, '--to', 'md', '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    const built = readFileSync(join(root, 'build', 'see-migrants', 'en', 'opinion.md'), 'utf8');
    const lines = built.split('\n').map((line) => line.replace(/^1\.(\d+) /, (whole, n: string) => (Number(n) >= 7 ? `1.${Number(n) + 1} ` : whole)));
    const at = lines.findIndex((line) => line.startsWith('1.6 '));
    lines.splice(at + 1, 0, '', `1.7 ${NEW_POINT}`);
    const copy = join(root, 'member.md');
    writeFileSync(copy, lines.join('\n'));
    return { built, copy };
  };

  const tableJson = async (sample: string, copy: string) => {
    writeFileSync(join(sample, 'amendments.yaml'), '# Amendments of the test\namendments: []\n');
    // --format json: the findings are the report on stdout, what was tabled is said on stderr.
    const tabled = await runMain(['amendments', 'table', sample, copy, '--by', 'Jean MARTIN', '--format', 'json']);
    expect(tabled.code).toBe(0);
    expect(tabled.stderr).toContain('Tabled 1 section amendment by Jean MARTIN');
    expect(tabled.stderr).toContain('insert-after 1.6 (c-resource)');
    expect(readFileSync(join(sample, 'amendments.yaml'), 'utf8').match(/action: (\S+)/g)).toEqual(['action: insert-after']);
    return (JSON.parse(tabled.stdout) as { files: { messages: { ruleId: string; message: string; line?: number }[] }[] }).files.flatMap((f) => f.messages);
  };

  it('in Word: the new point is tabled, and the references Word left numbered as before are no change', async () => {
    const { root, sample } = scratch();
    expect((await runMain(['build', sample, '--to', 'docx', '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    const built = join(root, 'build', 'see-migrants', 'en', 'opinion.docx');
    expect(strFromU8(unzipSync(readFileSync(built))['word/document.xml']!)).toContain(
      '<w:hyperlink w:history="1" w:anchor="_rec_membership"><w:r><w:t xml:space="preserve">point 1.13</w:t>',
    );
    const copy = join(root, 'member.docx');
    writeFileSync(copy, withTypedPoint(readFileSync(built), 'cannot afford to lose.', NEW_POINT));
    // The redline: the new point and the renumbering, nothing else (not "see point [-1.13-]{+1.13+}").
    const diff = await runMain(['diff', built, copy, '--format', 'json']);
    const changes = (JSON.parse(diff.stdout) as { changes: { kind: string }[] }).changes;
    expect(changes.filter((c) => c.kind !== 'renumbered').map((c) => c.kind)).toEqual(['added']);
    expect(await tableJson(sample, copy)).toEqual([]);
  });

  it('in Word, with an empty numbered paragraph left after it (Enter pressed twice): the new point is tabled, the empty one reported, and the file still validates', async () => {
    const { root, sample } = scratch();
    expect((await runMain(['build', sample, '--to', 'docx', '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    const built = join(root, 'build', 'see-migrants', 'en', 'opinion.docx');
    const copy = join(root, 'member.docx');
    writeFileSync(copy, withTypedPoint(withTypedPoint(readFileSync(built), 'cannot afford to lose.', NEW_POINT), NEW_POINT, ''));
    const notes = await tableJson(sample, copy);
    expect(notes.map((m) => m.ruleId)).toEqual(['amendments/empty-point']);
    expect(notes[0]!.message).toMatch(/^Unexpected empty point 1\.8 in the member's copy .*nothing tabled for it/);
    // At the Word paragraph (`member.docx:<paragraph>`, as the reader counts them), not a line of the Markdown made from it.
    const empty = readDocx(readFileSync(copy), 'member.docx').tree.children.find(
      (node) => node.type === 'paragraph' && inlineText(node.children).text.trim() === '1.8',
    );
    expect(empty?.position?.start.line).toBeGreaterThan(0);
    expect(notes[0]!.line).toBe(empty?.position?.start.line);
    expect(readFileSync(join(sample, 'amendments.yaml'), 'utf8')).not.toContain('text: ""');
    expect((await runMain(['validate', sample, '--quiet'])).code).toBe(0);
  });

  it('in Markdown: the new point is tabled, and a point whose reference kept its old number is not, with a note', async () => {
    const { root, sample } = scratch();
    const { built, copy } = await memberInsertsPoint(root, sample);
    expect(built).toContain('(see point 1.13)');
    const notes = await tableJson(sample, copy);
    expect(notes.map((m) => m.ruleId)).toEqual(['amendments/reference-only', 'amendments/reference-only', 'amendments/reference-only']);
    expect(notes[0]!.message).toMatch(/^Point 3\.2\.3 of the member's copy differs from the draft only in a reference's number/);
  });

  it('in Markdown, for a point that holds a list too: a reference that kept its old number is no amendment either', async () => {
    const { root, sample } = scratch();
    const chapter = join(sample, 'text', 'en', '03-specific-comments.md');
    writeFileSync(
      chapter,
      readFileSync(chapter, 'utf8').replace('(see :ref{#rec-membership}).', '(see :ref{#rec-membership}), in two ways:\n\n- as members;\n- as board members.'),
    );
    const { copy } = await memberInsertsPoint(root, sample);
    const notes = await tableJson(sample, copy);
    expect(notes.map((m) => m.ruleId)).toEqual(['amendments/reference-only', 'amendments/reference-only', 'amendments/reference-only']);
    expect(readFileSync(join(sample, 'amendments.yaml'), 'utf8')).not.toContain('target: sc-young-leaders');
  });
});

describe("a Windows editor's files", () => {
  it('are appended to and rewritten as they are written: CRLF line endings and BOM kept, only the changed lines change', async () => {
    const { root, sample } = scratch();
    const windows = (path: string) => writeFileSync(path, `\ufeff${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}`);
    const amendments = join(sample, 'amendments.yaml');
    const chapter = join(sample, 'text', 'en', '01-conclusions-and-recommendations.md');
    for (const path of [amendments, join(sample, 'opinion.yaml'), chapter]) windows(path);
    const copy = join(root, 'member.md');
    expect((await runMain(['build', sample, '--to', 'md', '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    writeFileSync(
      copy,
      readFileSync(join(root, 'build', 'see-migrants', 'en', 'opinion.md'), 'utf8').replace('Among the chief characteristics', 'Among the main features'),
    );
    const before = readFileSync(amendments, 'utf8');
    expect((await runMain(['amendments', 'table', sample, copy, '--by', 'Jean MARTIN', '--quiet'])).code).toBe(0);
    const tabled = readFileSync(amendments, 'utf8');
    expect(tabled.startsWith(before.trimEnd())).toBe(true);
    expect(tabled.match(/\n/g)!.length).toBe(tabled.match(/\r\n/g)!.length);
    // The secretariat records the vote (in its editor, CRLF), and the next version is written.
    writeFileSync(
      amendments,
      tabled.replace('    action: amend\r\n    against: Among', '    outcome: adopted\r\n    without_vote: true\r\n    action: amend\r\n    against: Among'),
    );
    const next = join(root, 'opinions', 'next');
    expect((await runMain(['amendments', 'apply', sample, '--out', next, '--quiet'])).code).toBe(0);
    for (const name of ['amendments.yaml', 'opinion.yaml', join('text', 'en', '01-conclusions-and-recommendations.md')]) {
      const written = readFileSync(join(next, name), 'utf8');
      expect(written.startsWith('\ufeff'), name).toBe(true);
      expect(written.match(/\n/g)!.length, name).toBe(written.match(/\r\n/g)!.length);
    }
    expect(readFileSync(join(next, 'text', 'en', '01-conclusions-and-recommendations.md'), 'utf8')).toContain('Among the main features');
  });
});

describe('bad input', () => {
  it('a --date that is no real date (2018-02-30) stops table and apply before anything is read or written, exit 2', async () => {
    const { root, sample } = scratch();
    const before = readFileSync(join(sample, 'amendments.yaml'), 'utf8');
    for (const argv of [
      ['amendments', 'table', sample, join(root, 'member.md'), '--by', 'Jean MARTIN', '--date', '2018-02-30'],
      ['amendments', 'apply', sample, '--out', join(root, 'next'), '--date', '2018-02-30'],
    ]) {
      const run = await runMain(argv);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe('opinion: unexpected --date `2018-02-30`, expected YYYY-MM-DD\n');
    }
    expect(readFileSync(join(sample, 'amendments.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(root, 'next'))).toBe(false);
  });

  it('validate reports an unknown target at its place, exit 1', async () => {
    const { sample } = scratch();
    const file = join(sample, 'amendments.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('target: c-resource', 'target: c-resourse'));
    const run = await runMain(['validate', sample]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /amendments\.yaml\n\s+22:13-22:23\s+error\s+Unknown target `c-resourse` of amendment `am-s1` \(AM 1, section\), expected the id of a point of the text: did you mean `c-resource`\?/,
    );
  });

  it('apply refuses a target changed since tabling and conflicting adopted amendments, and writes nothing', async () => {
    const { root, sample } = scratch();
    const chapter = join(sample, 'text', 'en', '01-conclusions-and-recommendations.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('not a question of charity', 'not a matter of charity'));
    const file = join(sample, 'amendments.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(
          '    position: compromise\n    outcome: fallen\n\n  - id: am-s3',
          '    position: compromise\n    outcome: adopted\n    without_vote: true\n\n  - id: am-s3',
        )
        .replace('replaces: [am-s2, am-s3]', 'replaces: [am-s3]'),
    );
    const out = join(root, 'opinions', 'next');
    const run = await runMain(['amendments', 'apply', sample, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/24:14-27:41\s+error\s+Unexpected text of point 1\.6 \(`c-resource`\): it changed since amendment `am-s1` \(AM 1\) was tabled/);
    expect(run.stderr).toContain('conflicts with `am-s2` (AM 2, amend)');
    expect(run.stderr).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(root, 'opinions'))).toEqual(['see-migrants']);
  });

  it('apply warns of the references left to a deleted point, read as remark reads them (not in code, whatever their form)', async () => {
    const { root, sample } = scratch();
    // AM 6 (deleting `sc-communities-first`) adopted, against the point as it now reads.
    const point = /\{#sc-communities-first\} (.*)/.exec(readFileSync(join(sample, 'text', 'en', '03-specific-comments.md'), 'utf8'))![1]!;
    const file = join(sample, 'amendments.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/(target: sc-communities-first\n    action: delete\n    against: )>-\n(?: {6}.*\n)+/, `$1${JSON.stringify(point)}\n`)
        .replace(
          '    position: reject\n    outcome: rejected\n    vote: { for: 15, against: 35, abstentions: 6 }',
          '    position: accept\n    outcome: adopted\n    vote: { for: 35, against: 15, abstentions: 6 }',
        ),
    );
    const edit = (name: string, from: string, to: string) => {
      const chapter = join(sample, 'text', 'en', name);
      writeFileSync(chapter, readFileSync(chapter, 'utf8').replace(from, to));
    };
    // A reference with a label is one; a directive written in a code span is text.
    edit(
      '01-conclusions-and-recommendations.md',
      '(see :ref{#gc-principles})',
      '(see :ref{#gc-principles} and :ref[the point on communities]{#sc-communities-first})',
    );
    edit('02-general-comments.md', 'by the public authorities alone.', 'by the public authorities alone (write `:ref{#sc-communities-first}`).');
    const run = await runMain(['amendments', 'apply', sample, '--out', join(root, 'opinions', 'next')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'Unexpected reference to point `sc-communities-first`, deleted by amendment `am-s6` (AM 6), in text/en/01-conclusions-and-recommendations.md: expected the references removed or changed',
    );
  });

  it('apply writes a text in a flow mapping so that it stays one value (commas, colons), and the next version validates', async () => {
    const { root } = scratch();
    const dir = join(root, 'opinions', 'flow');
    expect((await runMain(['init', dir, '--title', 'Flow', '--stage', 'section'])).code).toBe(0);
    writeFileSync(
      join(dir, 'recommendations.yaml'),
      'recommendations:\n' +
        '  - { id: rec-a, text: { en: The EESC calls on the Commission to act. }, addressees: [european-commission] }\n' +
        '  - { id: rec-b, text: The EESC calls on the Council to act., addressees: [council] }\n',
    );
    writeFileSync(join(dir, 'principles.yaml'), 'principles: []\n');
    const amendment = (n: number, target: string, text: string) =>
      `  - { id: am-${n}, number: ${n}, stage: section, by: [Jan KOWALSKI], target: ${target}, action: amend, text: ${JSON.stringify(text)}, position: accept, outcome: adopted, without_vote: true }\n`;
    writeFileSync(
      join(dir, 'amendments.yaml'),
      `amendments:\n${amendment(1, 'rec-a', 'The EESC calls on the Commission, and on the Member States, to act.')}${amendment(2, 'rec-b', 'The EESC calls on the Council, with urgency, to act.')}`,
    );
    const next = join(root, 'opinions', 'flow-2');
    const applied = await runMain(['amendments', 'apply', dir, '--out', next]);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(readFileSync(join(next, 'recommendations.yaml'), 'utf8')).toBe(
      'recommendations:\n' +
        '  - { id: rec-a, text: { en: "The EESC calls on the Commission, and on the Member States, to act." }, addressees: [european-commission] }\n' +
        '  - { id: rec-b, text: "The EESC calls on the Council, with urgency, to act.", addressees: [council] }\n',
    );
    const validate = await runMain(['validate', next, '--quiet']);
    expect(validate.stdout).not.toContain('recommendations.yaml');
  });

  it("apply puts two new points, and two new recommendations, after the same one in the amendments' order", async () => {
    const { root } = scratch();
    const dir = join(root, 'opinions', 'order');
    expect((await runMain(['init', dir, '--title', 'Order', '--stage', 'section'])).code).toBe(0);
    writeFileSync(join(dir, 'text', 'en', '02-general-comments.md'), '# General comments\n\n{#g-first} The first point.\n\n{#g-next} The next point.\n');
    writeFileSync(
      join(dir, 'recommendations.yaml'),
      'recommendations:\n  - { id: rec-a, text: The EESC calls on the Council to act., addressees: [council] }\n',
    );
    writeFileSync(join(dir, 'principles.yaml'), 'principles: []\n');
    const insert = (n: number, target: string, text: string, extra = '') =>
      `  - { id: am-${n}, number: ${n}, stage: section, by: [Jan KOWALSKI], target: ${target}, action: insert-after, new_id: new-${n}, text: ${JSON.stringify(text)}${extra}, position: accept, outcome: adopted, without_vote: true }\n`;
    writeFileSync(
      join(dir, 'amendments.yaml'),
      `amendments:\n${insert(1, 'g-first', 'New point one.')}${insert(2, 'g-first', 'New point two.')}` +
        `${insert(3, 'rec-a', 'The EESC calls on the Commission to act.', ', addressees: [european-commission]')}` +
        `${insert(4, 'rec-a', 'The EESC calls on the Member States to act.', ', addressees: [member-states]')}`,
    );
    const next = join(root, 'opinions', 'order-2');
    const applied = await runMain(['amendments', 'apply', dir, '--out', next, '--quiet']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(readFileSync(join(next, 'text', 'en', '02-general-comments.md'), 'utf8')).toBe(
      '# General comments\n\n{#g-first} The first point.\n\n{#new-1} New point one.\n\n{#new-2} New point two.\n\n{#g-next} The next point.\n',
    );
    const ids = [...readFileSync(join(next, 'recommendations.yaml'), 'utf8').matchAll(/id: (rec-a|new-\d)/g)].map((m) => m[1]);
    expect(ids).toEqual(['rec-a', 'new-3', 'new-4']);
  });

  /**
   * A new opinion whose chapter 2 is `chapter`, built to `format`; a member's copy of it with `from` edited into
   * `into`, tabled (one amendment, no warning), adopted and applied: the new version's chapter 2, and whether it validates.
   */
  const editTableApply = async (
    format: 'md' | 'docx',
    chapter: string,
    from: string | RegExp,
    into: string | ((whole: string) => string),
    expected: [string, string][] = [['g-first', 'amend']],
  ) => {
    const { root } = scratch();
    const dir = join(root, 'opinions', 'edited');
    expect((await runMain(['init', dir, '--title', 'Edited', '--stage', 'section'])).code).toBe(0);
    writeFileSync(join(dir, 'text', 'en', '02-general-comments.md'), chapter);
    expect((await runMain(['build', dir, '--to', format, '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    const built = join(root, 'build', 'edited', 'en', `opinion.${format}`);
    const copy = join(root, `copy.${format}`);
    const edit = (text: string) => (typeof into === 'string' ? text.replace(from, into) : text.replace(from, into));
    if (format === 'md') writeFileSync(copy, edit(readFileSync(built, 'utf8')));
    else {
      const files = unzipSync(readFileSync(built));
      files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
      writeFileSync(copy, zipSync(files));
    }
    const tabled = await runMain(['amendments', 'table', dir, copy, '--by', 'Jan KOWALSKI']);
    expect(tabled.code, format + tabled.stdout + tabled.stderr).toBe(0);
    expect(tabled.stderr, format).toBe('');
    const yaml = readFileSync(join(dir, 'amendments.yaml'), 'utf8');
    writeFileSync(join(dir, 'amendments.yaml'), `${yaml.trimEnd()}\n    position: accept\n    outcome: adopted\n    without_vote: true\n`);
    const listed = json((await runMain(['amendments', 'list', dir, '--format', 'json'])).stdout);
    expect(
      listed.map((a) => [a.target, a.action]),
      format,
    ).toEqual(expected);
    const next = join(root, 'opinions', 'edited-2');
    expect((await runMain(['amendments', 'apply', dir, '--out', next, '--quiet'])).code, format).toBe(0);
    return {
      chapter: readFileSync(join(next, 'text', 'en', '02-general-comments.md'), 'utf8'),
      valid: (await runMain(['validate', next, '--quiet'])).code === 0,
    };
  };

  it('table and apply keep the list of a point whose words a member edited', async () => {
    const chapter =
      '# General comments\n\n{#g-first} The second point names two things:\n\n- the first thing\n- the second thing\n\n{#g-next} Another point.\n';
    expect(await editTableApply('md', chapter, 'The second point names', 'The second point now names')).toEqual({
      chapter: '# General comments\n\n{#g-first} The second point now names two things:\n- the first thing\n- the second thing\n\n{#g-next} Another point.\n',
      valid: true,
    });
  });

  /** A Word paragraph holding `text`, and the same paragraph after it holding `added` instead. */
  const wordParagraph = (text: string) => new RegExp(`<w:p>(?:(?!<w:p>).)*?${text}.*?</w:p>`, 's');
  const twice = (text: string, added: string) => (paragraph: string) => paragraph + paragraph.replace(text, added);

  it('table and apply carry a list item a member added to a point, after its neighbour and shaped as it, in Markdown and in Word', async () => {
    const chapter =
      '# General comments\n\n{#g-first} The second point :ref{#g-next} names things:\n\n- the first thing;\n- the second thing.\n\n{#g-next} Another point.\n';
    const expected =
      '# General comments\n\n{#g-first} The second point :ref{#g-next} names things:\n- the first thing;\n- a new thing;\n- the second thing.\n\n{#g-next} Another point.\n';
    expect(await editTableApply('md', chapter, '- the first thing;\n', '- the first thing;\n- a new thing;\n')).toEqual({ chapter: expected, valid: true });
    expect(await editTableApply('docx', chapter, wordParagraph('the first thing;'), twice('the first thing;', 'a new thing;'))).toEqual({
      chapter: expected,
      valid: true,
    });
    // A point written over two lines is two lines of the draft, but one paragraph of the Word copy: blocks are matched, not lines.
    const wrapped = chapter.replace('The second point ', 'The second point\n');
    expect(await editTableApply('docx', wrapped, wordParagraph('the second thing.'), twice('the second thing.', 'a last thing.'))).toEqual({
      chapter: expected.replace('- a new thing;\n', '').replace('- the second thing.\n', '- the second thing.\n- a last thing.\n'),
      valid: true,
    });
  });

  it('table and apply carry a nested item, a table row and a deleted item, each into its block of the source', async () => {
    const nested = '# General comments\n\n{#g-first} Things:\n\n1. the first thing;\n   - a detail;\n2. the second thing.\n\n{#g-next} Another point.\n';
    expect(await editTableApply('md', nested, '   - a detail;\n', '   - a detail;\n   - another detail;\n')).toEqual({
      chapter:
        '# General comments\n\n{#g-first} Things:\n1. the first thing;\n   - a detail;\n   - another detail;\n2. the second thing.\n\n{#g-next} Another point.\n',
      valid: true,
    });
    const table = '# General comments\n\n{#g-first} Figures:\n\n| Country | SEEs |\n| --- | --- |\n| Italy | 12 |\n\n{#g-next} Another point.\n';
    const row = (r: string) => r.replace('>Italy<', '>Spain<').replace('>12<', '>7<') + r;
    for (const [format, from, into] of [
      ['md', /\| Italy +\| 12 +\|/, '| Spain | 7 |\n| Italy | 12 |'],
      ['docx', /<w:tr[ >](?:(?!<w:tr[ >]).)*?>Italy<.*?<\/w:tr>/s, row],
    ] as const) {
      expect(await editTableApply(format, table, from, into), format).toEqual({
        chapter: '# General comments\n\n{#g-first} Figures:\n| Country | SEEs |\n| --- | --- |\n| Spain | 7 |\n| Italy | 12 |\n\n{#g-next} Another point.\n',
        valid: true,
      });
    }
    const deleted = '# General comments\n\n{#g-first} Things:\n\n- the first thing;\n- the second thing;\n- the third thing.\n\n{#g-next} Another point.\n';
    expect(await editTableApply('md', deleted, /.*the second thing;\n/, '')).toEqual({
      chapter: '# General comments\n\n{#g-first} Things:\n- the first thing;\n- the third thing.\n\n{#g-next} Another point.\n',
      valid: true,
    });
  });

  /** The sample without amendments, and a member's Markdown copy of its draft with `from` (which the draft has) edited into `into`. */
  const memberCopy = async (from: string, into: string) => {
    const { root, sample } = scratch();
    expect((await runMain(['build', sample, '--to', 'md', '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    const built = readFileSync(join(root, 'build', 'see-migrants', 'en', 'opinion.md'), 'utf8');
    expect(built).toContain(from);
    const copy = join(root, 'member.md');
    writeFileSync(copy, built.replace(from, into));
    writeFileSync(join(sample, 'amendments.yaml'), 'amendments: []\n');
    return { sample, copy };
  };

  it('table keeps the footnote mark of a point where a member added a sentence after it, with no warning', async () => {
    const { sample, copy } = await memberCopy('Social Business Initiative.[^4]\n', 'Social Business Initiative.[^4] They are many in Italy.\n');
    const tabled = await runMain(['amendments', 'table', sample, copy, '--by', 'Jean MARTIN', '--format', 'json']);
    expect(tabled.code, tabled.stderr).toBe(0);
    expect(json(tabled.stdout)).toEqual({ files: [], summary: expect.anything() });
    const yaml = readFileSync(join(sample, 'amendments.yaml'), 'utf8');
    expect(yaml.replace(/\s+/g, ' ')).toContain('text: SEEs take many forms');
    expect(yaml.replace(/\s+/g, ' ')).toContain('Social Business Initiative.[^fn-sbi] They are many in Italy.');
  });

  it('table keeps the words of a member who edited next to a spelled-out acronym as written, never half of each text', async () => {
    const { sample, copy } = await memberCopy(
      '1.1 The European Economic and Social Committee (EESC) considers that',
      '1.1 The European Economic and Social Committee (EESC) believes that',
    );
    const tabled = await runMain(['amendments', 'table', sample, copy, '--by', 'Jean MARTIN']);
    expect(tabled.code, tabled.stderr).toBe(0);
    expect(tabled.stderr).toContain('amendments/merged-text');
    const yaml = readFileSync(join(sample, 'amendments.yaml'), 'utf8').replace(/\s+/g, ' ');
    expect(yaml).toContain('text: The European Economic and Social Committee (EESC) believes that cooperatives');
  });

  it('table refuses a point to which the member added a table or a paragraph, and a new point of two paragraphs, instead of running them into one line', async () => {
    const { root, sample } = scratch();
    expect((await runMain(['build', sample, '--to', 'md', '--out', join(root, 'build'), '--quiet'])).code).toBe(0);
    const built = readFileSync(join(root, 'build', 'see-migrants', 'en', 'opinion.md'), 'utf8');
    const before = readFileSync(join(sample, 'amendments.yaml'), 'utf8');
    const renumbered = built.replace(/^2\.(\d+) /gm, (whole, n: string) => (Number(n) >= 4 ? `2.${Number(n) + 1} ` : whole));
    const copies = {
      table: [
        built.replace('Social Business Initiative.[^4]\n', 'Social Business Initiative.[^4]\n\n| Country | SEEs |\n| --- | --- |\n| Italy | 12 |\n'),
        /modified point 2\.3 in the member's copy: it holds a paragraph more than the draft/,
      ],
      paragraph: [
        built.replace('Social Business Initiative.[^4]\n', 'Social Business Initiative.[^4]\n\nThey are many in Italy.\n'),
        /modified point 2\.3 in the member's copy: it holds a paragraph more than the draft/,
      ],
      'new point of two paragraphs': [
        renumbered.replace(
          'Social Business Initiative.[^4]\n',
          'Social Business Initiative.[^4]\n\n2.4 The EESC calls for more funding.\n\nAnd better training.\n',
        ),
        /added point 2\.4 in the member's copy: it is a new point holding a second paragraph/,
      ],
    } as const;
    for (const [name, [text, warning]] of Object.entries(copies)) {
      const copy = join(root, 'member.md');
      writeFileSync(copy, text);
      const tabled = await runMain(['amendments', 'table', sample, copy, '--by', 'Jean MARTIN']);
      expect(tabled.code, name).toBe(1);
      expect(tabled.stderr, name).toMatch(warning);
      expect(tabled.stdout + tabled.stderr, name).toContain('No amendment tabled: none of its changes can be tabled from the copy');
      expect(readFileSync(join(sample, 'amendments.yaml'), 'utf8'), name).toBe(before);
    }
  });

  it('table and apply carry a new point holding a list or a table', async () => {
    const chapter = '# General comments\n\n{#g-first} The first point.\n\n{#g-next} Another point.\n';
    const withPoint = (point: string) => `# General comments\n\n{#g-first} The first point.\n\n{#g-first-new-1} ${point}\n\n{#g-next} Another point.\n`;
    const cases = [
      [
        '2.2 The EESC calls for:\n\n1. more funding;\n   - for training;\n2. better training.\n',
        'The EESC calls for:\n1. more funding;\n   - for training;\n2. better training.',
      ],
      ['2.2 Figures:\n\n| Country | SEEs |\n| --- | --- |\n| Italy | 12 |\n', 'Figures:\n| Country | SEEs |\n| --- | --- |\n| Italy | 12 |'],
    ] as const;
    for (const [added, point] of cases) {
      const result = await editTableApply('md', chapter, '2.2 Another point.', `${added}\n2.3 Another point.`, [['g-first', 'insert-after']]);
      expect(result).toEqual({ chapter: withPoint(point), valid: true });
    }
  });

  it('table and apply keep the table of a point whose words a member edited, in Markdown and in Word', async () => {
    const chapter =
      '# General comments\n\n{#g-first} The point gives figures:\n\n| Country | SEEs |\n| --- | --- |\n| Italy | 12 |\n\n{#g-next} Another point.\n';
    for (const format of ['md', 'docx'] as const) {
      expect(await editTableApply(format, chapter, 'The point gives', 'The point now gives'), format).toEqual({
        chapter:
          '# General comments\n\n{#g-first} The point now gives figures:\n| Country | SEEs |\n| --- | --- |\n| Italy | 12 |\n\n{#g-next} Another point.\n',
        valid: true,
      });
    }
  });

  it("table and apply keep the table of a point where a member edited a cell's words, in Markdown and in Word", async () => {
    // The copy shows a row as "Italy | social cooperatives", without the source's outer pipes: an edit at
    // a row's end touched the source's " |\n| " between two rows, which the merge let go ("… cooperatives\nSpain | …").
    const chapter =
      '# General comments\n\n{#g-first} The point names forms:\n\n| Country | SEEs |\n| --- | --- |\n| Italy | social cooperatives |\n| Spain | worker cooperatives |\n\n{#g-next} Another point.\n';
    const edits = [
      ['social cooperatives', 'social and worker cooperatives'],
      ['Country', 'Member State'],
      ['worker cooperatives', 'worker cooperatives too'],
    ] as const;
    for (const format of ['md', 'docx'] as const) {
      for (const [from, into] of edits) {
        expect(await editTableApply(format, chapter, from, into), `${format}: ${into}`).toEqual({
          chapter: `# General comments\n\n{#g-first} The point names forms:\n${chapter.slice(chapter.indexOf('| Country'), chapter.indexOf('\n\n{#g-next}')).replace(from, into)}\n\n{#g-next} Another point.\n`,
          valid: true,
        });
      }
    }
  });

  it('apply never overwrites an existing folder (exit 2)', async () => {
    const { root, sample } = scratch();
    const run = await runMain(['amendments', 'apply', sample, '--out', join(root, 'opinions')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists');
  });

  it('apply refuses a new folder inside the opinion folder and leaves no copy behind (exit 2)', async () => {
    const { sample } = scratch();
    const before = readdirSync(sample).sort();
    const run = await runMain(['amendments', 'apply', sample, '--out', join(sample, 'next')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/next` is inside the folder it copies, expected a folder outside/);
    expect(readdirSync(sample).sort()).toEqual(before);
  });

  it('a schema error in amendments.yaml is positioned and stops the commands (exit 1)', async () => {
    const { sample } = scratch();
    const file = join(sample, 'amendments.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    outcome: fallen\n', '    outcome: lost\n'));
    const run = await runMain(['amendments', 'list', sample]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/amendments\.yaml\n\s+58:14-58:18\s+error/);
  });
});

describe('merge3', () => {
  it("carries the member's edits into the source, keeping references", () => {
    const merged = merge3(
      'SEEs work with the EESC (see point 2.4) in all regions.',
      'SEEs work with the EESC (see :ref{#gc-principles}) in all regions.',
      'SEEs work closely with the EESC (see point 2.4) in most regions.',
    );
    expect(merged).toEqual({ text: 'SEEs work closely with the EESC (see :ref{#gc-principles}) in most regions.', conflict: false });
  });
  it("takes a line break read as one or two for no edit of the member's, and keeps the source's list", () => {
    const merged = merge3('It names:\nthe first\nthe second', 'It names:\n\n- the first\n- the second', 'It now names:\n\nthe first\nthe second');
    expect(merged).toEqual({ text: 'It now names:\n\n- the first\n- the second', conflict: false });
  });
  it("keeps the source's footnote mark where the member adds a sentence after it", () => {
    const merged = merge3('SEEs take many forms.', 'SEEs take many forms.[^fn-sbi]', 'SEEs take many forms. They are many in Italy.');
    expect(merged).toEqual({ text: 'SEEs take many forms.[^fn-sbi] They are many in Italy.', conflict: false });
    // …and where the member rewrote the word it follows, or the words on both sides of it.
    expect(merge3('SEEs take many forms and ways.', 'SEEs take many forms[^fn-x] and ways.', 'SEEs take many shapes and ways.')).toEqual({
      text: 'SEEs take many shapes[^fn-x] and ways.',
      conflict: false,
    });
    expect(merge3('many forms and ways', 'many forms[^fn-x] and ways', 'many shapes or ways')).toEqual({ text: 'many shapes[^fn-x] or ways', conflict: false });
    // The member's text attached at the same place, or the word before the mark deleted: their words are kept, as said.
    expect(merge3('many forms', 'many forms[^fn-sbi]', 'many forms.')).toEqual({ text: 'many forms.', conflict: true });
    expect(merge3('many forms and ways', 'many forms[^fn-x] and ways', 'many and ways')).toEqual({ text: 'many and ways', conflict: true });
    expect(merge3('many forms and ways', 'many forms[^fn-x] and ways', 'many ways')).toEqual({ text: 'many ways', conflict: true });
  });
  it("keeps the source's table frame around a cell the member edited at a row's end", () => {
    const base = 'Forms:\nItaly | social\nSpain | worker';
    const ours = 'Forms:\n\n| Italy | social |\n| --- | --- |\n| Spain | worker |';
    expect(merge3(base, ours, 'Forms:\n\nItaly | social and worker\nSpain | worker')).toEqual({
      text: 'Forms:\n\n| Italy | social and worker |\n| --- | --- |\n| Spain | worker |',
      conflict: false,
    });
    expect(merge3(base, ours, 'Forms:\n\nItaly | social\nSpain | worker too')).toEqual({
      text: 'Forms:\n\n| Italy | social |\n| --- | --- |\n| Spain | worker too |',
      conflict: false,
    });
  });
  it("keeps the member's words for the whole line where they edit next to a part of a construct the source writes in several places", () => {
    // The rendered text spells out an acronym, shows a link's address, or a word between emphasis marks: one edit
    // of the member's next to one of its parts gave "The EESC) believes", "(the EESC considers", "[the site (…)".
    const acronym = 'The European Economic and Social Committee (EESC) considers that';
    expect(merge3(acronym, 'The EESC considers that', 'The European Economic and Social Committee (EESC) believes that')).toEqual({
      text: 'The European Economic and Social Committee (EESC) believes that',
      conflict: true,
    });
    expect(merge3(acronym, 'The EESC considers that', 'The European Economic and Social Committee (the EESC) considers that')).toEqual({
      text: 'The European Economic and Social Committee (the EESC) considers that',
      conflict: true,
    });
    expect(merge3('see the website (https://x.eu) now', 'see [the website](https://x.eu) now', 'see the site (https://x.eu) now')).toEqual({
      text: 'see the site (https://x.eu) now',
      conflict: true,
    });
    expect(merge3('a very strong word', 'a *very strong* word', 'a very strong, word')).toEqual({ text: 'a very strong, word', conflict: true });
    // The point's other lines (a list) keep the source's Markdown; a conflict on a whole construct stays where it is.
    expect(
      merge3(
        'The European Economic and Social Committee (EESC) names:\nthe first\nthe second',
        'The EESC names:\n\n- the first\n- the second',
        'The European Economic and Social Committee (EESC) lists:\n\nthe first\nthe second',
      ),
    ).toEqual({ text: 'The European Economic and Social Committee (EESC) lists:\n\n- the first\n- the second', conflict: true });
    expect(merge3('see point 2.4 and point 3.1 now', 'see :ref{#a} and :ref{#b} now', 'see point 2.5 and point 3.1 now')).toEqual({
      text: 'see point 2.5 and :ref{#b} now',
      conflict: true,
    });
  });
  it("keeps the member's words where they edit rendered text", () => {
    const merged = merge3('see point 2.4 now', 'see :ref{#x} now', 'see point 3.1 now');
    expect(merged.conflict).toBe(true);
    expect(merged.text).toBe('see point 3.1 now');
  });
});

describe('pointMarkdown', () => {
  it('joins the lines of a paragraph and keeps a list, quote or table with its lines', () => {
    expect(pointMarkdown('Soft\n  wrapped   text\n\nand more')).toBe('Soft wrapped text and more');
    expect(pointMarkdown('It names:\n\n- one\n- two\n')).toBe('It names:\n- one\n- two');
    expect(pointMarkdown('It names:\n- one\n  - nested\n- two')).toBe('It names:\n- one\n  - nested\n- two');
    expect(pointMarkdown('Figures:\n\n| a | b |\n| - | - |\n| 1 | 2 |')).toBe('Figures:\n| a | b |\n| - | - |\n| 1 | 2 |');
    // A table on the line after the paragraph's (as a folded YAML text gives it back) is a table, as remark reads it.
    expect(pointMarkdown('Figures:\n| a | b |\n| :- | -: |\n| 1 | 2 |')).toBe('Figures:\n| a | b |\n| :- | -: |\n| 1 | 2 |');
    expect(pointMarkdown('Figures\n| a | b |\nmore')).toBe('Figures | a | b | more');
    expect(pointMarkdown('A táblázat szerint\n2018. május óta nő.')).toBe('A táblázat szerint 2018. május óta nő.');
  });
});

describe('docs/amendments.md', () => {
  it('shows the real output of every ```console example', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'amendments.md'), 'utf8');
    const blocks = [...doc.matchAll(/```console\n\$ opinion ([^\n]*)\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThan(1);
    for (const [, command, output] of blocks) {
      const run = await runMain(command!.split(' '));
      expect(run.stdout, command).toBe(output);
    }
  });
});
