/**
 * The one worker pool: validating, checking or counting many opinions on
 * worker threads (one per core, at most `jobs`). The opinions are split into
 * contiguous shares, each worker (dist/worker.js, built from src/worker.ts)
 * returns its results as plain data, and they come back in the order given.
 * Run from source (tests), there is no built worker to start: everything then
 * runs in the calling thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from './package-root.js';

/** Below this many opinions, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 24;
const WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist', 'worker.js');
const BUNDLED = !import.meta.url.endsWith('.ts');

/** What a worker does with its share of the folders. */
export type WorkerTask<Options = unknown> = { kind: 'validate' | 'check' | 'stats'; folders: string[]; options: Options };

/**
 * How many worker threads to use for `count` opinions: `jobs` when given,
 * else one per core from 24 opinions on — never more than the machine's
 * cores (each thread holds a whole engine: `--jobs 1000` took 10 GB).
 */
export function workersFor(count: number, jobs: number | undefined): number {
  if (!BUNDLED || !existsSync(WORKER_SCRIPT)) return 1;
  return threadsFor(count, jobs, availableParallelism());
}

/** The rule of `workersFor` on a machine with `cores` cores. */
export function threadsFor(count: number, jobs: number | undefined, cores: number): number {
  return Math.max(1, Math.min(jobs ?? (count >= PARALLEL_THRESHOLD ? cores : 1), count, cores));
}

/** Run `kind` over `folders` on `workers` threads; one result per folder, in order. */
export async function inWorkers<T, Options>(kind: WorkerTask['kind'], folders: readonly string[], workers: number, options: Options): Promise<T[]> {
  const size = Math.ceil(folders.length / workers);
  const shares = Array.from({ length: workers }, (_, i) => folders.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const done = await Promise.all(shares.map((share) => runWorker<T>({ kind, folders: share, options })));
  return done.flat();
}

function runWorker<T>(task: WorkerTask): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT);
    worker.once('message', (answer: { result?: T[]; error?: string }) => {
      if (answer.error !== undefined) reject(new Error(answer.error));
      else resolve(answer.result as T[]);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage(task);
  });
}
