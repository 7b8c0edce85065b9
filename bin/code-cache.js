// The V8 code cache of a bundled CommonJS script, for the launcher
// (bin/opinion.js: the command's script) and for the worker threads of a run
// over many opinions (bin/worker.js: dist/worker.cjs). One file per script
// content, cache name and Node version, in the user's cache folder (never in
// the install folder); rewritten when V8 rejects it, written atomically (safe
// when several runs or threads race), skipped when nothing is writable.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { isAscii } = require('node:buffer');
const vm = require('node:vm');

/** A bundled script's text. The scripts are ASCII (src/scripts/ascii-regexps.mjs): read as Latin-1, a plain copy, instead of decoding UTF-8. */
function readScript(filename) {
  const bytes = readFileSync(filename);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** Where the cache of script `name` with content `hash` is kept in `cacheDir`, on this Node. */
function cacheFileOf(cacheDir, name, hash) {
  return cacheDir && hash ? join(cacheDir, `${name}-${hash}-${process.version}-${process.arch}.v8`) : undefined;
}

/**
 * `source` (a CommonJS script) compiled with the code cache in `cacheFile`
 * when there is one; `stale`: whether the cache is to be written after the
 * run (none yet, or V8 rejected it).
 */
function compileCached(source, filename, cacheFile) {
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(require('node:module').wrap(source), { filename, cachedData });
  return { script, stale: cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true) };
}

/** Run a compiled script as a CommonJS module; its exports. The bundles have no import(): esbuild turned it into require(). */
function runScript(script, filename) {
  const module_ = { exports: {} };
  script.runInThisContext()(module_.exports, require, module_, filename, dirname(filename));
  return module_.exports;
}

/** Write the cache of `compiled` (after the run: it then holds the functions the run compiled too) under the name of script `name`. */
function writeCodeCache(file, compiled, name) {
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const dir = join(file, '..');
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, compiled.createCachedData());
    renameSync(temporary, file);
    // The caches of this script's earlier builds (other content hashes) on this Node are stale now,
    // and so is a temporary file of this script's cache whose writer was killed before renaming it.
    const stale = new RegExp(`^${name}-[0-9a-f]+-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`);
    const orphan = new RegExp(`^${name}-[0-9a-f]+-[^-]+-[^-]+\\.v8\\.(\\d+)-[0-9a-z]*\\.tmp$`);
    for (const other of readdirSync(dir)) {
      const pid = orphan.exec(other)?.[1];
      if ((stale.test(other) && join(dir, other) !== file) || (pid !== undefined && processGone(Number(pid)))) {
        try {
          unlinkSync(join(dir, other));
        } catch {
          // Removed by another run at the same time: the next one.
        }
      }
    }
  } catch {
    // A cache that cannot be written only costs speed.
    try {
      unlinkSync(temporary);
    } catch {}
  }
}

/** Whether process `pid` of this machine has ended (a live one we may not signal is not): src/core/process-gone.ts, which this plain script cannot import; keep the two alike. */
function processGone(pid) {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

module.exports = { cacheFileOf, compileCached, readScript, runScript, writeCodeCache };
