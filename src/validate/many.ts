/**
 * Validating many opinions: in this thread, or spread over the worker pool
 * (core/worker-pool.ts: one thread per core, at most `jobs`), results always
 * in the order given.
 */
import type { VFile } from 'vfile';
import { validateOpinion } from './index.js';
import { fromPlainFile, type PlainFile } from '../core/plain-file.js';
import { inWorkers, workersFor } from '../core/worker-pool.js';

export interface ManyOptions {
  /** Worker threads to use: `undefined` decides from the number of opinions and cores; 1 = none. */
  jobs?: number;
}

/** The files (with messages) of each opinion, in the order of `folders`. */
export async function validateOpinions(folders: readonly string[], options: ManyOptions = {}): Promise<VFile[][]> {
  const workers = workersFor(folders.length, options.jobs);
  if (workers <= 1) {
    const results: VFile[][] = [];
    for (const folder of folders) results.push((await validateOpinion(folder, { markdown: false, labels: true })).files);
    return results;
  }
  const done = await inWorkers<PlainFile[], undefined>('validate', folders, workers, undefined);
  return done.map((files) => files.map(fromPlainFile));
}
