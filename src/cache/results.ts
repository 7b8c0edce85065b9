/**
 * An on-disk cache of per-opinion results for runs over many opinions
 * (`validate`, `check`, `stats` with `--cache`), like ESLint's `--cache`: an
 * opinion whose inputs did not change since the last run gets its previous
 * results back without being read, parsed or checked again.
 *
 * Keyed by content: an opinion's key is a hash of the tool's version, the
 * command and its settings, and the path and content of every file in the
 * folder (all of them, recursively), plus the files outside it that results
 * depend on (`extraInputs`: configuration files found above it, a template
 * named in opinion.yaml, the targets of schema links), present or not. Any
 * change of content, even one that keeps the size and the modification time,
 * gives a new key; nothing is trusted from file dates. The cache file is
 * written atomically (a temporary file renamed over it), and one that cannot
 * be read, or was written by another version of the tool or of Node, is
 * ignored. Results are stored as JSON (parsed about twice as fast as a
 * node:v8 structured clone) in which what JSON cannot hold (NaN, ±Infinity,
 * -0, undefined) is tagged, so they come back exactly as computed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';

/** Bumped whenever the layout of the cache file changes. */
const FORMAT = 1;

export interface ResultCacheOptions {
  /** The cache file. */
  location: string;
  /** The tool's version: a cache from another version is not used. */
  version: string;
  /** The command and every setting its results depend on. */
  command: string;
  settings: unknown;
  /** Files outside the folder (absolute paths) whose content the results depend on. */
  extraInputs?: (folder: string) => Promise<string[]>;
}

interface CacheFile {
  format: number;
  version: string;
  node: string;
  entries: Record<string, { key: string; result: unknown }>;
}

/**
 * How results are stored: `store` may leave out what the inputs hold (a
 * file's text), `load` puts it back; both get the bytes of any input file
 * read for the key (undefined for others).
 */
export interface ResultCodec<T> {
  store(result: T, contentOf: (path: string) => Buffer | undefined): unknown;
  load(stored: unknown, contentOf: (path: string) => Buffer | undefined): T;
}

const asIs: ResultCodec<never> = { store: (result) => result, load: (stored) => stored as never };

/**
 * Results for `folders`, in order: from the cache where the key matches,
 * computed by `compute` (given the other folders, in order) otherwise.
 * Returns the cache counts too.
 */
export async function withResultCache<T>(
  folders: readonly string[],
  options: ResultCacheOptions,
  compute: (folders: string[]) => Promise<T[]>,
  codec: ResultCodec<T> = asIs,
): Promise<{ results: T[]; hits: number; misses: number }> {
  const cache = await readCache(options);
  const contents = new Map<string, Promise<Buffer | undefined>>();
  const read = (path: string) => {
    let content = contents.get(path);
    // Synchronous reads: thousands of small files, each far cheaper than a trip through the thread pool.
    if (!content) contents.set(path, (content = Promise.resolve(readOrUndefined(path))));
    return content;
  };
  const keys = await mapLimit(folders, 16, (folder) => folderKey(folder, options, read));
  const settled = new Map<string, Buffer | undefined>();
  for (const [path, content] of contents) settled.set(path, await content);
  const contentOf = (path: string) => settled.get(path);
  const entryName = (folder: string) => `${options.command}\u0000${resolve(folder)}`;
  const results: (T | undefined)[] = folders.map((folder, i) => {
    const entry = cache.entries[entryName(folder)];
    return entry && entry.key === keys[i] ? codec.load(entry.result, contentOf) : undefined;
  });
  const missing = folders.filter((_, i) => results[i] === undefined);
  const computed = missing.length > 0 ? await compute(missing) : [];
  let next = 0;
  for (const [i, folder] of folders.entries()) {
    if (results[i] !== undefined) continue;
    const result = computed[next++] as T;
    results[i] = result;
    cache.entries[entryName(folder)] = { key: keys[i]!, result: codec.store(result, contentOf) };
  }
  if (missing.length > 0) {
    try {
      await writeFileAtomic(options.location, encode(cache));
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
  return { results: results as T[], hits: folders.length - missing.length, misses: missing.length };
}

async function readCache(options: ResultCacheOptions): Promise<CacheFile> {
  const empty: CacheFile = { format: FORMAT, version: options.version, node: process.version, entries: {} };
  try {
    const parsed = decode(await readFile(options.location, 'utf8')) as Partial<CacheFile> | null;
    if (!parsed || parsed.format !== FORMAT || parsed.version !== options.version || parsed.node !== process.version) return empty;
    if (typeof parsed.entries !== 'object' || parsed.entries === null) return empty;
    return { ...empty, entries: parsed.entries };
  } catch {
    return empty;
  }
}

/** The tag of a value JSON cannot hold: `{ "\u0000": "NaN" | "Infinity" | "-Infinity" | "-0" | "undefined" }`. */
const TAG = '\u0000';

function encode(value: unknown): string {
  return JSON.stringify(value, function (key, item: unknown) {
    if (typeof item === 'number' && (!Number.isFinite(item) || Object.is(item, -0))) return { [TAG]: Object.is(item, -0) ? '-0' : String(item) };
    // `this[key]` is the value before toJSON; undefined inside arrays and objects is kept as a tag.
    if (item === undefined && key !== '') return { [TAG]: 'undefined' };
    return item;
  });
}

function decode(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  return text.includes('"\\u0000"') ? untag(value) : value;
}

function untag(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === TAG && typeof record[TAG] === 'string') {
    const tag = record[TAG];
    return tag === 'undefined' ? undefined : tag === '-0' ? -0 : Number(tag);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = untag(record[key]);
  return out;
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The content key of one opinion folder. */
async function folderKey(folder: string, options: ResultCacheOptions, read: (path: string) => Promise<Buffer | undefined>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, options.version, options.command, options.settings, resolve(folder)]));
  const files = await listFiles(folder);
  const extra = options.extraInputs ? await options.extraInputs(folder) : [];
  const contents = await mapLimit([...files.map((f) => join(folder, f)), ...extra], 32, async (path) => {
    const content = await read(path);
    return content ? createHash('sha256').update(content).digest('hex') : 'absent';
  });
  [...files.map((f) => `in:${f}`), ...extra.map((f) => `out:${f}`)].forEach((name, i) => hash.update(`\u0000${name}\u0000${contents[i]}`));
  return hash.digest('hex');
}

/** Every file under `dir` (following links), relative and sorted. */
async function listFiles(dir: string, base = dir, depth = 0): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDirectory = statSync(path).isDirectory();
      } catch {
        isDirectory = false;
      }
    }
    if (isDirectory) {
      if (depth < 16) out.push(...(await listFiles(path, base, depth + 1)));
    } else {
      out.push(relative(base, path));
    }
  }
  return out.sort();
}

/** Files named `name` in `folder`'s parent and every folder above it. */
export function filesAbove(folder: string, name: string): string[] {
  const out: string[] = [];
  let dir = dirname(resolve(folder));
  for (;;) {
    out.push(join(dir, name));
    const parent = dirname(dir);
    if (parent === dir) return out;
    dir = parent;
  }
}

/** Outside files an opinion's results depend on: schema-link targets and a `template:` of opinion.yaml outside the folder. */
export async function linkedInputs(folder: string): Promise<string[]> {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((n) => n.endsWith('.yaml'))
      .sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const text = readOrUndefined(join(folder, name))?.toString('utf8') ?? '';
    for (const line of text.split('\n', 5)) {
      const link = /^#\s*yaml-language-server:\s*\$schema=(\S+)/.exec(line)?.[1];
      if (link && !/^[a-z][a-z0-9+.-]*:/i.test(link)) out.push(resolve(folder, link));
    }
    if (name === 'opinion.yaml') {
      for (const match of text.matchAll(/^template:\s*['"]?([^'"#\n]+?)['"]?\s*(?:#.*)?$/gm)) out.push(resolve(folder, match[1]!));
    }
  }
  return out;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}
