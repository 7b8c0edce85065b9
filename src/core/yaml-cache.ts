/**
 * The data of plain YAML sources that an earlier run of the bin read, kept
 * in the user's cache folder beside the V8 code cache (bin/opinion.js): a
 * one-shot command spends a tenth of its time reading an opinion's 50 kB of
 * YAML with js-yaml, cold in V8's interpreter, where JSON.parse of the same
 * data takes a fraction of a millisecond.
 *
 * An entry holds the source's path, its whole text, the build of the program
 * that read it and the data. It is used only for that exact text read by that
 * exact build (any edit, or another build, reads the YAML again), so it gives
 * what parsing gives. Only data that JSON gives back exactly is kept (no
 * `.nan`, `.inf` nor `-0`). Entries are written atomically (several runs may
 * race), and a folder that cannot be written only costs speed. Only the bin
 * turns it on (the library and worker threads never read or write it).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processGone } from './process-gone.js';

/** Set by bin/opinion.js: `{ dir, build }`, the folder and the content hash of the program (dist/commands/manifest.json's `all`). */
export const YAML_CACHE_SETTING = Symbol.for('opinion.yaml-cache');

/** Entries a process writes at most (a run over a corpus does not fill the folder). */
const WRITES_PER_PROCESS = 64;
/** Entries kept in the folder: past this, the least recently written go. */
const MAX_ENTRIES = 512;

let writes = 0;
/** The folders pruned by this process (once each, at its first write there). */
const pruned = new Set<string>();

interface Setting {
  dir: string;
  build: string;
}

function setting(): Setting | undefined {
  const value = (globalThis as Record<symbol, unknown>)[YAML_CACHE_SETTING] as Partial<Setting> | undefined;
  return value && typeof value.dir === 'string' && typeof value.build === 'string' ? (value as Setting) : undefined;
}

/** The entry's file: a hash of the path (FNV-1a); the path itself is checked inside. */
function entryFile(dir: string, path: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return join(dir, `${(hash >>> 0).toString(16).padStart(8, '0')}.json`);
}

/** The data kept for exactly this text of the source at `path`, or undefined. */
export function cachedYamlData(path: string | undefined, text: string): { data: unknown } | undefined {
  const use = setting();
  if (!use || !path) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryFile(use.dir, path), 'utf8')) as { build?: unknown; path?: unknown; text?: unknown; data?: unknown };
    if (entry.build === use.build && entry.path === path && entry.text === text && 'data' in entry) return { data: entry.data };
  } catch {
    // No entry, or one being replaced, or not ours: read the YAML.
  }
  return undefined;
}

/** Keep the data that reading `text` (the source at `path`) gave, when JSON gives it back exactly. */
export function keepYamlData(path: string | undefined, text: string, data: unknown): void {
  const use = setting();
  if (!use || !path || writes >= WRITES_PER_PROCESS || !jsonExact(data)) return;
  writes++;
  const file = entryFile(use.dir, path);
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(use.dir, { recursive: true });
    writeFileSync(temporary, JSON.stringify({ build: use.build, path, text, data }));
    renameSync(temporary, file);
    if (!pruned.has(use.dir)) {
      pruned.add(use.dir);
      prune(use.dir);
    }
  } catch {
    try {
      unlinkSync(temporary);
    } catch {}
  }
}

/**
 * Past MAX_ENTRIES, remove the entries written longest ago; and the temporary
 * files of writers killed before renaming them. Another run may be pruning
 * too: a file already gone is skipped, not an end to the pruning.
 */
function prune(dir: string): void {
  const remove = (name: string) => {
    try {
      unlinkSync(join(dir, name));
    } catch {}
  };
  const all = readdirSync(dir);
  for (const name of all) {
    const pid = /\.json\.(\d+)-[0-9a-z]*\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && processGone(Number(pid))) remove(name);
  }
  const names = all.filter((name) => name.endsWith('.json'));
  if (names.length <= MAX_ENTRIES) return;
  const written = (name: string) => {
    try {
      return statSync(join(dir, name)).mtimeMs;
    } catch {
      return 0;
    }
  };
  const dated = names.map((name) => ({ name, time: written(name) })).sort((a, b) => a.time - b.time);
  for (const { name } of dated.slice(0, names.length - MAX_ENTRIES)) remove(name);
}

/** Whether JSON.stringify then JSON.parse gives back `value` exactly (what YAML's core schema reads: null, booleans, finite numbers, text, lists, mappings). */
export function jsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonExact(value[i])) return false;
    return true;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || !jsonExact((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}
