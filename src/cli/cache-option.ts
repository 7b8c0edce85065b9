/**
 * `--cache` / `--cache-location` of validate, check and stats: per-opinion
 * results kept on disk between runs (see src/cache/results.ts).
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { Io } from './io.js';
import type { PlainFile } from '../core/transfer.js';
import { VERSION } from '../version.js';

/** The default cache file, in the current folder (as ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_FILE = '.opinioncache';

export interface CacheCliOptions {
  cache?: boolean;
  cacheLocation?: string;
}

export function addCacheOptions(command: Command): Command {
  return command
    .option('--cache', 'keep each opinion\'s results on disk and reuse them while none of its files changed (keyed by content)')
    .addOption(new Option('--cache-location <file>', `the cache file (default: ${DEFAULT_CACHE_FILE} in the current folder); implies --cache`));
}

/**
 * Per-folder results through the cache when `--cache` (or `--cache-location`)
 * is given, else straight from `compute`. Results cross the cache as plain
 * data: `toPlain` / `fromPlain` convert them.
 */
export async function cachedResults<T, P>(
  io: Io,
  options: CacheCliOptions,
  cacheKey: { command: string; settings: unknown; extraInputs?: (folder: string) => Promise<string[]> },
  folders: readonly string[],
  compute: (folders: string[]) => Promise<T[]>,
  convert: { toPlain: (result: T) => P; fromPlain: (plain: P) => T },
): Promise<T[]> {
  if (!options.cache && options.cacheLocation === undefined) return compute([...folders]);
  const { withResultCache, linkedInputs } = await import('../cache/results.js');
  const { results } = await withResultCache<P>(
    folders,
    {
      location: resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE),
      version: VERSION,
      command: cacheKey.command,
      settings: cacheKey.settings,
      extraInputs: async (folder) => [...(await linkedInputs(folder)), ...(cacheKey.extraInputs ? await cacheKey.extraInputs(folder) : [])],
    },
    async (missing) => (await compute(missing)).map(convert.toPlain),
  );
  return results.map(convert.fromPlain);
}

export type { PlainFile };
