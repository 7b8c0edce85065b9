/**
 * `opinion diff` run in-process through `main()` with an injected Io:
 * formats, --out, exit codes (0 same, 1 different, 2 trouble, with a
 * one-line message), opinion folders, and one path at two git revisions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpinion } from '../../src/opinion/index.js';
import type { Draft } from '../../src/core/draft.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { loadDrafts } from '../../src/drafts/load.js';
import { draftFromDocx } from '../../src/drafts/word-file.js';
import { runMain, type Run } from '../helpers.js';
import { FIXTURES, ROOT, diffSchemaValidator } from './helpers.js';

/** `opinion diff …` in-process, paths relative to the fixtures. */
function run(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<Run> {
  return runMain(['diff', ...args], { ...options, cwd: options.cwd ?? FIXTURES });
}

describe('opinion diff: Markdown drafts', () => {
  it('exits 0 and says so when nothing differs', async () => {
    expect(await run(['identical/old.md', 'identical/new.md'])).toEqual({
      code: 0,
      stdout: 'opinion diff identical/old.md → identical/new.md\n\nNo differences.\n',
      stderr: '',
    });
    expect((await run(['empty/old.md', 'empty/new.md'])).code).toBe(0);
  });

  it('exits 1 with a redline on standard output', async () => {
    const result = await run(['modified/old.md', 'modified/new.md']);
    expect(result).toEqual({
      code: 1,
      stdout: [
        'opinion diff modified/old.md → modified/new.md',
        '',
        '1. Conclusions and recommendations',
        '  point 1.2 modified',
        '    Among their chief characteristics is their capacity to mobilise {+and involve +}local communities, setting up networks and partnerships with {+central and +}local administrations.',
        '',
        'Summary: 1 modified; words +4 −0',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('colours the terminal format on a terminal, unless NO_COLOR or --no-color', async () => {
    expect((await run(['modified/old.md', 'modified/new.md'], { tty: true })).stdout).toMatch(/\u001b\[32m/);
    expect((await run(['modified/old.md', 'modified/new.md'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['modified/old.md', 'modified/new.md', '--no-color'], { tty: true })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['modified/old.md', 'modified/new.md', '--color'])).stdout).toMatch(/\u001b\[32m/);
  });

  it('writes the JSON change list the schema describes', async () => {
    const result = await run(['split/old.md', 'split/new.md', '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(diffSchemaValidator()(json)).toBe(true);
    expect(json.changes.map((c: { kind: string }) => c.kind)).toEqual(['split', 'renumbered']);
    expect(json.old.origin).toBe('split/old.md');
  });

  it('writes every format', async () => {
    for (const format of ['terminal', 'markdown', 'html', 'json', 'amendments']) {
      const result = await run(['moved/old.md', 'moved/new.md', '-f', format]);
      expect(result.code, format).toBe(1);
      expect(result.stdout.length, format).toBeGreaterThan(100);
    }
  });

  it('rejects an unknown format', async () => {
    const result = await run(['moved/old.md', 'moved/new.md', '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'pdf' is invalid");
  });

  it('reports warnings about a draft on standard error, unless --quiet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-diff-test-'));
    try {
      writeFileSync(join(dir, 'a.md'), '## 1. X\n\n1.1 A.\n\n1.1 B.\n');
      writeFileSync(join(dir, 'b.md'), '## 1. X\n\n1.1 A.\n\n1.2 B.\n');
      const loud = await run(['a.md', 'b.md'], { cwd: dir });
      expect(loud.code).toBe(1);
      expect(loud.stderr).toContain('a.md');
      expect(loud.stderr).toContain('5:1-5:7  warning  Unexpected second point numbered `1.1`');
      expect((await run(['a.md', 'b.md', '--quiet'], { cwd: dir })).stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('opinion diff --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-diff-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the file, in the format its extension names, and nothing else', async () => {
    const result = await run([join(FIXTURES, 'moved/old.md'), join(FIXTURES, 'moved/new.md'), '--out', 'redline.html'], { cwd: dir });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'redline.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(dir)).toEqual(['redline.html']);
  });

  it('says on a terminal what it wrote: the summary and the file', async () => {
    const result = await run([join(FIXTURES, 'moved/old.md'), join(FIXTURES, 'moved/new.md'), '--out', 'told.html', '--no-color'], { cwd: dir, tty: true });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'Summary: 1 moved, 2 renumbered; words +0 −0\nWrote told.html\n' });
    rmSync(join(dir, 'told.html'));
  });

  it('replaces an existing file; an explicit --format wins over the extension', async () => {
    await run([join(FIXTURES, 'moved/old.md'), join(FIXTURES, 'moved/new.md'), '--out', 'redline.html', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'redline.html'), 'utf8')).format).toBe('opinion-diff');
  });

  it('exits 2 naming the file it cannot write', async () => {
    const result = await run([join(FIXTURES, 'moved/old.md'), join(FIXTURES, 'moved/new.md'), '--out', 'missing/folder/x.md'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'opinion: cannot write `missing/folder/x.md`: no such file or folder\n' });
  });
});

describe('opinion diff: trouble', () => {
  const cases: [string, string[], string][] = [
    ['a missing file', ['nope.md', 'identical/new.md'], 'opinion: cannot read `nope.md`: no such file or folder\n'],
    [
      'a damaged Word file',
      ['identical/old.docx', 'identical/new.md'],
      'opinion: cannot read `identical/old.docx`: a damaged or truncated zip archive (no end of central directory), expected a complete .docx; save it again from Word\n',
    ],
    [
      'a folder that is not an opinion',
      ['identical', 'identical/new.md'],
      'opinion: cannot read `identical`: a folder without `opinion.yaml`, expected an opinion source folder or a Markdown draft\n',
    ],
    [
      'one draft only',
      ['identical/old.md'],
      'opinion: expected a second draft to compare with, or --from <revision> to compare this one with an earlier version\n',
    ],
    ['--to without --from', ['identical/old.md', '--to', 'HEAD'], 'opinion: --to needs --from: the revision of the old version\n'],
    [
      'a bad --similarity',
      ['identical/old.md', 'identical/new.md', '--similarity', '2'],
      'opinion: unexpected --similarity `2`, expected a number above 0 and at most 1 (default 0.5)\n',
    ],
  ];
  for (const [what, args, stderr] of cases) {
    it(`exits 2 on ${what}, with a one-line message`, async () => {
      writeFileSync(join(FIXTURES, 'identical', 'old.docx'), 'PK\u0003\u0004');
      try {
        expect(await run(args)).toEqual({ code: 2, stdout: '', stderr });
      } finally {
        rmSync(join(FIXTURES, 'identical', 'old.docx'), { force: true });
      }
    });
  }

  it('refuses a binary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-diff-bin-'));
    try {
      writeFileSync(join(dir, 'a.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
      expect(await run(['a.md', 'a.md'], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: 'opinion: cannot read `a.md`: not a text file, expected a Markdown draft\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains itself in --help', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 no differences, 1 differences, 2 could not compare.');
  });
});

const SAMPLE_OLD = join(ROOT, 'opinions', 'see-migrants-preliminary');
const SAMPLE_NEW = join(ROOT, 'opinions', 'see-migrants');

describe('opinion diff: opinion folders', () => {
  it('reports each problem of a broken folder once, at its place, and still compares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-diff-broken-'));
    try {
      cpSync(SAMPLE_NEW, dir, { recursive: true });
      const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
      writeFileSync(chapter, readFileSync(chapter, 'utf8').replace(':ref{#gc-principles}', ':ref{#gc-principle}'));
      const result = await run([SAMPLE_NEW, dir, '--format', 'json'], { cwd: ROOT });
      expect(result.code).toBe(1);
      expect(result.stderr.match(/ref\/unknown-id/gu)).toHaveLength(1);
      expect(result.stderr).toContain('5:150-5:169  error  Unknown id `gc-principle`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('compares two source folders through the build', async () => {
    const result = await run(['opinions/see-migrants-preliminary', 'opinions/see-migrants', '--format', 'json'], { cwd: ROOT });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(diffSchemaValidator()(json)).toBe(true);
    expect(json.old.origin).toBe('opinions/see-migrants-preliminary');
    const moved = json.changes.find((c: { kind: string }) => c.kind === 'moved');
    expect(moved).toMatchObject({ from: '3.3.3', to: '3.5.1', edited: true });
    expect(moved.at.new.file).toMatch(/^opinions\/see-migrants\/text\/en\/03-specific-comments\.md$/);
    // The stage banner is part of the header: a change of stage is a header change.
    expect(json.header.find((h: { field: string }) => h.field === 'stage')).toMatchObject({ kind: 'modified', old: 'PRELIMINARY DRAFT', new: 'DRAFT OPINION' });
  }, 30_000);

  it('compares a folder with itself as no difference, in another language too, each finding reported once', async () => {
    const same = await run(['opinions/see-migrants', 'opinions/see-migrants'], { cwd: ROOT });
    expect(same.code).toBe(0);
    // The sample's one `to be completed` reference: a warning of both sides, the same file, printed once.
    expect(same.stderr.match(/`reference` is to be completed/gu)).toHaveLength(1);
    expect((await run(['opinions/see-migrants', 'opinions/see-migrants', '--lang', 'fr'], { cwd: ROOT })).code).toBe(0);
  }, 30_000);

  it('reads the same draft from a folder as from the Markdown built from it: banner, reference, kind line and closing included', async () => {
    const out = mkdtempSync(join(tmpdir(), 'opinion-diff-built-'));
    try {
      const build = await buildOpinion(join(ROOT, 'opinions/see-migrants'), { formats: ['md'] });
      const built = join(out, 'opinion.md');
      writeFileSync(built, build.renders[0]!.markdown!);
      expect(await run(['opinions/see-migrants', built], { cwd: ROOT })).toMatchObject({ code: 0, stdout: expect.stringContaining('No differences.') });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30_000);

  it('says when a Word file had tracked changes, read as accepted', async () => {
    const out = mkdtempSync(join(tmpdir(), 'opinion-diff-tracked-'));
    try {
      const redline = join(out, 'tracked.docx');
      expect((await run(['opinions/see-migrants-preliminary', 'opinions/see-migrants', '--out', redline, '--quiet'], { cwd: ROOT })).code).toBe(1);
      const result = await run(['opinions/see-migrants', redline], { cwd: ROOT });
      expect(result.stderr).toMatch(
        /tracked\.docx\n {2}1:1 {2}info {2}Read \d+ tracked changes as accepted: the text compared is the document with every change accepted {2}word\/tracked-changes\n/,
      );
      // With every change accepted, the redline reads as the newer version.
      expect(result.stdout).toContain('No differences.');
      expect(result.code).toBe(0);
      // Messages go to standard error in every format; `--quiet` keeps infos out.
      expect((await run(['opinions/see-migrants', redline, '--format', 'json'], { cwd: ROOT })).stderr).toContain('word/tracked-changes');
      expect((await run(['opinions/see-migrants', redline, '--quiet'], { cwd: ROOT })).stderr).not.toContain('tracked');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30_000);

  it('reads the same footnote marks from a folder, the Markdown built from it and the Word file built from it', async () => {
    const build = await buildOpinion(join(ROOT, 'opinions/see-migrants'), { formats: ['md', 'docx'] });
    const render = build.renders[0]!;
    const [, folder] = await loadDrafts(['opinions/see-migrants-preliminary', 'opinions/see-migrants'], { cwd: ROOT });
    const markdown = parseMarkdownDraft(render.markdown!, 'opinion.md').draft;
    const word = (await draftFromDocx(render.docx!, 'opinion.docx')).draft;
    const marks = (draft: Draft) =>
      draft.chapters.flatMap((chapter) =>
        chapter.points.flatMap((point) =>
          (point.notes ?? []).map((note) => `${point.number}: …${point.text.slice(Math.max(0, note.offset - 12), note.offset)}[^${note.number}]`),
        ),
      );
    expect(marks(folder.draft)).toContain('1.5: …errara area.[^1]');
    // 11 calls: the sample calls CECOP's article once per point (issue 14, refs/repeated-call), not 15 times.
    expect(marks(folder.draft)).toHaveLength(11);
    expect(marks(markdown)).toEqual(marks(folder.draft));
    expect(marks(word)).toEqual(marks(folder.draft));
  }, 30_000);
});

describe('opinion diff --from/--to: one path at two git revisions', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      stdio: 'pipe',
    }).toString();

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'opinion-diff-git-'));
    git('init', '-q');
    mkdirSync(join(repo, 'drafts'));
    cpSync(join(FIXTURES, 'moved-and-edited', 'old.md'), join(repo, 'drafts', 'draft.md'));
    cpSync(SAMPLE_OLD, join(repo, 'opinions', 'x'), { recursive: true });
    git('add', '.');
    git('commit', '-q', '-m', 'hearing version');
    git('tag', 'v-hearing');
    cpSync(join(FIXTURES, 'moved-and-edited', 'new.md'), join(repo, 'drafts', 'draft.md'));
    rmSync(join(repo, 'opinions', 'x'), { recursive: true });
    cpSync(SAMPLE_NEW, join(repo, 'opinions', 'x'), { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', 'section version');
    writeFileSync(
      join(repo, 'drafts', 'draft.md'),
      readFileSync(join(FIXTURES, 'moved-and-edited', 'new.md'), 'utf8').replace('twelve young people', '12 young people'),
    );
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('compares a Markdown draft at two revisions', async () => {
    const result = await run(['drafts/draft.md', '--from', 'v-hearing', '--to', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.old.origin).toBe('drafts/draft.md@v-hearing');
    expect(json.new.origin).toBe('drafts/draft.md@HEAD');
    expect(json.changes.map((c: { kind: string; from: string; to: string }) => [c.kind, c.from, c.to])).toEqual([['moved', '3.1.2', '2.4']]);
  });

  it('compares a revision with the working tree when --to is left out, from a sub-folder too', async () => {
    const result = await run(['draft.md', '--from', 'HEAD', '--format', 'json'], { cwd: join(repo, 'drafts') });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).changes.map((c: { kind: string; from: string }) => [c.kind, c.from])).toEqual([['modified', '2.2']]);
    expect((await run(['draft.md', '--from', 'HEAD', '--to', 'HEAD'], { cwd: join(repo, 'drafts') })).code).toBe(0);
  });

  it('compares an opinion folder at two revisions as it compares the two folders, and cleans up', async () => {
    // Its own temporary folder, so that other tests extracting revisions at the same time do not count.
    const temporary = mkdtempSync(join(tmpdir(), 'opinion-diff-tmp-'));
    const extractions = () => readdirSync(temporary).filter((name) => /^opinion-diff-[A-Za-z0-9]{6}$/.test(name));
    // diff runs in this process: os.tmpdir() reads TMPDIR when the revision is extracted.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    const atRevisions = await run(['opinions/x', '--from', 'v-hearing', '--to', 'HEAD', '--format', 'json'], { cwd: repo }).finally(() => {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    });
    const folders = await run([SAMPLE_OLD, SAMPLE_NEW, '--format', 'json'], { cwd: ROOT });
    expect(atRevisions.code).toBe(1);
    const strip = (text: string) => JSON.parse(text).changes.map((c: Record<string, unknown>) => ({ ...c, at: undefined }));
    expect(strip(atRevisions.stdout)).toEqual(strip(folders.stdout));
    const first = JSON.parse(atRevisions.stdout).changes[0];
    expect(first.at.old.file).toMatch(/^opinions\/x@v-hearing\/text\/en\//);
    expect(extractions()).toEqual([]);
    rmSync(temporary, { recursive: true, force: true });
  }, 60_000);

  it("runs git in the folder's own repository, not in the current directory (run from outside it, or from another repository)", async () => {
    const outside = mkdtempSync(join(tmpdir(), 'opinion-diff-elsewhere-'));
    try {
      for (const cwd of [outside, ROOT]) {
        const result = await run([join(repo, 'drafts', 'draft.md'), '--from', 'v-hearing', '--to', 'HEAD', '--format', 'json'], {
          cwd,
          env: { GIT_CEILING_DIRECTORIES: tmpdir() },
        });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(1);
        expect(JSON.parse(result.stdout).changes.map((c: { kind: string; from: string; to: string }) => [c.kind, c.from, c.to])).toEqual([
          ['moved', '3.1.2', '2.4'],
        ]);
      }
      const folder = await run([join(repo, 'opinions', 'x'), '--from', 'v-hearing', '--to', 'HEAD', '--format', 'json'], { cwd: outside });
      expect(folder.code).toBe(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  }, 60_000);

  it('exits 2 on an unknown revision or a path missing at the revision', async () => {
    const bad = await run(['drafts/draft.md', '--from', 'v9'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^opinion: unknown revision `v9`: no such branch, tag or commit in `.*`\n$/);
    writeFileSync(join(repo, 'drafts', 'new.md'), '## 1. X\n');
    const missing = await run(['drafts/new.md', '--from', 'v-hearing'], { cwd: repo });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'opinion: cannot read `drafts/new.md` at revision `v-hearing`: it does not exist there\n' });
  });

  it('exits 2 outside a git repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'opinion-diff-nogit-'));
    try {
      writeFileSync(join(outside, 'a.md'), '');
      const result = await run(['a.md', '--from', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^opinion: cannot use --from\/--to: `a.md` is not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
