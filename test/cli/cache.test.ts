/**
 * `--cache`: per-opinion results kept on disk, keyed by content (src/cache/results.ts).
 * Reused only while nothing they depend on changed: not a file's content (even
 * with the same size and modification time), not the configuration above the
 * opinion, not the tool's version or the command's settings.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statStillValid, withResultCache, type ResultCacheOptions } from '../../src/cache/results.js';
import { ROOT, runMain, temporaryFolders } from '../helpers.js';

const temporary = temporaryFolders('opinion-cache-');

/** One fixed modification time (whole seconds: set and read back exactly). */
const PINNED = 1_600_000_000;
function pinTimes(path: string): void {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) pinTimes(join(path, name));
  utimesSync(path, PINNED, PINNED);
}

/** Rewrite a file (its time pinned) with other content of the same length, then pin its time again. */
function sameSizeSameTime(path: string, edit: (text: string) => string): void {
  const before = statSync(path);
  expect(before.mtimeMs).toBe(PINNED * 1000);
  const text = readFileSync(path, 'utf8');
  const after = edit(text);
  expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(text));
  expect(after).not.toBe(text);
  writeFileSync(path, after);
  utimesSync(path, PINNED, PINNED);
  expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
  expect(statSync(path).size).toBe(before.size);
}

describe('withResultCache', () => {
  function setup() {
    const root = temporary();
    const folders = ['a', 'b', 'c'].map((name) => {
      const folder = join(root, 'opinions', name);
      mkdirSync(join(folder, 'text', 'en'), { recursive: true });
      writeFileSync(join(folder, 'opinion.yaml'), `title: ${name}\n`);
      writeFileSync(join(folder, 'text', 'en', '01-x.md'), `# Chapter ${name}\n`);
      pinTimes(folder);
      return folder;
    });
    const options: ResultCacheOptions = { location: join(root, 'cache'), version: '1.0.0', command: 'test', settings: { x: 1 } };
    let computed: string[] = [];
    const compute = async (missing: string[]) => {
      computed.push(...missing);
      return missing.map((f) => ({
        folder: f,
        text: readFileSync(join(f, 'opinion.yaml'), 'utf8'),
        nan: NaN,
        odd: [Infinity, -Infinity, -0, undefined, { gone: undefined, tag: '\u0000' }],
      }));
    };
    const run = async (opts: ResultCacheOptions = options) => {
      computed = [];
      const out = await withResultCache(folders, opts, compute);
      return { ...out, computed };
    };
    return { root, folders, options, run };
  }

  it('computes each opinion once, then gives its results back unchanged', async () => {
    const { folders, run } = setup();
    const first = await run();
    expect([first.hits, first.misses]).toEqual([0, 3]);
    const second = await run();
    expect([second.hits, second.misses, second.computed]).toEqual([3, 0, []]);
    expect(second.results).toEqual(first.results);
    expect(second.results.map((r) => r.folder)).toEqual(folders);
    expect(Number.isNaN(second.results[0]!.nan)).toBe(true);
    expect(second.results[0]!.odd).toStrictEqual([Infinity, -Infinity, -0, undefined, { gone: undefined, tag: '\u0000' }]);
    expect(Object.is(second.results[0]!.odd[2], -0)).toBe(true);
    expect('gone' in (second.results[0]!.odd[4] as object)).toBe(true);
  });

  it('computes again an opinion whose file changed with the same size and modification time', async () => {
    const { folders, run } = setup();
    await run();
    sameSizeSameTime(join(folders[1]!, 'opinion.yaml'), (t) => t.replace('b', 'B'));
    const again = await run();
    expect(again.computed).toEqual([folders[1]]);
    expect(again.results[1]!.text).toBe('title: B\n');
    sameSizeSameTime(join(folders[2]!, 'text', 'en', '01-x.md'), (t) => t.replace('c', 'C'));
    expect((await run()).computed).toEqual([folders[2]]);
  });

  it('computes again when a file is added, removed or renamed in the folder', async () => {
    const { folders, run } = setup();
    await run();
    writeFileSync(join(folders[0]!, 'glossary.yaml'), 'glossary: []\n');
    expect((await run()).computed).toEqual([folders[0]]);
    rmSync(join(folders[0]!, 'glossary.yaml'));
    expect((await run()).computed).toEqual([folders[0]]);
  });

  it('computes everything again for another version, other settings or another command', async () => {
    const { options, run } = setup();
    await run();
    expect((await run({ ...options, version: '1.0.1' })).misses).toBe(3);
    await run();
    expect((await run({ ...options, settings: { x: 2 } })).misses).toBe(3);
    expect((await run({ ...options, command: 'other' })).misses).toBe(3);
    expect((await run({ ...options, command: 'other' })).misses).toBe(0);
  });

  it('computes again when an outside input appears, changes or goes', async () => {
    const { root, options, run } = setup();
    const config = join(root, 'opinion-check.yaml');
    const opts = { ...options, extraInputs: async () => [config] };
    await run(opts);
    expect((await run(opts)).misses).toBe(0);
    writeFileSync(config, 'rules: {}\n');
    pinTimes(config);
    expect((await run(opts)).misses).toBe(3);
    sameSizeSameTime(config, (t) => t.replace('{}', '{ }'.slice(0, 2)).replace('rules', 'Rules'));
    expect((await run(opts)).misses).toBe(3);
    rmSync(config);
    expect((await run(opts)).misses).toBe(3);
  });

  /** Lets the clock move past the files' times (the runs below take them as settled at once: granularity 0). */
  const tick = () => new Promise((done) => setTimeout(done, 20));
  const records = (location: string) => JSON.parse(readFileSync(location, 'utf8')) as { files: Record<string, string[]>; dirs: Record<string, unknown> };

  it("reuses a file's hash while its size, times and inode are unchanged, and still sees an edit that keeps size and modification time", async () => {
    const { folders, options, run } = setup();
    const settled = { ...options, timestampGranularityMs: 0 };
    await tick();
    expect((await run(settled)).misses).toBe(3);
    const kept = records(options.location);
    const yaml = join(folders[1]!, 'opinion.yaml');
    expect(kept.files[yaml]![4]).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.files[yaml]![1]).toBe(String(BigInt(PINNED) * 1_000_000_000n));
    expect(Object.keys(kept.dirs)).toContain(join(folders[1]!, 'text', 'en'));
    expect((await run(settled)).misses).toBe(0);
    // Same size, modification time set back with utimes: the change time moved, so the file is hashed again.
    sameSizeSameTime(yaml, (t) => t.replace('b', 'B'));
    await tick();
    const again = await run(settled);
    expect(again.computed).toEqual([folders[1]]);
    expect(again.results[1]!.text).toBe('title: B\n');
    expect((await run(settled)).misses).toBe(0);
    // A file added deep in a folder changes its directory's times: the listing is read again.
    writeFileSync(join(folders[2]!, 'text', 'en', '02-y.md'), '# Y\n');
    await tick();
    expect((await run(settled)).computed).toEqual([folders[2]]);
    expect(records(options.location).files[join(folders[2]!, 'text', 'en', '02-y.md')]).toBeDefined();
    // A file gone is forgotten by the cache too.
    rmSync(join(folders[2]!, 'text', 'en', '02-y.md'));
    await tick();
    expect((await run(settled)).computed).toEqual([folders[2]]);
    expect(records(options.location).files[join(folders[2]!, 'text', 'en', '02-y.md')]).toBeUndefined();
  });

  it('hashes again a file changed too close to the run that hashed it (the racy-git rule)', async () => {
    const { folders, options, run } = setup();
    // Files written just now (their change time is now): not vouched for by their times next run.
    await run();
    expect(records(options.location).files[join(folders[0]!, 'opinion.yaml')]).toBeUndefined();
    expect((await run()).misses).toBe(0);
    const tuple = ['10', '1000', '2000', '7'];
    expect(statStillValid([...tuple, 'hash'], tuple, 2001n)).toBe(true);
    // The same tuple, but a time not older than the start of the run that hashed it minus the granularity.
    expect(statStillValid([...tuple, 'hash'], tuple, 2000n)).toBe(false);
    expect(statStillValid([...tuple, 'hash'], tuple, 1000n)).toBe(false);
    // Any field differs: hashed again.
    for (let i = 0; i < 4; i++)
      expect(
        statStillValid(
          [...tuple, 'hash'],
          tuple.map((v, j) => (j === i ? `${v}1` : v)),
          1n << 62n,
        ),
      ).toBe(false);
    // Directories: mtime, ctime, inode.
    expect(statStillValid(['1000', '2000', '7', []], ['1000', '2000', '7'], 2001n)).toBe(true);
    expect(statStillValid(['1000', '2000', '7', []], ['1000', '2000', '7'], 2000n)).toBe(false);
  });

  it('does not count the cache file as an input when it lies in an opinion folder', async () => {
    const { folders, options, run } = setup();
    const inside = { ...options, location: join(folders[0]!, '.opinioncache') };
    expect((await run(inside)).misses).toBe(3);
    expect((await run(inside)).misses).toBe(0);
  });

  it('ignores a cache file it cannot read', async () => {
    const { options, run } = setup();
    await run();
    writeFileSync(options.location, 'garbage');
    const again = await run();
    expect(again.misses).toBe(3);
    expect((await run()).misses).toBe(0);
  });
});

describe('--cache on the command line', () => {
  function sample(): { root: string; opinion: string } {
    const root = temporary();
    cpSync(join(ROOT, 'opinions', 'see-migrants'), join(root, 'see-migrants'), { recursive: true });
    pinTimes(join(root, 'see-migrants'));
    return { root, opinion: join(root, 'see-migrants') };
  }

  for (const command of [['validate'], ['check'], ['stats', '--format', 'json']]) {
    it(`${command[0]}: same report as without the cache, before and after an edit that keeps size and time`, async () => {
      const { root, opinion } = sample();
      const cache = ['--cache-location', join(root, '.cache-file')];
      const plain = await runMain([...command, opinion], { cwd: root });
      expect(await runMain([...command, opinion, ...cache], { cwd: root })).toEqual(plain);
      expect(await runMain([...command, opinion, ...cache], { cwd: root })).toEqual(plain);
      // `priority: high` → `priority: hogh`: same size, same time, no longer valid.
      sameSizeSameTime(join(opinion, 'recommendations.yaml'), (t) => t.replace('priority: high', 'priority: hogh'));
      const changed = await runMain([...command, opinion], { cwd: root });
      expect(changed).not.toEqual(plain);
      expect(await runMain([...command, opinion, ...cache], { cwd: root })).toEqual(changed);
      // From the cache, code frames included (the text is read back when the report needs it).
      expect(await runMain([...command, opinion, ...cache], { cwd: root })).toEqual(changed);
    });
  }

  it('check: a project configuration file added above the opinion is seen', async () => {
    const { root, opinion } = sample();
    const cache = ['--cache', '--cache-location', join(root, '.cache-file')];
    const before = await runMain(['check', opinion, '--format', 'json', ...cache], { cwd: root });
    writeFileSync(join(root, 'opinion-check.yaml'), 'rules:\n  length/limit: off\n  writing/sentence-length: off\n  writing/point-length: off\n');
    const plain = await runMain(['check', opinion, '--format', 'json'], { cwd: root });
    expect(await runMain(['check', opinion, '--format', 'json', ...cache], { cwd: root })).toEqual(plain);
    expect(plain).not.toEqual(before);
  });
});
