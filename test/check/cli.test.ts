/**
 * `opinion check` from the command line: in-process through `main()` with an
 * injected Io (every format, exit codes 0 / 1 / 2, options), and through the
 * real bin on enough opinions to use worker threads.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, runBin, runMain } from '../helpers.js';
import { RULES } from '../../src/check/index.js';
import { writeOpinion, BASE_OPINION } from './helpers.js';

/** An opinion with one error (a point referring to itself) and one warning (a principle nothing rests on). */
const FLAWED = {
  'opinion.yaml': BASE_OPINION,
  'principles.yaml': 'principles:\n  - id: p-inclusion\n    title: Inclusive action\n    text: Cooperatives act inclusively.\n',
  'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Cooperatives help migrants (see :ref{#c-one}).\n',
};

const CLEAN = {
  'opinion.yaml': BASE_OPINION,
  'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Cooperatives help migrants.\n',
};

describe('opinion check (in-process)', () => {
  it('exits 0 on a clean opinion', async () => {
    const dir = writeOpinion(CLEAN, {});
    expect(await runMain(['check', '.'], { cwd: dir })).toEqual({ code: 0, stdout: '✔ no problems (1 opinion, 2 files)\n', stderr: '' });
  });

  it('exits 1 on errors and reports every finding at file:line:column', async () => {
    const dir = writeOpinion(FLAWED, {});
    const run = await runMain(['check', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'principles.yaml',
        '  2:9-2:20  warning  Unexpected principle `p-inclusion` that no recommendation rests on, expected its id in the `principles` of a recommendation  coverage/principle-unused',
        '    2 |   - id: p-inclusion',
        '                ^^^^^^^^^^^',
        '',
        'text/en/01-conclusions.md',
        '  3:42-3:54  error  Unexpected reference of point 1.1 (`c-one`) to itself, expected a reference to another point  refs/self-reference',
        '    3 | {#c-one} Cooperatives help migrants (see :ref{#c-one}).',
        '                                                 ^^^^^^^^^^^^',
        '',
        '✖ 1 error, 1 warning (1 opinion, 3 files)',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON, GitHub annotations and SARIF with the rules described', async () => {
    const dir = writeOpinion(FLAWED, {});
    const json = JSON.parse((await runMain(['check', '.', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.summary).toEqual({ files: 3, errors: 1, warnings: 1, infos: 0 });
    expect(json.files[2].messages[0]).toMatchObject({ ruleId: 'refs/self-reference', severity: 'error', line: 3, column: 42, endLine: 3, endColumn: 54 });
    const github = (await runMain(['check', '.', '--format', 'github'], { cwd: dir })).stdout;
    expect(github.split('\n')[1]).toBe(
      '::error file=text/en/01-conclusions.md,line=3,col=42,endLine=3,endColumn=54,title=opinion refs/self-reference::Unexpected reference of point 1.1 (`c-one`) to itself, expected a reference to another point',
    );
    const sarif = JSON.parse((await runMain(['check', '.', '--format', 'sarif'], { cwd: dir })).stdout);
    const rationale = RULES.find((rule) => rule.meta.id === 'refs/self-reference')!.meta.rationale;
    const url = 'https://cdn.jsdelivr.net/npm/eesc-opinion@0/docs/check-rules.md#refsself-reference';
    // What code scanning shows with each alert: descriptions, help, and a link to the rule's docs.
    expect(sarif.runs[0].tool.driver.rules).toContainEqual({
      id: 'refs/self-reference',
      name: 'refs/self-reference',
      shortDescription: { text: 'Report a point that refers to itself' },
      fullDescription: { text: rationale },
      help: { text: `${rationale}\n\n${url}`, markdown: `${rationale}\n\n[Documentation](${url})` },
      helpUri: url,
    });
    // The link's anchor is a heading of the rules page.
    expect(readFileSync(join(ROOT, 'docs', 'check-rules.md'), 'utf8')).toContain('\n## `refs/self-reference`\n');
    expect(sarif.runs[0].results).toHaveLength(2);
  });

  it('reports sources that do not validate with the validation messages only', async () => {
    const dir = writeOpinion({ ...FLAWED, 'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} See :ref{#c-nowhere}.\n' }, {});
    const run = await runMain(['check', '.', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const rules = JSON.parse(run.stdout).files.flatMap((f: { messages: { ruleId: string }[] }) => f.messages.map((m) => m.ruleId));
    expect(rules).toEqual(['ref/unknown-id']);
    const human = await runMain(['check', '.'], { cwd: dir });
    expect(human.stdout.trimEnd().split('\n').pop()).toBe('✖ 1 error (1 opinion, 3 files; rules not run on 1 opinion with validation errors)');
  });

  it('sets rules from the command line, and --quiet keeps errors only', async () => {
    const dir = writeOpinion(FLAWED, {});
    const off = await runMain(['check', '.', '--rule', 'refs/self-reference=off', '--format', 'json'], { cwd: dir });
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
    const quiet = await runMain(['check', '.', '--quiet', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(quiet.stdout).summary).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('exits 2 when it cannot run', async () => {
    const dir = writeOpinion(CLEAN, {});
    expect(await runMain(['check', '.', '--rule', 'writing/long=off'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'opinion: unexpected --rule `writing/long=off`, expected `<rule id>=off|warning|error` with a rule from `opinion check --list-rules`\n',
    });
    expect(await runMain(['check', '.', '--config', 'missing.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'opinion: cannot read --config `missing.yaml`: no such file\n',
    });
    expect((await runMain(['check', 'nowhere'], { cwd: dir })).code).toBe(2);
    expect((await runMain(['check', '.', '--jobs', '0'], { cwd: dir })).stderr).toBe('opinion: unexpected --jobs `0`, expected a whole number of at least 1\n');
  });

  it('lists the rules', async () => {
    const run = await runMain(['check', '--list-rules']);
    expect(run.code).toBe(0);
    for (const rule of RULES) expect(run.stdout).toContain(`${rule.meta.id}`);
    expect(run.stdout.split('\n')[1]).toBe(`length/limit                         error    ${RULES[0]!.meta.description}`);
  });

  it('colours a terminal, and honours NO_COLOR', async () => {
    const dir = writeOpinion(FLAWED, {});
    expect((await runMain(['check', '.'], { cwd: dir, tty: true })).stdout).toContain('\u001b[31merror\u001b[39m');
    expect((await runMain(['check', '.'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('finds no error in the sample opinions', async () => {
    const run = await runMain(['check', 'opinions', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.errors).toBe(0);
  });
});

describe('opinion check (real bin)', () => {
  it('gives the same report on worker threads as in one thread', () => {
    const root = mkdtempSync(join(tmpdir(), 'opinion-check-many-'));
    const flawed = writeOpinion(FLAWED, {});
    for (let i = 0; i < 26; i++) cpSync(flawed, join(root, `opinion-${String(i).padStart(2, '0')}`), { recursive: true });
    const one = runBin(['check', '.', '--format', 'json', '--jobs', '1'], { cwd: root });
    const many = runBin(['check', '.', '--format', 'json', '--jobs', '2'], { cwd: root });
    expect(one.code).toBe(1);
    expect(many).toEqual(one);
    expect(JSON.parse(many.stdout).summary).toEqual({ files: 78, errors: 26, warnings: 26, infos: 0 });
  });
});
