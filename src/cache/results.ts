/**
 * An on-disk cache of per-opinion results for runs over many opinions
 * (`validate`, `check`, `stats` with `--cache`), like ESLint's `--cache`: an
 * opinion whose inputs did not change since the last run gets its previous
 * results back without being read, parsed or checked again.
 *
 * Keyed by content: an opinion's key is a hash of the tool's version, the
 * command and its settings, and the path and content hash of every file in
 * the folder (all of them, recursively), plus the files outside it that
 * results depend on (`extraInputs`: configuration files found above it; and
 * the outside files the folder's own files name, `linksOf`: a template named
 * in opinion.yaml, the targets of schema links), present or not.
 *
 * Content hashes are not recomputed for files that did not change, which is
 * told as git's index tells it: each file's hash is kept with its size,
 * modification and change times (nanoseconds) and inode, and reused while all
 * four are the same and both times are older than the start of the run that
 * hashed it by more than the file system's timestamp granularity (the "racy
 * git" rule: a file written in the same clock tick as it was hashed could
 * change again without its times moving, so it is hashed again next time).
 * An edit that keeps the size and resets the modification time still moves
 * the change time, which no user can set back. Directory listings are kept
 * the same way (a directory's times move when an entry is added, removed or
 * renamed), except those holding symbolic links, which are always listed.
 *
 * The cache file is written atomically (a temporary file renamed over it),
 * and one that cannot be read, or was written by another version of the tool
 * or of Node, is ignored. Results are stored as JSON (parsed about twice as
 * fast as a node:v8 structured clone) in which what JSON cannot hold (NaN,
 * ±Infinity, -0, undefined) is tagged, so they come back exactly as computed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';

/** Bumped whenever the layout of the cache file changes. */
const FORMAT = 2;

/**
 * How far (ms) a file's times must be older than the start of the run that
 * hashed it for the hash to be reused on their word: above the coarsest
 * timestamps of common file systems (FAT: 2 s) and the lag of the kernel's
 * coarse clock behind the wall clock.
 */
export const TIMESTAMP_GRANULARITY_MS = 2000;

export interface ResultCacheOptions {
  /** The cache file. */
  location: string;
  /** The tool's version: a cache from another version is not used. */
  version: string;
  /** The command and every setting its results depend on. */
  command: string;
  settings: unknown;
  /** Files outside the folder (absolute paths) whose content the results depend on. */
  extraInputs?: (folder: string) => Promise<string[]> | string[];
  /**
   * Outside files (absolute paths) a file at the top of a folder names and
   * the results depend on, found in its content: kept with the file's hash,
   * so that an unchanged file is not read again to find them.
   */
  linksOf?: (path: string, content: Buffer) => string[];
  /** See TIMESTAMP_GRANULARITY_MS (a test may lower it). */
  timestampGranularityMs?: number;
}

/** A file's stat tuple (size, mtime ns, ctime ns, inode), its content hash and the outside files it names. */
type FileRecord = [size: string, mtimeNs: string, ctimeNs: string, ino: string, hash: string, links?: string[]];
/** A directory's stat tuple (mtime ns, ctime ns, inode) and its entries, sub-directories ending in `/`. */
type DirRecord = [mtimeNs: string, ctimeNs: string, ino: string, entries: string[]];

interface CacheFile {
  format: number;
  version: string;
  node: string;
  files: Record<string, FileRecord>;
  dirs: Record<string, DirRecord>;
  entries: Record<string, { key: string; result: unknown }>;
}

/**
 * How results are stored: `store` may leave out what the inputs hold (a
 * file's text), `load` puts it back. `contentOf` gives the bytes of an input
 * file as they were hashed for the key, read when asked (undefined when the
 * file is gone or no longer has that content): `load` should ask only when
 * the text is needed.
 */
export interface ResultCodec<T> {
  store(result: T, contentOf: (path: string) => Buffer | undefined): unknown;
  load(stored: unknown, contentOf: (path: string) => Buffer | undefined): T;
}

const asIs: ResultCodec<never> = { store: (result) => result, load: (stored) => stored as never };

/** Whether a kept stat tuple still vouches for the content hashed with it (git's racy rule, see above). */
export function statStillValid(kept: readonly unknown[], now: readonly string[], settledBeforeNs: bigint): boolean {
  for (let i = 0; i < now.length; i++) if (kept[i] !== now[i]) return false;
  // now[0..] is [size, mtimeNs, ctimeNs, ino] for files, [mtimeNs, ctimeNs, ino] for directories.
  const times = now.length === 4 ? [now[1]!, now[2]!] : [now[0]!, now[1]!];
  return times.every((t) => BigInt(t) < settledBeforeNs);
}

function fileTuple(s: BigIntStats): [string, string, string, string] {
  return [String(s.size), String(s.mtimeNs), String(s.ctimeNs), String(s.ino)];
}

function dirTuple(s: BigIntStats): [string, string, string] {
  return [String(s.mtimeNs), String(s.ctimeNs), String(s.ino)];
}

function statOrUndefined(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The file-system state of one run: hashes and listings, reused from the last run where its stat tuples vouch for them. */
class Inputs {
  readonly files: Record<string, FileRecord> = {};
  readonly dirs: Record<string, DirRecord> = {};
  private readonly contents = new Map<string, Buffer | undefined>();
  private readonly seen = new Map<string, { hash: string; links?: string[] }>();
  /** Times at or after this (ns) are too recent to vouch for anything. */
  private readonly settledBefore: bigint;

  constructor(
    private readonly previous: CacheFile,
    private readonly linksOf: ((path: string, content: Buffer) => string[]) | undefined,
    startNs: bigint,
    granularityMs: number,
  ) {
    this.settledBefore = startNs - BigInt(Math.round(granularityMs * 1e6));
  }

  /** The content hash of a file ('absent' when it cannot be read), and (`wantLinks`) the outside files it names. */
  file(path: string, wantLinks: boolean): { hash: string; links: string[] } {
    const needLinks = wantLinks && this.linksOf !== undefined;
    const seen = this.seen.get(path);
    if (seen && (!needLinks || seen.links)) return { hash: seen.hash, links: seen.links ?? [] };
    const stats = statOrUndefined(path);
    if (!stats || stats.isDirectory()) return this.remember(path, stats ? 'directory' : 'absent', []);
    const tuple = fileTuple(stats);
    const kept = this.previous.files[path];
    if (kept && (!needLinks || kept[5]) && statStillValid(kept, tuple, this.settledBefore)) {
      this.files[path] = kept;
      return this.remember(path, kept[4], kept[5]);
    }
    const content = readOrUndefined(path);
    if (!content) return this.remember(path, 'absent', []);
    this.contents.set(path, content);
    const hash = createHash('sha256').update(content).digest('hex');
    const links = needLinks ? this.linksOf!(path, content) : undefined;
    // Read too soon after its last change for its times to vouch for it next time: not kept.
    if (BigInt(tuple[1]!) < this.settledBefore && BigInt(tuple[2]!) < this.settledBefore) this.files[path] = links ? [...tuple, hash, links] : [...tuple, hash];
    return this.remember(path, hash, links);
  }

  private remember(path: string, hash: string, links: string[] | undefined): { hash: string; links: string[] } {
    this.seen.set(path, links ? { hash, links } : { hash });
    return { hash, links: links ?? [] };
  }

  /** The bytes of a file as hashed this run, read again if need be; undefined if it changed since. */
  contentOf(path: string): Buffer | undefined {
    if (this.contents.has(path)) return this.contents.get(path);
    const hash = this.seen.get(path)?.hash;
    const content = hash === undefined ? undefined : readOrUndefined(path);
    const same = content && createHash('sha256').update(content).digest('hex') === hash ? content : undefined;
    this.contents.set(path, same);
    return same;
  }

  /** Every file under `dir` (following links), relative and sorted. */
  list(dir: string, prefix = '', depth = 0): string[] {
    const out: string[] = [];
    for (const entry of this.entries(dir)) {
      if (entry.endsWith('/')) {
        if (depth < 16) out.push(...this.list(join(dir, entry.slice(0, -1)), prefix + entry, depth + 1));
      } else out.push(prefix + entry);
    }
    return out.sort();
  }

  /** The entries of one directory, sub-directories ending in `/`. */
  private entries(dir: string): string[] {
    const stats = statOrUndefined(dir);
    if (!stats?.isDirectory()) return [];
    const tuple = dirTuple(stats);
    const kept = this.previous.dirs[dir];
    if (kept && statStillValid(kept, tuple, this.settledBefore)) {
      this.dirs[dir] = kept;
      return kept[3];
    }
    let found: Dirent[];
    try {
      found = readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    let links = false;
    const entries = found.map((entry) => {
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        links = true;
        isDirectory = statOrUndefined(join(dir, entry.name))?.isDirectory() ?? false;
      }
      return isDirectory ? `${entry.name}/` : entry.name;
    });
    // A link's target can change kind without its directory's times moving: such listings are not kept.
    if (!links && BigInt(tuple[0]) < this.settledBefore && BigInt(tuple[1]) < this.settledBefore) this.dirs[dir] = [...tuple, entries];
    return entries;
  }
}

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
  // Taken before anything is looked at: a change after it gives times at or after it.
  const startNs = BigInt(Date.now()) * 1_000_000n;
  const cache = await readCache(options);
  const inputs = new Inputs(cache, options.linksOf, startNs, options.timestampGranularityMs ?? TIMESTAMP_GRANULARITY_MS);
  const keys: string[] = [];
  for (const folder of folders) keys.push(await folderKey(folder, options, inputs));
  const contentOf = (path: string) => inputs.contentOf(path);
  const entryName = (folder: string) => `${options.command}\u0000${resolve(folder)}`;
  const entries: CacheFile['entries'] = {};
  const results: (T | undefined)[] = folders.map((folder, i) => {
    const entry = cache.entries[entryName(folder)];
    if (!entry || entry.key !== keys[i]) return undefined;
    entries[entryName(folder)] = entry;
    return codec.load(entry.result, contentOf);
  });
  const missing = folders.filter((_, i) => results[i] === undefined);
  const computed = missing.length > 0 ? await compute(missing) : [];
  let next = 0;
  for (const [i, folder] of folders.entries()) {
    if (results[i] !== undefined) continue;
    const result = computed[next++] as T;
    results[i] = result;
    entries[entryName(folder)] = { key: keys[i]!, result: codec.store(result, contentOf) };
  }
  if (missing.length > 0 || changed(cache, inputs)) {
    // Entries of folders not in this run are kept as they were.
    const out: CacheFile = {
      format: FORMAT,
      version: options.version,
      node: process.version,
      files: { ...othersOnly(cache.files, folders), ...inputs.files },
      dirs: { ...othersOnly(cache.dirs, folders), ...inputs.dirs },
      entries: { ...cache.entries, ...entries },
    };
    try {
      writeFileAtomic(options.location, encode(out));
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
  return { results: results as T[], hits: folders.length - missing.length, misses: missing.length };
}

/** The records of paths outside `folders` (those inside were all looked at this run: a path not seen is gone). */
function othersOnly<R>(records: Record<string, R>, folders: readonly string[]): Record<string, R> {
  const roots = new Set(folders.map((folder) => resolve(folder)));
  const inside = (path: string) => {
    for (let dir = path, depth = 0; depth < 20; depth++) {
      if (roots.has(dir)) return true;
      const parent = dirname(dir);
      if (parent === dir) return false;
      dir = parent;
    }
    return false;
  };
  const out: Record<string, R> = {};
  for (const [path, record] of Object.entries(records)) if (!inside(path)) out[path] = record;
  return out;
}

/** Whether this run found file or directory records the cache file does not hold yet (so that writing it saves work next time). */
function changed(cache: CacheFile, inputs: Inputs): boolean {
  for (const [path, record] of Object.entries(inputs.files)) if (cache.files[path] !== record) return true;
  for (const [path, record] of Object.entries(inputs.dirs)) if (cache.dirs[path] !== record) return true;
  return false;
}

async function readCache(options: ResultCacheOptions): Promise<CacheFile> {
  const empty: CacheFile = { format: FORMAT, version: options.version, node: process.version, files: {}, dirs: {}, entries: {} };
  try {
    const parsed = decode(await readFile(options.location, 'utf8')) as Partial<CacheFile> | null;
    if (!parsed || parsed.format !== FORMAT || parsed.version !== options.version || parsed.node !== process.version) return empty;
    const isRecord = (value: unknown): value is Record<string, never> => typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!isRecord(parsed.entries) || !isRecord(parsed.files) || !isRecord(parsed.dirs)) return empty;
    return { ...empty, files: parsed.files, dirs: parsed.dirs, entries: parsed.entries };
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
async function folderKey(given: string, options: ResultCacheOptions, inputs: Inputs): Promise<string> {
  // Records are kept by absolute path: the same cache serves runs from any folder.
  const folder = resolve(given);
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, options.version, options.command, options.settings, resolve(folder)]));
  // The cache file itself (an opinion checked from its own folder keeps it there) is no input.
  const location = resolve(options.location);
  const files = inputs.list(folder).filter((name) => resolve(folder, name) !== location);
  const links: string[] = [];
  for (const name of files) {
    // Outside files are named by the files at the top of the folder only.
    const top = !name.includes('/');
    const { hash: content, links: named } = inputs.file(join(folder, name), top);
    if (top) links.push(...named);
    hash.update(`\u0000in:${name}\u0000${content}`);
  }
  const extra = [...links, ...(options.extraInputs ? await options.extraInputs(folder) : [])];
  for (const path of extra) hash.update(`\u0000out:${path}\u0000${inputs.file(path, false).hash}`);
  return hash.digest('hex');
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

/**
 * The outside files a file at the top of an opinion folder names, on which
 * results depend (a `linksOf` for withResultCache): the targets of the schema
 * links of its YAML files, and a `template:` of opinion.yaml.
 */
export function schemaAndTemplateLinks(path: string, content: Buffer): string[] {
  if (!path.endsWith('.yaml')) return [];
  const folder = dirname(path);
  const text = content.toString('utf8');
  const out: string[] = [];
  for (const line of text.split('\n', 5)) {
    const link = /^#\s*yaml-language-server:\s*\$schema=(\S+)/.exec(line)?.[1];
    if (link && !/^[a-z][a-z0-9+.-]*:/i.test(link)) out.push(resolve(folder, link));
  }
  if (basename(path) === 'opinion.yaml') {
    for (const match of text.matchAll(/^template:\s*['"]?([^'"#\n]+?)['"]?\s*(?:#.*)?$/gm)) out.push(resolve(folder, match[1]!));
  }
  return out;
}
