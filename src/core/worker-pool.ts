/**
 * The one worker pool: validating, checking or counting many opinions on
 * worker threads (one per core, at most `jobs`). The opinions are handed out
 * in batches as the workers (bin/worker.js running dist/worker.cjs, built from
 * src/worker.ts) ask for more; each returns its results as plain data, and they come back in
 * the order given.
 * Run from source (tests), there is no built worker to start: everything then
 * runs in the calling thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from './package-root.js';

/** Below this many opinions, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 24;
const WORKER_ENTRY = join(PACKAGE_ROOT, 'bin', 'worker.js');
const WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist', 'worker.cjs');
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
  // Batches handed out as workers finish theirs: a thread slowed down (a longer opinion, a busy
  // core) takes fewer, and results come back while the others work.
  const size = batchSize(folders.length, workers);
  const results: T[] = new Array(folders.length);
  let next = 0;
  const take = (): { from: number; task: WorkerTask } | undefined => {
    if (next >= folders.length) return undefined;
    const from = next;
    next = Math.min(folders.length, from + size);
    return { from, task: { kind, folders: folders.slice(from, next), options } };
  };
  const started = Array.from({ length: Math.min(workers, Math.ceil(folders.length / size)) }, () => runWorker<T>(kind, take, results));
  await Promise.all(started);
  return results;
}

/** Opinions per batch: a few batches per thread at least (for balance), at most 32 (messages stay small). */
export function batchSize(count: number, workers: number): number {
  return Math.max(1, Math.min(32, Math.ceil(count / (workers * 4))));
}

/**
 * The bin raises V8's tiering thresholds for one-shot runs (bin/opinion.js)
 * and leaves V8's defaults here: threads that run the same code over many
 * opinions do better with them (check of 1,000 opinions cost a fifth more CPU
 * with the raised ones). Put back once, before the first worker starts.
 */
function restoreTiering(): void {
  const key = Symbol.for('opinion.v8-tiering-defaults');
  const defaults = (globalThis as Record<symbol, unknown>)[key];
  if (!Array.isArray(defaults)) return;
  delete (globalThis as Record<symbol, unknown>)[key];
  for (const flag of defaults) setFlagsFromString(String(flag));
}

/** One worker thread taking batches until none is left; its results written in place. */
function runWorker<T>(kind: WorkerTask['kind'], take: () => { from: number; task: WorkerTask } | undefined, results: T[]): Promise<void> {
  return new Promise((resolve, reject) => {
    restoreTiering();
    // The folder of the bin's code caches (bin/opinion.js), where the thread keeps that of its code; none for a library's caller.
    const cacheDir = (globalThis as Record<symbol, unknown>)[Symbol.for('opinion.code-cache')];
    const worker = new Worker(WORKER_ENTRY, { workerData: { kind, cacheDir: typeof cacheDir === 'string' ? cacheDir : undefined } });
    let current = take();
    let finished = false;
    const stop = (error?: Error) => {
      if (finished) return;
      finished = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.once('exit', (code) => stop(new Error(`a worker thread stopped (exit code ${code}) before its opinions were done`)));
    worker.on('message', (answer: { result?: T[]; error?: string }) => {
      if (answer.error !== undefined) return stop(new Error(answer.error));
      const done = answer.result as T[];
      for (let i = 0; i < done.length; i++) results[current!.from + i] = done[i]!;
      current = take();
      if (current) worker.postMessage(current.task);
      else stop();
    });
    worker.once('error', (error) => stop(error));
    if (current) worker.postMessage(current.task);
    else stop();
  });
}
