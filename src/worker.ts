/**
 * The worker-thread entry of the pool in core/worker-pool.ts (bundled as
 * dist/worker.js): validates, checks or counts its share of the opinions and
 * posts the results back as plain data. Each kind loads only its own code.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerTask } from './core/worker-pool.js';
import type { CheckOptions } from './check/index.js';
import type { StatsOptions } from './stats/index.js';

async function handle(task: WorkerTask): Promise<unknown[]> {
  const { toPlainFile } = await import('./core/plain-file.js');
  const results: unknown[] = [];
  if (task.kind === 'validate') {
    const { validateOpinion } = await import('./validate/index.js');
    for (const folder of task.folders) results.push((await validateOpinion(folder, { markdown: false, labels: true })).files.map(toPlainFile));
  } else if (task.kind === 'check') {
    const [{ checkOpinion }, { ConfigFiles }] = await Promise.all([import('./check/index.js'), import('./check/config-file.js')]);
    const configFiles = new ConfigFiles();
    const options = task.options as Omit<CheckOptions, 'configFiles'>;
    for (const folder of task.folders) {
      const result = await checkOpinion(folder, { ...options, configFiles });
      results.push({ files: result.files.map(toPlainFile), checked: result.checked });
    }
  } else {
    const { statsOfOpinion } = await import('./stats/index.js');
    for (const folder of task.folders) {
      const result = await statsOfOpinion(folder, task.options as StatsOptions);
      results.push({ ...(result.stats ? { stats: result.stats } : {}), files: result.files.map(toPlainFile) });
    }
  }
  return results;
}

const port = parentPort;
port?.once('message', (task: WorkerTask) => {
  void handle(task).then(
    (result) => port.postMessage({ result }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
