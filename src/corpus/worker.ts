/**
 * Checking or counting many opinions, on the worker pool (core/worker-pool.ts)
 * from 24 opinions on, else in this thread. Each loads only its own code
 * (the rules, their examples and their patterns are no part of a count).
 */
import { fromPlainFile, type PlainFile } from '../core/plain-file.js';
import { inWorkers, workersFor } from '../core/worker-pool.js';
import type { VFile } from 'vfile';
import type { CheckOptions } from '../check/index.js';
import { openOpinion } from '../opinion/open.js';
import type { StatsOptions } from '../stats/index.js';
import type { OpinionStats } from '../stats/types.js';

export interface CheckedOpinion {
  files: VFile[];
  checked: boolean;
}

export interface CountedOpinion {
  stats?: OpinionStats;
  files: VFile[];
}

/** A result as a worker sends it: its files as plain data. */
type Plain<T> = Omit<T, 'files'> & { files: PlainFile[] };

/** Check opinions, in order; configuration files read once per thread. */
export async function checkOpinions(
  folders: readonly string[],
  options: Omit<CheckOptions, 'configFiles'> & { jobs?: number } = {},
): Promise<CheckedOpinion[]> {
  const { jobs, ...checkOptions } = options;
  const workers = workersFor(folders.length, jobs);
  if (workers <= 1) {
    const [{ checkOpinion, CHECK_VALIDATION }, { ConfigFiles }] = await Promise.all([import('../check/index.js'), import('../check/config-file.js')]);
    const configFiles = new ConfigFiles();
    const results: CheckedOpinion[] = [];
    for (const folder of folders) {
      const result = await checkOpinion(await openOpinion(folder, CHECK_VALIDATION), { ...checkOptions, configFiles });
      results.push({ files: result.files, checked: result.checked });
    }
    return results;
  }
  const done = await inWorkers<Plain<CheckedOpinion>, typeof checkOptions>('check', folders, workers, checkOptions);
  return done.map((r) => ({ files: r.files.map(fromPlainFile), checked: r.checked }));
}

/** Count opinions, in order. */
export async function countOpinions(folders: readonly string[], options: StatsOptions & { jobs?: number } = {}): Promise<CountedOpinion[]> {
  const { jobs, ...statsOptions } = options;
  const workers = workersFor(folders.length, jobs);
  if (workers <= 1) {
    const { statsOfOpinion } = await import('../stats/index.js');
    const results: CountedOpinion[] = [];
    for (const folder of folders) results.push(await statsOfOpinion(await openOpinion(folder), statsOptions));
    return results;
  }
  const done = await inWorkers<Plain<CountedOpinion>, StatsOptions>('stats', folders, workers, statsOptions);
  return done.map((r) => ({ ...(r.stats ? { stats: r.stats } : {}), files: r.files.map(fromPlainFile) }));
}
