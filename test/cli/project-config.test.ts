/** `opinion.config.yaml`: project defaults for build and check, validated with positioned errors. */
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runMain } from '../helpers.js';

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-project-'));
  cpSync(join(ROOT, 'test', 'build', 'fixtures', 'languages'), join(dir, 'opinions', 'languages'), { recursive: true });
  writeFileSync(join(dir, 'opinion.config.yaml'), config);
  mkdirSync(join(dir, 'opinions', 'sub'));
  return dir;
}

describe('opinion.config.yaml', () => {
  it('gives build its defaults (lang, to, out relative to the file), from any folder below it', async () => {
    const dir = project('lang: all\nto: [md, json]\nout: drafts\n');
    const run = await runMain(['build', '../languages'], { cwd: join(dir, 'opinions', 'sub') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const langs = readdirSync(join(dir, 'drafts', 'languages'))
      .filter((name) => !name.startsWith('.'))
      .sort();
    expect(langs.length).toBeGreaterThan(1);
    for (const lang of langs) expect(readdirSync(join(dir, 'drafts', 'languages', lang)).sort()).toEqual(['opinion.json', 'opinion.md']);
  });

  it('an option on the command line wins', async () => {
    const dir = project('lang: all\nto: [md, json]\nout: drafts\n');
    expect((await runMain(['build', 'opinions/languages', '--to', 'html', '--out', 'elsewhere'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'drafts'))).toBe(false);
    const langs = readdirSync(join(dir, 'elsewhere', 'languages')).filter((name) => !name.startsWith('.'));
    for (const lang of langs) expect(readdirSync(join(dir, 'elsewhere', 'languages', lang))).toEqual(['opinion.html']);
  });

  it('a mistake is reported at its place, with what was expected, and nothing runs (exit 2)', async () => {
    const dir = project('lang: French\nto: [md, rtf]\nouts: x\n');
    const run = await runMain(['build', 'opinions/languages'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'opinion.config.yaml',
        '  1:7-1:13  error  Unexpected `French` for `lang`, expected a two-letter language code such as `fr`, or `all`  config/schema',
        '    1 | lang: French',
        '              ^^^^^^',
        '  2:10-2:13  error  Unexpected `rtf` for `to.1`, expected one of `md`, `html`, `json`, `docx`, `pdf`  config/schema',
        '    2 | to: [md, rtf]',
        '                 ^^^',
        '  3:1-3:5  error  Unexpected property `outs`, did you mean `out`?  config/schema',
        '    3 | outs: x',
        '        ^^^^',
        '',
        '✖ 3 errors',
        'opinion: cannot use `opinion.config.yaml`: fix the problems above',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'build'))).toBe(false);
  });

  it('gives check its rules', async () => {
    const dir = project('rules:\n  writing/sentence-length: { max: 3 }\n');
    const run = await runMain(['check', 'opinions/languages', '--format', 'json'], { cwd: dir });
    const ids = JSON.parse(run.stdout).files.flatMap((f: { messages: { ruleId: string }[] }) => f.messages.map((m) => m.ruleId));
    expect(ids).toContain('writing/sentence-length');
    const off = project('rules:\n  writing/sentence-length: off\n');
    const quiet = await runMain(['check', 'opinions/languages', '--format', 'json'], { cwd: off });
    expect(JSON.parse(quiet.stdout).files.flatMap((f: { messages: { ruleId: string }[] }) => f.messages.map((m) => m.ruleId))).not.toContain(
      'writing/sentence-length',
    );
  });
});
