/**
 * `--cache` / `--cache-location` of validate, check and stats: per-opinion
 * results kept on disk between runs (see src/cache/results.ts).
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { Io } from './io.js';
import type { VFile } from 'vfile';
import type { PlainFile } from '../core/plain-file.js';
import { VERSION } from '../version.js';

/** The default cache file, in the current folder (as ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_FILE = '.opinioncache';

export interface CacheCliOptions {
  cache?: boolean;
  cacheLocation?: string;
}

export function addCacheOptions(command: Command): Command {
  return command
    .option('--cache', "keep each opinion's results on disk and reuse them while none of its files changed (keyed by content)")
    .addOption(new Option('--cache-location <file>', `the cache file (default: ${DEFAULT_CACHE_FILE} in the current folder); implies --cache`));
}

/**
 * Per-folder results through the cache when `--cache` (or `--cache-location`)
 * is given, else straight from `compute`. Results are VFile lists (validate)
 * or records with one (`files`: check, stats); they cross the cache as plain
 * data, their files as PlainFiles.
 */
export async function cachedResults<T extends VFile[] | { files: VFile[] }>(
  io: Io,
  options: CacheCliOptions,
  cacheKey: { command: string; settings: unknown; extraInputs?: (folder: string) => Promise<string[]> },
  folders: readonly string[],
  compute: (folders: string[]) => Promise<T[]>,
): Promise<T[]> {
  if (!options.cache && options.cacheLocation === undefined) return compute([...folders]);
  const [{ withResultCache, schemaAndTemplateLinks }, { decodeText }, { withLazyValue, toPlainFile, fromPlainFile }] = await Promise.all([
    import('../cache/results.js'),
    import('../core/read-source.js'),
    import('../core/plain-file.js'),
  ]);
  // A file's text (kept for code frames) is left out of the cache when it is
  // the file's content, read for the key anyway.
  type Content = (path: string) => Buffer | undefined;
  const TEXT_OF_FILE = '\u0000text of the file';
  const stripFile = (file: PlainFile, contentOf: Content): PlainFile => {
    const content = file.value === undefined ? undefined : contentOf(file.path);
    return content && decodeText(content) === file.value ? { ...file, value: TEXT_OF_FILE } : file;
  };
  // Put back when first asked for (only a code frame does): a run that reports
  // as JSON or finds no message reads no file at all. A file changed since its
  // hash was taken gives no text rather than another one.
  const restoreFile = (file: PlainFile, contentOf: Content): PlainFile => {
    if (file.value !== TEXT_OF_FILE) return file;
    const { value: _, ...rest } = file;
    return withLazyValue(rest, () => {
      const content = contentOf(file.path);
      return content === undefined ? undefined : decodeText(content);
    });
  };
  const eachFile = <F, G>(result: unknown, fn: (file: F) => G): unknown => {
    if (Array.isArray(result)) return (result as F[]).map(fn);
    const record = result as { files?: F[] };
    return Array.isArray(record.files) ? { ...record, files: record.files.map(fn) } : result;
  };
  const { results } = await withResultCache<unknown>(
    folders,
    {
      location: resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE),
      version: VERSION,
      command: cacheKey.command,
      settings: cacheKey.settings,
      linksOf: schemaAndTemplateLinks,
      ...(cacheKey.extraInputs ? { extraInputs: cacheKey.extraInputs } : {}),
    },
    async (missing) => (await compute(missing)).map((result) => eachFile(result, toPlainFile)),
    {
      store: (result, contentOf) => eachFile(result, (f: PlainFile) => stripFile(f, contentOf)),
      load: (stored, contentOf) => eachFile(stored, (f: PlainFile) => restoreFile(f, contentOf)),
    },
  );
  return results.map((result) => eachFile(result, fromPlainFile) as T);
}
