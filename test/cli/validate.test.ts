import { describe, it, expect } from 'vitest';
import { ROOT, runBin, runMain } from '../helpers.js';

const FIX = 'test/validate/fixtures';

describe('opinion validate (real bin)', () => {
  it('exits 0 on a valid opinion and says so', () => {
    const run = runBin(['validate', `${FIX}/valid`]);
    expect(run).toEqual({ code: 0, stdout: '✔ no problems (1 opinion, 4 files)\n', stderr: '' });
  });

  it('exits 1 and reports every problem at file:line:column with a code frame', () => {
    const run = runBin(['validate', `${FIX}/unknown-property`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        `${FIX}/unknown-property/recommendations.yaml`,
        '  4:5-4:14  error  Unexpected property `adressees`, did you mean `addressees`?  schema/unknown-property',
        '    4 |     adressees: [european-commission]',
        '            ^^^^^^^^^',
        '  6:5-6:12  error  Unexpected property `priorty`, did you mean `priority`?  schema/unknown-property',
        '    6 |     priorty: high',
        '            ^^^^^^^',
        '',
        '✖ 2 errors (1 opinion, 4 files)',
        '',
      ].join('\n'),
    );
  });

  it('validates a tree of opinions in one run', () => {
    const run = runBin(['validate', FIX, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary.errors).toBeGreaterThan(20);
    expect(report.files.some((f: { path: string }) => f.path === `${FIX}/valid/opinion.yaml`)).toBe(true);
  });

  it('writes GitHub workflow annotations', () => {
    const run = runBin(['validate', `${FIX}/bad-enum`, '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      `::error file=${FIX}/bad-enum/opinion.yaml,line=4,col=7,endLine=4,endColumn=17,title=opinion schema/enum::Unexpected \`initiative\` for \`kind\`, expected one of \`own-initiative\`, \`exploratory\`, \`referral\`, \`additional\`, \`information-report\`, \`to be completed\` (did you mean \`own-initiative\`?)`,
    );
  });

  it('writes SARIF 2.1.0', () => {
    const run = runBin(['validate', `${FIX}/bad-date`, '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('opinion');
    expect(sarif.runs[0].results[0]).toEqual({
      ruleId: 'schema/date',
      level: 'error',
      message: {
        text: 'Unexpected date `2017-02-30` for `decision.date`, expected a real date written `YYYY-MM-DD` (e.g. `2018-05-23`), or `to be completed`',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `${FIX}/bad-date/opinion.yaml`, uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 19 },
          },
        },
      ],
    });
  });

  it('exits 2 with a one-line message for a missing folder', () => {
    const run = runBin(['validate', 'no/such/folder']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'opinion: cannot read `no/such/folder`: no such file or folder\n' });
  });

  it('exits 2 for a folder holding no opinion', () => {
    const run = runBin(['validate', 'bin']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'opinion: no opinion found in `bin`, expected a folder holding `opinion.yaml`\n' });
  });

  it('exits 2 for an unknown format', () => {
    const run = runBin(['validate', `${FIX}/valid`, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are human, json, github, sarif.");
  });
});

describe('opinion validate (in-process)', () => {
  it('colours on a terminal and honours NO_COLOR', async () => {
    const tty = await runMain(['validate', `${FIX}/bad-enum`], { tty: true });
    expect(tty.stdout).toContain('\u001b[31merror\u001b[39m');
    const noColor = await runMain(['validate', `${FIX}/bad-enum`], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(noColor.code).toBe(1);
  });

  it('--quiet hides warnings', async () => {
    const run = await runMain(['validate', `${FIX}/empty-files`, '--quiet']);
    expect(run.stdout).not.toMatch(/\bwarning\b.*\//);
    expect(run.stdout).toContain('chapter/empty');
    // The summary says what was left out, never "no problems" over it.
    expect(run.stdout).toMatch(/; \d+ warnings? not shown \(--quiet\)\n$/);
  });
});

describe('opinion --help / --version', () => {
  it('prints the version', () => {
    const run = runBin(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('lists the commands', () => {
    const run = runBin(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('validate [options] [paths...]');
    expect(run.stdout).toContain('init [options] <dir>');
  });

  it('exits 2 on an unknown command, with a suggestion', () => {
    const run = runBin(['valdate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(Did you mean validate?)');
  });
});

describe('file locations in SARIF', () => {
  it('are URIs: every path segment percent-encoded under the root, a file outside it as an absolute file: URI', async () => {
    const { mkdtempSync, mkdirSync, cpSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const repo = mkdtempSync(join(tmpdir(), 'opinion-repo-'));
    mkdirSync(join(repo, '.git'));
    cpSync(join(ROOT, FIX, 'bad-date'), join(repo, 'opinions', 'draft #2 été?'), { recursive: true });
    const outside = mkdtempSync(join(tmpdir(), 'opinion-outside-'));
    cpSync(join(ROOT, FIX, 'bad-date'), join(outside, 'bad-date'), { recursive: true });
    const sarif = JSON.parse((await runMain(['validate', 'opinions', join(outside, 'bad-date'), '--format', 'sarif'], { cwd: repo })).stdout);
    const locations = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) =>
      JSON.stringify(r.locations[0]!.physicalLocation.artifactLocation),
    );
    expect([...new Set<string>(locations)].map((location) => JSON.parse(location))).toEqual([
      { uri: 'opinions/draft%20%232%20%C3%A9t%C3%A9%3F/opinion.yaml', uriBaseId: '%SRCROOT%' },
      { uri: pathToFileURL(join(outside, 'bad-date', 'opinion.yaml')).href },
    ]);
  });
});

describe('paths in github and sarif reports are relative to the repository root', () => {
  it('when run from a sub-folder (a workflow `working-directory`), and named by GITHUB_WORKSPACE', async () => {
    const { mkdtempSync, mkdirSync, cpSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const repo = mkdtempSync(join(tmpdir(), 'opinion-repo-'));
    mkdirSync(join(repo, '.git'));
    cpSync(join(ROOT, FIX, 'bad-date'), join(repo, 'site', 'opinions', 'bad-date'), { recursive: true });
    const cwd = join(repo, 'site');
    const github = await runMain(['validate', 'opinions', '--format', 'github'], { cwd });
    expect(github.stdout).toMatch(/^::error file=site\/opinions\/bad-date\/opinion\.yaml,line=12,/m);
    const sarif = JSON.parse((await runMain(['validate', 'opinions', '--format', 'sarif'], { cwd })).stdout);
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'schema/date').locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'site/opinions/bad-date/opinion.yaml',
      uriBaseId: '%SRCROOT%',
    });
    // The human report stays relative to where the user is.
    expect((await runMain(['validate', 'opinions'], { cwd })).stdout).toMatch(/^opinions\/bad-date\/opinion\.yaml\n/);
    // In a workflow, GITHUB_WORKSPACE is the checkout's root even without .git beside it.
    const workspace = mkdtempSync(join(tmpdir(), 'opinion-ws-'));
    cpSync(join(ROOT, FIX, 'bad-date'), join(workspace, 'a', 'b', 'bad-date'), { recursive: true });
    const fromWorkspace = await runMain(['validate', 'b', '--format', 'github'], { cwd: join(workspace, 'a'), env: { GITHUB_WORKSPACE: workspace } });
    expect(fromWorkspace.stdout).toMatch(/^::error file=a\/b\/bad-date\/opinion\.yaml,line=12,/m);
  });
});
