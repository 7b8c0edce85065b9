#!/usr/bin/env node
// Launcher. `npm run build` (run by `npm ci` through `prepare`) bundles each
// command into one CommonJS script, dist/commands/<command>.cjs (all.cjs: every
// command, for --help, --version and mistakes). This file runs the one that
// argv names, compiled with a V8 code cache: the compiled code of the previous
// run, one file per script content and Node version, kept in the user's cache
// folder (never in the install folder), rewritten when V8 rejects it, written
// atomically (safe when several runs race), skipped when nothing is writable.
// The same folder keeps the data of the YAML sources it read (src/core/yaml-cache.ts).
// CommonJS (see ./package.json): Node starts a CommonJS entry faster than an ES module.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { cacheFileOf, compileCached, readScript, runScript, writeCodeCache } = require('./code-cache.js');

const dist = join(__dirname, '..', 'dist', 'commands');
// dist/commands/manifest.json: a content hash per command script (the scripts' list, and their code caches' key).
let manifest = {};
try {
  manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
} catch {}
const first = process.argv[2];
const name = first !== undefined && first !== 'all' && Object.hasOwn(manifest, first) ? first : 'all';
const cacheRoot = userCacheDir();
const cacheDir = cacheRoot && join(cacheRoot, 'v8');
// The data of the YAML sources read by earlier runs, for the exact same text and program (src/core/yaml-cache.ts).
if (cacheRoot && manifest.all) globalThis[Symbol.for('opinion.yaml-cache')] = { dir: join(cacheRoot, 'yaml'), build: manifest.all };

// The worker threads of a run over many opinions keep their code cache there too (bin/worker.js).
if (cacheDir) globalThis[Symbol.for('opinion.code-cache')] = cacheDir;

// Standard output and error, and a reader that stops early (`opinion stats … | head`): src/cli/process.ts.

// V8 optimises a function once it has run a while: worth it for the hot loops
// of a long run, wasted on the code a one-shot command runs a few hundred
// times (a quarter of its CPU time went to optimising compilers). Optimising
// later spares the short runs; a run over many opinions puts V8's own
// thresholds back before its worker threads start (src/core/worker-pool.ts:
// with the raised ones, check of 1,000 opinions cost a fifth more). Set before
// any of the CLI is compiled, and the same at every start (the flags are part
// of the code cache's key); only for the V8 versions whose flags these are (an
// unknown flag is an error message). Each entry: [flag, raised, V8's default].
const v8Major = Number(process.versions.v8.split('.')[0]);
const tiering =
  v8Major === 11
    ? [['interrupt-budget', 1081344, 67584]]
    : v8Major === 12 || v8Major === 13
      ? [
          ['invocation-count-for-maglev', 4000, 400],
          ['invocation-count-for-turbofan', 30000, 3000],
        ]
      : [];
if (tiering.length > 0 && !process.env.OPINION_V8_DEFAULTS) {
  const setFlagsFromString = v8FlagSetter();
  for (const [flag, raised] of tiering) setFlagsFromString(`--${flag}=${raised}`);
  globalThis[Symbol.for('opinion.v8-tiering-defaults')] = tiering.map(([flag, , byDefault]) => `--${flag}=${byDefault}`);
}

// Findings are VFileMessages, which are Errors whose stack vfile-message sets to
// '' anyway: a check of many opinions would capture tens of thousands of stacks
// for nothing. Stacks are printed only for internal errors under OPINION_DEBUG.
if (!process.env.OPINION_DEBUG) Error.stackTraceLimit = 0;

const filename = join(dist, `${name}.cjs`);
let source;
try {
  source = readScript(filename);
} catch {
  // A clone where nothing was installed yet: say what to run, not a stack.
  process.stderr.write(`opinion: not built yet: run \`npm ci\` in ${join(__dirname, '..')}/ first (it installs and builds dist/)\n`);
  process.exit(2);
}
const cacheFile = cacheFileOf(cacheDir, name, manifest[name]);
const { script, stale } = compileCached(source, filename, cacheFile);

runScript(script, filename)
  .run()
  .then(
    (code) => {
      process.exitCode = code;
      // After the run, the cache holds the functions the command compiled too.
      if (stale) writeCodeCache(cacheFile, script, name);
    },
    (error) => {
      process.stderr.write(`opinion: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );

/**
 * V8's setFlagsFromString. `node:v8` holds it, but on Node 20 and 22 loading
 * `node:v8` loads its heap snapshot streams, hence the whole of `node:stream`
 * (22 modules, 1.5 ms of CPU: 2 % of a build): there the function is taken from
 * V8's binding, the one `node:v8` calls, which `process.binding` still gives on
 * those Nodes. Asking for it emits a deprecation warning (DEP0111), silenced
 * for that call only; a Node that refuses (Node 24, the permission model)
 * gets `node:v8`.
 */
function v8FlagSetter() {
  if (v8Major === 11 || v8Major === 12) {
    const silenced = process.noDeprecation;
    process.noDeprecation = true;
    try {
      const binding = process.binding('v8');
      if (typeof binding.setFlagsFromString === 'function') return (flags) => binding.setFlagsFromString(flags);
    } catch {
      // Not offered: node:v8 below.
    } finally {
      process.noDeprecation = silenced;
    }
  }
  return require('node:v8').setFlagsFromString;
}

/** OPINION_CACHE_DIR, else $XDG_CACHE_HOME/opinion, else ~/.cache/opinion; none when there is no home. */
function userCacheDir() {
  const env = process.env;
  if (env.OPINION_CACHE_DIR === '') return undefined;
  if (env.OPINION_CACHE_DIR) return env.OPINION_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'opinion');
  // What os.homedir() gives: $HOME when set (libuv reads it first on POSIX), without loading node:os for it (some ms on Node 24).
  const home = process.platform !== 'win32' && env.HOME ? env.HOME : require('node:os').homedir();
  return home ? join(home, '.cache', 'opinion') : undefined;
}
