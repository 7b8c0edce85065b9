/**
 * The worker-thread code of the pool in core/worker-pool.ts (bundled as
 * dist/worker.cjs, run by bin/worker.js): validates, checks or counts each batch of opinions it is
 * given and posts the results back as plain data. Each kind loads only its own code;
 * check and stats open each opinion once (`opinion/open.ts`) and work on it.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerTask } from './core/worker-pool.js';
import type { CheckOptions } from './check/index.js';
import type { StatsOptions } from './stats/index.js';
import type { ConfigFiles } from './check/config-file.js';

let threadConfigFiles: ConfigFiles | undefined;

async function handle(task: WorkerTask): Promise<unknown[]> {
  const { toPlainFile } = await import('./core/plain-file.js');
  const results: unknown[] = [];
  if (task.kind === 'validate') {
    const { validateOpinion } = await import('./validate/index.js');
    for (const folder of task.folders) results.push((await validateOpinion(folder, { markdown: false, labels: true })).files.map(toPlainFile));
  } else if (task.kind === 'check') {
    const [{ checkOpinion, CHECK_VALIDATION }, { ConfigFiles: ConfigFilesClass }, { openOpinion }] = await Promise.all([
      import('./check/index.js'),
      import('./check/config-file.js'),
      import('./opinion/open.js'),
    ]);
    // Configuration files read once per thread, whatever the batch.
    const configFiles = (threadConfigFiles ??= new ConfigFilesClass());
    const options = task.options as Omit<CheckOptions, 'configFiles'>;
    for (const folder of task.folders) {
      const result = await checkOpinion(await openOpinion(folder, CHECK_VALIDATION), { ...options, configFiles });
      results.push({ files: result.files.map(toPlainFile), checked: result.checked });
    }
  } else {
    const [{ statsOfOpinion }, { openOpinion }] = await Promise.all([import('./stats/index.js'), import('./opinion/open.js')]);
    for (const folder of task.folders) {
      const result = await statsOfOpinion(await openOpinion(folder), task.options as StatsOptions);
      results.push({ ...(result.stats ? { stats: result.stats } : {}), files: result.files.map(toPlainFile) });
    }
  }
  return results;
}

/**
 * Answer one batch after another, until the pool terminates the thread.
 * `afterFirstBatch` runs once, when the first batch is done and before its
 * results are posted (the pool stops a thread only after its answer).
 */
export function serve(afterFirstBatch?: () => void): void {
  const port = parentPort;
  let first = afterFirstBatch;
  port?.on('message', (task: WorkerTask) => {
    void handle(task).then(
      (result) => {
        first?.();
        first = undefined;
        port.postMessage({ result });
      },
      (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
