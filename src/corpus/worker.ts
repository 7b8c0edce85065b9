/**
 * Checking or counting many opinions on worker threads, one per core: the
 * opinions are split into contiguous shares, each worker returns its
 * results as plain data, and they come back in the order given.
 *
 * The worker runs this very module: bundled, `import.meta.url` is the chunk
 * that holds this code, and loading it in a worker thread registers the
 * handler below. Run from source (tests), the module is TypeScript, which
 * a worker cannot load: everything then runs in the calling thread.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fromPlainFile, toPlainFile, type PlainFile } from '../core/plain-file.js';
import type { VFile } from 'vfile';
import { checkOpinion, type CheckOptions } from '../check/index.js';
import { ConfigFiles } from '../check/config-file.js';
import { statsOfOpinion, type StatsOptions } from '../stats/index.js';
import type { OpinionStats } from '../stats/types.js';

const ROLE = 'opinion-analysis-worker';
/** Below this many opinions, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 24;

type Task = { kind: 'check'; folders: string[]; options: Omit<CheckOptions, 'configFiles'> } | { kind: 'stats'; folders: string[]; options: StatsOptions };

export interface CheckedOpinion {
  files: VFile[];
  checked: boolean;
}

export interface CountedOpinion {
  stats?: OpinionStats;
  files: VFile[];
}

interface PlainChecked {
  files: PlainFile[];
  checked: boolean;
}

interface PlainCounted {
  stats?: OpinionStats;
  files: PlainFile[];
}

/**
 * How many worker threads to use for `count` opinions: `jobs` when given,
 * else one per core from 24 opinions on — never more than the machine's
 * cores (each thread holds a whole engine: `--jobs 1000` took 10 GB).
 */
export function workersFor(count: number, jobs: number | undefined): number {
  if (!import.meta.url.endsWith('.js')) return 1;
  return Math.max(1, Math.min(jobs ?? (count >= PARALLEL_THRESHOLD ? availableParallelism() : 1), count, availableParallelism()));
}

/** Check opinions, in order; configuration files read once per thread. */
export async function checkOpinions(folders: readonly string[], options: Omit<CheckOptions, 'configFiles'> & { jobs?: number } = {}): Promise<CheckedOpinion[]> {
  const { jobs, ...checkOptions } = options;
  const workers = workersFor(folders.length, jobs);
  if (workers <= 1) {
    const configFiles = new ConfigFiles();
    const results: CheckedOpinion[] = [];
    for (const folder of folders) {
      const result = await checkOpinion(folder, { ...checkOptions, configFiles });
      results.push({ files: result.files, checked: result.checked });
    }
    return results;
  }
  const done = await spread<PlainChecked>(folders, workers, (share) => ({ kind: 'check', folders: share, options: checkOptions }));
  return done.map((r) => ({ files: r.files.map(fromPlainFile), checked: r.checked }));
}

/** Count opinions, in order. */
export async function countOpinions(folders: readonly string[], options: StatsOptions & { jobs?: number } = {}): Promise<CountedOpinion[]> {
  const { jobs, ...statsOptions } = options;
  const workers = workersFor(folders.length, jobs);
  if (workers <= 1) {
    const results: CountedOpinion[] = [];
    for (const folder of folders) results.push(await statsOfOpinion(folder, statsOptions));
    return results;
  }
  const done = await spread<PlainCounted>(folders, workers, (share) => ({ kind: 'stats', folders: share, options: statsOptions }));
  return done.map((r) => ({ ...(r.stats ? { stats: r.stats } : {}), files: r.files.map(fromPlainFile) }));
}

async function spread<T>(folders: readonly string[], workers: number, task: (share: string[]) => Task): Promise<T[]> {
  const size = Math.ceil(folders.length / workers);
  const shares = Array.from({ length: workers }, (_, i) => folders.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const done = await Promise.all(shares.map((share) => run<T[]>(task(share))));
  return done.flat();
}

function run<T>(task: Task): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: ROLE });
    worker.once('message', (answer: { result?: T; error?: string }) => {
      if (answer.error !== undefined) reject(new Error(answer.error));
      else resolve(answer.result as T);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage(task);
  });
}

async function handle(task: Task): Promise<PlainChecked[] | PlainCounted[]> {
  if (task.kind === 'check') {
    const configFiles = new ConfigFiles();
    const results: PlainChecked[] = [];
    for (const folder of task.folders) {
      const result = await checkOpinion(folder, { ...task.options, configFiles });
      results.push({ files: result.files.map(toPlainFile), checked: result.checked });
    }
    return results;
  }
  const results: PlainCounted[] = [];
  for (const folder of task.folders) {
    const result = await statsOfOpinion(folder, task.options);
    results.push({ ...(result.stats ? { stats: result.stats } : {}), files: result.files.map(toPlainFile) });
  }
  return results;
}

if (!isMainThread && workerData === ROLE && parentPort) {
  const port = parentPort;
  port.once('message', (task: Task) => {
    void handle(task).then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
