/**
 * Validating many opinions: in this thread, or spread over worker threads
 * (one per core, at most `jobs`), results always in the order given.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import { validateOpinion } from './index.js';
import { fromPlainFile, type PlainFile } from '../core/plain-file.js';
import { PACKAGE_ROOT } from '../core/package-root.js';

/** Below this many opinions, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 24;
const WORKER = join(PACKAGE_ROOT, 'dist', 'validate-worker.js');

export interface ManyOptions {
  /** Worker threads to use: `undefined` decides from the number of opinions and cores; 1 = none. */
  jobs?: number;
}

/** The files (with messages) of each opinion, in the order of `folders`. */
export async function validateOpinions(folders: readonly string[], options: ManyOptions = {}): Promise<VFile[][]> {
  // Never more threads than cores: each holds a whole engine (`--jobs 1000` took 10 GB).
  const jobs = Math.min(options.jobs ?? (folders.length >= PARALLEL_THRESHOLD ? availableParallelism() : 1), folders.length, availableParallelism());
  if (jobs <= 1 || !existsSync(WORKER)) {
    const results: VFile[][] = [];
    for (const folder of folders) results.push((await validateOpinion(folder, { labels: true })).files);
    return results;
  }
  const size = Math.ceil(folders.length / jobs);
  const shares = Array.from({ length: jobs }, (_, i) => folders.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const done = await Promise.all(shares.map((share) => runWorker(share)));
  return done.flat().map((files) => files.map(fromPlainFile));
}

function runWorker(folders: string[]): Promise<PlainFile[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (result: PlainFile[][]) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage(folders);
  });
}
