/**
 * The package as a user gets it: packed with the files `npm pack` takes
 * (`files` in package.json) and the published manifest (no `prepare`, see
 * src/scripts/pack-manifest.mjs), installed into an empty folder outside the
 * repository, then the README's two recipes run there through `npx opinion`
 * (rapporteur: init → validate → build → Word and PDF; secretariat: diff
 * between folders and between git revisions → Word redline and amendment
 * sheet), and a TypeScript file importing the library type-checks.
 *
 * Uses the dist/ already built (`npm run build`) and npm's cache or registry
 * for the package's few dependencies.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers.js';

let base = '';
let user = '';

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
  });
  if (result.error) throw result.error;
  return result;
}
const opinion = (args: string[], env: Record<string, string> = {}) => run('npx', ['--no', '--', 'opinion', ...args], user, env);

describe('the packed package, installed outside the repository', () => {
  let tarball = '';
  let install: SpawnSyncReturns<string>;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'opinion-pack-'));
    // What `npm pack` would take, copied to a staging folder with the published manifest.
    const listing = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    expect(listing.status).toBe(0);
    const files = (JSON.parse(listing.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    const stage = join(base, 'stage');
    for (const file of files) {
      mkdirSync(dirname(join(stage, file)), { recursive: true });
      cpSync(join(ROOT, file), join(stage, file));
    }
    mkdirSync(join(stage, 'src', 'scripts'), { recursive: true });
    cpSync(join(ROOT, 'src', 'scripts', 'pack-manifest.mjs'), join(stage, 'src', 'scripts', 'pack-manifest.mjs'));
    expect(run(process.execPath, ['src/scripts/pack-manifest.mjs', 'strip'], stage).status).toBe(0);
    rmSync(join(stage, '.package.json.before-pack'));
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', base], stage);
    expect(pack.status).toBe(0);
    tarball = join(base, readdirSync(base).find((name) => name.endsWith('.tgz'))!);

    user = join(base, 'opinions-repo');
    mkdirSync(user);
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'opinions', private: true, type: 'module' }, null, 2) + '\n');
    install = run('npm', ['install', '--save-dev', '--prefer-offline', tarball], user);
  }, 600_000);
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('installs as eesc-opinion with the `opinion` command, no install script to approve', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(/install-scripts|allowScripts|prepare/);
    expect(tarball).toMatch(/eesc-opinion-\d+\.\d+\.\d+\.tgz$/);
    const manifest = JSON.parse(readFileSync(join(user, 'node_modules', 'eesc-opinion', 'package.json'), 'utf8'));
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(existsSync(join(user, 'node_modules', 'eesc-opinion', 'LICENSE'))).toBe(true);
    expect(existsSync(join(user, 'node_modules', 'eesc-opinion', 'dist', 'types', 'index.d.ts'))).toBe(true);
    // The bundle needs nothing at run time: only the packages its types use are installed.
    expect(existsSync(join(user, 'node_modules', 'docx'))).toBe(false);
    expect(existsSync(join(user, 'node_modules', 'commander'))).toBe(false);
    // The README on the registry's page: no relative link (no repository to resolve it against); each link to the
    // package's own files names one this version ships (docs/ is in the package, so it also reads in node_modules).
    const installed = join(user, 'node_modules', 'eesc-opinion');
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    const prose = readme.replace(/^```[\s\S]*?^```/gm, '');
    expect([...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|#)/.test(t))).toEqual([]);
    const own = [...prose.matchAll(/\]\((https:\/\/cdn\.jsdelivr\.net\/npm\/eesc-opinion@[^/]+\/([^)#]+))/g)];
    expect(own.length).toBeGreaterThan(10);
    for (const [, url, path] of own) expect(existsSync(join(installed, path!)), url).toBe(true);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/commands/init.md)');
    expect(opinion(['--version']).stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  }, 300_000);

  it('rapporteur: init → validate → build → Word and PDF', () => {
    const init = opinion([
      'init',
      'opinions/platform-work',
      '--reference',
      'SOC/812',
      '--title',
      'Platform work',
      '--kind',
      'own-initiative',
      '--legal-basis',
      'Rule 52(2) of the Rules of Procedure',
      '--rapporteur',
      'Jane DOE',
      '--decision-date',
      '2026-01-21',
      '--version-date',
      '2026-02-01',
    ]);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    // The schema links point to the published schemas, not into node_modules.
    expect(readFileSync(join(user, 'opinions', 'platform-work', 'opinion.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=https:\/\//);
    // A fresh scaffold is valid; what nobody has written yet is `to be completed` (warnings, never errors).
    const validate = opinion(['validate', 'opinions/platform-work']);
    expect(validate.status).toBe(0);
    expect(validate.stdout).not.toMatch(/\berror\b/);
    expect(validate.stdout).toMatch(/^⚠ \d+ warnings \(1 opinion/m);
    const build = opinion(['build', 'opinions/platform-work', '--to', 'md,html,docx,pdf', '--quiet']);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    for (const ext of ['md', 'html', 'docx', 'pdf']) expect(existsSync(join(user, 'build', 'platform-work', 'en', `opinion.${ext}`)), ext).toBe(true);
    // Lines joined: where the title wraps depends on the fonts installed (Liberation Serif or DejaVu Serif).
    const text = run('pdftotext', [join(user, 'build', 'platform-work', 'en', 'opinion.pdf'), '-'], user).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('SOC/812');
    expect(text).toContain('on ‘Platform work’');
  }, 300_000);

  it('secretariat: diff between folders and between git revisions → Word redline and amendment sheet', () => {
    cpSync(join(user, 'opinions', 'platform-work'), join(user, 'opinions', 'platform-work-v2'), { recursive: true });
    appendFileSync(
      join(user, 'opinions', 'platform-work-v2', 'text', 'en', '02-general-comments.md'),
      '\n{#g-added} The Committee adds this point for the section meeting.\n',
    );
    const folders = opinion(['diff', 'opinions/platform-work', 'opinions/platform-work-v2', '--out', 'redline.docx', '--quiet']);
    expect(folders.stderr).toBe('');
    expect(folders.status).toBe(1);
    expect(existsSync(join(user, 'redline.docx'))).toBe(true);
    const sheet = opinion(['diff', 'opinions/platform-work', 'opinions/platform-work-v2', '--format', 'amendments', '--out', 'amendments.docx']);
    expect(sheet.status).toBe(1);
    expect(existsSync(join(user, 'amendments.docx'))).toBe(true);

    const git = (...args: string[]) =>
      expect(
        run('git', args, user, { GIT_AUTHOR_NAME: 'S', GIT_AUTHOR_EMAIL: 's@example.org', GIT_COMMITTER_NAME: 'S', GIT_COMMITTER_EMAIL: 's@example.org' })
          .status,
      ).toBe(0);
    writeFileSync(join(user, '.gitignore'), 'node_modules/\nbuild/\n');
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'the version sent to the section');
    git('tag', 'sent');
    appendFileSync(join(user, 'opinions', 'platform-work', 'text', 'en', '02-general-comments.md'), '\n{#g-later} A point written after it was sent.\n');
    const revision = opinion(['diff', 'opinions/platform-work', '--from', 'sent', '--out', 'since-sent.docx', '--quiet']);
    // No warning about schema links at a revision (--quiet leaves out the scaffold's gaps, warnings only).
    expect(revision.stderr).toBe('');
    expect(revision.status).toBe(1);
    expect(existsSync(join(user, 'since-sent.docx'))).toBe(true);
  }, 300_000);

  it('a TypeScript file importing the library type-checks', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(
      join(user, 'check.ts'),
      [
        "import { validateOpinion, formatReport, countMessages, type Counts } from 'eesc-opinion';",
        "const { files } = await validateOpinion('opinions/platform-work');",
        'const counts: Counts = countMessages(files);',
        "const text: string = formatReport(files, 'json');",
        'export { counts, text };',
        '',
      ].join('\n'),
    );
    const config = (skipLibCheck: boolean) =>
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023'],
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
          strict: true,
          noEmit: true,
          skipLibCheck,
        },
        files: ['check.ts'],
      });
    // As `tsc --init` sets it (skipLibCheck), with nothing else installed.
    writeFileSync(join(user, 'tsconfig.json'), config(true));
    const loose = run(process.execPath, [tsc, '-p', user], user);
    expect(loose.stdout + loose.stderr).toBe('');
    expect(loose.status).toBe(0);
    // Checking the library's declarations too: they need docx's types, an optional peer dependency.
    writeFileSync(join(user, 'tsconfig.json'), config(false));
    expect(
      run(
        'npm',
        ['install', '--save-dev', '--prefer-offline', `docx@${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).peerDependencies.docx}`],
        user,
      ).status,
    ).toBe(0);
    const strict = run(process.execPath, [tsc, '-p', user], user);
    expect(strict.stdout + strict.stderr).toBe('');
    expect(strict.status).toBe(0);
  }, 300_000);
});
