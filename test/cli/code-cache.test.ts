/**
 * The bin's V8 code cache (bin/opinion.js): written on the first run, used
 * after, rewritten when V8 rejects it, harmless when it cannot be written and
 * when several runs race; never written beside the package.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, temporaryFolders } from '../helpers.js';

const temporary = temporaryFolders('opinion-code-cache-');

const SAMPLE = join(ROOT, 'opinions', 'see-migrants');
const cacheFiles = (dir: string) => (existsSync(join(dir, 'v8')) ? readdirSync(join(dir, 'v8')).filter((f) => f.endsWith('.v8')) : []);

describe('code cache', () => {
  it('is written once per command and Node version, and gives the same output when used', () => {
    const cache = temporary();
    const first = runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } });
    expect(first.code).toBe(0);
    expect(cacheFiles(cache)).toEqual([
      expect.stringMatching(new RegExp(`^validate-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`)),
    ]);
    const second = runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } });
    expect(second).toEqual(first);
    runBin(['--version'], { env: { OPINION_CACHE_DIR: cache } });
    expect(
      cacheFiles(cache)
        .map((f) => f.split('-')[0])
        .sort(),
    ).toEqual(['all', 'validate']);
  });

  it('is rewritten when V8 rejects it', () => {
    const cache = temporary();
    const clean = runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } });
    const [name] = cacheFiles(cache);
    const file = join(cache, 'v8', name!);
    writeFileSync(file, 'not a code cache');
    const run = runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } });
    expect(run).toEqual(clean);
    expect(readFileSync(file).length).toBeGreaterThan(1000);
  });

  it('removes the caches of earlier builds of the command on this Node, and keeps the others', () => {
    const cache = temporary();
    mkdirSync(join(cache, 'v8'), { recursive: true });
    const stale = `validate-0000000000000000-${process.version}-${process.arch}.v8`;
    const otherNode = `validate-0000000000000000-v1.0.0-${process.arch}.v8`;
    const otherCommand = `check-0000000000000000-${process.version}-${process.arch}.v8`;
    for (const name of [stale, otherNode, otherCommand]) writeFileSync(join(cache, 'v8', name), 'old');
    expect(runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } }).code).toBe(0);
    const left = cacheFiles(cache);
    expect(left).not.toContain(stale);
    expect(left).toEqual(expect.arrayContaining([otherNode, otherCommand]));
    expect(left).toHaveLength(3);
  });

  it('removes the temporary file of a writer killed before renaming it, never a live one', () => {
    const cache = temporary();
    mkdirSync(join(cache, 'v8'), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const orphan = `validate-0000000000000000-${process.version}-${process.arch}.v8.${dead}-k2j4.tmp`;
    const live = `validate-0000000000000000-${process.version}-${process.arch}.v8.${process.pid}-k2j4.tmp`;
    for (const name of [orphan, live]) writeFileSync(join(cache, 'v8', name), 'half');
    expect(runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } }).code).toBe(0);
    const left = readdirSync(join(cache, 'v8'));
    expect(left).not.toContain(orphan);
    expect(left).toContain(live);
  });

  it('costs nothing but speed when it cannot be written', () => {
    const blocked = join(temporary(), 'a-file');
    writeFileSync(blocked, '');
    const run = runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: blocked } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });

  it('stays sound when several runs write it at once', async () => {
    const cache = temporary();
    const env = { ...process.env, NO_COLOR: '1', OPINION_CACHE_DIR: cache };
    const once = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'validate', SAMPLE], { env });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const runs = await Promise.all([once(), once(), once(), once()]);
    for (const run of runs) expect(run).toEqual({ code: 0, stdout: runs[0]!.stdout });
    expect(readdirSync(join(cache, 'v8')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The YAML data kept beside it (src/core/yaml-cache.ts): one whole entry per source, no temporary left.
    expect(readdirSync(join(cache, 'yaml')).filter((f) => !/^[0-9a-f]{8}\.json$/.test(f))).toEqual([]);
    for (const f of readdirSync(join(cache, 'yaml'))) expect(() => JSON.parse(readFileSync(join(cache, 'yaml', f), 'utf8'))).not.toThrow();
    expect(runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } }).stdout).toBe(runs[0]!.stdout);
  });

  it('is kept for the worker threads of a run over many opinions, one per kind of work, with the same output when used', () => {
    const cache = temporary();
    const tree = temporary();
    // 24 opinions: the pool's threshold (core/worker-pool.ts), so that threads start on a machine with more than one core.
    for (let i = 0; i < 24; i++) cpSync(SAMPLE, join(tree, `opinion-${String(i).padStart(2, '0')}`), { recursive: true });
    const env = { OPINION_CACHE_DIR: cache };
    const first = runBin(['validate', tree, '--format', 'json'], { env });
    expect(first.code).toBe(0);
    const threads = availableParallelism() > 1;
    const workerCaches = () => cacheFiles(cache).filter((f) => f.startsWith('worker-'));
    const version = process.version.replace(/\./g, '\\.');
    expect(workerCaches()).toEqual(threads ? [expect.stringMatching(new RegExp(`^worker-validate-[0-9a-f]{16}-${version}-${process.arch}\\.v8$`))] : []);
    const second = runBin(['validate', tree, '--format', 'json'], { env });
    expect(second).toEqual(first);
    expect(runBin(['validate', tree, '--format', 'json'], { env: { OPINION_CACHE_DIR: '' } })).toEqual(first);
    expect(runBin(['stats', tree, '--format', 'json'], { env }).code).toBe(0);
    expect(workerCaches().map((f) => f.split('-')[1])).toEqual(threads ? ['stats', 'validate'] : []);
    expect(readdirSync(join(cache, 'v8')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const result = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" stats "${SAMPLE}" --format json | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('0');
  });

  it('is never written into the package', () => {
    const cache = temporary();
    runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } });
    expect(readdirSync(join(ROOT, 'dist', 'commands')).filter((f) => !/\.(cjs|json)$/.test(f))).toEqual([]);
  });
});
