/** A worker thread validating a share of the opinions (see ./many.ts). */
import { parentPort } from 'node:worker_threads';
import { validateOpinion } from './index.js';
import { toPlainFile } from '../core/plain-file.js';

parentPort?.on('message', async (folders: string[]) => {
  const results = [];
  for (const folder of folders) results.push((await validateOpinion(folder, { labels: true })).files.map(toPlainFile));
  parentPort?.postMessage(results);
});
