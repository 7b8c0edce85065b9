// The entry of each worker thread of a run over many opinions
// (src/core/worker-pool.ts): runs dist/worker.cjs (src/worker.ts bundled as one
// CommonJS script), compiled with a V8 code cache as the launcher compiles a
// command (./code-cache.js), one cache per kind of work (validate, check,
// stats: each compiles its own functions), in the folder the launcher named;
// none for a library's caller. Compiling the worker's code from source cost
// each thread some 250 ms of CPU on Node 20 (as ES modules, 160 ms on Node 24
// with Node's own module cache).
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { workerData } = require('node:worker_threads');
const { cacheFileOf, compileCached, readScript, runScript, writeCodeCache } = require('./code-cache.js');

const dist = join(__dirname, '..', 'dist');
const filename = join(dist, 'worker.cjs');
const { kind, cacheDir } = workerData;
// As in the launcher (bin/opinion.js): findings are VFileMessages, Errors whose stack is never shown; a thread
// checking 1,000 opinions spent 3 % of its CPU time capturing one for each. OPINION_DEBUG keeps them.
if (!process.env.OPINION_DEBUG) Error.stackTraceLimit = 0;
// dist/worker.json: the script's content hash, the key of its code caches.
let hash;
try {
  hash = JSON.parse(readFileSync(join(dist, 'worker.json'), 'utf8')).hash;
} catch {}
const name = `worker-${kind}`;
const cacheFile = cacheFileOf(cacheDir, name, hash);
const { script, stale } = compileCached(readScript(filename), filename, cacheFile);
// Written once the first batch is done (the functions of this kind of work compiled by then), before its results go back.
runScript(script, filename).serve(stale ? () => writeCodeCache(cacheFile, script, name) : undefined);
