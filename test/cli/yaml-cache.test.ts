/**
 * The data of the YAML sources that the bin keeps in the user's cache folder
 * (src/core/yaml-cache.ts): used only for the exact text and program that
 * read it, replaced when the source changes, harmless when it cannot be
 * written, when it is damaged and when several runs race; never used by the
 * library.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { cachedYamlData, jsonExact, keepYamlData, YAML_CACHE_SETTING } from '../../src/core/yaml-cache.js';
import { parseYamlSource } from '../../src/core/yaml-source.js';
import { ROOT, runBin, temporaryFolders } from '../helpers.js';

const temporary = temporaryFolders('opinion-yaml-cache-');

const SAMPLE = join(ROOT, 'opinions', 'see-migrants');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'dist', 'commands', 'manifest.json'), 'utf8')) as Record<string, string>;

/** A copy of the sample opinion, to edit. */
function sampleCopy(): string {
  const dir = join(temporary(), 'see-migrants');
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

const entries = (cache: string) => (existsSync(join(cache, 'yaml')) ? readdirSync(join(cache, 'yaml')).sort() : []);

/** The cache entry that holds the source at `path`. */
function entryOf(cache: string, path: string): { file: string; entry: { build: string; path: string; text: string; data: Record<string, unknown> } } {
  for (const name of entries(cache)) {
    const file = join(cache, 'yaml', name);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    if (entry.path === path) return { file, entry };
  }
  throw new Error(`no entry for ${path}`);
}

const TO_BE_COMPLETED = '`reference` is to be completed';

describe('YAML data cache of the bin', () => {
  it('is written on the first run, one entry per YAML source, and gives the same output when used', () => {
    const cache = temporary();
    const opinion = sampleCopy();
    const first = runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } });
    const yamlFiles = readdirSync(opinion).filter((name) => name.endsWith('.yaml'));
    expect(entries(cache)).toHaveLength(yamlFiles.length);
    const { entry } = entryOf(cache, join(opinion, 'opinion.yaml'));
    expect(entry.build).toBe(MANIFEST.all);
    expect(entry.text).toBe(readFileSync(join(opinion, 'opinion.yaml'), 'utf8'));
    expect(runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } })).toEqual(first);
    expect(runBin(['build', opinion, '--to', 'md', '--out', join(opinion, '..', 'out')], { env: { OPINION_CACHE_DIR: cache } }).code).toBe(0);
  });

  it('is what a later run reads, for the same text and program only', () => {
    const cache = temporary();
    const opinion = sampleCopy();
    const clean = runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } });
    expect(clean.stdout + clean.stderr).toContain(TO_BE_COMPLETED);
    const { file, entry } = entryOf(cache, join(opinion, 'opinion.yaml'));
    // An entry saying something else for the same text is believed (so the entries are read)…
    writeFileSync(file, JSON.stringify({ ...entry, data: { ...entry.data, reference: 'INT/1000' } }));
    const believed = runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } });
    expect(believed.stdout + believed.stderr).not.toContain(TO_BE_COMPLETED);
    // …but not for another build of the program, nor for another text.
    writeFileSync(file, JSON.stringify({ ...entry, build: '0000000000000000', data: { ...entry.data, reference: 'INT/1000' } }));
    expect(runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } })).toEqual(clean);
    writeFileSync(file, JSON.stringify({ ...entry, text: `${entry.text}\n`, data: { ...entry.data, reference: 'INT/1000' } }));
    expect(runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } })).toEqual(clean);
  });

  it('follows an edit of the source', () => {
    const cache = temporary();
    const opinion = sampleCopy();
    runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } });
    const path = join(opinion, 'opinion.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^reference: to be completed/m, 'reference: INT/1000'));
    const edited = runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } });
    expect(edited.stdout + edited.stderr).not.toContain(TO_BE_COMPLETED);
    expect(runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: '' } })).toEqual(edited);
    expect(entryOf(cache, path).entry.text).toBe(readFileSync(path, 'utf8'));
  });

  it('is read again from the YAML when an entry is damaged, and the entry rewritten', () => {
    const cache = temporary();
    const opinion = sampleCopy();
    const clean = runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } });
    const { file } = entryOf(cache, join(opinion, 'opinion.yaml'));
    writeFileSync(file, '{"build": "');
    expect(runBin(['validate', opinion], { env: { OPINION_CACHE_DIR: cache } })).toEqual(clean);
    expect(entryOf(cache, join(opinion, 'opinion.yaml')).entry.build).toBe(MANIFEST.all);
  });

  it('costs nothing but speed when it cannot be written', () => {
    const cache = temporary();
    writeFileSync(join(cache, 'yaml'), '');
    const run = runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: cache } });
    expect(run.code).toBe(0);
    expect(run).toEqual(runBin(['validate', SAMPLE], { env: { OPINION_CACHE_DIR: '' } }));
    expect(readFileSync(join(cache, 'yaml'), 'utf8')).toBe('');
  });
  // Several runs writing at once: test/cli/code-cache.test.ts, which checks this folder too.
});

describe('YAML data cache, in the process', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[YAML_CACHE_SETTING];
  });

  it('is neither read nor written unless the bin turns it on', () => {
    const dir = temporary();
    const path = join(dir, 'a.yaml');
    parseYamlSource(new VFile({ path, value: 'a: 1\n' }));
    expect(readdirSync(dir)).toEqual([]);
    (globalThis as Record<symbol, unknown>)[YAML_CACHE_SETTING] = { dir, build: 'b1' };
    expect(parseYamlSource(new VFile({ path, value: 'a: 1\n' })).data).toEqual({ a: 1 });
    expect(cachedYamlData(path, 'a: 1\n')).toEqual({ data: { a: 1 } });
    expect(cachedYamlData(path, 'a: 2\n')).toBeUndefined();
  });

  it('keeps only data that JSON gives back exactly', () => {
    const dir = temporary();
    (globalThis as Record<symbol, unknown>)[YAML_CACHE_SETTING] = { dir, build: 'b1' };
    for (const [text, kept] of [
      ['a: .nan\n', false],
      ['a: [1, -.inf]\n', false],
      ['a: -0\n', false],
      ['a: -0.0\n', false],
      ['a: [1, 2.5, true, null, text, 1e3]\n', true],
    ] as const) {
      const path = join(dir, `${text.length}-${String(kept)}.yaml`);
      const data = parseYamlSource(new VFile({ path, value: text })).data;
      const again = cachedYamlData(path, text);
      expect(again !== undefined, text).toBe(kept);
      if (again) expect(again.data).toStrictEqual(data);
    }
    expect(jsonExact({ a: [1, 'x', null, false, { b: 2 }] })).toBe(true);
    expect(jsonExact({ a: undefined })).toBe(false);
    expect(jsonExact(JSON.parse('{"__proto__": 1}'))).toBe(false);
    expect(jsonExact(Object.create(null))).toBe(false);
    expect(jsonExact([undefined, 1])).toBe(false);
    expect(jsonExact(new Date(0))).toBe(false);
  });

  it('keeps the most recently written entries only', () => {
    const dir = temporary();
    for (let i = 0; i < 520; i++) {
      const old = join(dir, `old-${String(i).padStart(3, '0')}.json`);
      writeFileSync(old, '{}');
      utimesSync(old, 1000 + i, 1000 + i);
    }
    (globalThis as Record<symbol, unknown>)[YAML_CACHE_SETTING] = { dir, build: 'b1' };
    keepYamlData(join(dir, 'new.yaml'), 'a: 1\n', { a: 1 });
    const left = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(left).toHaveLength(512);
    // The oldest went: old-000 … old-008.
    expect(left.filter((name) => name.startsWith('old-')).sort()[0]).toBe('old-009.json');
    expect(cachedYamlData(join(dir, 'new.yaml'), 'a: 1\n')).toEqual({ data: { a: 1 } });
  });

  it('removes the temporary file a killed writer left, never a live one', () => {
    const dir = temporary();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const orphan = `0123456789abcdef.json.${dead}-k2j4.tmp`;
    const live = `0123456789abcdef.json.${process.ppid}-k2j4.tmp`;
    for (const name of [orphan, live]) writeFileSync(join(dir, name), '{');
    (globalThis as Record<symbol, unknown>)[YAML_CACHE_SETTING] = { dir, build: 'b1' };
    keepYamlData(join(dir, 'new.yaml'), 'a: 1\n', { a: 1 });
    const left = readdirSync(dir);
    expect(left).not.toContain(orphan);
    expect(left).toContain(live);
  });
});
