/**
 * Finding opinion folders under the paths a user gives: an opinion folder
 * itself, or a tree holding several (as CI runs it over `opinions/`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeFsError } from '../core/read-source.js';
import { YAML_KINDS } from '../core/model.js';

export interface FoundFolders {
  folders: string[];
  /** Paths that could not be used, with the reason (exit code 2). */
  problems: { path: string; reason: string }[];
}

const SKIP = new Set(['node_modules', '.git', 'build', 'dist']);
const MARKERS = new Set([...YAML_KINDS.map((k) => `${k}.yaml`), 'text']);

export async function findOpinionFolders(paths: readonly string[]): Promise<FoundFolders> {
  const found: FoundFolders = { folders: [], problems: [] };
  for (const path of paths) {
    let info;
    try {
      // Synchronous, as the walk below.
      info = statSync(path);
    } catch (error) {
      found.problems.push({ path, reason: `cannot read \`${path}\`: ${describeFsError(error)}` });
      continue;
    }
    if (!info.isDirectory()) {
      found.problems.push({ path, reason: `\`${path}\` is a file, expected an opinion folder (the folder holding \`opinion.yaml\`)` });
      continue;
    }
    const before = found.folders.length;
    await walk(path, found, 0);
    if (found.folders.length === before) {
      found.problems.push({ path, reason: `no opinion found in \`${path}\`, expected a folder holding \`opinion.yaml\`` });
    }
  }
  found.folders = [...new Set(found.folders)];
  return found;
}

async function walk(dir: string, found: FoundFolders, depth: number): Promise<void> {
  let entries;
  try {
    // Synchronous: a tree of a thousand opinions is a thousand small reads, far cheaper than as many trips through the thread pool.
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    found.problems.push({ path: dir, reason: `cannot read \`${dir}\`: ${describeFsError(error)}` });
    return;
  }
  if (entries.some((e) => MARKERS.has(e.name) && (e.name !== 'text' || e.isDirectory()))) {
    found.folders.push(dir);
    return;
  }
  if (depth >= 8) return;
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP.has(entry.name)) {
      await walk(join(dir, entry.name), found, depth + 1);
    }
  }
}
